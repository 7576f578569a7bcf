import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLibrary, LOCK_FILE } from '../../src/library/load-library.js';
import { lintLibrary } from '../../src/lint/run-lint.js';
import { formatLockFile, lockOf } from '../../src/versioning/lock.js';
import { fixtureCopy } from './testdir.js';

/** A finding as tests compare it: rule, severity, where, what, and the fix when there is one. */
export interface Row {
  ruleId: string;
  severity: string;
  file: string;
  line: number;
  column: number;
  message: string;
  fix?: string;
}

/**
 * Record the library's clauses in clauses/clauses.lock.yaml, as `clausula lock` does, so that
 * the version rules (tested in tests/versioning) stay quiet about a fixture the test just edited.
 */
export function writeLock(dir: string): void {
  const lock = lockOf(loadLibrary(dir));
  if (lock) writeFileSync(join(dir, LOCK_FILE), formatLockFile(lock));
}

/**
 * The rules that compare clauses with clauses/clauses.lock.yaml. Another engineer owns and tests
 * them (tests/versioning); the rule tests here leave them out rather than re-lock every fixture.
 */
export const VERSION_RULES: readonly string[] = ['version-not-bumped', 'version-decreased', 'lock-stale', 'library-version-not-bumped'];

/**
 * The rules about a library that extends a base: their cases need a base and a library over
 * it, built in tests/library/layers-lint.test.ts, which checks that each has both.
 */
export const LAYER_RULES: readonly string[] = [
  'base-not-found',
  'base-mismatch',
  'base-version',
  'base-cycle',
  'base-conflict',
  'base-errors',
  'base-language',
  'override-outdated',
  'override-removed',
  'override-unmarked',
  'override-without-base',
  'exclude-without-reason',
  'exclude-required',
];

/** Lint a library folder in-process; findings as rows, in lint's order, without the version rules. */
export function lintDir(dir: string): Row[] {
  return lintLibrary(loadLibrary(dir)).filter((f) => !VERSION_RULES.includes(f.ruleId)).map((f) => ({
    ruleId: f.ruleId,
    severity: f.severity,
    file: f.file,
    line: f.start.line,
    column: f.start.column,
    message: f.message,
    ...(f.fix !== undefined ? { fix: f.fix } : {}),
  }));
}

/** A copy of tests/fixtures/basic with some files replaced (null removes one), locked as `clausula lock` would. */
export function basicWith(overrides: Record<string, string | Buffer | null> = {}): string {
  const dir = fixtureCopy('basic', overrides);
  writeLock(dir);
  return dir;
}

/** Lint a copy of tests/fixtures/basic with some files replaced (null removes one). */
export function lintBasic(overrides: Record<string, string | Buffer | null> = {}): Row[] {
  return lintDir(fixtureCopy('basic', overrides));
}

const row =
  (severity: string) =>
  (ruleId: string, file: string, line: number, column: number, message: string, fix?: string): Row => ({
    ruleId,
    severity,
    file,
    line,
    column,
    message,
    ...(fix !== undefined ? { fix } : {}),
  });

/** Expected findings, by severity. */
export const error = row('error');
export const warning = row('warning');
export const info = row('info');
