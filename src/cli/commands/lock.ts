import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { InputError } from '../../errors.js';
import { compareFindings, type Finding } from '../../finding.js';
import { formatStylish } from '../../lint/format/stylish.js';
import { createContext } from '../../lint/context.js';
import { checkLayers } from '../../lint/rules/layers.js';
import { checkVersions } from '../../lint/rules/versions.js';
import { LIBRARY_FILE, LOCK_FILE, QUESTIONS_FILE, SCENARIOS_DIR } from '../../library/load-library.js';
import { compareWithLock, formatLockFile, lockOf } from '../../versioning/lock.js';
import { locate } from '../../library/yaml-source.js';
import type { Library } from '../../library/model.js';
import { checkWritable, writeFileSafely, type WriteRules } from '../../write/write-file.js';
import { toolVersion, type CommandContext } from '../context.js';
import { displayPath, loadFor, relativeToCwd } from '../load.js';
import { terminalJson } from '../../text/terminal-safe.js';

/**
 * The findings that make locking wrong: the lock would accept a change nobody versioned, or
 * record as reviewed a base change that a layer's adaptation has not been checked against.
 */
const BLOCKING = new Set(['version-not-bumped', 'version-decreased', 'library-version-not-bumped', 'override-outdated']);

/**
 * `clausula lock [dir]`: write clauses/clauses.lock.yaml. Refuses (exit 2) when the
 * manifest or a clause file cannot be read, since the lock would silently drop it, and
 * (exit 1) while a changed clause or the library has not been given a new version,
 * unless --force.
 */
export async function run(ctx: CommandContext, args: string[], options: Record<string, unknown>): Promise<number> {
  const library = loadFor(ctx, args[0] ? ctx.resolvePath(args[0]) : undefined);
  refuseUnreadable(ctx, library);

  const lock = lockOf(library)!;
  const lockPath = join(library.dir, LOCK_FILE);
  const shownPath = displayPath(ctx, lockPath);
  const versionFindings = blockingFindings(library);
  if (versionFindings.length > 0 && options.force !== true) {
    const chalk = new Chalk({ level: ctx.color ? 1 : 0 });
    const report = formatStylish(relativeToCwd(ctx, library, versionFindings), { chalk, toolVersion: toolVersion(), root: ctx.io.cwd });
    const versions = versionFindings.some((f) => f.ruleId !== 'override-outdated');
    const reviews = versionFindings.some((f) => f.ruleId === 'override-outdated');
    const first = [versions ? 'changed clauses need new versions' : undefined, reviews ? 'upstream changes to what this library adapts need a review' : undefined].filter(Boolean).join(', and ');
    const next = [versions ? 'Raise the versions (see docs/versioning.md) and add changelog entries' : undefined, reviews ? 'review each upstream change (clausula upgrade shows them) and update overrides:' : undefined].filter(Boolean).join('; ');
    ctx.io.stderr.write(
      `clausula: ${shownPath} not written: ${first} first\n\n${report}\n${next}; then run clausula lock again.\nTo record the library as it is anyway (a library not yet released), run clausula lock --force.\n`,
    );
    return 1;
  }

  const text = formatLockFile(lock);
  // Checked even when nothing changes: a lock file that leads out of the library is an error to see.
  checkWritable(lockPath, shownPath, LOCK_RULES(library));
  const previous = existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : undefined;
  const delta = library.lock ? compareWithLock(lock, library.lock.value) : undefined;
  const clauseCount = Object.keys(lock.clauses).length;
  const written = previous !== text;
  if (written) await writeFileSafely(lockPath, text, { ...LOCK_RULES(library), display: shownPath });

  if (options.json) {
    ctx.io.stdout.write(
      terminalJson(
        {
          file: shownPath,
          written,
          library: lock.library,
          version: lock.version,
          clauses: clauseCount,
          changed: delta ? delta.clausesChanged.filter((id) => !delta.added.includes(id) && !delta.removed.includes(id)) : [],
          added: delta ? delta.added : Object.keys(lock.clauses),
          removed: delta ? delta.removed : [],
          ...(lock.bases ? { bases: lock.bases.map((b) => `${b.library}@${b.version}`) } : {}),
        }) + '\n',
    );
    return 0;
  }
  const what = `${lock.library} ${lock.version}, ${clauseCount} ${clauseCount === 1 ? 'clause' : 'clauses'}`;
  if (!written) {
    ctx.io.stdout.write(`${shownPath} is up to date (${what})\n`);
  } else if (!delta) {
    ctx.io.stdout.write(`Wrote ${shownPath} (${what})\n`);
  } else {
    const changed = delta.clausesChanged.length - delta.added.length - delta.removed.length;
    const counts = [`${changed} changed`, `${delta.added.length} added`, `${delta.removed.length} removed`].join(', ');
    const release = delta.libraryVersionChanged ? `; release ${library.lock!.value.version} → ${lock.version}` : '';
    const bases = delta.bases.map((b) => `; ${b}`).join('');
    ctx.io.stdout.write(`Wrote ${shownPath} (${what}: ${counts}${release}${bases})\n`);
  }
  return 0;
}

/** clausula keeps the lock itself, inside the library: never through a link out of it, never elsewhere (lock has no -o). */
const LOCK_RULES = (library: Library): WriteRules => ({ kind: 'owned', within: library.dir, naming: 'fixed' });

/** Locking a library part of which cannot be read would record it without those clauses. */
function refuseUnreadable(ctx: CommandContext, library: Library): void {
  // The base must be one the library accepts, else the lock would record a release nobody chose.
  const base = library.findings.filter((f) => f.severity === 'error' && f.file === LIBRARY_FILE && (f.ruleId.startsWith('base-') || f.ruleId === 'invalid-semver'));
  if (base.length > 0) {
    throw new InputError(`cannot lock: ${base[0]!.message}`, base[0]!.fix ?? 'correct extends: in clauses/library.yaml, then run clausula lock again', relativeToCwd(ctx, library, base).sort(compareFindings));
  }
  const problems = library.findings.filter((f) => f.severity === 'error' && isClauseOrManifest(withinLayer(library, f.file)));
  const ids = library.clauses.map((c) => c.value.id);
  const duplicates = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
  if (!library.manifest || problems.length > 0) {
    const files = new Set(problems.map((f) => f.file));
    throw new InputError(
      `cannot lock: ${files.size} library ${files.size === 1 ? 'file' : 'files'} cannot be read`,
      'correct the files above (clausula lint shows every problem), then run clausula lock again',
      relativeToCwd(ctx, library, problems).sort(compareFindings),
    );
  }
  if (duplicates.length > 0) {
    const findings: Finding[] = library.clauses
      .filter((c) => duplicates.includes(c.value.id))
      .map((c) => ({ ruleId: 'duplicate-id', severity: 'error', file: c.source.file, start: locate(c.source, ['id']).start, message: `clause id ${c.value.id} is used by more than one file` }));
    throw new InputError(`cannot lock: clause ids must be unique (${duplicates.join(', ')})`, 'give each clause its own id, then run clausula lock again', relativeToCwd(ctx, library, findings));
  }
}

/** A file's path inside the folder of the layer it belongs to: a base's clause file counts as much as the library's own. */
function withinLayer(library: Library, file: string): string {
  for (const layer of library.layers.slice(1)) if (file.startsWith(layer.prefix + '/')) return file.slice(layer.prefix.length + 1);
  return file;
}

function isClauseOrManifest(file: string): boolean {
  if (file === LOCK_FILE || file === QUESTIONS_FILE || file.startsWith(SCENARIOS_DIR + '/')) return false;
  return file === LIBRARY_FILE || file.startsWith('clauses/');
}

function blockingFindings(library: Library): Finding[] {
  const ctx = createContext(library);
  checkVersions(ctx);
  checkLayers(ctx);
  return ctx.findings.filter((f) => BLOCKING.has(f.ruleId)).sort(compareFindings);
}
