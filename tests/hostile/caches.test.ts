import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { Script } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { openCache } from '../../src/cache/sealed-file.js';
import { hashOfBuild, parseCacheFile } from '../../src/library/parse-cache.js';
import { threadsFor } from '../../src/library/read-files.js';
import { REPO_ROOT, spawnCli, type CliResult } from '../helpers/cli.js';
import { fixtureCopy, testdir } from '../helpers/testdir.js';
import { expectNoCrash } from './guard.js';

/**
 * No compiled code or parsed data is taken from a place someone else can write. The code
 * cache and the parse cache (src/cache/) are sealed with an HMAC under a per-user key kept
 * outside the cache folder; the folder must be the user's own, private, not a link. Planted
 * compiled code — V8 takes a code cache made from any source of the same length — never runs,
 * whether planted in an open folder, in another user's, behind a link, or sealed with another
 * key (a cache restored by CI from another branch brings its entries, never the key). Parse
 * cache entries are checked against their schema when used: a tampered, null or malformed
 * entry is a miss, never an error or a change in the document.
 */

const BUNDLE = join(REPO_ROOT, 'dist/clausula.cjs');
const ANSWERS = 'answers:\n  authorityName: Example Council\n  contractTitle: Case management\n  contractType: services\n  contractDurationMonths: 36\n  generatesData: true\n  dataKinds: [personal, operational]\n  processesPersonalData: true\n  hosting: cloud-saas\n  ensCategory: medium\n';
const SELL = 'The contractor owns all data and may sell it.';

/** A fresh state folder (its own key) and cache folder, as one user has them. */
function user(): { env: Record<string, string>; cache: string; state: string } {
  const home = testdir();
  const state = join(home, 'state');
  const cache = join(home, 'cache');
  return { env: { HOME: home, XDG_STATE_HOME: state, CLAUSULA_CACHE_DIR: cache, SOURCE_DATE_EPOCH: '0' }, cache, state };
}

function build(dir: string, env: Record<string, string>, out = 'tender.md'): CliResult {
  const result = spawnCli(['--library', dir, 'build', join(dir, 'answers.yaml'), '--format', 'md', '-o', join(dir, out), '--force'], { env });
  expectNoCrash(result.stderr);
  return result;
}

/**
 * Compiled code that writes `marker`, as V8 would accept it for the bundle: made from a script
 * of exactly the bundle's wrapped length, run once so that its function is compiled in.
 */
function plantedCode(marker: string): Buffer {
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${readFileSync(BUNDLE, 'utf8')}\n})`;
  const body = `(function (exports, require) { require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'planted code ran'); })`;
  const evil = body + `/*${' '.repeat(wrapped.length - body.length - 4)}*/`;
  expect(evil.length).toBe(wrapped.length);
  const script = new Script(evil, { filename: BUNDLE });
  (script.runInThisContext() as (e: unknown, r: unknown) => void)({}, () => ({ writeFileSync: () => undefined }));
  return script.createCachedData();
}

/** The names a code cache of this bundle may have (this build's, and the one before, which hashed with sha1). */
function codeCacheNames(command: string): string[] {
  const bundle = readFileSync(BUNDLE);
  const id = (algorithm: string) => createHash(algorithm).update(process.versions.v8).update('\0').update(bundle).digest('hex');
  return [`code-${id('sha256').slice(0, 20)}-${command}.bin`, `code-${id('sha1').slice(0, 20)}-${command}.bin`];
}

/** Planted compiled code at every name a build's code cache may have, raw; at this build's own name, in a sealed file's layout with a made-up seal. */
function plant(cache: string, marker: string): void {
  const code = plantedCode(marker);
  mkdirSync(cache, { recursive: true });
  const [current, ...others] = codeCacheNames('build');
  for (const name of new Set([...others, ...readdirSync(cache).filter((f) => f.startsWith('code-'))])) writeFileSync(join(cache, name), code);
  writeFileSync(join(cache, current!), Buffer.concat([Buffer.from('clausula-cache 1\n'), code, randomBytes(32)]));
}

describe('planted compiled code never runs', () => {
  test('in a cache folder anyone can write (0777): the command runs as without a cache, the same document', () => {
    const { env, cache } = user();
    const dir = fixtureCopy('basic', { 'answers.yaml': ANSWERS });
    const reference = build(dir, { ...env, CLAUSULA_CACHE: '0' }, 'reference.md');
    expect(reference.code, reference.stderr).toBe(0);
    expect(build(dir, env).code).toBe(0); // a real code cache, to be replaced
    chmodSync(cache, 0o777);
    const marker = join(testdir(), 'ran');
    plant(cache, marker);
    const result = build(dir, env);
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(marker), 'the planted code ran').toBe(false);
    expect(readFileSync(join(dir, 'tender.md'), 'utf8')).toBe(readFileSync(join(dir, 'reference.md'), 'utf8'));
    // The folder was closed again, and the planted file replaced by a sealed one of ours.
    expect(statSync(cache).mode & 0o777).toBe(0o700);
  });

  test('in a folder another user owns: not used at all, nothing read or written there', () => {
    const { env, cache } = user();
    const dir = fixtureCopy('basic', { 'answers.yaml': ANSWERS });
    mkdirSync(cache, { mode: 0o777 });
    chmodSync(cache, 0o777);
    const marker = join(testdir(), 'ran');
    plant(cache, marker);
    chownSync(cache, 65534, 65534);
    const before = readdirSync(cache).sort();
    const result = build(dir, env);
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(marker)).toBe(false);
    expect(readdirSync(cache).sort()).toEqual(before);
  });

  test('behind a link: a cache folder that is a symbolic link is not used', () => {
    const { env, cache } = user();
    const dir = fixtureCopy('basic', { 'answers.yaml': ANSWERS });
    const real = testdir();
    const marker = join(testdir(), 'ran');
    plant(real, marker);
    symlinkSync(real, cache);
    const before = readdirSync(real).sort();
    expect(build(dir, env).code).toBe(0);
    expect(existsSync(marker)).toBe(false);
    expect(lstatSync(cache).isSymbolicLink()).toBe(true);
    expect(readdirSync(real).sort()).toEqual(before);
  });

  test('sealed with another key (a cache restored by CI from another branch): a miss', () => {
    const attacker = user();
    const dir = fixtureCopy('basic', { 'answers.yaml': ANSWERS });
    // The other branch's job sealed its planted code with its own key, in the folder CI then restores.
    const marker = join(testdir(), 'ran');
    const folder = openCache({ ...attacker.env });
    expect(folder).toBeDefined();
    const bundle = readFileSync(BUNDLE);
    const bundleHash = createHash('sha256').update(process.versions.v8).update('\0').update(bundle).digest('hex');
    folder!.write(codeCacheNames('build')[0]!, `code\0${bundleHash}\0build`, [plantedCode(marker)]);
    // This job: the same cache folder, its own key.
    const victim = { ...user().env, CLAUSULA_CACHE_DIR: attacker.cache };
    const result = build(dir, victim);
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(marker)).toBe(false);
  });
});

describe('the per-user key', () => {
  test('is made once, private (0600 in a 0700 folder), outside the cache folder; one readable by others is replaced', () => {
    const { env, state, cache } = user();
    expect(spawnCli(['list'], { env }).code).toBe(0);
    const key = join(state, 'clausula', 'cache-key');
    expect(statSync(key).mode & 0o777).toBe(0o600);
    expect(statSync(key).size).toBe(32);
    expect(statSync(join(state, 'clausula')).mode & 0o777).toBe(0o700);
    expect(readdirSync(cache).some((f) => f.includes('key'))).toBe(false);
    const first = readFileSync(key);
    expect(spawnCli(['list'], { env }).code).toBe(0);
    expect(readFileSync(key)).toEqual(first);
    chmodSync(key, 0o644);
    expect(spawnCli(['list'], { env }).code).toBe(0);
    expect(readFileSync(key)).not.toEqual(first);
    expect(statSync(key).mode & 0o777).toBe(0o600);
  });

  test('a key that is a link is never followed: replaced by a key of our own', () => {
    const { env, state } = user();
    const known = join(testdir({ known: Buffer.alloc(32, 7) }), 'known');
    mkdirSync(join(state, 'clausula'), { recursive: true, mode: 0o700 });
    symlinkSync(known, join(state, 'clausula', 'cache-key'));
    expect(spawnCli(['list'], { env }).code).toBe(0);
    const key = join(state, 'clausula', 'cache-key');
    expect(lstatSync(key).isFile()).toBe(true);
    expect(readFileSync(key)).not.toEqual(Buffer.alloc(32, 7));
    expect(readFileSync(known)).toEqual(Buffer.alloc(32, 7));
  });

  test('a key folder another user owns: no cache at all, and the command runs', () => {
    const { env, state, cache } = user();
    mkdirSync(join(state, 'clausula'), { recursive: true, mode: 0o700 });
    chownSync(join(state, 'clausula'), 65534, 65534);
    const result = spawnCli(['list'], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(existsSync(cache) ? readdirSync(cache) : []).toEqual([]);
  });
});

/** The entries of a parse cache file, opened with the user's key, edited, and sealed again with it. */
function editParseCache(env: Record<string, string>, libraryDir: string, edit: (pairs: [string, unknown][]) => [string, unknown][]): void {
  const id = hashOfBuild();
  expect(id).toBeTruthy();
  const { name, identity } = parseCacheFile(id!, libraryDir);
  const folder = openCache(env)!;
  const body = folder.read(name, identity);
  expect(body, 'the build wrote a parse cache sealed with this key').toBeDefined();
  const pairs: [string, unknown][] = [];
  for (let at = 0; at < body!.length; ) {
    const length = body!.readUInt32LE(at);
    pairs.push(...(deserialize(body!.subarray(at + 4, at + 4 + length)) as [string, unknown][]));
    at += 4 + length;
  }
  const frame = serialize(edit(pairs));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(frame.length);
  expect(folder.write(name, identity, [length, frame])).toBe(true);
}

const CLAUSE = 'clauses/ownership/generated-data.yaml';
const sell = (pairs: [string, unknown][]): [string, unknown][] =>
  pairs.map(([file, entry]) => {
    if (file !== CLAUSE) return [file, entry];
    const e = entry as { data: { text: Record<string, string> } };
    return [file, { ...e, data: { ...e.data, text: { en: SELL } } }];
  });

describe('parse-cache entries are never trusted blindly', () => {
  const cases: [string, (env: Record<string, string>, dir: string, cache: string) => void][] = [
    [
      'edited, and sealed with another key',
      (env, dir) => {
        const other = { ...env, XDG_STATE_HOME: join(testdir(), 'other-state') };
        const id = hashOfBuild()!;
        const { name, identity } = parseCacheFile(id, dir);
        const pairs = sell([[CLAUSE, { hash: '0'.repeat(40), kind: 'clause', data: { id: 'ownership.generated-data', text: { en: 'x' } } }]]);
        const frame = serialize(pairs);
        const length = Buffer.alloc(4);
        length.writeUInt32LE(frame.length);
        openCache(other)!.write(name, identity, [length, frame]);
      },
    ],
    [
      'edited in place, without a seal',
      (_env, _dir, cache) => {
        for (const file of readdirSync(cache).filter((f) => f.startsWith('library-'))) {
          const bytes = readFileSync(join(cache, file));
          writeFileSync(join(cache, file), Buffer.from(bytes.toString('latin1').replace('All data generated', 'The contractor owns all'), 'latin1'));
        }
      },
    ],
    ['a null entry, sealed with the right key', (env, dir) => editParseCache(env, dir, (pairs) => pairs.map(([f, e]) => [f, f === CLAUSE ? null : e]))],
    ['a malformed entry (no text), sealed with the right key', (env, dir) => editParseCache(env, dir, (pairs) => pairs.map(([f, e]) => [f, f === CLAUSE ? { ...(e as object), data: { id: 'ownership.generated-data' } } : e]))],
    ['an entry of the wrong shape (a number), sealed with the right key', (env, dir) => editParseCache(env, dir, (pairs) => [...pairs.filter(([f]) => f !== CLAUSE), [CLAUSE, 42]])],
    ['a truncated file', (_env, _dir, cache) => {
      for (const file of readdirSync(cache).filter((f) => f.startsWith('library-'))) writeFileSync(join(cache, file), readFileSync(join(cache, file)).subarray(0, 100));
    }],
  ];
  test.each(cases)('%s: a miss; the same document as without a cache, exit 0, and every later run too', (_what, tamper) => {
    const { env, cache } = user();
    const dir = fixtureCopy('basic', { 'answers.yaml': ANSWERS });
    const reference = build(dir, { ...env, CLAUSULA_CACHE: '0' }, 'reference.md');
    expect(reference.code).toBe(0);
    expect(build(dir, env).code).toBe(0);
    tamper(env, dir, cache);
    for (let run = 0; run < 2; run++) {
      const result = build(dir, env);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).not.toMatch(/error/i);
      const text = readFileSync(join(dir, 'tender.md'), 'utf8');
      expect(text).not.toContain('may sell it');
      expect(text).toBe(readFileSync(join(dir, 'reference.md'), 'utf8'));
    }
  });
});

describe('the cache folder', () => {
  test('a relative XDG_CACHE_HOME is ignored (the XDG rule): no cache folder wherever the command runs', () => {
    const home = testdir();
    const work = testdir();
    const result = spawnCli(['list'], { cwd: work, env: { HOME: home, XDG_CACHE_HOME: 'relative-cache', XDG_STATE_HOME: join(home, 'state') } });
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(work)).toEqual([]);
    expect(readdirSync(join(home, '.cache', 'clausula')).some((f) => f.startsWith('code-'))).toBe(true);
  });

  test('keeps the 32 most recently used library caches, so short-lived folders (tests, diff) do not fill the disk', () => {
    const { env, cache } = user();
    mkdirSync(cache, { mode: 0o700 });
    const old = new Date(Date.now() - 60_000);
    for (let i = 0; i < 40; i++) {
      writeFileSync(join(cache, `library-${String(i).padStart(20, '0')}.bin`), 'stale');
      utimesSync(join(cache, `library-${String(i).padStart(20, '0')}.bin`), old, old);
    }
    const dir = fixtureCopy('basic');
    expect(spawnCli(['lint', dir, '--quiet'], { env }).code).toBe(0);
    const left = readdirSync(cache).filter((f) => f.startsWith('library-'));
    expect(left).toHaveLength(32);
    expect(left.filter((f) => !/^library-0{10}/.test(f))).toHaveLength(1); // this library's, just written
  });
});

describe('CLAUSULA_WORKERS', () => {
  test('is capped at the number of processors, and at the number of files', () => {
    expect(threadsFor(10_000, '400', 2)).toBe(2);
    expect(threadsFor(10_000, '400', 8)).toBe(8);
    expect(threadsFor(3, '400', 8)).toBe(3);
    expect(threadsFor(10_000, '1', 8)).toBe(1);
    expect(threadsFor(10_000, 'lots', 8)).toBe(4);
    expect(threadsFor(100, undefined, 8)).toBe(1);
  });
});

test.skipIf(!existsSync('/proc/sys/kernel/ns_last_pid'))('the cache never follows a link planted at the next process ids (its old temporary names)', () => {
  const { env, cache } = user();
  mkdirSync(cache, { mode: 0o700 });
  const victim = join(testdir({ 'private.txt': 'keep me' }), 'private.txt');
  const { name: parseCache } = parseCacheFile(hashOfBuild()!, REPO_ROOT.replace(/\/$/, ''));
  const next = Number(readFileSync('/proc/sys/kernel/ns_last_pid', 'utf8'));
  for (let pid = next + 1; pid <= next + 300; pid++) {
    for (const name of [...codeCacheNames('list'), parseCache]) symlinkSync(victim, join(cache, `${name}.${pid}.tmp`));
  }
  expect(spawnCli(['list'], { env }).code).toBe(0);
  expect(readFileSync(victim, 'utf8')).toBe('keep me');
  expect(readdirSync(cache).filter((f) => !f.endsWith('.tmp')).length).toBeGreaterThan(0);
});

describe("the README's CI recipe", () => {
  test('restores no cache folder: a cache from another branch would bring the code that branch wrote', () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const workflows = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((y) => /runs-on:/.test(y));
    expect(workflows.length).toBeGreaterThan(0);
    for (const workflow of workflows) {
      expect(workflow).not.toMatch(/actions\/cache/);
      expect(workflow).not.toMatch(/\.cache\/clausula|CLAUSULA_CACHE_DIR/);
    }
  });
});
