import { m } from './define.js';

/** Reading and checking an answers file: what `build`, `explain` and the interview say about it. */
export const answers = {
  noSuchFile: m({
    en: (file: string) => `${file}: no such answers file`,
    es: (file) => `${file}: no existe ese archivo de respuestas`,
    ca: (file) => `${file}: no existeix aquest fitxer de respostes`,
  }),
  giveWrittenFile: m({
    en: (interview: string) => `give the path of a file written by ${interview} (see examples/ for some)`,
    es: (interview) => `indique la ruta de un archivo escrito por ${interview} (hay ejemplos en examples/)`,
    ca: (interview) => `indiqueu la ruta d'un fitxer escrit per ${interview} (n'hi ha exemples a examples/)`,
  }),
  cannotRead: m({
    en: (file: string) => `cannot read the answers file ${file}`,
    es: (file) => `no se puede leer el archivo de respuestas ${file}`,
    ca: (file) => `no es pot llegir el fitxer de respostes ${file}`,
  }),
  fixYaml: m({ en: 'fix the YAML at the position shown', es: 'corrija el YAML en la posición indicada', ca: 'corregiu el YAML a la posició indicada' }),
  notAnswersFile: m({
    en: (file: string) => `${file} is not an answers file`,
    es: (file) => `${file} no es un archivo de respuestas`,
    ca: (file) => `${file} no és un fitxer de respostes`,
  }),
  answersFileShape: m({
    en: 'an answers file has `answers:` and optionally `library:`, `language:` and `template:`; see docs/library-format.md',
    es: 'un archivo de respuestas tiene `answers:` y, si acaso, `library:`, `language:` y `template:`; vea docs/library-format.md',
    ca: 'un fitxer de respostes té `answers:` i, si escau, `library:`, `language:` i `template:`; vegeu docs/library-format.md',
  }),
  doNotFit: m({
    en: (file: string) => `${file} has answers that do not fit the questions`,
    es: (file) => `${file} tiene respuestas que no encajan con las preguntas`,
    ca: (file) => `${file} té respostes que no encaixen amb les preguntes`,
  }),
  correctOrInterview: m({
    en: (interview: string) => `correct the answers shown, or run ${interview} to fix them`,
    es: (interview) => `corrija las respuestas indicadas, o ejecute ${interview} para arreglarlas`,
    ca: (interview) => `corregiu les respostes indicades, o executeu ${interview} per arreglar-les`,
  }),
  answeredForOther: m({
    en: (file: string, given: string, current: string) => `${file} was answered for ${given}, not for this library (${current})`,
    es: (file, given, current) => `${file} se respondió para ${given}, no para esta biblioteca (${current})`,
    ca: (file, given, current) => `${file} es va respondre per a ${given}, no per a aquesta biblioteca (${current})`,
  }),
  unsupportedLanguage: m({
    en: (file: string, language: string, languages: string) => `${file} is in ${language}, which this library has no texts for (it has ${languages})`,
    es: (file, language, languages) => `${file} está en ${language}, y esta biblioteca no tiene textos en esa lengua (tiene ${languages})`,
    ca: (file, language, languages) => `${file} és en ${language}, i aquesta biblioteca no té textos en aquesta llengua (en té en ${languages})`,
  }),
  chooseLanguage: m({
    en: (languages: string) => `change language: to one of ${languages}, or choose the documents' language with --lang`,
    es: (languages) => `cambie language: a una de estas lenguas: ${languages}, o elija la lengua de los documentos con --lang`,
    ca: (languages) => `canvieu language: a una d'aquestes llengües: ${languages}, o trieu la llengua dels documents amb --lang`,
  }),
  missing: m({
    en: (file: string, n: number) => `${file} lacks ${n === 1 ? 'an answer' : `${n} answers`} that the documents need`,
    es: (file, n) => `a ${file} le ${n === 1 ? 'falta una respuesta' : `faltan ${n} respuestas`} que los documentos necesitan`,
    ca: (file, n) => `a ${file} li ${n === 1 ? 'falta una resposta' : `falten ${n} respostes`} que els documents necessiten`,
  }),
  addMissing: m({
    en: (n: number, interview: string) => `add ${n === 1 ? 'it' : 'them'} under answers:, or run ${interview} to answer the questions`,
    es: (n, interview) => `${n === 1 ? 'añádala' : 'añádalas'} bajo answers:, o ejecute ${interview} para responder las preguntas`,
    ca: (n, interview) => `${n === 1 ? 'afegiu-la' : 'afegiu-les'} sota answers:, o executeu ${interview} per respondre les preguntes`,
  }),
  unknownQuestion: m({
    en: (id: string) => `"${id}" is not a question of this library; the answer is ignored`,
    es: (id) => `"${id}" no es una pregunta de esta biblioteca; la respuesta no se tiene en cuenta`,
    ca: (id) => `"${id}" no és una pregunta d'aquesta biblioteca; la resposta no es té en compte`,
  }),
  removeIt: m({ en: 'remove it', es: 'elimínela', ca: 'elimineu-la' }),
  notAsked: m({
    en: (ids: string, n: number) => `${ids} ${n === 1 ? 'is answered but not asked' : 'are answered but not asked'} for these answers; ${n === 1 ? 'the answer is' : 'their answers are'} ignored`,
    es: (ids, n) => `${ids} ${n === 1 ? 'tiene respuesta pero no se pregunta' : 'tienen respuesta pero no se preguntan'} con estas respuestas; no se ${n === 1 ? 'tiene' : 'tienen'} en cuenta`,
    ca: (ids, n) => `${ids} ${n === 1 ? 'té resposta però no es pregunta' : 'tenen resposta però no es pregunten'} amb aquestes respostes; no es ${n === 1 ? 'té' : 'tenen'} en compte`,
  }),
  notAskedFix: m({
    en: (n: number): string => (n === 1 ? 'remove it, or change the answers that decide whether it is asked' : 'remove them, or change the answers that decide whether they are asked'),
    es: (n) => (n === 1 ? 'elimínela, o cambie las respuestas que deciden si se pregunta' : 'elimínelas, o cambie las respuestas que deciden si se preguntan'),
    ca: (n) => (n === 1 ? 'elimineu-la, o canvieu les respostes que decideixen si es pregunta' : 'elimineu-les, o canvieu les respostes que decideixen si es pregunten'),
  }),
  mustBeBoolean: m({
    en: (id: string, got: string) => `${id} must be true or false, not ${got}`,
    es: (id, got) => `${id} debe ser true o false, no ${got}`,
    ca: (id, got) => `${id} ha de ser true o false, no ${got}`,
  }),
  writeBoolean: m({ en: 'write true or false (without quotes)', es: 'escriba true o false (sin comillas)', ca: 'escriviu true o false (sense cometes)' }),
  mustBeNumber: m({
    en: (id: string, got: string) => `${id} must be a number, not ${got}`,
    es: (id, got) => `${id} debe ser un número, no ${got}`,
    ca: (id, got) => `${id} ha de ser un nombre, no ${got}`,
  }),
  writeNumber: m({
    en: 'write the number without quotes or units, with a point for decimals',
    es: 'escriba el número sin comillas ni unidades, con punto para los decimales',
    ca: 'escriviu el nombre sense cometes ni unitats, amb punt per als decimals',
  }),
  mustBeWhole: m({
    en: (id: string, got: string) => `${id} must be a whole number, not ${got}`,
    es: (id, got) => `${id} debe ser un número entero, no ${got}`,
    ca: (id, got) => `${id} ha de ser un nombre enter, no ${got}`,
  }),
  writeWhole: m({ en: 'write it without decimals', es: 'escríbalo sin decimales', ca: 'escriviu-lo sense decimals' }),
  mustBeDate: m({
    en: (id: string, got: string) => `${id} must be a date written YYYY-MM-DD, not ${got}`,
    es: (id, got) => `${id} debe ser una fecha escrita AAAA-MM-DD, no ${got}`,
    ca: (id, got) => `${id} ha de ser una data escrita AAAA-MM-DD, no ${got}`,
  }),
  writeDate: m({ en: 'write the date as "2027-01-31"', es: 'escriba la fecha como "2027-01-31"', ca: 'escriviu la data com "2027-01-31"' }),
  mustBeText: m({
    en: (id: string, got: string) => `${id} must be text, not ${got}`,
    es: (id, got) => `${id} debe ser un texto, no ${got}`,
    ca: (id, got) => `${id} ha de ser un text, no ${got}`,
  }),
  quoteText: m({ en: 'put the text in quotes', es: 'ponga el texto entre comillas', ca: 'poseu el text entre cometes' }),
  mustBeOneOf: m({
    en: (id: string, options: string, got: string) => `${id} must be one of: ${options}, not ${got}`,
    es: (id, options, got) => `${id} debe ser uno de estos valores: ${options}, no ${got}`,
    ca: (id, options, got) => `${id} ha de ser un d'aquests valors: ${options}, no ${got}`,
  }),
  mustBeList: m({
    en: (id: string, got: string) => `${id} must be a list, not ${got}`,
    es: (id, got) => `${id} debe ser una lista, no ${got}`,
    ca: (id, got) => `${id} ha de ser una llista, no ${got}`,
  }),
  writeList: m({ en: 'write a list such as [a, b]', es: 'escriba una lista como [a, b]', ca: 'escriviu una llista com [a, b]' }),
  mustBeTexts: m({
    en: (id: string, got: string) => `${id} must be a list of texts, not ${got}`,
    es: (id, got) => `${id} debe ser una lista de textos, no ${got}`,
    ca: (id, got) => `${id} ha de ser una llista de textos, no ${got}`,
  }),
  aList: m({ en: 'a list', es: 'una lista', ca: 'una llista' }),
  theText: m({ en: (text: string) => `the text "${text}"`, es: (text) => `el texto "${text}"`, ca: (text) => `el text "${text}"` }),
  belowMin: m({
    en: (id: string, value: number, min: number) => `${id} is ${value}, below the minimum of ${min}`,
    es: (id, value, min) => `${id} es ${value}, por debajo del mínimo de ${min}`,
    ca: (id, value, min) => `${id} és ${value}, per sota del mínim de ${min}`,
  }),
  aboveMax: m({
    en: (id: string, value: number, max: number) => `${id} is ${value}, above the maximum of ${max}`,
    es: (id, value, max) => `${id} es ${value}, por encima del máximo de ${max}`,
    ca: (id, value, max) => `${id} és ${value}, per sobre del màxim de ${max}`,
  }),
  notAnOption: m({
    en: (value: string, id: string) => `"${value}" is not an option of ${id}`,
    es: (value, id) => `"${value}" no es una opción de ${id}`,
    ca: (value, id) => `"${value}" no és una opció de ${id}`,
  }),
  options: m({ en: (list: string) => `options: ${list}`, es: (list) => `opciones: ${list}`, ca: (list) => `opcions: ${list}` }),
  fewItems: m({
    en: (id: string, n: number) => `${id} needs at least ${n} ${n === 1 ? 'item' : 'items'}`,
    es: (id, n) => `${id} necesita al menos ${n} ${n === 1 ? 'elemento' : 'elementos'}`,
    ca: (id, n) => `${id} necessita almenys ${n} ${n === 1 ? 'element' : 'elements'}`,
  }),
  manyItems: m({
    en: (id: string, n: number) => `${id} takes at most ${n} ${n === 1 ? 'item' : 'items'}`,
    es: (id, n) => `${id} admite como máximo ${n} ${n === 1 ? 'elemento' : 'elementos'}`,
    ca: (id, n) => `${id} admet com a màxim ${n} ${n === 1 ? 'element' : 'elements'}`,
  }),
  fewChars: m({
    en: (id: string, n: number) => `${id} needs at least ${n} characters`,
    es: (id, n) => `${id} necesita al menos ${n} caracteres`,
    ca: (id, n) => `${id} necessita almenys ${n} caràcters`,
  }),
  manyChars: m({
    en: (id: string, n: number) => `${id} takes at most ${n} characters`,
    es: (id, n) => `${id} admite como máximo ${n} caracteres`,
    ca: (id, n) => `${id} admet com a màxim ${n} caràcters`,
  }),
  badForm: m({
    en: (text: string, id: string) => `"${text}" does not have the expected form for ${id}`,
    es: (text, id) => `"${text}" no tiene la forma esperada para ${id}`,
    ca: (text, id) => `"${text}" no té la forma esperada per a ${id}`,
  }),
  expectedPattern: m({ en: (p: string) => `expected to match ${p}`, es: (p) => `debe responder al patrón ${p}`, ca: (p) => `ha de respondre al patró ${p}` }),
  notCpv: m({
    en: (code: string, id: string) => `"${code}" in ${id} is not a CPV code`,
    es: (code, id) => `"${code}" en ${id} no es un código CPV`,
    ca: (code, id) => `"${code}" a ${id} no és un codi CPV`,
  }),
  cpvForm: m({
    en: 'a CPV code is eight digits of one of its divisions (03 to 98), a hyphen and the check digit, as in 72000000-5; copy it from the CPV list (Regulation (EC) No 213/2008)',
    es: 'un código CPV son ocho cifras de una de sus divisiones (03 a 98), un guion y el dígito de control, como 72000000-5; cópielo de la lista CPV (Reglamento (CE) n.º 213/2008)',
    ca: "un codi CPV són vuit xifres d'una de les seves divisions (03 a 98), un guionet i el dígit de control, com 72000000-5; copieu-lo de la llista CPV (Reglament (CE) núm. 213/2008)",
  }),
  conflict: m({
    en: (message: string) => `contradicting answers: ${message}`,
    es: (message) => `respuestas contradictorias: ${message}`,
    ca: (message) => `respostes contradictòries: ${message}`,
  }),
  conflictFix: m({
    en: (interview: string) => `change one of the two answers, or run ${interview} to review them`,
    es: (interview) => `cambie una de las dos respuestas, o ejecute ${interview} para revisarlas`,
    ca: (interview) => `canvieu una de les dues respostes, o executeu ${interview} per revisar-les`,
  }),
};
