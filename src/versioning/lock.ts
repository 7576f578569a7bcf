import semver from 'semver';
import { clauseHash } from '../text/hash.js';
import type { Clause } from '../schema/clause.js';
import type { LockEntry, LockFile } from '../schema/lock.js';
import type { Library } from '../library/model.js';

/** The lock of a set of clauses: each clause's version and content hash, sorted by id. */
export function buildLock(libraryId: string, libraryVersion: string, clauses: readonly Clause[]): LockFile {
  const entries: Record<string, LockEntry> = {};
  for (const clause of [...clauses].sort((a, b) => compareIds(a.id, b.id))) {
    // The first clause with an id wins, as in the library's index; lint reports the duplicate.
    if (!(clause.id in entries)) entries[clause.id] = { version: clause.version, hash: clauseHash(clause) };
  }
  return { library: libraryId, version: libraryVersion, clauses: entries };
}

/** The lock a loaded library should have. Undefined without a readable manifest. */
export function lockOf(library: Library): LockFile | undefined {
  const manifest = library.manifest?.value;
  if (!manifest) return undefined;
  return buildLock(manifest.id, manifest.version, library.clauses.map((c) => c.value));
}

/**
 * The text of clauses/clauses.lock.yaml. Written by hand rather than by a YAML
 * serialiser so that it is byte-stable and one clause is one line: a change to a
 * clause shows in a pull request as a one-line change to the lock.
 */
export function formatLockFile(lock: LockFile): string {
  const ids = Object.keys(lock.clauses).sort(compareIds);
  const lines = [
    '# yaml-language-server: $schema=../schemas/lock.schema.json',
    '# Written by `clausula lock`: do not edit. For each clause, its version and the sha256',
    '# of its normative content (title, text, condition, requires, excludes and legal',
    '# bases, in every language). `clausula lint` compares the library with it.',
    `library: ${lock.library}`,
    `version: ${lock.version}`,
    ids.length === 0 ? 'clauses: {}' : 'clauses:',
    ...ids.map((id) => {
      const entry = lock.clauses[id]!;
      return `  ${id}: { version: ${entry.version}, hash: ${JSON.stringify(entry.hash)} }`;
    }),
  ];
  return lines.join('\n') + '\n';
}

/** How the library differs from what its lock recorded. */
export interface LockDelta {
  /** Clauses in the library and not in the lock. */
  added: string[];
  /** Clauses in the lock and not in the library. */
  removed: string[];
  /** Clauses whose normative content (hash) differs from the lock. */
  contentChanged: string[];
  /** Clauses whose version differs from the lock (in either direction). */
  versionChanged: string[];
  /** Every clause that is added, removed, or changed in content or version, sorted. */
  clausesChanged: string[];
  libraryIdChanged: boolean;
  libraryVersionChanged: boolean;
  /** True when writing the lock again would change it. */
  stale: boolean;
}

export function compareWithLock(current: LockFile, locked: LockFile): LockDelta {
  const added: string[] = [];
  const removed: string[] = [];
  const contentChanged: string[] = [];
  const versionChanged: string[] = [];
  for (const [id, entry] of Object.entries(current.clauses)) {
    const before = locked.clauses[id];
    if (!before) {
      added.push(id);
      continue;
    }
    if (before.hash !== entry.hash) contentChanged.push(id);
    if (before.version !== entry.version) versionChanged.push(id);
  }
  for (const id of Object.keys(locked.clauses)) if (!(id in current.clauses)) removed.push(id);
  const clausesChanged = [...new Set([...added, ...removed, ...contentChanged, ...versionChanged])].sort(compareIds);
  const libraryIdChanged = current.library !== locked.library;
  const libraryVersionChanged = current.version !== locked.version;
  return {
    added: added.sort(compareIds),
    removed: removed.sort(compareIds),
    contentChanged: contentChanged.sort(compareIds),
    versionChanged: versionChanged.sort(compareIds),
    clausesChanged,
    libraryIdChanged,
    libraryVersionChanged,
    stale: clausesChanged.length > 0 || libraryIdChanged || libraryVersionChanged,
  };
}

/** Is `version` lower than `locked`? (Both are valid semver: the schema checks them.) */
export function isLower(version: string, locked: string): boolean {
  return semver.valid(version) !== null && semver.valid(locked) !== null && semver.lt(version, locked);
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
