import { m } from './define.js';

/** `build`: the documents it writes, and what it says about them. */
export const build = {
  wrote: m({
    en: (file: string, document: string, clauses: number, parts: number) => `Wrote ${file}: ${document}, ${clauses} ${clauses === 1 ? 'clause' : 'clauses'} in ${parts} ${parts === 1 ? 'part' : 'parts'}`,
    es: (file, document, clauses, parts) => `Se ha escrito ${file}: ${document}, ${clauses} ${clauses === 1 ? 'cláusula' : 'cláusulas'} en ${parts} ${parts === 1 ? 'parte' : 'partes'}`,
    ca: (file, document, clauses, parts) => `S'ha escrit ${file}: ${document}, ${clauses} ${clauses === 1 ? 'clàusula' : 'clàusules'} en ${parts} ${parts === 1 ? 'part' : 'parts'}`,
  }),
  wroteStdout: m({
    en: (document: string, clauses: number, parts: number) => `Wrote ${document} to standard output: ${clauses} ${clauses === 1 ? 'clause' : 'clauses'} in ${parts} ${parts === 1 ? 'part' : 'parts'}`,
    es: (document, clauses, parts) => `Se han escrito ${document} en la salida estándar: ${clauses} ${clauses === 1 ? 'cláusula' : 'cláusulas'} en ${parts} ${parts === 1 ? 'parte' : 'partes'}`,
    ca: (document, clauses, parts) => `S'han escrit ${document} a la sortida estàndard: ${clauses} ${clauses === 1 ? 'clàusula' : 'clàusules'} en ${parts} ${parts === 1 ? 'part' : 'parts'}`,
  }),
  from: m({
    en: (release: string, language: string) => `${release}, ${language}`,
    es: (release, language) => `${release}, ${language}`,
    ca: (release, language) => `${release}, ${language}`,
  }),
  allClauses: m({
    en: (clauses: number, documents: number) => `Every one of the ${clauses} clauses that apply is in ${documents === 1 ? 'the document' : `one of the ${documents} documents`}.`,
    es: (clauses, documents) => `Las ${clauses} cláusulas aplicables están todas en ${documents === 1 ? 'el documento' : `alguno de los ${documents} documentos`}.`,
    ca: (clauses, documents) => `Les ${clauses} clàusules aplicables són totes en ${documents === 1 ? 'el document' : `algun dels ${documents} documents`}.`,
  }),
  blanks: m({
    en: (n: number, blank: string, list: string) => `${n} ${n === 1 ? 'placeholder has' : 'placeholders have'} no answer and ${n === 1 ? 'shows' : 'show'} ${blank} for you to fill in: ${list}`,
    es: (n, blank, list) => `${n === 1 ? 'un marcador no tiene' : `${n} marcadores no tienen`} respuesta y ${n === 1 ? 'muestra' : 'muestran'} ${blank} para que lo complete: ${list}`,
    ca: (n, blank, list) => `${n === 1 ? 'un marcador no té' : `${n} marcadors no tenen`} resposta i ${n === 1 ? 'mostra' : 'mostren'} ${blank} perquè l'ompliu: ${list}`,
  }),
  inOtherDocument: m({
    en: (n: number, document: string, command: string) => `${n} more ${n === 1 ? 'clause applies' : 'clauses apply'} to this tender in ${document}, which was not built; build it with: ${command}`,
    es: (n, document, command) => `${n === 1 ? 'otra cláusula se aplica' : `otras ${n} cláusulas se aplican`} a esta licitación en ${document}, que no se ha generado; genérelo con: ${command}`,
    ca: (n, document, command) => `${n === 1 ? "una altra clàusula s'aplica" : `${n} clàusules més s'apliquen`} a aquesta licitació a ${document}, que no s'ha generat; genereu-lo amb: ${command}`,
  }),
  inNoDocument: m({
    en: (ids: string, n: number) => `${ids} ${n === 1 ? 'applies' : 'apply'} to this tender, but no document of the library has a place for ${n === 1 ? 'it' : 'them'}; no document is written, since the tender would lack ${n === 1 ? 'it' : 'them'}`,
    es: (ids, n) => `${ids} se ${n === 1 ? 'aplica' : 'aplican'} a esta licitación, pero ningún documento de la biblioteca ${n === 1 ? 'la recoge' : 'las recoge'}; no se escribe ningún documento, porque a la licitación le ${n === 1 ? 'faltaría' : 'faltarían'}`,
    ca: (ids, n) => `${ids} s'${n === 1 ? 'aplica' : 'apliquen'} a aquesta licitació, però cap document de la biblioteca no ${n === 1 ? 'la recull' : 'les recull'}; no s'escriu cap document, perquè a la licitació li ${n === 1 ? 'faltaria' : 'faltarien'}`,
  }),
  inNoDocumentFix: m({
    en: (lint: string) => `the library's maintainers must give their category a place in a template under templates/ (${lint} reports it); --template still builds one document`,
    es: (lint) => `quien mantiene la biblioteca debe dar cabida a su categoría en una plantilla de templates/ (${lint} lo indica); con --template se puede generar igualmente un documento`,
    ca: (lint) => `qui manté la biblioteca ha de donar cabuda a la seva categoria en una plantilla de templates/ (${lint} ho indica); amb --template es pot generar igualment un document`,
  }),
  nothingApplies: m({
    en: 'no clause of the library applies to these answers, so there is no document to write',
    es: 'ninguna cláusula de la biblioteca se aplica a estas respuestas, así que no hay ningún documento que escribir',
    ca: 'cap clàusula de la biblioteca no s’aplica a aquestes respostes, així que no hi ha cap document per escriure',
  }),
  seeExplain: m({
    en: (explain: string) => `see why each clause is out with: ${explain}`,
    es: (explain) => `vea por qué queda fuera cada cláusula con: ${explain}`,
    ca: (explain) => `vegeu per què queda fora cada clàusula amb: ${explain}`,
  }),
  noDocumentWithClauses: m({
    en: (document: string) => `no clause that applies to this tender goes in ${document}; it is not written`,
    es: (document) => `ninguna cláusula aplicable a esta licitación va en ${document}; no se escribe`,
    ca: (document) => `cap clàusula aplicable a aquesta licitació no va a ${document}; no s'escriu`,
  }),
  stdoutOneDocument: m({
    en: (n: number, documents: string) => `standard output (-o -) takes one document, and this tender needs ${n}: ${documents}`,
    es: (n, documents) => `la salida estándar (-o -) admite un solo documento, y esta licitación necesita ${n}: ${documents}`,
    ca: (n, documents) => `la sortida estàndard (-o -) admet un sol document, i aquesta licitació en necessita ${n}: ${documents}`,
  }),
  chooseTemplateOrFolder: m({
    en: (names: string) => `choose one with --template (${names}), or write them into a folder with -o FOLDER/`,
    es: (names) => `elija uno con --template (${names}), o escríbalos en una carpeta con -o CARPETA/`,
    ca: (names) => `trieu-ne un amb --template (${names}), o escriviu-los en una carpeta amb -o CARPETA/`,
  }),
  sameName: m({
    en: (file: string, documents: string) => `${documents} would all be written to ${file}`,
    es: (file, documents) => `${documents} se escribirían todos en ${file}`,
    ca: (file, documents) => `${documents} s'escriurien tots a ${file}`,
  }),
  giveDifferentNames: m({
    en: "give the templates different names (name: in templates/*.yaml), or build them one at a time with --template",
    es: 'dé nombres distintos a las plantillas (name: en templates/*.yaml), o genérelas de una en una con --template',
    ca: 'doneu noms diferents a les plantilles (name: a templates/*.yaml), o genereu-les d’una en una amb --template',
  }),
  drafts: m({
    en: 'draft clauses were allowed in (--include-drafts): the documents say they are not for tender use',
    es: 'se han admitido cláusulas en borrador (--include-drafts): los documentos indican que no sirven para licitar',
    ca: "s'han admès clàusules en esborrany (--include-drafts): els documents indiquen que no serveixen per licitar",
  }),
  requiresStatus: m({
    en: (id: string, target: string, status: string) => `${id} requires ${target}, which is ${status}; it is left out`,
    es: (id, target, status) => `${id} exige ${target}, que es ${status}; queda fuera`,
    ca: (id, target, status) => `${id} exigeix ${target}, que és ${status}; queda fora`,
  }),
  requiresExcluded: m({
    en: (id: string, target: string) => `${id} requires ${target}, but it is excluded; it is left out`,
    es: (id, target) => `${id} exige ${target}, pero esta queda excluida; queda fuera`,
    ca: (id, target) => `${id} exigeix ${target}, però aquesta queda exclosa; queda fora`,
  }),
  noTemplates: m({
    en: 'the library has no templates',
    es: 'la biblioteca no tiene plantillas',
    ca: 'la biblioteca no té plantilles',
  }),
  addTemplate: m({
    en: 'add a document template under templates/ (see docs/library-format.md)',
    es: 'añada una plantilla de documento en templates/ (vea docs/library-format.md)',
    ca: 'afegiu una plantilla de document a templates/ (vegeu docs/library-format.md)',
  }),
  unknownTemplate: m({
    en: (name: string) => `there is no template "${name}" in this library`,
    es: (name) => `esta biblioteca no tiene ninguna plantilla "${name}"`,
    ca: (name) => `aquesta biblioteca no té cap plantilla "${name}"`,
  }),
  namedBy: m({ en: (file: string) => ` (named by ${file})`, es: (file) => ` (indicada en ${file})`, ca: (file) => ` (indicada a ${file})` }),
  templatesAre: m({ en: (list: string) => `the templates are: ${list}`, es: (list) => `las plantillas son: ${list}`, ca: (list) => `les plantilles són: ${list}` }),
  binaryToTerminal: m({
    en: 'a Word document or a PDF is binary and is not written to a terminal',
    es: 'un documento de Word o un PDF es binario y no se escribe en un terminal',
    ca: 'un document de Word o un PDF és binari i no s’escriu en un terminal',
  }),
  giveFileOrRedirect: m({
    en: 'give a file name with -o, or redirect the output to a file',
    es: 'indique un nombre de archivo con -o, o redirija la salida a un archivo',
    ca: 'indiqueu un nom de fitxer amb -o, o redirigiu la sortida a un fitxer',
  }),
};
