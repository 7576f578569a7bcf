import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { makeDirectory } from '../../src/write/make-directory.js';
import { spawnCli } from '../helpers/cli.js';
import { testdir } from '../helpers/testdir.js';
import { expectRefused } from './guard.js';

/**
 * Folders clausula creates (its cache, `schema --out`, `init`) where they cannot be created.
 * Node 20's recursive mkdir never returns when the system says "no such file" for a folder
 * whose parent exists, as /proc does; clausula must answer, not hang.
 */

const hasProc = existsSync('/proc/self');

describe('making a folder', () => {
  test('creates the missing parents, accepts a folder that exists, refuses a file in the way', () => {
    const dir = testdir({ 'file.txt': 'x' });
    makeDirectory(join(dir, 'a', 'b', 'c'));
    expect(statSync(join(dir, 'a', 'b', 'c')).isDirectory()).toBe(true);
    makeDirectory(join(dir, 'a', 'b'));
    expect(() => makeDirectory(join(dir, 'file.txt'))).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(() => makeDirectory(join(dir, 'file.txt', 'under'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });

  test.skipIf(!hasProc)('under /proc: says so at once', () => {
    expect(() => makeDirectory('/proc/clausula-test/sub')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });
});

describe('a cache folder that cannot be made or written', () => {
  test.skipIf(!hasProc)('lint and build run without a cache rather than hang', () => {
    const cache = '/proc/clausula-cache';
    const lint = spawnCli(['lint', '--quiet'], { env: { CLAUSULA_CACHE_DIR: cache }, timeout: 30_000 });
    expect(lint.code, lint.stderr).toBe(0);
    expect(lint.stderr).toBe('');
    const out = testdir();
    const build = spawnCli(['build', 'examples/smart-parking.yaml', '-o', join(out, 'tender.docx')], { env: { CLAUSULA_CACHE_DIR: cache }, timeout: 30_000 });
    expect(build.code, build.stderr).toBe(0);
    // Two documents, named from the stem -o gives.
    expect(existsSync(join(out, 'tender-clausules-administratives.docx'))).toBe(true);
    expect(existsSync(join(out, 'tender-prescripcions-tecniques.docx'))).toBe(true);
  });

  test.skipIf(!hasProc)('schema --out a folder that cannot be made: a clear error', () => {
    const result = spawnCli(['schema', '--out', '/proc/clausula-schemas'], { timeout: 30_000 });
    expectRefused(result, { code: 2, file: '/proc/clausula-schemas', says: /cannot create the folder \/proc\/clausula-schemas: ENOENT\nHow to fix: choose a folder you can write to, with --out/ });
  });
});

test('a cache folder that is a file is left alone, and the command runs without a cache', () => {
  const dir = testdir();
  const cache = join(dir, 'cache');
  writeFileSync(cache, 'not a folder');
  const lint = spawnCli(['lint', '--quiet'], { env: { CLAUSULA_CACHE_DIR: cache } });
  expect(lint.code, lint.stderr).toBe(0);
  expect(lint.stderr).toBe('');
  expect(statSync(cache).isFile()).toBe(true);
});

test.skipIf(process.platform === 'win32')('a cache folder clausula makes is private to the user (it holds compiled code)', () => {
  const cache = join(testdir(), 'a', 'cache');
  expect(spawnCli(['list'], { env: { CLAUSULA_CACHE_DIR: cache } }).code).toBe(0);
  expect(statSync(cache).mode & 0o777).toBe(0o700);
});
