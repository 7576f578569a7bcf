import type { DocumentModel } from '../assemble/document.js';
import type { AnswerValue } from '../schema/common.js';
import { canonicalJson, sha256 } from '../text/hash.js';

/**
 * What a document built by clausula says about where its text comes from, as the custom
 * properties of the .docx (File > Properties > Custom in Word): the library release, each
 * clause's version and content hash, and the answers it was built from, so `verify` can
 * build the same document again and compare every paragraph. Word keeps a text property to
 * 255 characters, so each clause has its own and the answers are cut into pieces.
 *
 * Nothing here is signed: whoever edits the file can edit these too (docs/documents.md,
 * "What verify proves").
 */
export interface Provenance {
  /** The format of these properties; rises if their meaning changes. */
  format: number;
  kind: 'tender' | 'guide';
  library: string;
  release: string;
  /** For a library over a base: the base releases it adapts, nearest first (`bcn-data-clauses@2.1.0`). */
  bases: string[];
  template: string;
  language: string;
  date: string;
  /** Built with --include-drafts. */
  drafts: boolean;
  /** Built with --rationale. */
  rationale: boolean;
  clauses: ProvenanceClause[];
  /** The answers the document was built from, and `sha256:…` of their canonical JSON. */
  answers: Record<string, AnswerValue>;
  answersHash: string;
}

export interface ProvenanceClause {
  id: string;
  version: string;
  /** `sha256:…` of the normative content, as clauses.lock.yaml records it. */
  hash: string;
  /** The library the clause comes from: the document's own, or a base's (format 3 on). */
  layer?: string;
}

export const PROVENANCE_FORMAT = 3;
/** Format 2 had no layers: its documents are read as from a library that extends none. */
const READABLE_FORMATS = ['2', '3'];
const PREFIX = 'clausula.';
const CLAUSE_PREFIX = 'clausula.clause.';
const ANSWERS_PREFIX = 'clausula.answers.';
const PIECE = 255;

/**
 * The bookmark that wraps a clause in the document. Bookmark names are letters, digits and
 * underscores, at most 40 characters; a leading underscore hides them in Word's list.
 */
export function clauseBookmark(id: string): string {
  return `_clausula_${sha256(id).slice(0, 16)}`;
}

export function provenanceOf(model: DocumentModel): Provenance {
  return {
    format: PROVENANCE_FORMAT,
    kind: model.kind,
    library: model.library.id,
    release: model.library.release,
    bases: model.library.bases,
    template: model.template,
    language: model.language,
    date: model.cover.isoDate,
    drafts: model.notice !== undefined,
    rationale: model.inputs.rationale,
    clauses: model.kind === 'tender' ? model.parts.flatMap((p) => p.clauses.map((c) => ({ id: c.id, version: c.version, hash: c.hash, layer: c.layer }))) : [],
    answers: model.inputs.answers,
    answersHash: answersHash(model.inputs.answers),
  };
}

/** `sha256:…` of the answers' canonical JSON: the same answers always give the same hash. */
export function answersHash(answers: Readonly<Record<string, AnswerValue>>): string {
  return 'sha256:' + sha256(canonicalJson(answers));
}

/**
 * The answers as text of printable ASCII only (anything else, spaces included, as JSON
 * escapes), so no reader can change them by normalising spaces or characters.
 */
function answersText(answers: Readonly<Record<string, AnswerValue>>): string {
  return canonicalJson(answers).replace(/[^\x21-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The provenance as name/value pairs, in a fixed order. */
export function toProperties(p: Provenance): { name: string; value: string }[] {
  const text = answersText(p.answers);
  const pieces: string[] = [];
  for (let at = 0; at < text.length; at += PIECE) pieces.push(text.slice(at, at + PIECE));
  return [
    { name: `${PREFIX}format`, value: String(p.format) },
    { name: `${PREFIX}kind`, value: p.kind },
    { name: `${PREFIX}library`, value: p.library },
    { name: `${PREFIX}release`, value: p.release },
    { name: `${PREFIX}bases`, value: p.bases.join(' ') },
    { name: `${PREFIX}template`, value: p.template },
    { name: `${PREFIX}language`, value: p.language },
    { name: `${PREFIX}date`, value: p.date },
    { name: `${PREFIX}drafts`, value: String(p.drafts) },
    { name: `${PREFIX}rationale`, value: String(p.rationale) },
    { name: `${PREFIX}clauses`, value: String(p.clauses.length) },
    ...p.clauses.map((c) => ({ name: `${CLAUSE_PREFIX}${c.id}`, value: `${c.version} ${c.hash}${c.layer ? ` ${c.layer}` : ''}` })),
    { name: `${PREFIX}answers`, value: `${p.answersHash} ${pieces.length}` },
    ...pieces.map((value, i) => ({ name: `${ANSWERS_PREFIX}${i + 1}`, value })),
  ];
}

/** What is wrong with the provenance a document carries: each a tampering or a damage. */
export type ProvenanceProblem =
  | { kind: 'missing-property'; name: string }
  | { kind: 'count-not-integer'; value: string }
  | { kind: 'count-mismatch'; count: number; found: number }
  | { kind: 'clause-malformed'; name: string; value: string }
  | { kind: 'answers-malformed'; why: 'pieces' | 'hash' | 'json' };

export type ReadProvenance =
  | { status: 'absent' }
  | { status: 'other-format'; format: string }
  | { status: 'read'; provenance: Provenance; problems: ProvenanceProblem[] };

const HASH = /^sha256:[0-9a-f]{64}$/;
const LAYER = /^[a-z0-9][a-z0-9-]*$/;
const COUNT = /^(?:0|[1-9][0-9]{0,8})$/;

/**
 * Read the provenance back from custom properties. A document without it was not built by
 * clausula (or lost its properties); one whose properties do not hold together was edited.
 */
export function fromProperties(properties: ReadonlyMap<string, string>): ReadProvenance {
  const format = properties.get(`${PREFIX}format`);
  if (format === undefined) return { status: 'absent' };
  if (!READABLE_FORMATS.includes(format)) return { status: 'other-format', format };
  const problems: ProvenanceProblem[] = [];
  const get = (name: string): string => {
    const value = properties.get(PREFIX + name);
    if (value === undefined) problems.push({ kind: 'missing-property', name: PREFIX + name });
    return value ?? '';
  };
  const kind = get('kind');
  const layered = format !== '2';
  const provenance: Provenance = {
    format: Number(format),
    kind: kind === 'guide' ? 'guide' : 'tender',
    library: get('library'),
    release: get('release'),
    bases: layered ? get('bases').split(' ').filter((b) => b !== '') : [],
    template: get('template'),
    language: get('language'),
    date: get('date'),
    drafts: get('drafts') !== 'false',
    rationale: get('rationale') === 'true',
    clauses: [],
    answers: {},
    answersHash: '',
  };
  const countText = get('clauses');
  for (const [name, value] of properties) {
    if (!name.startsWith(CLAUSE_PREFIX)) continue;
    const id = name.slice(CLAUSE_PREFIX.length);
    const [version, hash, layer, ...rest] = value.split(' ');
    if (!version || !hash || rest.length > 0 || !HASH.test(hash) || (layer !== undefined && (!layered || !LAYER.test(layer)))) {
      problems.push({ kind: 'clause-malformed', name, value });
      continue;
    }
    provenance.clauses.push({ id, version, hash, ...(layer !== undefined ? { layer } : {}) });
  }
  if (!COUNT.test(countText)) problems.push({ kind: 'count-not-integer', value: countText });
  else if (Number(countText) !== provenance.clauses.length) problems.push({ kind: 'count-mismatch', count: Number(countText), found: provenance.clauses.length });
  readAnswers(properties, provenance, problems);
  return { status: 'read', provenance, problems };
}

function readAnswers(properties: ReadonlyMap<string, string>, provenance: Provenance, problems: ProvenanceProblem[]): void {
  const head = properties.get(`${PREFIX}answers`);
  if (head === undefined) {
    problems.push({ kind: 'missing-property', name: `${PREFIX}answers` });
    return;
  }
  const [hash, countText, ...rest] = head.split(' ');
  const pieces: string[] = [];
  const count = COUNT.test(countText ?? '') ? Number(countText) : -1;
  for (let i = 1; i <= count; i++) {
    const piece = properties.get(`${ANSWERS_PREFIX}${i}`);
    if (piece === undefined) break;
    pieces.push(piece);
  }
  const extra = [...properties.keys()].some((name) => name.startsWith(ANSWERS_PREFIX) && !(Number(name.slice(ANSWERS_PREFIX.length)) <= count));
  if (!hash || !HASH.test(hash) || rest.length > 0 || pieces.length !== count || extra) {
    problems.push({ kind: 'answers-malformed', why: 'pieces' });
    return;
  }
  let answers: unknown;
  try {
    answers = JSON.parse(pieces.join(''));
  } catch {
    problems.push({ kind: 'answers-malformed', why: 'json' });
    return;
  }
  if (!isAnswers(answers)) {
    problems.push({ kind: 'answers-malformed', why: 'json' });
    return;
  }
  if (answersHash(answers) !== hash) {
    problems.push({ kind: 'answers-malformed', why: 'hash' });
    return;
  }
  provenance.answers = answers;
  provenance.answersHash = hash;
}

function isAnswers(value: unknown): value is Record<string, AnswerValue> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  return Object.values(value).every((v) => v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || (Array.isArray(v) && v.every((item) => typeof item === 'string')));
}
