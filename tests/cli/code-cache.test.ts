import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { spawnCli } from '../helpers/cli.js';
import { testdir } from '../helpers/testdir.js';

/**
 * The built binary runs its commands from one bundle (dist/clausula.cjs) with a V8 code
 * cache per command in the cache folder (src/cli/load-main.ts). The cache changes nothing
 * but speed: the same output with none, a fresh one, a used one and a corrupt one; it is
 * written once per command, never with CLAUSULA_CACHE=0, and those of other builds go once
 * unused for a week.
 */

const codeCaches = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('code-')).sort();

describe('the code cache', () => {
  test('is written once per command and changes nothing but speed', () => {
    const cache = testdir();
    const env = { CLAUSULA_CACHE_DIR: cache };
    const reference = spawnCli(['list', '--json'], { env: { CLAUSULA_CACHE: '0' } });
    expect(reference.code).toBe(0);
    expect(reference.stdout).toContain('"id"');

    expect(spawnCli(['list', '--json'], { env })).toEqual(reference);
    const [file] = codeCaches(cache);
    expect(codeCaches(cache)).toEqual([expect.stringMatching(/^code-[0-9a-f]{20}-list\.bin$/)]);
    const written = statSync(join(cache, file!)).mtimeMs;

    // Used, not written again.
    expect(spawnCli(['list', '--json'], { env })).toEqual(reference);
    expect(statSync(join(cache, file!)).mtimeMs).toBe(written);

    // Another command keeps its own; the command is found past --library and its value.
    const explain = spawnCli(['--library', '.', 'explain', 'examples/smart-parking.yaml'], { env });
    expect(explain.code).toBe(0);
    expect(codeCaches(cache)).toEqual([expect.stringMatching(/-explain\.bin$/), file].sort());

    // A corrupt cache is refused by V8, the command runs as without one, and the cache is written afresh.
    writeFileSync(join(cache, file!), 'not compiled code');
    expect(spawnCli(['list', '--json'], { env })).toEqual(reference);
    expect(readFileSync(join(cache, file!), 'utf8')).not.toBe('not compiled code');
  });

  test('removes the code caches of other builds unused for a week, and keeps those in use', () => {
    const cache = testdir({ 'code-00000000000000000000-list.bin': 'old', 'code-00000000000000000000-build.bin': 'old', 'code-11111111111111111111-list.bin': 'another version, in use', 'other.txt': 'kept' });
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000);
    for (const name of ['code-00000000000000000000-list.bin', 'code-00000000000000000000-build.bin', 'other.txt']) utimesSync(join(cache, name), eightDaysAgo, eightDaysAgo);
    expect(spawnCli(['list'], { env: { CLAUSULA_CACHE_DIR: cache } }).code).toBe(0);
    const left = readdirSync(cache).filter((f) => !f.startsWith('library-'));
    // In any order: where this build's own cache sorts depends on its hash.
    expect(left).toHaveLength(3);
    expect(left).toEqual(expect.arrayContaining(['code-11111111111111111111-list.bin', expect.stringMatching(/^code-(?![01]{20})[0-9a-f]{20}-list\.bin$/), 'other.txt']));
  });

  test('is never written with CLAUSULA_CACHE=0', () => {
    const home = testdir();
    const result = spawnCli(['lint', '--quiet'], { env: { HOME: home, CLAUSULA_CACHE: '0' } });
    expect(result.code).toBe(0);
    expect(existsSync(join(home, '.cache'))).toBe(false);
    expect(spawnCli(['lint', '--quiet'], { env: { HOME: home } }).code).toBe(0);
    expect(codeCaches(join(home, '.cache', 'clausula'))).toEqual([expect.stringMatching(/-lint\.bin$/)]);
  });
});
