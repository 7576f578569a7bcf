import type { WrittenParagraph } from '../render/docx/text.js';
import { terminalSafe } from '../text/terminal-safe.js';
import type { AnswerValue } from '../schema/common.js';
import type { Position, TextDifference } from './compare-text.js';
import type { ClauseProblem, DocumentProblem } from './verify-document.js';
import type { ObjectKind } from './word-text.js';

/**
 * Everything `verify` says to its reader, in the document's language (ca, es, en; other
 * languages read English). Text that comes from the document is shown through `quote`,
 * which makes it printable and short.
 */
export interface VerifyMessages {
  built(file: string, release: string, template: string, language: string, date: string): string;
  library(release: string, lock: boolean): string;
  /** " over the base library bcn-data-clauses@2.1.0", after a release; '' for none. */
  overBases(bases: readonly string[]): string;
  answers(count: number, hash: string, file?: { display: string; same: boolean }): string;
  problem(p: DocumentProblem): string;
  clauseProblem(p: ClauseProblem): string;
  /** Why a clause is marked edited: its text differs from what the build writes. */
  editedClause: string;
  verdict: { ok: string; edited: string; mismatch: string };
  difference(d: TextDifference): string;
  /** Several paragraphs in a row of one place missing: the place as a whole. */
  placeMissing(place: WrittenParagraph['place'], paragraphs: number): string;
  text(compared: boolean, region: boolean, differences: number): string;
  clauses(total: number, bad: number): string;
  editedClauses(ids: string): string;
  verified: string;
  notVerified: string;
}

type Lang = 'ca' | 'es' | 'en';

const MAX_QUOTE = 160;

/** Document text made safe for a terminal (text/terminal-safe.ts), its line breaks shown as such. */
export function printable(text: string): string {
  return terminalSafe(text.replace(/\r\n|\n/g, ' ⏎ '));
}

function shorten(text: string, max = MAX_QUOTE): string {
  // Code units are at least as many as characters: most texts are done here.
  if (text.length <= max) return text;
  let out = '';
  let count = 0;
  // Character by character up to the limit only: a paragraph may hold megabytes.
  for (const char of text) {
    if (++count > max) return `${out.slice(0, out.length - lastLength(out))}…`;
    out += char;
  }
  return out;
}

/** The length in code units of the last character of a text (2 for one beyond the BMP). */
function lastLength(text: string): number {
  return text.length >= 2 && isLow(text.charCodeAt(text.length - 1)) && isHigh(text.charCodeAt(text.length - 2)) ? 2 : 1;
}
const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

const QUOTES: Record<Lang, [string, string]> = { ca: ['«', '»'], es: ['«', '»'], en: ['“', '”'] };

/**
 * The two texts around where they first differ, so a long paragraph changed in one word
 * shows that word: "…data must stay in the EEA." against "…data may leave the EEA.".
 * Linear in the texts' length, and never cuts a character beyond the BMP in two.
 */
export function aroundDifference(expected: string, found: string, context = 40): [string, string] {
  let start = 0;
  while (start < expected.length && start < found.length && expected.charCodeAt(start) === found.charCodeAt(start)) start++;
  // Not inside a surrogate pair: the pair is part of the difference.
  if (start > 0 && isHigh(expected.charCodeAt(start - 1))) start--;
  let end = 0;
  while (end < expected.length - start && end < found.length - start && expected.charCodeAt(expected.length - 1 - end) === found.charCodeAt(found.length - 1 - end)) end++;
  if (end > 0 && isLow(expected.charCodeAt(expected.length - end))) end--;
  const cut = (text: string) => {
    let from = Math.max(0, start - context);
    if (from > 0 && isLow(text.charCodeAt(from))) from--;
    let to = Math.min(text.length, text.length - end + context);
    if (to < text.length && isLow(text.charCodeAt(to))) to++;
    return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
  };
  return [cut(expected), cut(found)];
}

function short(hash: string): string {
  return hash.replace(/^sha256:/, '').slice(0, 12);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

interface Words {
  quote: (text: string) => string;
  label(p: WrittenParagraph): string;
  /** "in …", "after …", "before …" for a label; the start of the document; a header or footer. */
  inside(label: string): string;
  after(label: string): string;
  before(label: string): string;
  start: string;
  header: string;
  objects: Record<ObjectKind, string>;
  value(v: AnswerValue | undefined): string;
}

function words(lang: Lang): Words {
  const [open, close] = QUOTES[lang];
  const quote = (text: string) => `${open}${shorten(printable(text))}${close}`;
  const value = (v: AnswerValue | undefined): string => {
    if (v === undefined || v === null) return { ca: 'sense resposta', es: 'sin respuesta', en: 'no answer' }[lang];
    return quote(Array.isArray(v) ? v.join(', ') : String(v));
  };
  if (lang === 'ca') {
    // "de" + "el" is "del"; "a" + "el" is "al".
    const de = (l: string) => (l.startsWith('el ') ? `del ${l.slice(3)}` : `de ${l}`);
    const a = (l: string) => (l.startsWith('el ') ? `al ${l.slice(3)}` : `a ${l}`);
    return {
      quote,
      value,
      label(p) {
        const place = p.place;
        switch (place.kind) {
          case 'cover':
            return `la línia ${p.index + 1} de la portada`;
          case 'contents':
            return p.index === 0 ? "el títol de l'índex" : `l'entrada ${p.index} de l'índex`;
          case 'part':
            return p.index === 0 ? `el títol de la part ${place.number} ${quote(place.heading)}` : `el paràgraf ${p.index} de la part ${place.number} ${quote(place.heading)}`;
          case 'clause':
            return p.index === 0 ? `el títol de la clàusula ${place.number} ${quote(place.title)}` : `el paràgraf ${p.index} de la clàusula ${place.number} ${quote(place.title)}`;
          case 'annex':
            return p.index === 0 ? `el títol de ${quote(place.heading)}` : `el paràgraf ${p.index} de ${quote(place.heading)}`;
        }
      },
      inside: a,
      after: (l) => `després ${de(l)}`,
      before: (l) => `abans ${de(l)}`,
      start: 'a l’inici del document',
      header: 'en una capçalera o un peu de pàgina',
      objects: {
        image: 'una imatge o una forma',
        object: 'un objecte incrustat',
        import: 'contingut importat (altChunk)',
        subdocument: 'un subdocument',
        macros: 'macros (un projecte VBA)',
        template: 'una plantilla adjunta',
      },
    };
  }
  if (lang === 'es') {
    const de = (l: string) => (l.startsWith('el ') ? `del ${l.slice(3)}` : `de ${l}`);
    return {
      quote,
      value,
      label(p) {
        const place = p.place;
        switch (place.kind) {
          case 'cover':
            return `la línea ${p.index + 1} de la portada`;
          case 'contents':
            return p.index === 0 ? 'el título del índice' : `la entrada ${p.index} del índice`;
          case 'part':
            return p.index === 0 ? `el título de la parte ${place.number} ${quote(place.heading)}` : `el párrafo ${p.index} de la parte ${place.number} ${quote(place.heading)}`;
          case 'clause':
            return p.index === 0 ? `el título de la cláusula ${place.number} ${quote(place.title)}` : `el párrafo ${p.index} de la cláusula ${place.number} ${quote(place.title)}`;
          case 'annex':
            return p.index === 0 ? `el título de ${quote(place.heading)}` : `el párrafo ${p.index} de ${quote(place.heading)}`;
        }
      },
      inside: (l) => `en ${l}`,
      after: (l) => `después ${de(l)}`,
      before: (l) => `antes ${de(l)}`,
      start: 'al principio del documento',
      header: 'en un encabezado o un pie de página',
      objects: {
        image: 'una imagen o una forma',
        object: 'un objeto incrustado',
        import: 'contenido importado (altChunk)',
        subdocument: 'un subdocumento',
        macros: 'macros (un proyecto VBA)',
        template: 'una plantilla adjunta',
      },
    };
  }
  return {
    quote,
    value,
    label(p) {
      const place = p.place;
      switch (place.kind) {
        case 'cover':
          return `line ${p.index + 1} of the cover`;
        case 'contents':
          return p.index === 0 ? 'the title of the table of contents' : `entry ${p.index} of the table of contents`;
        case 'part':
          return p.index === 0 ? `the heading of part ${place.number} ${quote(place.heading)}` : `paragraph ${p.index} of part ${place.number} ${quote(place.heading)}`;
        case 'clause':
          return p.index === 0 ? `the heading of clause ${place.number} ${quote(place.title)}` : `paragraph ${p.index} of clause ${place.number} ${quote(place.title)}`;
        case 'annex':
          return p.index === 0 ? `the heading of ${quote(place.heading)}` : `paragraph ${p.index} of ${quote(place.heading)}`;
      }
    },
    inside: (l) => `in ${l}`,
    after: (l) => `after ${l}`,
    before: (l) => `before ${l}`,
    start: 'at the start of the document',
    header: 'in a header or footer',
    objects: {
      image: 'an image or shape',
      object: 'an embedded object',
      import: 'imported content (altChunk)',
      subdocument: 'a subdocument',
      macros: 'macros (a VBA project)',
      template: 'an attached template',
    },
  };
}

/** Where a difference is: "after paragraph 2 of clause 1.1 …". */
function phrase(w: Words, position: Position): string {
  if (position.at === 'header') return w.header;
  if (position.at === 'in') return w.inside(w.label(position.paragraph));
  if (position.at === 'after') return w.after(w.label(position.paragraph));
  return position.paragraph ? w.before(w.label(position.paragraph)) : w.start;
}

/** Where a difference is, as the start of its line. */
function where(w: Words, position: Position): string {
  return capitalise(phrase(w, position));
}

/** The paragraph a difference is in, as the start of its line. */
function which(w: Words, position: Position): string {
  return position.paragraph ? capitalise(w.label(position.paragraph)) : where(w, position);
}

export function verifyMessages(language: string): VerifyMessages {
  const lang: Lang = language === 'ca' || language === 'es' ? language : 'en';
  const w = words(lang);
  const q = w.quote;
  const diff = (expected: string, found: string) => aroundDifference(expected, found).map(q) as [string, string];

  if (lang === 'ca') {
    return {
      built: (file, release, template, language, date) => `${file}: generat a partir de ${release} (plantilla ${template}, ${language}, ${date})`,
      library: (release, lock) => `biblioteca: ${release}, ${lock ? 'amb' : 'sense'} clauses.lock.yaml`,
      overBases: (b) => (b.length === 0 ? '' : b.length === 1 ? `, que adapta la biblioteca base ${b[0]}` : `, que adapta les biblioteques base ${b.join(', ')}`),
      answers: (count, hash, file) =>
        `respostes: ${count} registrades al document${hash ? `, hash ${short(hash)}` : ''}${file ? (file.same ? `, les mateixes que ${file.display}` : `, diferents de les de ${file.display}`) : ''}`,
      problem(p) {
        switch (p.kind) {
          case 'other-library':
            return `el document es va generar amb la biblioteca ${p.document}, no amb ${p.library}`;
          case 'other-release':
            return `el document es va generar amb la versió ${p.document}; la biblioteca és la versió ${p.library}`;
          case 'lock-release':
            return `clauses.lock.yaml registra la versió ${p.lock}, no ${p.document}`;
          case 'other-bases':
            return `el document es va generar sobre ${p.document.join(', ') || 'cap biblioteca base'}; la biblioteca adapta ara ${p.library.join(', ') || 'cap biblioteca base'}`;
          case 'lock-bases':
            return `clauses.lock.yaml registra la base ${p.lock.join(', ') || 'cap'}, no ${p.document.join(', ') || 'cap'}`;
          case 'drafts':
            return 'el document es va generar amb --include-drafts: no és apte per a una licitació';
          case 'missing-property':
            return `falta la propietat ${p.name}`;
          case 'count-not-integer':
            return `la propietat clausula.clauses és ${q(p.value)}, que no és un nombre enter`;
          case 'count-mismatch':
            return `el document diu que té ${p.count} clàusules però en registra ${p.found}`;
          case 'clause-malformed':
            return `la propietat ${p.name} no té la forma «versió hash-del-contingut»: ${q(p.value)}`;
          case 'answers-malformed':
            return {
              pieces: 'les respostes registrades al document són incompletes (les propietats clausula.answers.N no corresponen a clausula.answers)',
              hash: 'les respostes registrades al document no corresponen al seu hash',
              json: 'les respostes registrades al document no es poden llegir',
            }[p.why];
          case 'unknown-question':
            return `el document registra una resposta a ${p.id}, que la biblioteca no pregunta`;
          case 'invalid-answer':
            return `el document registra per a ${p.id} una resposta que clausula build no acceptaria: ${p.message}`;
          case 'missing-answer':
            return `el document no registra cap resposta a ${p.id}, que clausula build exigeix`;
          case 'no-template':
            return `la biblioteca no té la plantilla ${p.template}, amb què es va generar el document`;
          case 'no-language':
            return `la biblioteca no té textos en ${p.language}, la llengua del document`;
          case 'bad-date':
            return `la data del document, ${q(p.date)}, no és una data`;
          case 'not-listed':
            return `les respostes registrades seleccionen la clàusula ${p.id}, que el document no registra`;
          case 'text-not-compared':
            return p.why === 'release'
              ? 'el text no s’ha comparat: es compara amb la versió de la biblioteca amb què es va generar el document (indiqueu-la amb --library)'
              : 'el text no s’ha comparat: el document no es pot tornar a generar a partir del que registra';
          case 'region':
            return 'el marcador «clausula» que envolta les clàusules generades no té final';
          case 'answers-differ':
            return `la resposta a ${p.id} és ${w.value(p.document)} al document i ${w.value(p.file)} al fitxer de respostes`;
        }
      },
      clauseProblem(p) {
        switch (p.kind) {
          case 'no-such-clause':
            return 'la biblioteca no té aquesta clàusula';
          case 'version':
            return `el document té la versió ${p.document}; la biblioteca, la ${p.library}`;
          case 'content':
            return `el contingut no coincideix amb la versió ${p.version} de la biblioteca (hash ${short(p.document)}; biblioteca, ${short(p.library)})`;
          case 'status':
            return `a la biblioteca té l’estat ${p.status === 'draft' ? 'd’esborrany' : 'de derogada'}`;
          case 'not-locked':
            return 'clauses.lock.yaml no la registra';
          case 'layer':
            return `el document diu que prové de ${p.document}; a la biblioteca prové de ${p.library}`;
          case 'lock':
            return `clauses.lock.yaml registra la versió ${p.version} amb el hash ${short(p.hash)}, no la ${p.documentVersion} amb ${short(p.documentHash)}`;
          case 'not-selected':
            return 'les respostes registrades al document no la seleccionen';
        }
      },
      editedClause: 'el text no és el que escriu clausula (vegeu-ne les diferències més avall)',
      verdict: { ok: 'correcta', edited: 'modificada', mismatch: 'no coincideix' },
      difference(d) {
        switch (d.kind) {
          case 'added':
            return `${where(w, d.position)}: ${d.heading === 2 ? 'un títol de clàusula' : d.heading ? 'un títol' : 'text'} que clausula no escriu: ${q(d.text)}`;
          case 'moved':
            return `${capitalise(w.label(d.from))}${d.count > 1 ? ` i ${d.count === 2 ? 'el paràgraf següent' : `els ${d.count - 1} paràgrafs següents`}` : ''}: al document ${d.count > 1 ? 'apareixen' : 'apareix'} ${phrase(w, d.position)}`;
          case 'missing':
            return `${which(w, d.position)}: falta (clausula hi escriu ${q(d.text)})`;
          case 'changed': {
            const [expected, found] = diff(d.expected, d.found);
            return `${which(w, d.position)}: el document diu ${found}; clausula hi escriu ${expected}`;
          }
          case 'heading': {
            const level = (n: number | undefined) => (n ? `un títol de nivell ${n}` : 'text ordinari');
            return `${which(w, d.position)}: al document és ${level(d.found)}; clausula hi escriu ${level(d.expected)}`;
          }
          case 'hidden':
            return `${where(w, d.position)}: text ocult, que Word no mostra: ${q(d.text)}`;
          case 'field':
            return `${where(w, d.position)}: un camp que calcula el seu text (${printable(d.instruction)}), que clausula no escriu`;
          case 'object':
            return `${where(w, d.position)}: ${w.objects[d.what]}, que clausula no escriu`;
          case 'footnote-changed': {
            const [expected, found] = diff(d.expected, d.found);
            return `${which(w, d.position)}: la nota a peu de pàgina diu ${found}; clausula hi escriu ${expected}`;
          }
          case 'footnote-added':
            return `${where(w, d.position)}: una nota a peu de pàgina que clausula no escriu: ${q(d.text)}`;
          case 'footnote-missing':
            return `${which(w, d.position)}: falta la nota a peu de pàgina (clausula hi escriu ${q(d.text)})`;
          case 'endnote':
            return `${where(w, d.position)}: una nota final, que clausula no escriu: ${q(d.text)}`;
          case 'heading-count':
            return d.level === 2
              ? `el document té ${d.found} ${d.found === 1 ? 'títol' : 'títols'} de clàusula; clausula n’escriu ${d.expected}`
              : `el document té ${d.found} ${d.found === 1 ? 'títol' : 'títols'} de part i d’apèndix; clausula n’escriu ${d.expected}`;
          case 'header':
            return `${d.part === 'header' ? 'la capçalera' : 'el peu de pàgina'} conté text que clausula no escriu: ${q(d.text)}`;
          case 'import':
            return `el document incorpora ${w.objects[d.what]}, que clausula no escriu`;
          case 'too-many':
            return `${where(w, d.position)}: a partir d’aquí el document difereix del que escriu clausula en més paràgrafs dels que verify detalla (en queden ${d.count})`;
        }
      },
      placeMissing: (place, n) => `${capitalise(w.label({ text: '', place, index: 0 }).replace(/^el t\u00edtol de /, ''))}: falta sencera (el títol i ${n - 1} ${n - 1 === 1 ? 'paràgraf' : 'paràgrafs'})`,
      text: (compared, region, n) =>
        `text${region ? ' (entre els marcadors «clausula»)' : ''}: ${!compared ? 'no comparat' : n === 0 ? 'tots els paràgrafs i totes les notes a peu de pàgina són tal com els escriu clausula' : `${n} ${n === 1 ? 'diferència' : 'diferències'} respecte del que escriu clausula:`}`,
      clauses: (total, bad) => `${total} clàusules: ${total - bad} tal com són a la biblioteca${bad ? `, ${bad} no` : ''}`,
      editedClauses: (ids) => `Clàusules modificades: ${ids}`,
      verified: 'Verificat: el document coincideix amb la biblioteca.',
      notVerified: 'No verificat: el document no coincideix amb la biblioteca.',
    };
  }

  if (lang === 'es') {
    return {
      built: (file, release, template, language, date) => `${file}: generado a partir de ${release} (plantilla ${template}, ${language}, ${date})`,
      library: (release, lock) => `biblioteca: ${release}, ${lock ? 'con' : 'sin'} clauses.lock.yaml`,
      overBases: (b) => (b.length === 0 ? '' : b.length === 1 ? `, que adapta la biblioteca base ${b[0]}` : `, que adapta las bibliotecas base ${b.join(', ')}`),
      answers: (count, hash, file) =>
        `respuestas: ${count} registradas en el documento${hash ? `, hash ${short(hash)}` : ''}${file ? (file.same ? `, las mismas que ${file.display}` : `, distintas de las de ${file.display}`) : ''}`,
      problem(p) {
        switch (p.kind) {
          case 'other-library':
            return `el documento se generó con la biblioteca ${p.document}, no con ${p.library}`;
          case 'other-release':
            return `el documento se generó con la versión ${p.document}; la biblioteca es la versión ${p.library}`;
          case 'lock-release':
            return `clauses.lock.yaml registra la versión ${p.lock}, no ${p.document}`;
          case 'other-bases':
            return `el documento se generó sobre ${p.document.join(', ') || 'ninguna biblioteca base'}; la biblioteca adapta ahora ${p.library.join(', ') || 'ninguna biblioteca base'}`;
          case 'lock-bases':
            return `clauses.lock.yaml registra la base ${p.lock.join(', ') || 'ninguna'}, no ${p.document.join(', ') || 'ninguna'}`;
          case 'drafts':
            return 'el documento se generó con --include-drafts: no es apto para una licitación';
          case 'missing-property':
            return `falta la propiedad ${p.name}`;
          case 'count-not-integer':
            return `la propiedad clausula.clauses es ${q(p.value)}, que no es un número entero`;
          case 'count-mismatch':
            return `el documento dice tener ${p.count} cláusulas pero registra ${p.found}`;
          case 'clause-malformed':
            return `la propiedad ${p.name} no tiene la forma «versión hash-del-contenido»: ${q(p.value)}`;
          case 'answers-malformed':
            return {
              pieces: 'las respuestas registradas en el documento están incompletas (las propiedades clausula.answers.N no corresponden a clausula.answers)',
              hash: 'las respuestas registradas en el documento no corresponden a su hash',
              json: 'las respuestas registradas en el documento no se pueden leer',
            }[p.why];
          case 'unknown-question':
            return `el documento registra una respuesta a ${p.id}, que la biblioteca no pregunta`;
          case 'invalid-answer':
            return `el documento registra para ${p.id} una respuesta que clausula build no aceptaría: ${p.message}`;
          case 'missing-answer':
            return `el documento no registra ninguna respuesta a ${p.id}, que clausula build exige`;
          case 'no-template':
            return `la biblioteca no tiene la plantilla ${p.template}, con la que se generó el documento`;
          case 'no-language':
            return `la biblioteca no tiene textos en ${p.language}, la lengua del documento`;
          case 'bad-date':
            return `la fecha del documento, ${q(p.date)}, no es una fecha`;
          case 'not-listed':
            return `las respuestas registradas seleccionan la cláusula ${p.id}, que el documento no registra`;
          case 'text-not-compared':
            return p.why === 'release'
              ? 'el texto no se ha comparado: se compara con la versión de la biblioteca con la que se generó el documento (indíquela con --library)'
              : 'el texto no se ha comparado: el documento no se puede volver a generar a partir de lo que registra';
          case 'region':
            return 'el marcador «clausula» que rodea las cláusulas generadas no tiene final';
          case 'answers-differ':
            return `la respuesta a ${p.id} es ${w.value(p.document)} en el documento y ${w.value(p.file)} en el fichero de respuestas`;
        }
      },
      clauseProblem(p) {
        switch (p.kind) {
          case 'no-such-clause':
            return 'la biblioteca no tiene esta cláusula';
          case 'version':
            return `el documento tiene la versión ${p.document}; la biblioteca, la ${p.library}`;
          case 'content':
            return `el contenido no coincide con la versión ${p.version} de la biblioteca (hash ${short(p.document)}; biblioteca, ${short(p.library)})`;
          case 'status':
            return `en la biblioteca está ${p.status === 'draft' ? 'en borrador' : 'derogada'}`;
          case 'not-locked':
            return 'clauses.lock.yaml no la registra';
          case 'layer':
            return `el documento dice que procede de ${p.document}; en la biblioteca procede de ${p.library}`;
          case 'lock':
            return `clauses.lock.yaml registra la versión ${p.version} con el hash ${short(p.hash)}, no la ${p.documentVersion} con ${short(p.documentHash)}`;
          case 'not-selected':
            return 'las respuestas registradas en el documento no la seleccionan';
        }
      },
      editedClause: 'el texto no es el que escribe clausula (véanse las diferencias más abajo)',
      verdict: { ok: 'correcta', edited: 'modificada', mismatch: 'no coincide' },
      difference(d) {
        switch (d.kind) {
          case 'added':
            return `${where(w, d.position)}: ${d.heading === 2 ? 'un título de cláusula' : d.heading ? 'un título' : 'texto'} que clausula no escribe: ${q(d.text)}`;
          case 'moved':
            return `${capitalise(w.label(d.from))}${d.count > 1 ? ` y ${d.count === 2 ? 'el párrafo siguiente' : `los ${d.count - 1} párrafos siguientes`}` : ''}: en el documento ${d.count > 1 ? 'aparecen' : 'aparece'} ${phrase(w, d.position)}`;
          case 'missing':
            return `${which(w, d.position)}: falta (clausula escribe ${q(d.text)})`;
          case 'changed': {
            const [expected, found] = diff(d.expected, d.found);
            return `${which(w, d.position)}: el documento dice ${found}; clausula escribe ${expected}`;
          }
          case 'heading': {
            const level = (n: number | undefined) => (n ? `un título de nivel ${n}` : 'texto ordinario');
            return `${which(w, d.position)}: en el documento es ${level(d.found)}; clausula escribe ${level(d.expected)}`;
          }
          case 'hidden':
            return `${where(w, d.position)}: texto oculto, que Word no muestra: ${q(d.text)}`;
          case 'field':
            return `${where(w, d.position)}: un campo que calcula su texto (${printable(d.instruction)}), que clausula no escribe`;
          case 'object':
            return `${where(w, d.position)}: ${w.objects[d.what]}, que clausula no escribe`;
          case 'footnote-changed': {
            const [expected, found] = diff(d.expected, d.found);
            return `${which(w, d.position)}: la nota al pie dice ${found}; clausula escribe ${expected}`;
          }
          case 'footnote-added':
            return `${where(w, d.position)}: una nota al pie que clausula no escribe: ${q(d.text)}`;
          case 'footnote-missing':
            return `${which(w, d.position)}: falta la nota al pie (clausula escribe ${q(d.text)})`;
          case 'endnote':
            return `${where(w, d.position)}: una nota al final, que clausula no escribe: ${q(d.text)}`;
          case 'heading-count':
            return d.level === 2
              ? `el documento tiene ${d.found} ${d.found === 1 ? 'título' : 'títulos'} de cláusula; clausula escribe ${d.expected}`
              : `el documento tiene ${d.found} ${d.found === 1 ? 'título' : 'títulos'} de parte y de apéndice; clausula escribe ${d.expected}`;
          case 'header':
            return `${d.part === 'header' ? 'el encabezado' : 'el pie de página'} contiene texto que clausula no escribe: ${q(d.text)}`;
          case 'import':
            return `el documento incorpora ${w.objects[d.what]}, que clausula no escribe`;
          case 'too-many':
            return `${where(w, d.position)}: a partir de aquí el documento difiere de lo que escribe clausula en más párrafos de los que verify detalla (quedan ${d.count})`;
        }
      },
      placeMissing: (place, n) => `${capitalise(w.label({ text: '', place, index: 0 }).replace(/^el t\u00edtulo de /, ''))}: falta entera (el título y ${n - 1} ${n - 1 === 1 ? 'párrafo' : 'párrafos'})`,
      text: (compared, region, n) =>
        `texto${region ? ' (entre los marcadores «clausula»)' : ''}: ${!compared ? 'no comparado' : n === 0 ? 'todos los párrafos y todas las notas al pie son tal como los escribe clausula' : `${n} ${n === 1 ? 'diferencia' : 'diferencias'} respecto de lo que escribe clausula:`}`,
      clauses: (total, bad) => `${total} cláusulas: ${total - bad} tal como están en la biblioteca${bad ? `, ${bad} no` : ''}`,
      editedClauses: (ids) => `Cláusulas modificadas: ${ids}`,
      verified: 'Verificado: el documento coincide con la biblioteca.',
      notVerified: 'No verificado: el documento no coincide con la biblioteca.',
    };
  }

  return {
    built: (file, release, template, language, date) => `${file}: built from ${release} (template ${template}, ${language}, ${date})`,
    library: (release, lock) => `library: ${release}, ${lock ? 'with' : 'no'} clauses.lock.yaml`,
    overBases: (b) => (b.length === 0 ? '' : b.length === 1 ? `, which adapts the base library ${b[0]}` : `, which adapts the base libraries ${b.join(', ')}`),
    answers: (count, hash, file) => `answers: ${count} recorded in the document${hash ? `, hash ${short(hash)}` : ''}${file ? (file.same ? `, the same as ${file.display}` : `, not those of ${file.display}`) : ''}`,
    problem(p) {
      switch (p.kind) {
        case 'other-library':
          return `the document was built from the library ${p.document}, not from ${p.library}`;
        case 'other-release':
          return `the document was built from release ${p.document}; the library is release ${p.library}`;
        case 'lock-release':
          return `clauses.lock.yaml records release ${p.lock}, not ${p.document}`;
        case 'other-bases':
          return `the document was built over ${p.document.join(', ') || 'no base library'}; the library now adapts ${p.library.join(', ') || 'no base library'}`;
        case 'lock-bases':
          return `clauses.lock.yaml records the base ${p.lock.join(', ') || 'none'}, not ${p.document.join(', ') || 'none'}`;
        case 'drafts':
          return 'the document was built with --include-drafts: it is not for tender use';
        case 'missing-property':
          return `the property ${p.name} is missing`;
        case 'count-not-integer':
          return `the property clausula.clauses is ${q(p.value)}, not a whole number`;
        case 'count-mismatch':
          return `the document says it has ${p.count} clauses but lists ${p.found}`;
        case 'clause-malformed':
          return `the property ${p.name} is not "version content-hash": ${q(p.value)}`;
        case 'answers-malformed':
          return {
            pieces: 'the answers the document records are incomplete (the properties clausula.answers.N do not match clausula.answers)',
            hash: 'the answers the document records do not match their hash',
            json: 'the answers the document records cannot be read',
          }[p.why];
        case 'unknown-question':
          return `the document records an answer to ${p.id}, which the library does not ask`;
        case 'invalid-answer':
          return `the document records an answer to ${p.id} that clausula build would refuse: ${p.message}`;
        case 'missing-answer':
          return `the document records no answer to ${p.id}, which clausula build requires`;
        case 'no-template':
          return `the library has no template ${p.template}, which the document was built from`;
        case 'no-language':
          return `the library has no ${p.language} texts, the document's language`;
        case 'bad-date':
          return `the document's date ${q(p.date)} is not a date`;
        case 'not-listed':
          return `the answers the document records select clause ${p.id}, which the document does not list`;
        case 'text-not-compared':
          return p.why === 'release'
            ? 'the text was not compared: it is compared with the release the document was built from (give that release with --library)'
            : 'the text was not compared: the document cannot be built again from what it records';
        case 'region':
          return 'the bookmark "clausula" around the built clauses has no end';
        case 'answers-differ':
          return `the answer to ${p.id} is ${w.value(p.document)} in the document and ${w.value(p.file)} in the answers file`;
      }
    },
    clauseProblem(p) {
      switch (p.kind) {
        case 'no-such-clause':
          return 'the library has no such clause';
        case 'version':
          return `the document has version ${p.document}; the library has ${p.library}`;
        case 'content':
          return `its content differs from the library's version ${p.version} (content hash ${short(p.document)}, library ${short(p.library)})`;
        case 'status':
          return `it is ${p.status} in the library`;
        case 'not-locked':
          return 'clauses.lock.yaml does not record it';
        case 'layer':
          return `the document says it comes from ${p.document}; in the library it comes from ${p.library}`;
        case 'lock':
          return `clauses.lock.yaml records version ${p.version} with hash ${short(p.hash)}, not ${p.documentVersion} with ${short(p.documentHash)}`;
        case 'not-selected':
          return 'the answers the document records do not select it';
      }
    },
    editedClause: 'its text is not what clausula writes (the differences are listed below)',
    verdict: { ok: 'ok', edited: 'edited', mismatch: 'mismatch' },
    difference(d) {
      switch (d.kind) {
        case 'added':
          return `${where(w, d.position)}: ${d.heading === 2 ? 'a clause heading' : d.heading ? 'a heading' : 'text'} the build does not write: ${q(d.text)}`;
        case 'moved':
          return `${capitalise(w.label(d.from))}${d.count > 1 ? ` and the ${d.count - 1} ${d.count === 2 ? 'paragraph' : 'paragraphs'} after it` : ''}: the document has ${d.count > 1 ? 'them' : 'it'} ${phrase(w, d.position)}`;
        case 'missing':
          return `${which(w, d.position)}: missing (the build writes ${q(d.text)})`;
        case 'changed': {
          const [expected, found] = diff(d.expected, d.found);
          return `${which(w, d.position)}: the document has ${found}; the build writes ${expected}`;
        }
        case 'heading': {
          const level = (n: number | undefined) => (n ? `a level ${n} heading` : 'ordinary text');
          return `${which(w, d.position)}: ${level(d.found)} in the document; the build writes ${level(d.expected)}`;
        }
        case 'hidden':
          return `${where(w, d.position)}: hidden text, which Word does not show: ${q(d.text)}`;
        case 'field':
          return `${where(w, d.position)}: a field that computes its text (${printable(d.instruction)}), which the build does not write`;
        case 'object':
          return `${where(w, d.position)}: ${w.objects[d.what]}, which the build does not write`;
        case 'footnote-changed': {
          const [expected, found] = diff(d.expected, d.found);
          return `${which(w, d.position)}: its footnote has ${found}; the build writes ${expected}`;
        }
        case 'footnote-added':
          return `${where(w, d.position)}: a footnote the build does not write: ${q(d.text)}`;
        case 'footnote-missing':
          return `${which(w, d.position)}: its footnote is missing (the build writes ${q(d.text)})`;
        case 'endnote':
          return `${where(w, d.position)}: an endnote, which the build does not write: ${q(d.text)}`;
        case 'heading-count':
          return d.level === 2 ? `the document has ${d.found} clause ${d.found === 1 ? 'heading' : 'headings'}; the build writes ${d.expected}` : `the document has ${d.found} ${d.found === 1 ? 'heading' : 'headings'} of parts and appendices; the build writes ${d.expected}`;
        case 'header':
          return `the ${d.part} holds text the build does not write: ${q(d.text)}`;
        case 'import':
          return `the document brings in ${w.objects[d.what]}, which the build does not write`;
        case 'too-many':
          return `${where(w, d.position)}: from here on the document differs from the build in more paragraphs than verify lists (${d.count} left)`;
      }
    },
    placeMissing: (place, n) => `${capitalise(w.label({ text: '', place, index: 0 }).replace(/^the heading of /, ''))}: missing whole (its heading and ${n - 1} ${n - 1 === 1 ? 'paragraph' : 'paragraphs'})`,
    text: (compared, region, n) =>
      `text${region ? ' (between the bookmarks "clausula")' : ''}: ${!compared ? 'not compared' : n === 0 ? 'every paragraph and footnote is as the build writes it' : `${n} ${n === 1 ? 'difference' : 'differences'} from what the build writes:`}`,
    clauses: (total, bad) => `${total} clauses: ${total - bad} as in the library${bad ? `, ${bad} not` : ''}`,
    editedClauses: (ids) => `Edited clauses: ${ids}`,
    verified: 'Verified: the document matches the library.',
    notVerified: 'Not verified: the document does not match the library.',
  };
}
