import { diffArrays } from 'diff';
import type { WrittenParagraph, WrittenText } from '../render/docx/text.js';
import type { WordDocument } from './read-document.js';
import type { ObjectKind, WordParagraph } from './word-text.js';

/**
 * Where something in the document is, by the paragraph of the build it matches (`in`), or
 * the last one before it that does (`after`; `before` the first when none does).
 */
export type Position = { at: 'in' | 'after'; paragraph: WrittenParagraph } | { at: 'before'; paragraph: WrittenParagraph | undefined } | { at: 'header'; paragraph?: undefined };

/** One way the document's text differs from what the build writes. */
export type TextDifference =
  | { kind: 'added'; position: Position; text: string; heading?: number }
  /** Paragraphs of the build found elsewhere in the document: `from` is the first of them, `count` how many in a row. */
  | { kind: 'moved'; from: WrittenParagraph; count: number; position: Position }
  | { kind: 'missing'; position: Position; text: string }
  | { kind: 'changed'; position: Position; expected: string; found: string }
  | { kind: 'heading'; position: Position; expected: number | undefined; found: number | undefined }
  | { kind: 'hidden'; position: Position; text: string }
  | { kind: 'field'; position: Position; instruction: string }
  | { kind: 'object'; position: Position; what: ObjectKind }
  | { kind: 'footnote-changed'; position: Position; expected: string; found: string }
  | { kind: 'footnote-added'; position: Position; text: string }
  | { kind: 'footnote-missing'; position: Position; text: string }
  | { kind: 'endnote'; position: Position; text: string }
  | { kind: 'heading-count'; level: 1 | 2; expected: number; found: number }
  | { kind: 'header'; part: 'header' | 'footer'; text: string }
  | { kind: 'import'; what: ObjectKind }
  | { kind: 'too-many'; position: Position; count: number };

export interface CompareOptions {
  /** Compare only the paragraphs of the build that these places hold (a build into a host document). */
  places?: ReadonlySet<WrittenParagraph['place']['kind']>;
  /** The document's paragraphs to compare (the whole body unless a host's region is given). */
  paragraphs?: readonly WordParagraph[];
  /** Whether the headers and footers are the build's (not a host document's). */
  headers?: boolean;
}

/** Past this many paragraphs added, removed or changed, the document is reported as rewritten. */
const MAX_EDITS = 500;

/**
 * Compare the text of a Word document, paragraph by paragraph and footnote by footnote,
 * with the text the build writes. Every paragraph with text counts; so does an empty one
 * that shows something (a heading's or a list item's number). The table of contents is
 * compared without its page numbers.
 */
export function compareText(written: WrittenText, doc: WordDocument, options: CompareOptions = {}): TextDifference[] {
  const expected = written.body.filter((p) => (!options.places || options.places.has(p.place.kind)) && (p.text !== '' || p.heading !== undefined || p.listItem === true));
  const all = options.paragraphs ?? doc.body;
  const out: TextDifference[] = [];

  // What the document shows besides its text, wherever it is.
  const sideFindings = (p: WordParagraph, position: Position) => {
    if (p.hidden.trim() !== '') out.push({ kind: 'hidden', position, text: p.hidden });
    for (const instruction of p.fields) out.push({ kind: 'field', position, instruction });
    for (const what of p.objects) out.push({ kind: 'object', position, what });
    for (const id of p.endnotes) out.push({ kind: 'endnote', position, text: noteText(doc.endnotes.get(id)) });
  };
  const shows = (p: WordParagraph) => p.text !== '' || p.headingLevel !== undefined || p.numbered || p.footnotes.length > 0;
  const actual = all.filter(shows);

  const key = (text: string, heading: number | undefined) => `${heading ?? 0}\u0000${text}`;
  const expectedKeys = expected.map((p) => key(p.text, p.heading));
  const actualKeys = actual.map((p) => key(p.inContents ? p.text.replace(/[\t ]+$/, '') : p.text, p.headingLevel));

  // Positions for what is found between the build's paragraphs.
  let last: WrittenParagraph | undefined;
  const after = (): Position => (last ? { at: 'after', paragraph: last } : { at: 'before', paragraph: expected[0] });
  const matches = new Map<WordParagraph, WrittenParagraph>();
  const matched = (e: WrittenParagraph, a: WordParagraph) => {
    const position: Position = { at: 'in', paragraph: e };
    matches.set(a, e);
    compareFootnotes(e, a, position, doc, out);
    last = e;
    return position;
  };

  for (const change of alignment(expectedKeys, actualKeys)) {
    if (change.kind === 'same') {
      const position = matched(expected[change.expected]!, actual[change.actual]!);
      sideFindings(actual[change.actual]!, position);
    } else if (change.kind === 'changed') {
      const e = expected[change.expected]!;
      const a = actual[change.actual]!;
      const position: Position = { at: 'in', paragraph: e };
      const text = a.inContents ? a.text.replace(/[\t ]+$/, '') : a.text;
      if (text === e.text) out.push({ kind: 'heading', position, expected: e.heading, found: a.headingLevel });
      else out.push({ kind: 'changed', position, expected: e.text, found: text });
      matched(e, a);
      sideFindings(a, position);
    } else if (change.kind === 'added') {
      const a = actual[change.actual]!;
      const position = after();
      out.push({ kind: 'added', position, text: a.text, ...(a.headingLevel !== undefined ? { heading: a.headingLevel } : {}) });
      for (const id of a.footnotes) out.push({ kind: 'footnote-added', position, text: noteText(doc.footnotes.get(id)) });
      sideFindings(a, position);
    } else if (change.kind === 'missing') {
      const e = expected[change.expected]!;
      out.push({ kind: 'missing', position: { at: 'in', paragraph: e }, text: e.text });
      last = e;
    } else {
      out.push({ kind: 'too-many', position: after(), count: change.count });
      break;
    }
  }
  // Paragraphs left out of the comparison (empty ones) can still hide text or hold objects.
  let before: WrittenParagraph | undefined;
  for (const p of all) {
    const match = matches.get(p);
    if (match) before = match;
    else if (!shows(p)) sideFindings(p, before ? { at: 'after', paragraph: before } : { at: 'before', paragraph: expected[0] });
  }

  const differences = withMoves(out, expected);
  out.length = 0;
  out.push(...differences);

  for (const level of [2, 1] as const) {
    const wanted = expected.filter((p) => p.heading === level).length;
    const found = actual.filter((p) => p.headingLevel === level).length;
    if (wanted !== found) out.push({ kind: 'heading-count', level, expected: wanted, found });
  }

  if (options.headers !== false) {
    for (const [part, parts, allowed] of [['header', doc.headers, written.headers], ['footer', doc.footers, written.footers]] as const) {
      for (const p of parts.flat()) {
        if (p.text.trim() !== '' && !allowed.includes(p.text)) out.push({ kind: 'header', part, text: p.text });
        sideFindings(p, { at: 'header' });
      }
    }
    for (const what of doc.imports) out.push({ kind: 'import', what });
  }
  return out;
}

/**
 * Paragraphs missing in one place and found, in the same order, in another: moved. A run of
 * missing paragraphs and a run of added ones with the same texts become one difference (and
 * the footnotes the moved paragraphs carry as the build writes them are not news).
 */
function withMoves(differences: readonly TextDifference[], expected: readonly WrittenParagraph[]): TextDifference[] {
  type Run = { start: number; end: number; texts: string[] };
  const runs = (kind: 'missing' | 'added', same: (a: TextDifference, b: TextDifference) => boolean): Run[] => {
    const out: Run[] = [];
    for (let i = 0; i < differences.length; i++) {
      const d = differences[i]!;
      if (d.kind !== kind) continue;
      const last = out[out.length - 1];
      const previous = last ? differences[last.end - 1]! : undefined;
      if (last && last.end === i && previous && same(previous, d)) {
        last.end = i + 1;
        last.texts.push(d.text);
      } else out.push({ start: i, end: i + 1, texts: [d.text] });
    }
    return out;
  };
  const missing = runs('missing', (a, b) => a.kind === 'missing' && b.kind === 'missing' && a.position.paragraph?.place === b.position.paragraph?.place);
  // Added paragraphs in a row share their position; footnotes of added paragraphs sit among them.
  const addedRuns: Run[] = [];
  for (let i = 0; i < differences.length; i++) {
    const d = differences[i]!;
    if (d.kind !== 'added') continue;
    const last = addedRuns[addedRuns.length - 1];
    const between = last ? differences.slice(last.end, i) : [];
    if (last && between.every((b) => b.kind === 'footnote-added') && differences[last.start]!.kind === 'added' && samePosition(differences[last.start]! as { position: Position }, d)) {
      last.end = i + 1;
      last.texts.push(d.text);
    } else addedRuns.push({ start: i, end: i + 1, texts: [d.text] });
  }
  const drop = new Set<number>();
  const replace = new Map<number, TextDifference>();
  for (const m of missing) {
    const match = addedRuns.find((a) => !drop.has(a.start) && a.texts.length === m.texts.length && a.texts.every((t, i) => t === m.texts[i]) && a.texts.some((t) => t !== ''));
    if (!match) continue;
    const first = differences[m.start] as Extract<TextDifference, { kind: 'missing' }>;
    const from = first.position.paragraph!;
    const wantedNotes = new Set(expected.slice(expected.indexOf(from), expected.indexOf(from) + m.texts.length).flatMap((p) => (p.footnote ? [p.footnote.join('\n')] : [])));
    for (let i = m.start; i < m.end; i++) drop.add(i);
    for (let i = match.start; i < match.end; i++) {
      const d = differences[i]!;
      if (d.kind === 'added' || (d.kind === 'footnote-added' && wantedNotes.has(d.text))) drop.add(i);
    }
    replace.set(m.start, { kind: 'moved', from, count: m.texts.length, position: (differences[match.start] as { position: Position }).position });
  }
  return differences.flatMap((d, i) => (replace.has(i) ? [replace.get(i)!] : drop.has(i) ? [] : [d]));
}

function samePosition(a: { position: Position }, b: { position: Position }): boolean {
  return a.position.at === b.position.at && a.position.paragraph === b.position.paragraph;
}

function compareFootnotes(e: WrittenParagraph, a: WordParagraph, position: Position, doc: WordDocument, out: TextDifference[]): void {
  const wanted = e.footnote ? [e.footnote.join('\n')] : [];
  const found = a.footnotes.map((id) => noteText(doc.footnotes.get(id)));
  for (let i = 0; i < Math.max(wanted.length, found.length); i++) {
    const w = wanted[i];
    const f = found[i];
    if (w !== undefined && f !== undefined && w !== f) out.push({ kind: 'footnote-changed', position, expected: w, found: f });
    if (w === undefined && f !== undefined) out.push({ kind: 'footnote-added', position, text: f });
    if (w !== undefined && f === undefined) out.push({ kind: 'footnote-missing', position, text: w });
  }
  for (const id of a.footnotes) {
    for (const p of doc.footnotes.get(id) ?? []) {
      if (p.hidden.trim() !== '') out.push({ kind: 'hidden', position, text: p.hidden });
      for (const instruction of p.fields) out.push({ kind: 'field', position, instruction });
      for (const what of p.objects) out.push({ kind: 'object', position, what });
    }
  }
}

/** A note's text as a reader sees it: its paragraphs with text, trimmed (the space after the number is layout). */
function noteText(paragraphs: readonly WordParagraph[] | undefined): string {
  return (paragraphs ?? [])
    .map((p) => p.text.trim())
    .filter((t) => t !== '')
    .join('\n');
}

type Step =
  | { kind: 'same'; expected: number; actual: number }
  | { kind: 'changed'; expected: number; actual: number }
  | { kind: 'added'; actual: number }
  | { kind: 'missing'; expected: number }
  | { kind: 'too-many'; count: number };

/**
 * Line the document's paragraphs up with the build's: the same text in the same order
 * matches; a run of paragraphs removed and added at one place pairs up as changes. The
 * common beginning and end are matched in linear time, and the rest by Myers' diff with an
 * edit limit, so a document rewritten throughout costs no more than a few edits.
 */
function alignment(expected: readonly string[], actual: readonly string[]): Step[] {
  const steps: Step[] = [];
  let start = 0;
  while (start < expected.length && start < actual.length && expected[start] === actual[start]) {
    steps.push({ kind: 'same', expected: start, actual: start });
    start++;
  }
  let endE = expected.length;
  let endA = actual.length;
  while (endE > start && endA > start && expected[endE - 1] === actual[endA - 1]) {
    endE--;
    endA--;
  }
  const middle = endE - start + (endA - start) === 0 ? [] : diffArrays(expected.slice(start, endE), actual.slice(start, endA), { maxEditLength: MAX_EDITS });
  if (middle === undefined) {
    steps.push({ kind: 'too-many', count: Math.max(endE, endA) - start });
    return steps;
  }
  let e = start;
  let a = start;
  for (let i = 0; i < middle.length; i++) {
    const change = middle[i]!;
    if (!change.added && !change.removed) {
      for (let k = 0; k < change.count; k++) steps.push({ kind: 'same', expected: e++, actual: a++ });
    } else if (change.removed) {
      const next = middle[i + 1];
      const added = next?.added ? next.count : 0;
      const paired = Math.min(change.count, added);
      for (let k = 0; k < paired; k++) steps.push({ kind: 'changed', expected: e++, actual: a++ });
      for (let k = paired; k < change.count; k++) steps.push({ kind: 'missing', expected: e++ });
      for (let k = paired; k < added; k++) steps.push({ kind: 'added', actual: a++ });
      if (added > 0) i++;
    } else {
      for (let k = 0; k < change.count; k++) steps.push({ kind: 'added', actual: a++ });
    }
  }
  for (let k = 0; k < expected.length - endE; k++) steps.push({ kind: 'same', expected: e++, actual: a++ });
  return steps;
}
