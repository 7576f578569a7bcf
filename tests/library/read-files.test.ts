import { mkdirSync, readdirSync, realpathSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { spawnCli } from '../helpers/cli.js';
import { fixtureCopy, testdir } from '../helpers/testdir.js';

/**
 * Reading a library on worker threads and through the parse cache must change nothing but
 * speed. Both only run in the built binary (from TypeScript sources there is neither a
 * worker file nor a build to key the cache on), so these tests spawn it: the same library,
 * read on one thread and on three, with no cache, a cold one, a warm one and a corrupt one,
 * gives the same findings, byte for byte, and an edit shows through a warm cache.
 */

const SCHEMA = '# yaml-language-server: $schema=../../../../schemas/clause.schema.json\n';

/** A clause of its own; every seventh asks about a question the library does not have. */
function extraClause(n: number): string {
  const when = n % 7 === 0 ? `unknownQuestion${n}` : 'generatesData';
  return `${SCHEMA}id: extra.c${n}\nversion: 1.0.0\nstatus: approved\ncategory: exit\ntitle: { en: "Clause ${n}" }\nwhen: '${when}'\ntext:\n  en: Text ${n}.\nguidance: { en: "Guidance ${n}." }\nchangelog:\n  - { version: 1.0.0, date: 2026-11-20, note: First version. }\n`;
}

/**
 * The basic fixture with files of every outcome (broken YAML, a schema error, links out of
 * the library) and enough clauses that each of three threads reads batches of its own.
 */
function library(): { dir: string; outside: string } {
  const outside = testdir({ 'secret.yaml': 'token: npm_SECRET\n', 'templates/main.yaml': 'id: main\n' });
  const extra = Object.fromEntries(Array.from({ length: 90 }, (_, n) => [`clauses/extra/c${n}.yaml`, extraClause(n)]));
  const dir = fixtureCopy('basic', {
    'clauses/exit/broken.yaml': `${SCHEMA}id: exit.broken\ntitle: [unclosed\n`,
    'clauses/exit/wrong-type.yaml': `${SCHEMA}id: exit.wrong-type\nversion: 1\n`,
    ...extra,
  });
  symlinkSync(join(outside, 'secret.yaml'), join(dir, 'clauses/exit/secret.yaml'));
  // A folder reached through a link: every file in it is out of the library.
  renameSync(join(dir, 'templates'), join(dir, 'templates-real'));
  symlinkSync(join(outside, 'templates'), join(dir, 'templates'));
  return { dir, outside: realpathSync(outside) };
}

function lint(dir: string, env: Record<string, string>): string {
  const result = spawnCli(['lint', '.', '--format', 'json'], { cwd: dir, env });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(1);
  return result.stdout;
}

describe('reading a library on threads and through the parse cache', () => {
  test('gives the same findings on one thread and on three, with no, a cold, a warm and a corrupt cache', () => {
    const { dir, outside } = library();
    const reference = lint(dir, { CLAUSULA_CACHE: '0', CLAUSULA_WORKERS: '1' });
    const findings = (JSON.parse(reference) as { findings: { file: string; message: string }[] }).findings;
    expect(findings.filter((f) => /symbolic link/.test(f.message)).map((f) => `${f.file}: ${f.message}`)).toEqual([
      `clauses/exit/secret.yaml: the file is a symbolic link to ${outside}/secret.yaml, outside the library folder; it is not read`,
      `templates/main.yaml: the file is a symbolic link to ${outside}/templates/main.yaml, outside the library folder; it is not read`,
    ]);
    expect(findings.some((f) => f.file === 'clauses/exit/broken.yaml')).toBe(true);
    expect(findings.some((f) => f.file === 'clauses/exit/wrong-type.yaml')).toBe(true);
    expect(findings.filter((f) => /unknownQuestion/.test(f.message)).map((f) => f.file)).toEqual(Array.from({ length: 13 }, (_, k) => `clauses/extra/c${k * 7}.yaml`).sort());
    expect(reference).not.toContain('npm_SECRET');

    expect(lint(dir, { CLAUSULA_CACHE: '0', CLAUSULA_WORKERS: '3' })).toBe(reference);
    const cache = testdir();
    expect(lint(dir, { CLAUSULA_CACHE_DIR: cache, CLAUSULA_WORKERS: '3' })).toBe(reference);
    // Beside the parse cache, the code cache of the lint command (tests/cli/code-cache.test.ts).
    const files = readdirSync(cache).filter((f) => f.startsWith('library-'));
    expect(files).toEqual([expect.stringMatching(/^library-[0-9a-f]{20}\.bin$/)]);
    expect(lint(dir, { CLAUSULA_CACHE_DIR: cache, CLAUSULA_WORKERS: '3' })).toBe(reference);
    expect(lint(dir, { CLAUSULA_CACHE_DIR: cache, CLAUSULA_WORKERS: '1' })).toBe(reference);
    writeFileSync(join(cache, files[0]!), 'not a cache');
    expect(lint(dir, { CLAUSULA_CACHE_DIR: cache, CLAUSULA_WORKERS: '3' })).toBe(reference);
    expect(readdirSync(cache).filter((f) => f.startsWith('library-'))).toEqual(files);
  });

  test('an edited file is read again: a warm cache never answers for a changed text', () => {
    const { dir } = library();
    const cache = testdir();
    const env = { CLAUSULA_CACHE_DIR: cache, CLAUSULA_WORKERS: '3' };
    const syntaxErrorsIn = (output: string, file: string) => (JSON.parse(output) as { findings: { file: string; ruleId: string }[] }).findings.filter((f) => f.file === file && f.ruleId === 'yaml-syntax').length;
    expect(syntaxErrorsIn(lint(dir, env), 'clauses/exit/broken.yaml')).toBeGreaterThan(0);
    writeFileSync(join(dir, 'clauses/exit/broken.yaml'), `${SCHEMA}id: exit.broken\ntitle: [closed]\n`);
    mkdirSync(join(dir, 'clauses/more'));
    writeFileSync(join(dir, 'clauses/more/new.yaml'), `${SCHEMA}id: more.new\n`);
    const warm = lint(dir, env);
    expect(warm).toBe(lint(dir, { CLAUSULA_CACHE: '0', CLAUSULA_WORKERS: '1' }));
    expect(syntaxErrorsIn(warm, 'clauses/exit/broken.yaml')).toBe(0);
    expect(warm).toContain('"file": "clauses/more/new.yaml"');
  });
});
