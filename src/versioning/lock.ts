import semver from 'semver';
import { canonicalJson, clauseHash, contentHash } from '../text/hash.js';
import type { Clause } from '../schema/clause.js';
import type { LockBase, LockEntry, LockFile } from '../schema/lock.js';
import { chainOf, isOwn, type Library } from '../library/model.js';

/** The lock of a set of clauses: each clause's version and content hash, sorted by id. */
export function buildLock(libraryId: string, libraryVersion: string, clauses: readonly Clause[]): LockFile {
  const entries: Record<string, LockEntry> = {};
  for (const clause of [...clauses].sort((a, b) => compareIds(a.id, b.id))) {
    // The first clause with an id wins, as in the library's index; lint reports the duplicate.
    if (!(clause.id in entries)) entries[clause.id] = { version: clause.version, hash: clauseHash(clause) };
  }
  return { library: libraryId, version: libraryVersion, clauses: entries };
}

/**
 * The lock a loaded library should have. Undefined without a readable manifest. For a
 * library that extends a base: its own clauses (added and adapted), each base release of
 * the chain with that release's own clauses, and the base questions, sections and templates
 * it adapts, as they were (`overrides`).
 */
export function lockOf(library: Library): LockFile | undefined {
  const manifest = library.manifest?.value;
  if (!manifest) return undefined;
  const lock = buildLock(manifest.id, manifest.version, library.clauses.filter((c) => isOwn(library, c)).map((c) => c.value));
  if (library.layers.length < 2) return lock;
  const chain = chainOf(library);
  lock.bases = library.layers.slice(1).map((layer, i): LockBase => {
    const own = (chain[i + 1]?.clauses ?? []).filter((c) => c.layer === layer.id).map((c) => c.value);
    return { library: layer.id, version: layer.version, ...(layer.found?.package !== undefined ? { package: layer.found.package } : {}), clauses: buildLock(layer.id, layer.version, own).clauses };
  });
  const overrides = adaptedBaseItems(library);
  if (Object.keys(overrides).length > 0) lock.overrides = overrides;
  return lock;
}

/**
 * The base questions, sections and templates a library adapts, by `kind.id`, each with the
 * content hash of the base's item. Clauses are not here: their own versions say when the
 * base changed one.
 */
export function adaptedBaseItems(library: Library): Record<string, string> {
  const base = library.base;
  const out: Record<string, string> = {};
  if (!base) return out;
  const own = library.layers[0]?.questions?.value.sections ?? [];
  const baseSections = new Map((base.interview?.sections ?? []).map((e) => [e.section.id, e.section]));
  for (const section of own) {
    const b = baseSections.get(section.id);
    if (b) out[`section.${section.id}`] = contentHash({ id: b.id, title: b.title, intro: b.intro });
    for (const q of section.questions ?? []) {
      const bq = base.questions.get(q.id)?.question;
      if (bq) out[`question.${q.id}`] = contentHash(bq);
    }
  }
  for (const template of library.templates) {
    if (!isOwn(library, template)) continue;
    const bt = base.templateById.get(template.value.id)?.value;
    if (bt) out[`template.${template.value.id}`] = contentHash(bt);
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => compareIds(a, b)));
}

/**
 * The text of clauses/clauses.lock.yaml. Written by hand rather than by a YAML
 * serialiser so that it is byte-stable and one clause is one line: a change to a
 * clause shows in a pull request as a one-line change to the lock.
 */
export function formatLockFile(lock: LockFile): string {
  const lines = [
    '# yaml-language-server: $schema=../schemas/lock.schema.json',
    '# Written by `clausula lock`: do not edit. For each clause, its version and the sha256',
    '# of its normative content (title, text, condition, requires, excludes and legal',
    '# bases, in every language). `clausula lint` compares the library with it.',
    `library: ${lock.library}`,
    `version: ${lock.version}`,
    ...clauseLines(lock.clauses, ''),
  ];
  if (lock.bases) {
    lines.push('# The base releases this library was locked against, nearest first, each with its own clauses.', 'bases:');
    for (const base of lock.bases) lines.push(`  - library: ${base.library}`, `    version: ${base.version}`, ...(base.package !== undefined ? [`    package: ${JSON.stringify(base.package)}`] : []), ...clauseLines(base.clauses, '    '));
  }
  if (lock.overrides) {
    lines.push('# The base questions, sections and templates this library adapts, as they were when locked.', 'overrides:');
    for (const key of Object.keys(lock.overrides).sort(compareIds)) lines.push(`  ${key}: ${JSON.stringify(lock.overrides[key])}`);
  }
  return lines.join('\n') + '\n';
}

function clauseLines(clauses: Record<string, LockEntry>, indent: string): string[] {
  const ids = Object.keys(clauses).sort(compareIds);
  if (ids.length === 0) return [`${indent}clauses: {}`];
  return [
    `${indent}clauses:`,
    ...ids.map((id) => {
      const entry = clauses[id]!;
      return `${indent}  ${id}: { version: ${entry.version}, hash: ${JSON.stringify(entry.hash)} }`;
    }),
  ];
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
  /** How the base releases differ from the ones locked, in words ("bcn-data-clauses 2.0.0 → 2.1.0"); empty when they do not. */
  bases: string[];
  /** The base items the library adapts, or their content, differ from the ones locked. */
  overridesChanged: boolean;
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
  const bases = compareBases(current.bases ?? [], locked.bases ?? []);
  const overridesChanged = canonicalJson(current.overrides ?? {}) !== canonicalJson(locked.overrides ?? {});
  return {
    added: added.sort(compareIds),
    removed: removed.sort(compareIds),
    contentChanged: contentChanged.sort(compareIds),
    versionChanged: versionChanged.sort(compareIds),
    clausesChanged,
    libraryIdChanged,
    libraryVersionChanged,
    bases,
    overridesChanged,
    stale: clausesChanged.length > 0 || libraryIdChanged || libraryVersionChanged || bases.length > 0 || overridesChanged,
  };
}

/** The differences between two chains of base releases, in words. */
function compareBases(current: readonly LockBase[], locked: readonly LockBase[]): string[] {
  const out: string[] = [];
  const n = Math.max(current.length, locked.length);
  for (let i = 0; i < n; i++) {
    const now = current[i];
    const then = locked[i];
    if (!then) out.push(`base ${now!.library}@${now!.version} added`);
    else if (!now) out.push(`base ${then.library}@${then.version} no longer extended`);
    else if (now.library !== then.library) out.push(`base ${then.library}@${then.version} replaced by ${now.library}@${now.version}`);
    else if (now.version !== then.version) out.push(`base ${now.library} ${then.version} → ${now.version}`);
    else if (canonicalJson(now.clauses) !== canonicalJson(then.clauses)) {
      const changed = [...new Set([...Object.keys(now.clauses), ...Object.keys(then.clauses)])].filter((id) => canonicalJson(now.clauses[id] ?? null) !== canonicalJson(then.clauses[id] ?? null));
      out.push(`base ${now.library}@${now.version} has other clauses than the ones locked (${changed.sort(compareIds).join(', ')}), though its version is the same`);
    }
  }
  return out;
}

/** Is `version` lower than `locked`? (Both are valid semver: the schema checks them.) */
export function isLower(version: string, locked: string): boolean {
  return semver.valid(version) !== null && semver.valid(locked) !== null && semver.lt(version, locked);
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
