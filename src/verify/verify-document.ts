import { baseReleasesOf, releaseOf, type Library } from '../library/model.js';
import type { Provenance, ProvenanceProblem } from '../provenance/properties.js';
import { writtenText, type WrittenParagraph, type WrittenText } from '../render/docx/text.js';
import type { AnswerValue } from '../schema/common.js';
import { canonicalJson, clauseHash } from '../text/hash.js';
import { compareText, type TextDifference } from './compare-text.js';
import { rebuild, type AnswerIssue } from './rebuild.js';
import type { WordDocument } from './read-document.js';
import type { WordParagraph } from './word-text.js';

/** A problem with the document as a whole. */
export type DocumentProblem =
  | { kind: 'other-library'; document: string; library: string }
  | { kind: 'other-release'; document: string; library: string }
  | { kind: 'lock-release'; lock: string; document: string }
  | { kind: 'other-bases'; document: string[]; library: string[] }
  | { kind: 'lock-bases'; lock: string[]; document: string[] }
  | { kind: 'drafts' }
  | ProvenanceProblem
  | AnswerIssue
  | { kind: 'not-listed'; id: string }
  | { kind: 'text-not-compared'; why: 'release' | 'rebuild' }
  | { kind: 'region'; why: 'unclosed' }
  | { kind: 'answers-differ'; id: string; document: AnswerValue | undefined; file: AnswerValue | undefined };

/** A problem with one clause the document lists. */
export type ClauseProblem =
  | { kind: 'no-such-clause' }
  | { kind: 'version'; document: string; library: string }
  | { kind: 'content'; document: string; library: string; version: string }
  | { kind: 'status'; status: string }
  | { kind: 'not-locked' }
  | { kind: 'layer'; document: string; library: string }
  | { kind: 'lock'; version: string; hash: string; documentVersion: string; documentHash: string }
  | { kind: 'not-selected' };

export interface ClauseCheck {
  id: string;
  version: string;
  verdict: 'ok' | 'edited' | 'mismatch';
  /** Whether the clause's text in the document differs from what the build writes. */
  edited: boolean;
  problems: ClauseProblem[];
}

export interface VerifyReport {
  ok: boolean;
  document: { release: string; bases: string[]; template: string; language: string; date: string; drafts: boolean; answers: string };
  library: { release: string; bases: string[]; lock: boolean };
  problems: DocumentProblem[];
  clauses: ClauseCheck[];
  text: { compared: boolean; region: 'document' | 'bookmark'; differences: TextDifference[] };
  /** Ids of the clauses whose text differs from what the build writes. */
  edited: string[];
}

export interface VerifyResult {
  report: VerifyReport;
  /** What the build writes for the answers the document records, when it could be built again. */
  written: WrittenText | undefined;
}

export interface VerifyOptions {
  /** The officer's answers file: the answers the document records must be these. */
  answers?: { display: string; answers: ReadonlyMap<string, AnswerValue> };
}

/** The bookmark around the clauses a build writes into a host document (`build --into`). */
export const REGION_BOOKMARK = 'clausula';
/** What a build into a host document writes there: no cover or table of contents of its own. */
const REGION_PLACES = new Set<WrittenParagraph['place']['kind']>(['part', 'clause', 'annex']);

/**
 * Check a document against the library: the release, each clause's version, content hash
 * and status (and clauses.lock.yaml when the library has one); then build the document
 * again from the answers it records and compare every paragraph and footnote with it.
 */
export function verifyDocument(doc: WordDocument, provenance: Provenance, provenanceProblems: readonly ProvenanceProblem[], library: Library, options: VerifyOptions = {}): VerifyResult {
  const release = releaseOf(library);
  const lock = library.lock?.value;
  const problems: DocumentProblem[] = [...provenanceProblems];
  const libraryId = library.manifest?.value.id ?? '';
  // A library over a base: the document names the base releases too, and both layers must be the ones it was built from.
  const bases = baseReleasesOf(library);
  const sameBases = canonicalJson(provenance.bases) === canonicalJson(bases);
  const sameRelease = provenance.library === libraryId && provenance.release === release && sameBases;
  if (provenance.library !== libraryId) problems.push({ kind: 'other-library', document: provenance.library, library: libraryId });
  else if (provenance.release !== release) problems.push({ kind: 'other-release', document: provenance.release, library: release });
  else if (!sameBases) problems.push({ kind: 'other-bases', document: provenance.bases, library: bases });
  if (lock && `${lock.library}@${lock.version}` !== provenance.release && provenance.library === lock.library) problems.push({ kind: 'lock-release', lock: `${lock.library}@${lock.version}`, document: provenance.release });
  const lockedBases = (lock?.bases ?? []).map((b) => `${b.library}@${b.version}`);
  if (lock && `${lock.library}@${lock.version}` === provenance.release && canonicalJson(lockedBases) !== canonicalJson(provenance.bases)) problems.push({ kind: 'lock-bases', lock: lockedBases, document: provenance.bases });
  if (provenance.drafts) problems.push({ kind: 'drafts' });

  const rebuilt = rebuild(library, provenance);
  problems.push(...rebuilt.issues);
  const selected = new Set(rebuilt.model?.parts.flatMap((p) => p.clauses.map((c) => c.id)) ?? []);
  const listed = new Set(provenance.clauses.map((c) => c.id));
  if (rebuilt.model) for (const id of selected) if (!listed.has(id)) problems.push({ kind: 'not-listed', id });

  if (options.answers) {
    const file = options.answers.answers;
    const ids = [...new Set([...Object.keys(provenance.answers), ...file.keys()])];
    for (const id of ids) {
      const inDocument = Object.prototype.hasOwnProperty.call(provenance.answers, id) ? provenance.answers[id] : undefined;
      const inFile = file.get(id);
      if (canonicalJson(inDocument ?? null) !== canonicalJson(inFile ?? null)) problems.push({ kind: 'answers-differ', id, document: inDocument, file: inFile });
    }
  }

  // The text: the whole document, or the region a build into a host document wrote.
  const region = regionOf(doc.body);
  if (region.problem) problems.push({ kind: 'region', why: region.problem });
  let differences: TextDifference[] = [];
  const written = rebuilt.model ? writtenText(rebuilt.model) : undefined;
  if (!sameRelease) problems.push({ kind: 'text-not-compared', why: 'release' });
  else if (!written) problems.push({ kind: 'text-not-compared', why: 'rebuild' });
  else differences = compareText(written, doc, region.paragraphs ? { paragraphs: region.paragraphs, places: REGION_PLACES, headers: false } : {});
  const compared = sameRelease && written !== undefined;
  const edited = new Set<string>();
  for (const d of differences) {
    const place = d.kind === 'moved' ? d.from.place : 'position' in d ? d.position.paragraph?.place : undefined;
    if (place?.kind === 'clause') edited.add(place.id);
  }

  // In the order the build writes them (readers such as LibreOffice reorder the properties), then those it does not.
  const order = new Map([...selected].map((id, i) => [id, i]));
  const rank = (id: string) => order.get(id) ?? order.size;
  const listedInOrder = [...provenance.clauses].sort((a, b) => rank(a.id) - rank(b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const clauses = listedInOrder.map((entry): ClauseCheck => {
    const found: ClauseProblem[] = [];
    const located = library.clauseById.get(entry.id);
    const clause = located?.value;
    if (located && entry.layer !== undefined && entry.layer !== located.layer) found.push({ kind: 'layer', document: entry.layer, library: located.layer });
    if (!clause) found.push({ kind: 'no-such-clause' });
    else {
      if (clause.version !== entry.version) found.push({ kind: 'version', document: entry.version, library: clause.version });
      else if (clauseHash(clause) !== entry.hash) found.push({ kind: 'content', document: entry.hash, library: clauseHash(clause), version: clause.version });
      if (clause.status !== 'approved') found.push({ kind: 'status', status: clause.status });
    }
    if (lock) {
      // Each clause against the lock of its layer: the library's own clauses, or the base release's that it comes from.
      const layer = entry.layer ?? located?.layer ?? lock.library;
      const locked = layer === lock.library ? lock.clauses[entry.id] : lock.bases?.find((b) => b.library === layer)?.clauses[entry.id];
      if (!locked) found.push({ kind: 'not-locked' });
      else if (locked.version !== entry.version || locked.hash !== entry.hash) found.push({ kind: 'lock', version: locked.version, hash: locked.hash, documentVersion: entry.version, documentHash: entry.hash });
    }
    if (rebuilt.model && !selected.has(entry.id)) found.push({ kind: 'not-selected' });
    const isEdited = edited.has(entry.id);
    return { id: entry.id, version: entry.version, verdict: isEdited ? 'edited' : found.length > 0 ? 'mismatch' : 'ok', edited: isEdited, problems: found };
  });

  const report: VerifyReport = {
    ok: problems.length === 0 && differences.length === 0 && clauses.every((c) => c.verdict === 'ok'),
    document: { release: provenance.release, bases: provenance.bases, template: provenance.template, language: provenance.language, date: provenance.date, drafts: provenance.drafts, answers: provenance.answersHash },
    library: { release, bases, lock: lock !== undefined },
    problems,
    clauses,
    text: { compared, region: region.paragraphs ? 'bookmark' : 'document', differences },
    edited: [...edited],
  };
  return { report, written };
}

/**
 * The paragraphs between the `clausula` bookmark's start and end, when the document has
 * one: a build into a host document writes its clauses there and leaves the host's own
 * text around them. From the first start to the last end of that name: LibreOffice writes a
 * bookmark that spans paragraphs as a start, then a second start and its end where it ends.
 */
function regionOf(body: readonly WordParagraph[]): { paragraphs?: WordParagraph[]; problem?: 'unclosed' } {
  const start = body.findIndex((p) => p.starts.includes(REGION_BOOKMARK));
  if (start === -1) return {};
  let end = -1;
  for (let i = body.length - 1; i >= start && end === -1; i--) if (body[i]!.ends.includes(REGION_BOOKMARK)) end = i;
  if (end === -1) return { paragraphs: body.slice(start), problem: 'unclosed' };
  return { paragraphs: body.slice(start, end + 1) };
}
