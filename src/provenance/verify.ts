import { parseClauseText } from '../text/clause-text.js';
import { clauseTitle, resolveBlocks } from '../assemble/document.js';
import { wordsFor } from '../assemble/words.js';
import { pick, releaseOf, type Library } from '../library/model.js';
import type { Clause } from '../schema/clause.js';
import { clauseHash } from '../text/hash.js';
import type { Provenance } from './properties.js';
import { paragraphTexts, textHash } from '../text/plain-text.js';
import { isConditional, passagesOf } from '../text/passages.js';

export type ClauseVerdict = 'ok' | 'edited' | 'mismatch';

export interface ClauseCheck {
  id: string;
  version: string;
  verdict: ClauseVerdict;
  /** Whether the clause's text in the file is still as it was generated. */
  edited: boolean;
  problems: string[];
}

export interface VerifyReport {
  ok: boolean;
  document: { release: string; template: string; language: string; date: string; drafts: boolean };
  library: { release: string; lock: boolean };
  /** Problems with the document as a whole (release, drafts). */
  problems: string[];
  clauses: ClauseCheck[];
  /** Ids of the clauses whose text was changed in the file. */
  edited: string[];
}

/**
 * Check a document's provenance against a library: the release, each clause's version
 * and content hash (and clauses.lock.yaml when the library has one), each clause's
 * status, and whether each clause's text in the file is still as generated — by its
 * text hash, and by the library's own wording with the answers left open.
 */
export function verifyDocument(provenance: Provenance, texts: ReadonlyMap<string, string>, library: Library): VerifyReport {
  const release = releaseOf(library);
  const lock = library.lock?.value;
  const problems: string[] = [];
  if (provenance.library !== library.manifest?.value.id) {
    problems.push(`the document was built from the library ${provenance.library}, not from ${library.manifest?.value.id ?? 'this one'}`);
  } else if (provenance.release !== release) {
    problems.push(`the document was built from release ${provenance.release}; the library is release ${release}`);
  }
  if (lock && `${lock.library}@${lock.version}` !== provenance.release && provenance.library === lock.library) {
    problems.push(`clauses.lock.yaml records release ${lock.library}@${lock.version}, not ${provenance.release}`);
  }
  if (provenance.drafts) problems.push('the document was built with --include-drafts: it is not for tender use');

  const clauses = provenance.clauses.map((entry): ClauseCheck => {
    const found: string[] = [];
    let edited = false;
    const clause = library.clauseById.get(entry.id)?.value;
    if (!clause) {
      found.push('the library has no such clause');
    } else {
      if (clause.version !== entry.version) found.push(`the document has version ${entry.version}; the library has ${clause.version}`);
      else if (clauseHash(clause) !== entry.hash) found.push(`its content differs from the library's version ${clause.version} (content hash ${short(entry.hash)}, library ${short(clauseHash(clause))})`);
      if (clause.status !== 'approved') found.push(`it is ${clause.status} in the library`);
    }
    if (lock) {
      const locked = lock.clauses[entry.id];
      if (!locked) found.push('clauses.lock.yaml does not record it');
      else if (locked.version !== entry.version || locked.hash !== entry.hash) found.push(`clauses.lock.yaml records version ${locked.version} with hash ${short(locked.hash)}, not ${entry.version} with ${short(entry.hash)}`);
    }
    const text = texts.get(entry.bookmark);
    if (text === undefined) {
      edited = true;
      found.push('its text is no longer marked in the document (the bookmark around it was removed)');
    } else if (textHash(text) !== entry.textHash) {
      edited = true;
      found.push('its text was edited after the document was built');
    } else if (clause && clause.version === entry.version && !readsAsLibrary(clause, library, provenance.language, text)) {
      edited = true;
      found.push("its text does not read as the library's wording of this clause");
    }
    return { id: entry.id, version: entry.version, verdict: found.length === 0 ? 'ok' : edited ? 'edited' : 'mismatch', edited, problems: found };
  });

  const ok = problems.length === 0 && clauses.every((c) => c.verdict === 'ok');
  return {
    ok,
    document: { release: provenance.release, template: provenance.template, language: provenance.language, date: provenance.date, drafts: provenance.drafts },
    library: { release, lock: lock !== undefined },
    problems,
    clauses,
    edited: clauses.filter((c) => c.edited).map((c) => c.id),
  };
}

const ANSWER = '\u0000';

/**
 * Does the text read as the library's wording of the clause, whatever the answers were?
 * Each passage of the clause is rendered as `build` renders it with every placeholder left
 * open; the text, line by line, must be the title and then the passages in order — each
 * line the fixed pieces with anything where an answer went (answers never hold a line
 * end) — where a passage that prints only under a condition may be absent.
 */
export function readsAsLibrary(clause: Clause, library: Library, language: string, text: string): boolean {
  const manifest = library.manifest?.value;
  const fallback = manifest?.defaultLanguage ?? manifest?.languages[0];
  const words = wordsFor(language);
  const lines = text.split('\n');
  if (!matchesWithGaps(clauseTitle(clause, (t) => pick(t, language, fallback), words).split(ANSWER), lines[0] ?? '')) return false;
  let reachable = new Set([1]);
  for (const passage of passagesOf(clause.text)) {
    const blocks = resolveBlocks(parseClauseText(pick(passage.text, language, fallback)), () => ANSWER, words, () => undefined);
    const patterns = paragraphTexts(blocks).flatMap((paragraph) => paragraph.split('\n')).map((line) => line.split(ANSWER));
    const next = new Set(isConditional(passage) ? reachable : []);
    for (const at of reachable) {
      if (at + patterns.length <= lines.length && patterns.every((pieces, k) => matchesWithGaps(pieces, lines[at + k]!))) next.add(at + patterns.length);
    }
    reachable = next;
  }
  return reachable.has(lines.length);
}

/** Whether `text` is the pieces in order with any text (or none) between them: a glob with only `*`. */
export function matchesWithGaps(pieces: readonly string[], text: string): boolean {
  if (pieces.length === 1) return pieces[0] === text;
  const first = pieces[0]!;
  const last = pieces[pieces.length - 1]!;
  if (!text.startsWith(first) || !text.endsWith(last) || text.length < first.length + last.length) return false;
  let at = first.length;
  for (const piece of pieces.slice(1, -1)) {
    const found = text.indexOf(piece, at);
    if (found === -1) return false;
    at = found + piece.length;
  }
  return at <= text.length - last.length;
}

function short(hash: string): string {
  return hash.replace(/^sha256:/, '').slice(0, 12);
}
