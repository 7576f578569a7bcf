import type { AnswerValue } from '../schema/common.js';
import type { Clause } from '../schema/clause.js';
import type { Template } from '../schema/template.js';
import type { Trace } from '../expr/evaluate.js';
import { phrase } from '../expr/describe.js';
import { baseReleasesOf, pick, type Library } from '../library/model.js';
import { clauseHash, shortHash } from '../text/hash.js';
import { clausePlainText, textHash } from '../text/plain-text.js';
import { parseClauseText, type Block, type Inline } from '../text/clause-text.js';
import { outline } from './outline.js';
import { choosePassages } from './passages.js';
import { clauseBlocks } from '../text/passages.js';
import type { Reason, Selection } from './select.js';
import { literalAnswer, showable } from '../text/literal.js';
import { formatAnswer, formatDate } from './values.js';
import { wordsFor, type Words } from './words.js';
import { typeset, Typesetter } from '../text/typography.js';
import type { DocBlock, Run } from '../text/blocks.js';

export type { Run, DocBlock } from '../text/blocks.js';

export interface DocClause {
  id: string;
  /** "2.3": the part's number and the clause's place in it. */
  number: string;
  version: string;
  status: 'draft' | 'approved' | 'deprecated';
  /** `sha256:…` of the clause's normative content, as in clauses.lock.yaml. */
  hash: string;
  shortHash: string;
  title: string;
  blocks: DocBlock[];
  /** `sha256:…` of the clause's text as generated (title and paragraphs, see text/plain-text.ts). */
  textHash: string;
  /** The library it comes from: the library's own id, or the base's it inherits the clause from. */
  layer: string;
  legalBasis: DocLegalBasis[];
  /** Why the clause is in, in plain words (rationale annex). */
  rationale: string;
  /** In a guideline: what officers read about the clause besides its text. */
  guide?: ClauseGuide;
}

/** A legal basis in the document's language, as its footnote prints it. */
export interface DocLegalBasis {
  ref: string;
  url?: string;
}

export interface ClauseGuide {
  /** When it applies, in plain words. */
  applies: string;
  guidance: DocBlock[];
  /** "1.2.0 · approved", in the document's language. */
  versionLine: string;
  supersededBy?: string;
}

export interface DocPart {
  /** "2": the part's place in the document. */
  number: string;
  heading: string;
  intro: DocBlock[];
  clauses: DocClause[];
}

export interface AnnexTable {
  kind: 'answers' | 'provenance' | 'rationale';
  title: string;
  note?: string;
  columns: string[];
  rows: string[][];
}

/**
 * Everything a document says, resolved to literal text in one language. Renderers
 * (docx, md, html, json) only lay it out; they decide nothing.
 */
export interface DocumentModel {
  /** A tender's clauses (`build`) or the library's guideline (`guide`). */
  kind: 'tender' | 'guide';
  language: string;
  words: Words;
  title: string;
  template: string;
  /** The library, and for a library over a base, the base releases it adapts, nearest first. */
  library: { id: string; version: string; release: string; title: string; bases: string[] };
  cover: {
    authority: string | undefined;
    contractTitle: string | undefined;
    contractReference: string | undefined;
    contractType: string | undefined;
    cpvCodes: string | undefined;
    duration: string | undefined;
    date: string;
    isoDate: string;
  };
  parts: DocPart[];
  annexes: AnnexTable[];
  /** Placeholders left blank, as "clause id: question id". */
  blanks: string[];
  /** Selected clauses the template does not place. */
  unplaced: string[];
  /** Label and value of each line of the cover, in order. */
  coverRows: { label: string; value: string }[];
  /** The cover's first line in a tender document: "Annex No. __ to the PCAP", the number left for the officer. */
  annexLine?: string;
  /** The running header: "Expte." and the contract reference, else the contract's title, else the document title. */
  header: string;
  /** Set when draft clauses were allowed in (--include-drafts): the document is not for tender use. */
  notice?: string;
  /** What the document was built from besides the library, recorded in it so `verify` can build it again. */
  inputs: { answers: Record<string, AnswerValue>; rationale: boolean };
}

export interface DocumentOptions {
  language: string;
  /** The document's date (SOURCE_DATE_EPOCH or now, decided by the caller). */
  date: Date;
  rationale?: boolean;
  /** Draft clauses were allowed into the selection: the document says it is not for tender use. */
  includeDrafts?: boolean;
}

export function buildDocument(
  library: Library,
  template: Template,
  selection: Selection,
  answers: ReadonlyMap<string, AnswerValue>,
  options: DocumentOptions,
): DocumentModel {
  const { language } = options;
  const words = wordsFor(language);
  const manifest = library.manifest!.value;
  const fallback = manifest.defaultLanguage ?? manifest.languages[0];
  const text = (t: Record<string, string> | string | undefined) => pick(t, language, fallback);
  const answerText = (id: string) => {
    const value = formatAnswer(library.questions.get(id)?.question, answers.get(id), language);
    return value === undefined ? undefined : literalAnswer(value);
  };
  const blanks: string[] = [];

  const selected = selection.included.map((id) => selection.byId.get(id)!.clause);
  const placed = outline(template, selected);
  const titleOf = (id: string) => {
    const c = library.clauseById.get(id)?.value;
    return c ? words.quote(showable(text(c.title))) : id;
  };

  // What prints of each clause depends on the whole document: a definition only where its term is used.
  const printed = choosePassages(
    placed.parts.flatMap((p) => p.clauses),
    answers,
    language,
    fallback,
    placed.parts.flatMap((p) => [text(p.heading), ...(p.intro ? [text(p.intro)] : [])]),
  );
  const parts: DocPart[] = placed.parts.map((part, partIndex) => ({
    number: String(partIndex + 1),
    heading: typeset(showable(text(part.heading)), words.locale),
    intro: part.intro ? resolveBlocks(parseClauseText(text(part.intro)), answerText, words, (name) => blanks.push(`${template.id}: ${name}`)) : [],
    clauses: part.clauses.map((clause, clauseIndex) => ({
      ...docClause(clause, `${partIndex + 1}.${clauseIndex + 1}`, text, clauseBlocks(clause, text, printed.get(clause.id)), answerText, words, (name) => blanks.push(`${clause.id}: ${name}`), library.clauseById.get(clause.id)?.layer ?? manifest.id),
      rationale: rationaleFor(selection.byId.get(clause.id)!.reasons, library, language, words, answerText, titleOf),
    })),
  }));

  const release = `${manifest.id}@${manifest.version}`;
  const bases = baseReleasesOf(library);
  const isoDate = options.date.toISOString().slice(0, 10);
  const annexes: AnnexTable[] = [];
  const wanted = new Set(template.annexes ?? ['answers', 'provenance']);
  if (options.rationale) wanted.add('rationale');
  if (wanted.has('answers')) {
    const rows: string[][] = [];
    for (const entry of [...library.questions.values()].sort((a, b) => a.index - b.index)) {
      const value = answerText(entry.question.id);
      if (value === undefined) continue;
      // Option labels are written to read inside a sentence ("en temps real"); in the table they start with a capital,
      // as the questions and the yes/no answers do. What the officer typed stays as typed.
      const option = entry.question.type === 'select' || entry.question.type === 'multiselect';
      rows.push([capitalise(typeset(text(entry.question.label), words.locale)), option ? capitalise(value) : value]);
    }
    annexes.push({ kind: 'answers', title: words.answersAnnex, columns: [words.question, words.answer], rows });
  }
  if (wanted.has('provenance')) {
    // A draft clause says so next to its version: only approved clauses belong in a tender. Over a base, a column names each clause's library.
    const layered = bases.length > 0;
    const rows = parts.flatMap((p) => p.clauses.map((c) => [c.id, ...(layered ? [c.layer] : []), c.status === 'approved' ? c.version : `${c.version} (${words.statuses[c.status]})`, c.shortHash]));
    annexes.push({ kind: 'provenance', title: words.provenanceAnnex, note: words.provenanceNote(release, bases), columns: [words.clause, ...(layered ? [words.library] : []), words.version, words.hash], rows });
  }
  if (wanted.has('rationale')) {
    const rows = parts.flatMap((p) => p.clauses.map((c) => [`${c.title} (${c.id})`, c.rationale]));
    annexes.push({ kind: 'rationale', title: words.rationaleAnnex, columns: [words.clause, words.why], rows });
  }

  const cover = {
    authority: answerText('authorityName'),
    contractTitle: answerText('contractTitle'),
    contractReference: answerText('contractReference'),
    contractType: answerText('contractType'),
    cpvCodes: answerText('cpvCodes'),
    duration: answerText('contractDurationMonths'),
    date: formatDate(isoDate, language),
    isoDate,
  };
  const title = typeset(showable(text(template.title)), words.locale);
  const notice = options.includeDrafts ? words.draftNotice : undefined;
  const coverRows = [
    { label: words.cover.authority, value: cover.authority },
    { label: words.cover.contract, value: cover.contractTitle },
    { label: words.cover.reference, value: cover.contractReference },
    { label: words.cover.type, value: cover.contractType },
    { label: words.cover.cpv, value: cover.cpvCodes },
    { label: words.cover.duration, value: cover.duration === undefined ? undefined : `${cover.duration} ${words.cover.months}` },
    { label: words.cover.date, value: cover.date },
    { label: words.status, value: notice },
  ].filter((row): row is { label: string; value: string } => row.value !== undefined);

  return {
    kind: 'tender',
    language,
    words,
    title,
    template: template.id,
    library: { id: manifest.id, version: manifest.version, release, title: text(manifest.title), bases },
    cover,
    parts,
    annexes,
    blanks,
    unplaced: placed.unplaced.map((c) => c.id),
    coverRows,
    annexLine: words.annexTo(template.annexTo?.toUpperCase()),
    header: cover.contractReference !== undefined ? `${words.fileLabel} ${cover.contractReference}` : (cover.contractTitle ?? title),
    ...(notice ? { notice } : {}),
    inputs: { answers: Object.fromEntries(answers), rationale: options.rationale === true },
  };
}

/**
 * A clause as documents print it: number, title, text (`body`: the passages that print,
 * text/passages.ts) with placeholders filled, hashes and legal bases. The tender document
 * and the guideline both lay clauses out this way; each adds its own rationale (and the
 * guideline its guidance).
 */
export function docClause(
  clause: Clause,
  number: string,
  text: (t: Record<string, string> | string | undefined) => string,
  body: Block[],
  fill: (id: string) => string | undefined,
  words: Words,
  onBlank: (name: string) => void,
  layer: string,
): DocClause {
  const hash = clauseHash(clause);
  const title = clauseTitle(clause, text, words);
  const blocks = resolveBlocks(body, fill, words, onBlank);
  return {
    id: clause.id,
    number,
    version: clause.version,
    status: clause.status,
    hash,
    shortHash: shortHash(hash),
    title,
    blocks,
    textHash: textHash(clausePlainText(title, blocks)),
    layer,
    legalBasis: (clause.legalBasis ?? []).map((basis) => ({ ref: typeset(showable(text(basis.ref)), words.locale), ...(basis.url ? { url: basis.url } : {}) })),
    rationale: '',
  };
}

/** A clause's title as documents print it (and verify reads it). */
export function clauseTitle(clause: Clause, text: (t: Record<string, string> | undefined) => string, words: Words): string {
  return typeset(showable(text(clause.title)), words.locale);
}

/** Fill placeholders with answers as literal text; the structure comes only from the clause's own Markdown. */
export function resolveBlocks(blocks: Block[], answerText: (id: string) => string | undefined, words: Words, onBlank: (name: string) => void): DocBlock[] {
  return blocks.map((block): DocBlock => {
    if (block.kind === 'list') return { kind: 'list', ordered: block.ordered, items: block.items.map((item) => resolveBlocks(item, answerText, words, onBlank)) };
    // The library's text gets the language's quotation marks; answers stay as typed.
    const typesetter = new Typesetter(words.locale);
    return { kind: 'paragraph', runs: block.inlines.map((inline) => resolveInline(inline, answerText, words, onBlank, typesetter)) };
  });
}

function resolveInline(inline: Inline, answerText: (id: string) => string | undefined, words: Words, onBlank: (name: string) => void, typesetter: Typesetter): Run {
  if (inline.kind === 'break') return { kind: 'break' };
  const marks = { ...(inline.bold ? { bold: true } : {}), ...(inline.italic ? { italic: true } : {}) };
  if (inline.kind === 'text') return { kind: 'text', text: typesetter.text(showable(inline.text)), ...marks };
  const value = answerText(inline.name);
  if (value === undefined) {
    onBlank(inline.name);
    return { kind: 'text', text: typesetter.literal(words.blank), ...marks };
  }
  return { kind: 'text', text: typesetter.literal(value), answer: true, ...marks };
}

/**
 * Why a clause is in, in plain sentences: "Included because the contractor processes
 * personal data. The answers that decided it: Personal data processed: Yes. The clause
 * “Sub-processors” requires it."
 */
export function rationaleFor(
  reasons: readonly Reason[],
  library: Library,
  language: string,
  words: Words,
  answerText: (id: string) => string | undefined,
  titleOf: (id: string) => string,
): string {
  const sentences: string[] = [];
  for (const reason of reasons) {
    if (reason.kind === 'always') sentences.push(words.alwaysApplies);
    if (reason.kind === 'required-by') sentences.push(words.requiredBy(reason.by.map(titleOf)));
    if (reason.kind === 'condition' && reason.holds) {
      sentences.push(words.includedBecause(typeset(phrase(reason.expr, library.questions, language), words.locale)));
      const decided = decidingAnswers(reason.trace).map((id) => {
        const label = pick(library.questions.get(id)?.question.label, language);
        return `${capitalise(typeset(label || id, words.locale))}: ${answerText(id) ?? words.notAnswered}`;
      });
      if (decided.length > 0) sentences.push(words.decidingAnswers(decided.join('; ')));
    }
  }
  return sentences.join(' ');
}

/** The questions whose answers the evaluation read, in order, once each. */
export function decidingAnswers(trace: Trace): string[] {
  const out: string[] = [];
  const walk = (t: Trace | undefined): void => {
    if (!t) return;
    switch (t.kind) {
      case 'ref':
        if (!out.includes(t.name)) out.push(t.name);
        return;
      case 'not':
        walk(t.operand);
        return;
      case 'and':
      case 'or':
      case 'compare':
      case 'in':
        walk(t.left);
        walk(t.right);
        return;
      default:
        return;
    }
  };
  walk(trace);
  return out;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
