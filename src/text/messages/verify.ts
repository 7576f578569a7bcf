import { m } from './define.js';

/** `verify`: the report on a built document. */
export const verify = {
  builtFrom: m({
    en: (release: string, template: string, language: string, date: string) => `built from ${release} (template ${template}, ${language}, ${date})`,
    es: (release, template, language, date) => `generado a partir de ${release} (plantilla ${template}, ${language}, ${date})`,
    ca: (release, template, language, date) => `generat a partir de ${release} (plantilla ${template}, ${language}, ${date})`,
  }),
  library: m({
    en: (release: string, lock: boolean) => `library: ${release}${lock ? ', with clauses.lock.yaml' : ', no clauses.lock.yaml'}`,
    es: (release, lock) => `biblioteca: ${release}${lock ? ', con clauses.lock.yaml' : ', sin clauses.lock.yaml'}`,
    ca: (release, lock) => `biblioteca: ${release}${lock ? ', amb clauses.lock.yaml' : ', sense clauses.lock.yaml'}`,
  }),
  verdicts: m({
    en: { ok: 'ok', edited: 'edited', mismatch: 'mismatch' },
    es: { ok: 'correcta', edited: 'editada', mismatch: 'no coincide' },
    ca: { ok: 'correcta', edited: 'editada', mismatch: 'no coincideix' },
  }),
  clauses: m({
    en: (n: number, bad: number) => `${n} clauses: ${n - bad} as in the library${bad ? `, ${bad} not` : ''}`,
    es: (n, bad) => `${n} cláusulas: ${n - bad} como en la biblioteca${bad ? `, ${bad} no` : ''}`,
    ca: (n, bad) => `${n} clàusules: ${n - bad} com a la biblioteca${bad ? `, ${bad} no` : ''}`,
  }),
  edited: m({ en: (ids: string) => `Edited clauses: ${ids}`, es: (ids) => `Cláusulas editadas: ${ids}`, ca: (ids) => `Clàusules editades: ${ids}` }),
  verified: m({
    en: 'Verified: the document matches the library.',
    es: 'Verificado: el documento coincide con la biblioteca.',
    ca: 'Verificat: el document coincideix amb la biblioteca.',
  }),
  notVerified: m({
    en: 'Not verified: the document does not match the library.',
    es: 'No verificado: el documento no coincide con la biblioteca.',
    ca: 'No verificat: el document no coincideix amb la biblioteca.',
  }),
  noSuchFile: m({ en: (file: string) => `${file}: no such file`, es: (file) => `${file}: no existe ese archivo`, ca: (file) => `${file}: no existeix aquest fitxer` }),
  isAFolder: m({
    en: (file: string) => `${file} is a folder, not a document`,
    es: (file) => `${file} es una carpeta, no un documento`,
    ca: (file) => `${file} és una carpeta, no un document`,
  }),
  notRegular: m({
    en: (file: string) => `${file} is not a regular file (a device, a pipe or a socket)`,
    es: (file) => `${file} no es un archivo normal (es un dispositivo, una tubería o un socket)`,
    ca: (file) => `${file} no és un fitxer normal (és un dispositiu, una canonada o un sòcol)`,
  }),
  giveBuilt: m({
    en: (build: string) => `give the path of a .docx built by ${build}`,
    es: (build) => `indique la ruta de un .docx generado por ${build}`,
    ca: (build) => `indiqueu la ruta d'un .docx generat per ${build}`,
  }),
  cannotVerify: m({
    en: (file: string, problems: string) => `cannot verify ${file}: ${problems}`,
    es: (file, problems) => `no se puede verificar ${file}: ${problems}`,
    ca: (file, problems) => `no es pot verificar ${file}: ${problems}`,
  }),
  carriesProvenance: m({
    en: (build: string) => `verify checks .docx files built by ${build}, which carry their provenance in their custom properties`,
    es: (build) => `verify comprueba archivos .docx generados por ${build}, que llevan su procedencia en sus propiedades personalizadas`,
    ca: (build) => `verify comprova fitxers .docx generats per ${build}, que porten la seva procedència a les propietats personalitzades`,
  }),
  isGuideline: m({
    en: (file: string) => `${file} is a guideline, not a tender document`,
    es: (file) => `${file} es una guía, no un documento de licitación`,
    ca: (file) => `${file} és una guia, no un document de licitació`,
  }),
  checksBuilt: m({
    en: (build: string) => `verify checks documents built by ${build}`,
    es: (build) => `verify comprueba documentos generados por ${build}`,
    ca: (build) => `verify comprova documents generats per ${build}`,
  }),
  libraryFrom: m({
    en: 'give the library the document was built from with --library',
    es: 'indique con --library la biblioteca a partir de la cual se generó el documento',
    ca: 'indiqueu amb --library la biblioteca a partir de la qual es va generar el document',
  }),
};
