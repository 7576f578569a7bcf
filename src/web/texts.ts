import type { PageTexts } from './api.js';

/** The web interview's own words (not the library's), in each language clausula speaks. */
export interface WebTexts {
  page: PageTexts;
  progress: (n: number, total: number) => string;
  answeredOf: (n: number, total: number) => string;
  sectionProgress: (n: number, total: number) => string;
  answerRemaining: (n: number) => string;
  change: (label: string) => string;
  savedIn: (file: string) => string;
  serverGone: (command: string) => string;
  invalidInFile: (written: string, problem: string) => string;
  notAnOption: string;
  yesOrNo: string;
  notAsked: string;
  clausesIntro: (n: number) => string;
  clauseCount: (n: number) => string;
  answerFirst: (n: number) => string;
  libraryBroken: string;
  word: string;
  pdf: string;
  always: string;
  requiredBy: (titles: string) => string;
  downloadAs: (document: string, format: string) => string;
  /** For the terminal, when serve starts. */
  stopWith: string;
  noBrowser: string;
  /** The refusal a request without the token gets. */
  refused: string;
  unknownLanguage: (language: string, used: string) => string;
}

const en: WebTexts = {
  page: {
    appTitle: 'Data clauses for the tender',
    skipToMain: 'Skip to the question',
    languageLabel: 'Language',
    sectionsLabel: 'Sections',
    savedAt: 'Saved at {time}.',
    next: 'Next',
    back: 'Back',
    review: 'Review',
    reviewTitle: 'Review your answers',
    reviewIntro: 'Every answer given so far, section by section. Choose “Change” to give another answer; it is saved at once.',
    change: 'Change',
    allAnswered: 'Every question is answered.',
    clausesAndDocuments: 'Clauses and documents',
    clausesTitle: 'The clauses your answers bring in',
    clausesProvisional: 'Some questions are still unanswered, so this list may change.',
    documentsTitle: 'The documents of the tender',
    documentsIntro: 'Each button builds the document from the answers as they are now and downloads it.',
    suggested: 'Suggested answer: accept it or change it.',
    noAnswer: 'No answer',
    optional: 'optional',
    failed: 'Something went wrong:',
    loading: 'Loading…',
  },
  progress: (n, t) => `Question ${n} of ${t}`,
  answeredOf: (n, t) => `${n} of ${t} questions answered`,
  sectionProgress: (n, t) => `${n} of ${t} answered`,
  answerRemaining: (n) => (n === 1 ? 'Answer the remaining question' : `Answer the ${n} remaining questions`),
  change: (label) => `Change ${label}`,
  savedIn: (f) => `Your answers are saved in ${f} as you give them.`,
  serverGone: (c) => `The clausula server has stopped. Your answers are saved; to carry on, run: ${c}`,
  invalidInFile: (w, p) => `The answers file says “${w}” here, which does not fit: ${p}`,
  notAnOption: 'It is not one of the options.',
  yesOrNo: 'Answer yes or no.',
  notAsked: 'That question is not asked for the answers given (they may have changed in another window).',
  clausesIntro: (n) => (n === 1 ? 'Your answers bring in 1 clause.' : `Your answers bring in ${n} clauses.`),
  clauseCount: (n) => (n === 1 ? '1 clause' : `${n} clauses`),
  answerFirst: (n) => (n === 1 ? 'One question the documents need is still unanswered.' : `${n} questions the documents need are still unanswered.`),
  libraryBroken: 'The clause library has errors, so no document is built from it. Ask whoever maintains it to run clausula lint.',
  word: 'Word (.docx)',
  pdf: 'PDF',
  always: 'It always applies.',
  requiredBy: (t) => `Another clause needs it: ${t}.`,
  downloadAs: (d, f) => `Download “${d}” as ${f}`,
  stopWith: 'Press Ctrl-C here to stop the server.',
  noBrowser: 'No browser could be opened: open the address above in yours.',
  refused: 'This page opens only from the address clausula serve printed, with its token. Open that address again.',
  unknownLanguage: (l, u) => `The answers file's language (${l}) is not one of the library's; the interview is in ${u}.`,
};

const es: WebTexts = {
  page: {
    appTitle: 'Cláusulas de datos de la licitación',
    skipToMain: 'Ir a la pregunta',
    languageLabel: 'Idioma',
    sectionsLabel: 'Secciones',
    savedAt: 'Guardado a las {time}.',
    next: 'Siguiente',
    back: 'Atrás',
    review: 'Revisión',
    reviewTitle: 'Revise sus respuestas',
    reviewIntro: 'Todas las respuestas dadas hasta ahora, sección por sección. Elija «Cambiar» para dar otra respuesta; se guarda al momento.',
    change: 'Cambiar',
    allAnswered: 'Todas las preguntas tienen respuesta.',
    clausesAndDocuments: 'Cláusulas y documentos',
    clausesTitle: 'Las cláusulas que aportan sus respuestas',
    clausesProvisional: 'Aún quedan preguntas sin respuesta, por lo que esta lista puede cambiar.',
    documentsTitle: 'Los documentos de la licitación',
    documentsIntro: 'Cada botón genera el documento con las respuestas tal como están ahora y lo descarga.',
    suggested: 'Respuesta sugerida: acéptela o cámbiela.',
    noAnswer: 'Sin respuesta',
    optional: 'opcional',
    failed: 'Algo ha fallado:',
    loading: 'Cargando…',
  },
  progress: (n, t) => `Pregunta ${n} de ${t}`,
  answeredOf: (n, t) => `${n} de ${t} preguntas respondidas`,
  sectionProgress: (n, t) => `${n} de ${t} respondidas`,
  answerRemaining: (n) => (n === 1 ? 'Responder la pregunta pendiente' : `Responder las ${n} preguntas pendientes`),
  change: (label) => `Cambiar ${label}`,
  savedIn: (f) => `Sus respuestas se guardan en ${f} a medida que las da.`,
  serverGone: (c) => `El servidor de clausula se ha detenido. Sus respuestas están guardadas; para continuar, ejecute: ${c}`,
  invalidInFile: (w, p) => `El archivo de respuestas dice «${w}» aquí, y no es válido: ${p}`,
  notAnOption: 'No es ninguna de las opciones.',
  yesOrNo: 'Responda sí o no.',
  notAsked: 'Esa pregunta no se hace con las respuestas dadas (pueden haber cambiado en otra ventana).',
  clausesIntro: (n) => (n === 1 ? 'Sus respuestas aportan 1 cláusula.' : `Sus respuestas aportan ${n} cláusulas.`),
  clauseCount: (n) => (n === 1 ? '1 cláusula' : `${n} cláusulas`),
  answerFirst: (n) => (n === 1 ? 'Falta responder una pregunta que los documentos necesitan.' : `Falta responder ${n} preguntas que los documentos necesitan.`),
  libraryBroken: 'La biblioteca de cláusulas tiene errores, por lo que no se genera ningún documento. Pida a quien la mantiene que ejecute clausula lint.',
  word: 'Word (.docx)',
  pdf: 'PDF',
  always: 'Se aplica siempre.',
  requiredBy: (t) => `La necesita otra cláusula: ${t}.`,
  downloadAs: (d, f) => `Descargar «${d}» en ${f}`,
  stopWith: 'Pulse Ctrl-C aquí para detener el servidor.',
  noBrowser: 'No se ha podido abrir ningún navegador: abra la dirección de arriba en el suyo.',
  refused: 'Esta página solo se abre desde la dirección que ha mostrado clausula serve, con su clave. Vuelva a abrir esa dirección.',
  unknownLanguage: (l, u) => `El idioma del archivo de respuestas (${l}) no es uno de los de la biblioteca; la entrevista es en ${u}.`,
};

const ca: WebTexts = {
  page: {
    appTitle: 'Clàusules de dades de la licitació',
    skipToMain: 'Anar a la pregunta',
    languageLabel: 'Llengua',
    sectionsLabel: 'Seccions',
    savedAt: 'Desat a les {time}.',
    next: 'Següent',
    back: 'Enrere',
    review: 'Revisió',
    reviewTitle: 'Reviseu les respostes',
    reviewIntro: 'Totes les respostes donades fins ara, secció per secció. Trieu «Canviar» per donar-ne una altra; es desa a l’instant.',
    change: 'Canviar',
    allAnswered: 'Totes les preguntes tenen resposta.',
    clausesAndDocuments: 'Clàusules i documents',
    clausesTitle: 'Les clàusules que aporten les vostres respostes',
    clausesProvisional: 'Encara queden preguntes sense resposta, de manera que aquesta llista pot canviar.',
    documentsTitle: 'Els documents de la licitació',
    documentsIntro: 'Cada botó genera el document amb les respostes tal com són ara i el baixa.',
    suggested: 'Resposta suggerida: accepteu-la o canvieu-la.',
    noAnswer: 'Sense resposta',
    optional: 'opcional',
    failed: 'Alguna cosa ha fallat:',
    loading: 'S’està carregant…',
  },
  progress: (n, t) => `Pregunta ${n} de ${t}`,
  answeredOf: (n, t) => `${n} de ${t} preguntes amb resposta`,
  sectionProgress: (n, t) => `${n} de ${t} amb resposta`,
  answerRemaining: (n) => (n === 1 ? 'Respondre la pregunta pendent' : `Respondre les ${n} preguntes pendents`),
  change: (label) => `Canviar ${label}`,
  savedIn: (f) => `Les vostres respostes es desen a ${f} a mesura que les doneu.`,
  serverGone: (c) => `El servidor de clausula s’ha aturat. Les respostes estan desades; per continuar, executeu: ${c}`,
  invalidInFile: (w, p) => `El fitxer de respostes diu «${w}» aquí, i no és vàlid: ${p}`,
  notAnOption: 'No és cap de les opcions.',
  yesOrNo: 'Responeu sí o no.',
  notAsked: 'Aquesta pregunta no es fa amb les respostes donades (poden haver canviat en una altra finestra).',
  clausesIntro: (n) => (n === 1 ? 'Les vostres respostes aporten 1 clàusula.' : `Les vostres respostes aporten ${n} clàusules.`),
  clauseCount: (n) => (n === 1 ? '1 clàusula' : `${n} clàusules`),
  answerFirst: (n) => (n === 1 ? 'Falta respondre una pregunta que els documents necessiten.' : `Falta respondre ${n} preguntes que els documents necessiten.`),
  libraryBroken: 'La biblioteca de clàusules té errors, de manera que no se’n genera cap document. Demaneu a qui la manté que executi clausula lint.',
  word: 'Word (.docx)',
  pdf: 'PDF',
  always: 'S’aplica sempre.',
  requiredBy: (t) => `La necessita una altra clàusula: ${t}.`,
  downloadAs: (d, f) => `Baixar «${d}» en ${f}`,
  stopWith: 'Premeu Ctrl-C aquí per aturar el servidor.',
  noBrowser: 'No s’ha pogut obrir cap navegador: obriu l’adreça de dalt en el vostre.',
  refused: 'Aquesta pàgina només s’obre des de l’adreça que ha mostrat clausula serve, amb la seva clau. Torneu a obrir aquesta adreça.',
  unknownLanguage: (l, u) => `La llengua del fitxer de respostes (${l}) no és cap de les de la biblioteca; l’entrevista és en ${u}.`,
};

const byLanguage: Record<string, WebTexts> = { en, es, ca };

/** The web interview's words in a language; English for a language clausula does not speak yet. */
export function webTexts(language: string): WebTexts {
  return byLanguage[language] ?? byLanguage[language.slice(0, 2)] ?? en;
}

/** Each language's name in itself, for the language switch. */
export const LANGUAGE_NAMES: Readonly<Record<string, string>> = { ca: 'Català', es: 'Español', en: 'English', fr: 'Français', pt: 'Português', eu: 'Euskara', gl: 'Galego', it: 'Italiano', de: 'Deutsch' };
