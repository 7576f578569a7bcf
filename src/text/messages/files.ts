import { m } from './define.js';

/** Writing files: what the one writer (src/write/) says when it will not or cannot write. */
export const files = {
  // A refusal reads "cannot write NAME: WHY"; the fixes take `via` (" with -o", or "" when
  // the file is the command's argument) so they name the way this command chooses a file.
  cannotWrite: m({
    en: (name: string, why: string) => `cannot write ${name}: ${why}`,
    es: (name, why) => `no se puede escribir ${name}: ${why}`,
    ca: (name, why) => `no es pot escriure ${name}: ${why}`,
  }),
  via: m({ en: (option: string) => ` with ${option}`, es: (option) => ` con ${option}`, ca: (option) => ` amb ${option}` }),
  endsWithSlash: m({ en: 'the name ends with a slash, so it names a folder', es: 'el nombre acaba en barra, así que nombra una carpeta', ca: 'el nom acaba amb una barra, així que anomena una carpeta' }),
  folderMissing: m({
    en: (folder: string) => `the folder ${folder} does not exist`,
    es: (folder) => `la carpeta ${folder} no existe`,
    ca: (folder) => `la carpeta ${folder} no existeix`,
  }),
  createFolder: m({
    en: (via: string) => `create the folder first, or choose another path${via}`,
    es: (via) => `cree antes la carpeta, o elija otra ruta${via}`,
    ca: (via) => `creeu abans la carpeta, o trieu una altra ruta${via}`,
  }),
  createFolderOnly: m({ en: 'create the folder first', es: 'cree antes la carpeta', ca: 'creeu abans la carpeta' }),
  parentNotAFolder: m({
    en: (folder: string) => `${folder} is not a folder`,
    es: (folder) => `${folder} no es una carpeta`,
    ca: (folder) => `${folder} no és una carpeta`,
  }),
  pathInFolder: m({ en: (via: string) => `choose a path inside a folder${via ? `,${via}` : ''}`, es: (via) => `elija una ruta dentro de una carpeta${via ? `,${via}` : ''}`, ca: (via) => `trieu una ruta dins una carpeta${via ? `,${via}` : ''}` }),
  nameTooLong: m({
    en: (bytes: number, max: number) => `the file name is ${bytes} bytes long; file systems take at most ${max}`,
    es: (bytes, max) => `el nombre del archivo ocupa ${bytes} bytes; los sistemas de archivos admiten como máximo ${max}`,
    ca: (bytes, max) => `el nom del fitxer ocupa ${bytes} bytes; els sistemes de fitxers n'admeten com a màxim ${max}`,
  }),
  shorterName: m({ en: (via: string) => `choose a shorter name${via}`, es: (via) => `elija un nombre más corto${via}`, ca: (via) => `trieu un nom més curt${via}` }),
  folderLeadsOut: m({
    en: (folder: string, within: string, to: string) => `the folder ${folder} leads out of ${within} (to ${to}) through a symbolic link`,
    es: (folder, within, to) => `la carpeta ${folder} sale de ${within} (hacia ${to}) por un enlace simbólico`,
    ca: (folder, within, to) => `la carpeta ${folder} surt de ${within} (cap a ${to}) per un enllaç simbòlic`,
  }),
  replaceLinkByFolder: m({ en: 'replace the link by a real folder', es: 'sustituya el enlace por una carpeta real', ca: "substituïu l'enllaç per una carpeta real" }),
  danglingLink: m({
    en: (to: string) => `it is a symbolic link to ${to}, which does not exist`,
    es: (to) => `es un enlace simbólico a ${to}, que no existe`,
    ca: (to) => `és un enllaç simbòlic a ${to}, que no existeix`,
  }),
  reportThroughLink: m({
    en: (to: string) => `it is a symbolic link (to ${to}); a report is never written through a link`,
    es: (to) => `es un enlace simbólico (a ${to}); un informe nunca se escribe a través de un enlace`,
    ca: (to) => `és un enllaç simbòlic (a ${to}); un informe no s'escriu mai a través d'un enllaç`,
  }),
  linkLeadsOut: m({
    en: (to: string, within: string) => `it is a symbolic link to ${to}, outside ${within}; clausula never writes through a link out of it`,
    es: (to, within) => `es un enlace simbólico a ${to}, fuera de ${within}; clausula nunca escribe a través de un enlace que salga de ahí`,
    ca: (to, within) => `és un enllaç simbòlic a ${to}, fora de ${within}; clausula no escriu mai a través d'un enllaç que en surti`,
  }),
  replaceLinkByFile: m({ en: 'replace the link by the file itself', es: 'sustituya el enlace por el propio archivo', ca: "substituïu l'enllaç pel fitxer mateix" }),
  removeLink: m({ en: 'remove the link', es: 'elimine el enlace', ca: "elimineu l'enllaç" }),
  removeLinkOrRename: m({ en: (via: string) => `remove the link, or choose another name${via}`, es: (via) => `elimine el enlace, o elija otro nombre${via}`, ca: (via) => `elimineu l'enllaç, o trieu un altre nom${via}` }),
  isAFolder: m({ en: 'it is a folder', es: 'es una carpeta', ca: 'és una carpeta' }),
  giveFileName: m({
    en: (example: string) => (example ? `give a file name, such as ${example}` : 'give a file name'),
    es: (example) => (example ? `indique un nombre de archivo, como ${example}` : 'indique un nombre de archivo'),
    ca: (example) => (example ? `indiqueu un nom de fitxer, com ${example}` : 'indiqueu un nom de fitxer'),
  }),
  removeOrRenameFolder: m({ en: 'remove or rename the folder', es: 'elimine o cambie el nombre de la carpeta', ca: 'elimineu la carpeta o canvieu-ne el nom' }),
  notRegular: m({
    en: 'it is not a regular file (a device, a pipe or a socket); clausula only ever replaces regular files',
    es: 'no es un archivo normal (es un dispositivo, una tubería o un socket); clausula solo sustituye archivos normales',
    ca: 'no és un fitxer normal (és un dispositiu, una canonada o un sòcol); clausula només substitueix fitxers normals',
  }),
  chooseName: m({ en: (via: string) => `choose another name${via}`, es: (via) => `elija otro nombre${via}`, ca: (via) => `trieu un altre nom${via}` }),
  isProtected: m({
    en: (what: string) => `it is ${what}, which this command reads and never replaces`,
    es: (what) => `es ${what}, que esta orden lee y nunca sustituye`,
    ca: (what) => `és ${what}, que aquesta ordre llegeix i no substitueix mai`,
  }),
  protectedRole: m({
    en: { answers: 'the answers file the document is built from', library: 'a file of the clause library', reference: 'the reference document whose styles it takes' },
    es: { answers: 'el archivo de respuestas del que se genera el documento', library: 'un archivo de la biblioteca de cláusulas', reference: 'el documento de referencia del que toma los estilos' },
    ca: { answers: "el fitxer de respostes a partir del qual es genera el document", library: 'un fitxer de la biblioteca de clàusules', reference: "el document de referència del qual pren els estils" },
  }),
  reportNotYaml: m({
    en: 'it is a YAML file (a library file or an answers file), which a report never replaces',
    es: 'es un archivo YAML (de la biblioteca o de respuestas), que un informe nunca sustituye',
    ca: 'és un fitxer YAML (de la biblioteca o de respostes), que un informe no substitueix mai',
  }),
  exists: m({
    en: (name: string) => `${name} already exists; clausula does not overwrite it without --force`,
    es: (name) => `${name} ya existe; clausula no lo sobrescribe sin --force`,
    ca: (name) => `${name} ja existeix; clausula no el sobreescriu sense --force`,
  }),
  existSeveral: m({
    en: (names: string) => `${names} already exist; clausula does not overwrite them without --force, and wrote none of the documents`,
    es: (names) => `${names} ya existen; clausula no los sobrescribe sin --force, y no ha escrito ninguno de los documentos`,
    ca: (names) => `${names} ja existeixen; clausula no els sobreescriu sense --force, i no ha escrit cap dels documents`,
  }),
  forceOrRename: m({
    en: (via: string) => `add --force to replace it, or choose another name${via}`,
    es: (via) => `añada --force para sustituirlo, o elija otro nombre${via}`,
    ca: (via) => `afegiu --force per substituir-lo, o trieu un altre nom${via}`,
  }),
  forceOrRenameSeveral: m({
    en: 'add --force to replace them, or choose another name with -o',
    es: 'añada --force para sustituirlos, o elija otro nombre con -o',
    ca: 'afegiu --force per substituir-los, o trieu un altre nom amb -o',
  }),
  notWritten: m({
    en: (name: string) => `interrupted: ${name} was not written`,
    es: (name) => `interrumpido: no se ha escrito ${name}`,
    ca: (name) => `interromput: no s'ha escrit ${name}`,
  }),
  permissionDenied: m({ en: 'permission denied', es: 'permiso denegado', ca: 'permís denegat' }),
  readOnly: m({ en: 'the file system is read-only', es: 'el sistema de archivos es de solo lectura', ca: 'el sistema de fitxers és només de lectura' }),
  diskFull: m({ en: 'the disk is full', es: 'el disco está lleno', ca: 'el disc és ple' }),
  folderGone: m({ en: 'the folder does not exist', es: 'la carpeta no existe', ca: 'la carpeta no existeix' }),
  noFileHere: m({
    en: (folder: string) => `no file can be created in ${folder}`,
    es: (folder) => `no se puede crear ningún archivo en ${folder}`,
    ca: (folder) => `no es pot crear cap fitxer a ${folder}`,
  }),
  chooseWritable: m({
    en: (via: string) => `choose a folder you can write to${via ? `,${via}` : ''}`,
    es: (via) => `elija una carpeta en la que pueda escribir${via ? `,${via}` : ''}`,
    ca: (via) => `trieu una carpeta on pugueu escriure${via ? `,${via}` : ''}`,
  }),
  makeWritable: m({ en: 'make the folder writable', es: 'dé permiso de escritura en la carpeta', ca: "doneu permís d'escriptura a la carpeta" }),
  freeSpace: m({ en: (via: string) => `free some space, or choose another disk${via}`, es: (via) => `libere espacio, o elija otro disco${via}`, ca: (via) => `allibereu espai, o trieu un altre disc${via}` }),
  freeSpaceOnly: m({ en: 'free some space', es: 'libere espacio', ca: 'allibereu espai' }),
  chooseElsewhere: m({ en: (via: string) => `choose another place${via}`, es: (via) => `elija otro lugar${via}`, ca: (via) => `trieu un altre lloc${via}` }),
  checkFolder: m({ en: 'check the folder, then run the command again', es: 'revise la carpeta y vuelva a ejecutar la orden', ca: "reviseu la carpeta i torneu a executar l'ordre" }),
  quotaUsed: m({ en: 'the disk quota is used up', es: 'se ha agotado la cuota de disco', ca: "s'ha exhaurit la quota de disc" }),
  pathTooLong: m({ en: 'the path is too long for the file system', es: 'la ruta es demasiado larga para el sistema de archivos', ca: 'el camí és massa llarg per al sistema de fitxers' }),
};
