import { m } from './define.js';

/**
 * `verify`: why a file cannot be verified at all. The report on a document, which speaks of
 * the verify engine's own findings, is written by src/verify/messages.ts.
 */
export const verify = {
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
  noProvenance: m({
    en: (build: string) => `the document has no clausula provenance (it was not built by ${build}, or its custom properties were removed)`,
    es: (build) => `el documento no tiene la procedencia de clausula (no se generó con ${build}, o se le quitaron las propiedades personalizadas)`,
    ca: (build) => `el document no té la procedència de clausula (no es va generar amb ${build}, o se li van treure les propietats personalitzades)`,
  }),
  otherFormat: m({
    en: (format: string) => `its provenance is in format ${format}, which this clausula does not read`,
    es: (format) => `su procedencia está en el formato ${format}, que esta versión de clausula no lee`,
    ca: (format) => `la seva procedència és en el format ${format}, que aquesta versió de clausula no llegeix`,
  }),
  verifyWithRelease: m({
    en: 'verify it with the clausula release that built it, or build the document again',
    es: 'verifíquelo con la versión de clausula que lo generó, o vuelva a generar el documento',
    ca: 'verifiqueu-lo amb la versió de clausula que el va generar, o torneu a generar el document',
  }),
  giveAnswersFile: m({
    en: "give the officer's answers file the document was built from",
    es: 'indique el archivo de respuestas a partir del cual se generó el documento',
    ca: "indiqueu el fitxer de respostes a partir del qual es va generar el document",
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
