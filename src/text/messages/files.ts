import { m } from './define.js';

/** Writing files: what the one writer (src/write/) says when it will not or cannot write. */
export const files = {
  folderMissing: m({
    en: (name: string, folder: string) => `cannot write ${name}: the folder ${folder} does not exist`,
    es: (name, folder) => `no se puede escribir ${name}: la carpeta ${folder} no existe`,
    ca: (name, folder) => `no es pot escriure ${name}: la carpeta ${folder} no existeix`,
  }),
  createFolder: m({
    en: 'create the folder first, or choose another path with -o',
    es: 'cree antes la carpeta, o elija otra ruta con -o',
    ca: 'creeu abans la carpeta, o trieu una altra ruta amb -o',
  }),
  parentNotAFolder: m({
    en: (name: string, folder: string) => `cannot write ${name}: ${folder} is not a folder`,
    es: (name, folder) => `no se puede escribir ${name}: ${folder} no es una carpeta`,
    ca: (name, folder) => `no es pot escriure ${name}: ${folder} no és una carpeta`,
  }),
  pathInFolder: m({ en: 'choose a path inside a folder, with -o', es: 'elija una ruta dentro de una carpeta, con -o', ca: 'trieu una ruta dins una carpeta, amb -o' }),
  danglingLink: m({
    en: (name: string, to: string) => `cannot write ${name}: it is a symbolic link to ${to}, which does not exist`,
    es: (name, to) => `no se puede escribir ${name}: es un enlace simbólico a ${to}, que no existe`,
    ca: (name, to) => `no es pot escriure ${name}: és un enllaç simbòlic a ${to}, que no existeix`,
  }),
  removeLink: m({ en: 'remove the link, or choose another name with -o', es: 'elimine el enlace, o elija otro nombre con -o', ca: "elimineu l'enllaç, o trieu un altre nom amb -o" }),
  isAFolder: m({
    en: (name: string) => `cannot write ${name}: it is a folder`,
    es: (name) => `no se puede escribir ${name}: es una carpeta`,
    ca: (name) => `no es pot escriure ${name}: és una carpeta`,
  }),
  giveFileName: m({ en: 'give a file name, such as -o clauses.docx', es: 'indique un nombre de archivo, como -o clausulas.docx', ca: 'indiqueu un nom de fitxer, com -o clausules.docx' }),
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
    en: 'add --force to replace it, or choose another name with -o',
    es: 'añada --force para sustituirlo, o elija otro nombre con -o',
    ca: 'afegiu --force per substituir-lo, o trieu un altre nom amb -o',
  }),
  forceOrRenameSeveral: m({
    en: 'add --force to replace them, or choose another name with -o',
    es: 'añada --force para sustituirlos, o elija otro nombre con -o',
    ca: 'afegiu --force per substituir-los, o trieu un altre nom amb -o',
  }),
  cannotWrite: m({
    en: (name: string, why: string) => `cannot write ${name}: ${why}`,
    es: (name, why) => `no se puede escribir ${name}: ${why}`,
    ca: (name, why) => `no es pot escriure ${name}: ${why}`,
  }),
  notWritten: m({
    en: (name: string) => `interrupted: ${name} was not written`,
    es: (name) => `interrumpido: no se ha escrito ${name}`,
    ca: (name) => `interromput: no s'ha escrit ${name}`,
  }),
  itIsAFolder: m({ en: 'it is a folder', es: 'es una carpeta', ca: 'és una carpeta' }),
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
    en: 'choose a folder you can write to, with -o',
    es: 'elija una carpeta en la que pueda escribir, con -o',
    ca: 'trieu una carpeta on pugueu escriure, amb -o',
  }),
  freeSpace: m({ en: 'free some space, or choose another disk with -o', es: 'libere espacio, o elija otro disco con -o', ca: 'allibereu espai, o trieu un altre disc amb -o' }),
  chooseElsewhere: m({ en: 'choose another place with -o', es: 'elija otro lugar con -o', ca: 'trieu un altre lloc amb -o' }),
};
