import semver from 'semver';
import { nextVersions } from '../../versioning/policy.js';
import { LIBRARY_FILE, LOCK_FILE } from '../../library/load-library.js';
import { compareWithLock, lockOf, type LockDelta } from '../../versioning/lock.js';
import { isOwn } from '../../library/model.js';
import type { Check } from '../context.js';


/**
 * Versions against the lock (clauses/clauses.lock.yaml), which records each clause's
 * version and content hash as of the last `clausula lock`. No git history is needed:
 *
 * - a clause whose content hash differs from the lock while its version is the locked
 *   one: version-not-bumped, at the clause's `version`;
 * - a clause or library version below the locked one: version-decreased;
 * - any clause added, removed, or changed in content or version while the library
 *   version is the locked one: library-version-not-bumped, at library.yaml's `version`;
 * - the lock missing, unreadable, or different from the library once the versions are
 *   right: lock-stale, fixed by `clausula lock`. It is held back while a version finding
 *   stands, so that the fix it suggests is never the wrong one (locking an unbumped change).
 *
 * See docs/versioning.md.
 */
export const checkVersions: Check = (ctx) => {
  const { library } = ctx;
  const manifest = library.manifest;
  if (!manifest) return; // reported as missing-file or schema
  const locked = library.lock;
  if (!locked) {
    const lockSource = library.sources.get(LOCK_FILE);
    if (lockSource) {
      ctx.report({
        ruleId: 'lock-stale',
        source: lockSource,
        message: `${LOCK_FILE} cannot be read, so clause versions cannot be checked`,
        fix: `correct it, or run \`${ctx.lockCommand}\` to write it again`,
      });
    } else {
      ctx.findings.push({
        ruleId: 'lock-stale',
        severity: 'error',
        file: LOCK_FILE,
        start: { line: 1, column: 1 },
        message: `${LOCK_FILE} is missing, so clause versions cannot be checked`,
        fix: `run \`${ctx.lockCommand}\` to record each clause's version and content hash, and commit the file`,
      });
    }
    return;
  }

  const current = lockOf(library)!;
  const lock = locked.value;
  let versionFindings = 0;

  for (const clause of library.clauses) {
    const { id, version } = clause.value;
    if (!isOwn(library, clause)) continue; // a base's clauses are versioned by the base; the lock records its release
    if (library.clauseById.get(id) !== clause) continue; // a duplicate id, reported by duplicate-id
    const entry = lock.clauses[id];
    if (!entry) continue;
    const order = semver.compare(version, entry.version);
    if (order < 0) {
      versionFindings++;
      ctx.report({
        ruleId: 'version-decreased',
        source: clause.source,
        path: ['version'],
        message: `version ${version} is lower than ${entry.version}, the version recorded in ${LOCK_FILE}`,
        fix: `versions never go down: give the clause a version above ${entry.version}`,
      });
    } else if (order === 0 && current.clauses[id]!.hash !== entry.hash) {
      versionFindings++;
      ctx.report({
        ruleId: 'version-not-bumped',
        source: clause.source,
        path: ['version'],
        message: `the clause's normative content (title, text, condition, requires, excludes or legal bases) changed since ${LOCK_FILE} recorded version ${entry.version}, but its version is still ${version}`,
        fix: `give it a new version, ${nextVersions(entry.version)}; add a changelog entry for it; then run \`${ctx.lockCommand}\``,
      });
    }
  }

  const delta = withoutUnreadable(compareWithLock(current, lock), library.brokenClauseIds);
  const libraryVersion = manifest.value.version;
  const libraryOrder = semver.compare(libraryVersion, lock.version);
  if (libraryOrder < 0) {
    versionFindings++;
    ctx.report({
      ruleId: 'version-decreased',
      source: manifest.source,
      path: ['version'],
      message: `the library version ${libraryVersion} is lower than ${lock.version}, the version recorded in ${LOCK_FILE}`,
      fix: `versions never go down: give the library a version above ${lock.version}`,
    });
  } else if (libraryOrder === 0 && (delta.clausesChanged.length > 0 || delta.bases.length > 0)) {
    versionFindings++;
    ctx.report({
      ruleId: 'library-version-not-bumped',
      source: manifest.source,
      path: ['version'],
      message: `${describeClauses(delta)} since ${LOCK_FILE} recorded release ${lock.version}, but the library version is still ${libraryVersion}`,
      fix: `give the library a new version in ${LIBRARY_FILE}, ${nextVersions(lock.version)}; then run \`${ctx.lockCommand}\``,
    });
  }

  // With unreadable clause files the comparison is incomplete: their own errors come first.
  if (versionFindings > 0 || library.brokenClauseIds.size > 0 || !delta.stale) return;
  const firstClause = delta.clausesChanged.find((id) => id in lock.clauses);
  ctx.report({
    ruleId: 'lock-stale',
    source: locked.source,
    path: delta.libraryIdChanged ? ['library'] : delta.libraryVersionChanged ? ['version'] : firstClause ? ['clauses', firstClause] : delta.bases.length > 0 ? ['bases'] : delta.overridesChanged ? ['overrides'] : ['clauses'],
    target: firstClause && !delta.libraryIdChanged && !delta.libraryVersionChanged ? 'key' : 'value',
    message: `${LOCK_FILE} is out of date: ${describeStale(delta, lock.library, current.library, lock.version, current.version)}`,
    fix: `run \`${ctx.lockCommand}\` and commit ${LOCK_FILE}`,
  });
};

/** A clause whose file cannot be read is not "removed": its read error is reported instead. */
function withoutUnreadable(delta: LockDelta, broken: ReadonlySet<string>): LockDelta {
  if (broken.size === 0) return delta;
  const removed = delta.removed.filter((id) => !broken.has(id));
  const clausesChanged = delta.clausesChanged.filter((id) => !broken.has(id) || !delta.removed.includes(id));
  return { ...delta, removed, clausesChanged, stale: clausesChanged.length > 0 || delta.libraryIdChanged || delta.libraryVersionChanged || delta.bases.length > 0 || delta.overridesChanged };
}

const MAX_LISTED = 5;

function list(ids: readonly string[]): string {
  const shown = ids.slice(0, MAX_LISTED).join(', ');
  return ids.length > MAX_LISTED ? `${shown} and ${ids.length - MAX_LISTED} more` : shown;
}

function clauseParts(delta: LockDelta): string[] {
  const changed = delta.clausesChanged.filter((id) => !delta.added.includes(id) && !delta.removed.includes(id));
  const parts: string[] = [];
  if (changed.length > 0) parts.push(`${count(changed.length, 'clause')} changed (${list(changed)})`);
  if (delta.added.length > 0) parts.push(`${count(delta.added.length, 'clause')} added (${list(delta.added)})`);
  if (delta.removed.length > 0) parts.push(`${count(delta.removed.length, 'clause')} removed (${list(delta.removed)})`);
  return parts;
}

function describeClauses(delta: LockDelta): string {
  return joinParts([...clauseParts(delta), ...delta.bases]);
}

function describeStale(delta: LockDelta, lockedId: string, currentId: string, lockedVersion: string, currentVersion: string): string {
  const parts: string[] = [];
  if (delta.libraryIdChanged) parts.push(`it is for library ${lockedId}, not ${currentId}`);
  if (delta.libraryVersionChanged) parts.push(`it records release ${lockedVersion}, the library is now ${currentVersion}`);
  const clauses = [...clauseParts(delta), ...delta.bases];
  if (delta.overridesChanged) clauses.push('the base questions, sections or templates this library adapts changed');
  if (clauses.length > 0) parts.push(`since then ${joinParts(clauses)}`);
  return parts.join('; ');
}

function joinParts(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
