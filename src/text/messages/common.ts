import { m } from './define.js';

/** The frame of every message: error, warning, how to fix, and words several commands share. */
export const common = {
  error: m({ en: 'error', es: 'error', ca: 'error' }),
  warning: m({ en: 'warning', es: 'aviso', ca: 'avís' }),
  note: m({ en: 'note', es: 'nota', ca: 'nota' }),
  info: m({ en: 'info', es: 'información', ca: 'informació' }),
  howToFix: m({ en: 'How to fix:', es: 'Cómo resolverlo:', ca: 'Com resoldre-ho:' }),
  unexpected: m({ en: 'unexpected error', es: 'error inesperado', ca: 'error inesperat' }),
  bug: m({
    en: 'This is a bug in clausula. Run the command again with --debug to see the details, and report them.',
    es: 'Es un error de clausula. Vuelva a ejecutar la orden con --debug para ver los detalles, y comuníquelos.',
    ca: "És un error de clausula. Torneu a executar l'ordre amb --debug per veure'n els detalls, i comuniqueu-los.",
  }),
  interruptedBySignal: m({
    en: (signal: string) => `interrupted (${signal}); stopped without leaving a partial file`,
    es: (signal) => `interrumpido (${signal}); se ha detenido sin dejar ningún archivo a medias`,
    ca: (signal) => `interromput (${signal}); s'ha aturat sense deixar cap fitxer a mitges`,
  }),
  didYouMean: m({ en: (name: string) => `did you mean ${name}?`, es: (name) => `¿quería decir ${name}?`, ca: (name) => `volíeu dir ${name}?` }),
  and: m({ en: 'and', es: 'y', ca: 'i' }),
  andMore: m({ en: (n: number) => `and ${n} more`, es: (n) => `y ${n} más`, ca: (n) => `i ${n} més` }),
  noLanguage: m({
    en: (language: string) => `the library has no ${language} texts`,
    es: (language) => `la biblioteca no tiene textos en ${language}`,
    ca: (language) => `la biblioteca no té textos en ${language}`,
  }),
  chooseOneOf: m({
    en: (list: string) => `choose one of: ${list}`,
    es: (list) => `elija uno de estos: ${list}`,
    ca: (list) => `trieu-ne un d'aquests: ${list}`,
  }),
  unreadableFiles: m({
    en: (n: number, files: string, lint: string) => `${n} library ${n === 1 ? 'file' : 'files'} could not be read and ${n === 1 ? 'is' : 'are'} left out (${files}); run ${lint} to see why`,
    es: (n, files, lint) => `${n === 1 ? 'no se ha podido leer un archivo' : `no se han podido leer ${n} archivos`} de la biblioteca, que ${n === 1 ? 'queda fuera' : 'quedan fuera'} (${files}); ejecute ${lint} para ver por qué`,
    ca: (n, files, lint) => `${n === 1 ? "no s'ha pogut llegir un fitxer" : `no s'han pogut llegir ${n} fitxers`} de la biblioteca, que ${n === 1 ? 'queda fora' : 'queden fora'} (${files}); executeu ${lint} per veure per què`,
  }),
  notALibrary: m({
    en: (dir: string) => `${dir} is not a clause library: clauses/library.yaml is missing or unreadable`,
    es: (dir) => `${dir} no es una biblioteca de cláusulas: falta clauses/library.yaml o no se puede leer`,
    ca: (dir) => `${dir} no és una biblioteca de clàusules: falta clauses/library.yaml o no es pot llegir`,
  }),
  giveLibrary: m({
    en: (init: string) => `give the library folder with --library, or create one with ${init}`,
    es: (init) => `indique la carpeta de la biblioteca con --library, o cree una con ${init}`,
    ca: (init) => `indiqueu la carpeta de la biblioteca amb --library, o creeu-ne una amb ${init}`,
  }),
  libraryHasErrors: m({
    en: (n: number) => `the clause library has ${n === 1 ? 'an error' : `${n} errors`}; no document is built from it`,
    es: (n) => `la biblioteca de cláusulas tiene ${n === 1 ? 'un error' : `${n} errores`}; no se genera ningún documento con ella`,
    ca: (n) => `la biblioteca de clàusules té ${n === 1 ? 'un error' : `${n} errors`}; no se'n genera cap document`,
  }),
  fixLibrary: m({
    en: (lint: string) => `fix them (${lint} shows every problem), then build again`,
    es: (lint) => `corríjalos (${lint} muestra todos los problemas) y vuelva a generar`,
    ca: (lint) => `corregiu-los (${lint} mostra tots els problemes) i torneu a generar`,
  }),
  passageOf: m({ en: (n: number, id: string) => `passage ${n} of ${id}`, es: (n, id) => `el fragmento ${n} de ${id}`, ca: (n, id) => `el fragment ${n} de ${id}` }),
  conditionsDoNotParse: m({
    en: (n: number) => `${n === 1 ? 'a clause condition does' : `${n} clause conditions do`} not parse; no document is built, since a clause would be left out unseen`,
    es: (n) => `${n === 1 ? 'una condición de cláusula no se puede leer' : `${n} condiciones de cláusula no se pueden leer`}; no se genera ningún documento, porque una cláusula quedaría fuera sin que se viera`,
    ca: (n) => `${n === 1 ? 'una condició de clàusula no es pot llegir' : `${n} condicions de clàusula no es poden llegir`}; no es genera cap document, perquè una clàusula quedaria fora sense que es veiés`,
  }),
  conditionDoesNotParse: m({
    en: (id: string, message: string) => `the condition of ${id} does not parse: ${message}`,
    es: (id, message) => `la condición de ${id} no se puede leer: ${message}`,
    ca: (id, message) => `la condició de ${id} no es pot llegir: ${message}`,
  }),
  fixCondition: m({
    en: (lint: string) => `correct the condition (${lint} shows every problem), then build again`,
    es: (lint) => `corrija la condición (${lint} muestra todos los problemas) y vuelva a generar`,
    ca: (lint) => `corregiu la condició (${lint} mostra tots els problemes) i torneu a generar`,
  }),
  runLint: m({ en: (lint: string) => `run ${lint} to see why`, es: (lint) => `ejecute ${lint} para ver por qué`, ca: (lint) => `executeu ${lint} per veure per què` }),
  noSuchClause: m({
    en: (id: string) => `there is no clause ${id} in this library`,
    es: (id) => `esta biblioteca no tiene ninguna cláusula ${id}`,
    ca: (id) => `aquesta biblioteca no té cap clàusula ${id}`,
  }),
  listClauses: m({
    en: (list: string) => `run ${list} to see the clause ids`,
    es: (list) => `ejecute ${list} para ver los identificadores de las cláusulas`,
    ca: (list) => `executeu ${list} per veure els identificadors de les clàusules`,
  }),
};
