/** The interview's own words (not the library's), in each language clausula speaks. */
export interface InterviewTexts {
  welcome: string;
  section: (number: number, total: number, title: string) => string;
  listHint: string;
  dateHint: string;
  yes: string;
  no: string;
  yesNoError: string;
  noAnswer: string;
  required: string;
  notANumber: string;
  between: (min: number, max: number) => string;
  atLeast: (min: number) => string;
  atMost: (max: number) => string;
  notADate: string;
  tooShort: (n: number) => string;
  tooLong: (n: number) => string;
  badForm: (value: string) => string;
  chooseAtLeast: (n: number) => string;
  chooseAtMost: (n: number) => string;
  keys: Record<string, string>;
  reviewTitle: string;
  blank: string;
  notAnswered: string;
  whatNext: string;
  answerRemaining: (n: number) => string;
  changeAnswer: string;
  saveAndQuit: string;
  buildNow: string;
  answerFirst: string;
  disabledChoice: string;
  whichAnswer: string;
  back: string;
  saveWhere: string;
  fileExists: string;
  resumed: (file: string, count: number) => string;
  askedAgain: string;
  saved: (file: string) => string;
  buildLater: string;
  replaceDocument: (file: string) => string;
  building: (file: string) => string;
  interrupted: (file: string) => string;
  interruptedNothing: string;
  keptIn: (file: string) => string;
  resumeWith: string;
}

const en: InterviewTexts = {
  welcome: 'Press Enter to accept the suggested answer shown in brackets. Ctrl-C saves your answers and stops; you can carry on later.',
  section: (n, t, title) => `${n}/${t} ${title}`,
  listHint: 'separate several with commas',
  dateHint: 'YYYY-MM-DD',
  yes: 'Yes',
  no: 'No',
  yesNoError: 'Answer y (yes) or n (no).',
  noAnswer: '(no answer)',
  required: 'This question needs an answer.',
  notANumber: 'Write a number, for example 24.',
  between: (a, b) => `Give a number between ${a} and ${b}.`,
  atLeast: (a) => `Give a number of at least ${a}.`,
  atMost: (b) => `Give a number of at most ${b}.`,
  notADate: 'Write the date as YYYY-MM-DD, for example 2027-01-31.',
  tooShort: (n) => `Write at least ${n} characters.`,
  tooLong: (n) => `Write at most ${n} characters.`,
  badForm: (v) => `“${v}” does not have the expected form.`,
  chooseAtLeast: (n) => (n === 1 ? 'Choose at least one.' : `Choose at least ${n}.`),
  chooseAtMost: (n) => (n === 1 ? 'Choose only one.' : `Choose at most ${n}.`),
  keys: { navigate: 'move', select: 'choose', submit: 'confirm', all: 'all', invert: 'invert' },
  reviewTitle: 'Review your answers',
  blank: '—',
  notAnswered: 'not answered yet',
  whatNext: 'What would you like to do?',
  answerRemaining: (n) => (n === 1 ? 'Answer the remaining question' : `Answer the ${n} remaining questions`),
  changeAnswer: 'Change an answer',
  saveAndQuit: 'Save and quit',
  buildNow: 'Build the document now',
  answerFirst: '(answer the remaining questions first)',
  disabledChoice: 'Answer the remaining questions first.',
  whichAnswer: 'Which answer do you want to change?',
  back: '← Back to the review',
  saveWhere: 'Save the answers in which file?',
  fileExists: 'That file already exists; choose another name.',
  resumed: (f, n) => `Carrying on with ${f}: ${n} ${n === 1 ? 'answer' : 'answers'} already given.`,
  askedAgain: 'it will be asked again',
  saved: (f) => `Answers saved in ${f}.`,
  buildLater: 'To build the document later, run:',
  replaceDocument: (f) => `${f} already exists. Replace it?`,
  building: (f) => `Building ${f}…`,
  interrupted: (f) => `Stopped. Your answers so far are saved in ${f}.`,
  interruptedNothing: 'Stopped. Nothing was answered, so nothing was saved.',
  keptIn: (f) => `Your answers are kept in ${f}.`,
  resumeWith: 'To carry on where you left off, run:',
};

const es: InterviewTexts = {
  welcome: 'Pulse Intro para aceptar la respuesta sugerida que aparece entre paréntesis. Ctrl-C guarda las respuestas y se detiene; puede continuar más tarde.',
  section: (n, t, title) => `${n}/${t} ${title}`,
  listHint: 'separe varios con comas',
  dateHint: 'AAAA-MM-DD',
  yes: 'Sí',
  no: 'No',
  yesNoError: 'Responda s (sí) o n (no).',
  noAnswer: '(sin respuesta)',
  required: 'Esta pregunta necesita una respuesta.',
  notANumber: 'Escriba un número, por ejemplo 24.',
  between: (a, b) => `Indique un número entre ${a} y ${b}.`,
  atLeast: (a) => `Indique un número igual o superior a ${a}.`,
  atMost: (b) => `Indique un número igual o inferior a ${b}.`,
  notADate: 'Escriba la fecha como AAAA-MM-DD, por ejemplo 2027-01-31.',
  tooShort: (n) => `Escriba al menos ${n} caracteres.`,
  tooLong: (n) => `Escriba como máximo ${n} caracteres.`,
  badForm: (v) => `«${v}» no tiene la forma esperada.`,
  chooseAtLeast: (n) => (n === 1 ? 'Elija al menos una opción.' : `Elija al menos ${n} opciones.`),
  chooseAtMost: (n) => (n === 1 ? 'Elija solo una opción.' : `Elija como máximo ${n} opciones.`),
  keys: { navigate: 'moverse', select: 'elegir', submit: 'confirmar', all: 'todas', invert: 'invertir' },
  reviewTitle: 'Revise sus respuestas',
  blank: '—',
  notAnswered: 'todavía sin respuesta',
  whatNext: '¿Qué quiere hacer?',
  answerRemaining: (n) => (n === 1 ? 'Responder la pregunta pendiente' : `Responder las ${n} preguntas pendientes`),
  changeAnswer: 'Cambiar una respuesta',
  saveAndQuit: 'Guardar y salir',
  buildNow: 'Generar el documento ahora',
  answerFirst: '(responda antes las preguntas pendientes)',
  disabledChoice: 'Responda antes las preguntas pendientes.',
  whichAnswer: '¿Qué respuesta quiere cambiar?',
  back: '← Volver a la revisión',
  saveWhere: '¿En qué archivo se guardan las respuestas?',
  fileExists: 'Ese archivo ya existe; elija otro nombre.',
  resumed: (f, n) => `Continuamos con ${f}: ${n} ${n === 1 ? 'respuesta ya dada' : 'respuestas ya dadas'}.`,
  askedAgain: 'se volverá a preguntar',
  saved: (f) => `Respuestas guardadas en ${f}.`,
  buildLater: 'Para generar el documento más tarde, ejecute:',
  replaceDocument: (f) => `${f} ya existe. ¿Quiere sustituirlo?`,
  building: (f) => `Generando ${f}…`,
  interrupted: (f) => `Detenido. Las respuestas dadas hasta ahora se han guardado en ${f}.`,
  interruptedNothing: 'Detenido. No se ha respondido nada, así que no se ha guardado nada.',
  keptIn: (f) => `Sus respuestas se conservan en ${f}.`,
  resumeWith: 'Para continuar donde lo ha dejado, ejecute:',
};

const ca: InterviewTexts = {
  welcome: "Premeu Retorn per acceptar la resposta suggerida que apareix entre parèntesis. Ctrl-C desa les respostes i s'atura; podeu continuar més tard.",
  section: (n, t, title) => `${n}/${t} ${title}`,
  listHint: 'separeu-ne diversos amb comes',
  dateHint: 'AAAA-MM-DD',
  yes: 'Sí',
  no: 'No',
  yesNoError: 'Responeu s (sí) o n (no).',
  noAnswer: '(sense resposta)',
  required: 'Aquesta pregunta necessita una resposta.',
  notANumber: 'Escriviu un nombre, per exemple 24.',
  between: (a, b) => `Indiqueu un nombre entre ${a} i ${b}.`,
  atLeast: (a) => `Indiqueu un nombre igual o superior a ${a}.`,
  atMost: (b) => `Indiqueu un nombre igual o inferior a ${b}.`,
  notADate: 'Escriviu la data com AAAA-MM-DD, per exemple 2027-01-31.',
  tooShort: (n) => `Escriviu almenys ${n} caràcters.`,
  tooLong: (n) => `Escriviu com a màxim ${n} caràcters.`,
  badForm: (v) => `«${v}» no té la forma esperada.`,
  chooseAtLeast: (n) => (n === 1 ? 'Trieu almenys una opció.' : `Trieu almenys ${n} opcions.`),
  chooseAtMost: (n) => (n === 1 ? 'Trieu només una opció.' : `Trieu com a màxim ${n} opcions.`),
  keys: { navigate: 'moure', select: 'triar', submit: 'confirmar', all: 'totes', invert: 'invertir' },
  reviewTitle: 'Reviseu les respostes',
  blank: '—',
  notAnswered: 'encara sense resposta',
  whatNext: 'Què voleu fer?',
  answerRemaining: (n) => (n === 1 ? 'Respondre la pregunta pendent' : `Respondre les ${n} preguntes pendents`),
  changeAnswer: 'Canviar una resposta',
  saveAndQuit: 'Desar i sortir',
  buildNow: 'Generar el document ara',
  answerFirst: '(responeu abans les preguntes pendents)',
  disabledChoice: 'Responeu abans les preguntes pendents.',
  whichAnswer: 'Quina resposta voleu canviar?',
  back: '← Tornar a la revisió',
  saveWhere: 'En quin fitxer es desen les respostes?',
  fileExists: 'Aquest fitxer ja existeix; trieu un altre nom.',
  resumed: (f, n) => `Continuem amb ${f}: ${n} ${n === 1 ? 'resposta ja donada' : 'respostes ja donades'}.`,
  askedAgain: 'es tornarà a preguntar',
  saved: (f) => `Respostes desades a ${f}.`,
  buildLater: 'Per generar el document més tard, executeu:',
  replaceDocument: (f) => `${f} ja existeix. El voleu substituir?`,
  building: (f) => `Generant ${f}…`,
  interrupted: (f) => `Aturat. Les respostes donades fins ara s'han desat a ${f}.`,
  interruptedNothing: "Aturat. No s'ha respost res, així que no s'ha desat res.",
  keptIn: (f) => `Les vostres respostes es conserven a ${f}.`,
  resumeWith: 'Per continuar on ho heu deixat, executeu:',
};

const byLanguage: Record<string, InterviewTexts> = { en, es, ca };

/** The interview's words in a language; English for a language clausula does not speak yet. */
export function interviewTexts(language: string): InterviewTexts {
  return byLanguage[language] ?? byLanguage[language.slice(0, 2)] ?? en;
}
