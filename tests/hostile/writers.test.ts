import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeAtomically } from '../../src/write/atomic.js';
import { runCli, spawnCli, type CliResult } from '../helpers/cli.js';
import { fixtureCopy, testdir } from '../helpers/testdir.js';
import { open } from '../helpers/interview-pty.js';
import { hasTmux } from '../helpers/tmux.js';
import { expectNoCrash, expectRefused, failOnProcessWarnings, snapshot, unchanged } from './guard.js';

/**
 * One rule for every writer (src/write/check-target.ts): `-o` of build, guide, lint, test and
 * diff, lock, schema --out, init, and the interview's saves and drafts.
 * - Only regular files are ever replaced: a device, a pipe or a socket is refused even with --force.
 * - `schema --out` obeys --force.
 * - A report (lint, test and diff -o) never replaces a library's own files, a YAML file or an
 *   answers file, and is never written through a link; a document never replaces its own inputs.
 * - A library's files (lock, schema --out, init) are never written through a link out of it.
 * - Temporary files are created exclusively, under a random name: a planted link is never followed.
 * - Names that cannot be files (too long, ending in a slash) are refused by name, or, for a
 *   document, `-o FOLDER/` puts the default name in that folder.
 */

failOnProcessWarnings();

const ANSWERS = 'answers:\n  authorityName: Example Council\n  contractTitle: Resurfacing\n  contractType: works\n  contractDurationMonths: 6\n  generatesData: false\n  hosting: none\n  ensCategory: basic\n';
const library = () => fixtureCopy('basic', { 'answers.yaml': ANSWERS });
const run = (dir: string, ...argv: string[]) => runCli(argv, { cwd: dir, env: { SOURCE_DATE_EPOCH: '0' } });

/** The commands that write a file the user names, each writing to `target` (relative to the library folder). */
const WRITERS: [string, (target: string) => string[]][] = [
  ['build -o', (t) => ['--library', '.', 'build', 'answers.yaml', '--format', 'md', '-o', t, '--force']],
  ['guide -o', (t) => ['--library', '.', 'guide', '--format', 'md', '-o', t, '--force']],
  ['lint -o', (t) => ['lint', '.', '-o', t]],
  ['test -o', (t) => ['test', '.', '-o', t]],
  ['diff -o', (t) => ['diff', '.', '.', '-o', t]],
];

describe('devices, pipes and sockets are never replaced, even with --force', () => {
  let server: Server | undefined;
  afterAll(() => server?.close());

  /** A pipe, a socket and (where the system lets us make one) a character device, in a library folder. */
  async function specials(dir: string): Promise<string[]> {
    spawnSync('mkfifo', [join(dir, 'pipe')]);
    server = createServer();
    await new Promise<void>((resolve) => server!.listen(join(dir, 'socket'), resolve));
    // A copy of /dev/null (major 1, minor 3): replacing it would be replacing /dev/null.
    const made = spawnSync('mknod', [join(dir, 'null'), 'c', '1', '3']).status === 0;
    return ['pipe', 'socket', ...(made ? ['null'] : [])];
  }

  test.each(WRITERS)('%s', async (_what, argv) => {
    const dir = library();
    for (const name of await specials(dir)) {
      const result = await unchanged(dir, () => run(dir, ...argv(name)));
      expectRefused(result, { code: 2, file: name, says: new RegExp(`cannot write ${name}: it is not a regular file \\(a device, a pipe or a socket\\); clausula only ever replaces regular files`) });
    }
    server?.close();
  });

  test('lock, when clauses.lock.yaml is a pipe', async () => {
    const dir = library();
    rmSync(join(dir, 'clauses/clauses.lock.yaml'));
    spawnSync('mkfifo', [join(dir, 'clauses/clauses.lock.yaml')]);
    const result = await unchanged(dir, () => run(dir, 'lock', '.'));
    expectRefused(result, { code: 2, file: 'clauses/clauses.lock.yaml', says: /it is not a regular file/ });
  });

  test('schema --out, when a schema file is a pipe', async () => {
    const dir = testdir();
    spawnSync('mkfifo', [join(dir, 'clause.schema.json')]);
    const result = await unchanged(dir, () => run(dir, 'schema', '--out', '.', '--force'));
    expectRefused(result, { code: 2, file: 'clause.schema.json', says: /it is not a regular file/ });
  });
});

// The interview needs a terminal: a real one, so the refusal comes before the first question as an officer would see it.
describe.skipIf(!hasTmux)(`the interview's answers file is never a device, a pipe or a socket${hasTmux ? '' : ' (skipped: tmux is not installed)'}`, () => {
  test.each([
    ['es', 'es_ES.UTF-8', 'no se puede escribir respuestas.yaml: no es un archivo normal (es un dispositivo, una tubería o un socket); clausula solo sustituye archivos normales', 'Cómo resolverlo: elija otro nombre'],
    ['ca', 'ca_ES.UTF-8', 'no es pot escriure respuestas.yaml: no és un fitxer normal (és un dispositiu, una canonada o un sòcol); clausula només substitueix fitxers normals', 'Com resoldre-ho: trieu un altre nom'],
  ])('refused before the first question, in the officer\'s language (%s), with a fix that fits the command', async (lang, LANG, says, fix) => {
    const dir = testdir();
    spawnSync('mkfifo', [join(dir, 'respuestas.yaml')]);
    const t = open(`interview respuestas.yaml --lang ${lang}`, dir, LANG);
    const screen = await t.waitFor('[exit ');
    expect(screen).toContain(`clausula: error: ${says}\n${fix}\n[exit 2]`);
    // Nothing was asked, and the pipe is still a pipe.
    expect(screen).not.toContain('?');
    expect(lstatSync(join(dir, 'respuestas.yaml')).isFIFO()).toBe(true);
  });
});

describe('schema --out obeys --force', () => {
  test('existing schema files are kept without --force, all replaced with it', async () => {
    const dir = testdir({ 'schemas/clause.schema.json': '{"edited": true}\n' });
    const refused = await unchanged(dir, () => run(dir, 'schema', '--out', 'schemas'));
    expectRefused(refused, { code: 2, file: 'schemas/clause.schema.json', says: /schemas\/clause\.schema\.json already exists; clausula does not overwrite it without --force\nHow to fix: add --force to replace it, or choose another name with --out/ });
    // All or nothing: no other schema was written before the refusal.
    expect(readdirSync(join(dir, 'schemas'))).toEqual(['clause.schema.json']);
    const forced = await run(dir, 'schema', '--out', 'schemas', '--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'schemas/clause.schema.json'), 'utf8')).$schema).toMatch(/json-schema/);
  });
});

describe("a report never replaces a library's files, a YAML file or an answers file", () => {
  const REPORTS = WRITERS.filter(([what]) => !what.startsWith('build') && !what.startsWith('guide'));
  const targets: [string, string, RegExp][] = [
    ['the library manifest', 'clauses/library.yaml', /it is a file of the clause library, which this command reads and never replaces/],
    ['a template', 'templates/main.yaml', /it is a file of the clause library, which this command reads and never replaces/],
    ['an answers file', 'answers.yaml', /it is a YAML file \(a library file or an answers file\), which a report never replaces/],
    ['an answers file under another name', 'tender.answers', /it is a YAML file \(a library file or an answers file\), which a report never replaces/],
  ];
  for (const [what, argv] of REPORTS) {
    test.each(targets)(`${what} onto %s`, async (_name, target, says) => {
      const dir = library();
      writeFileSync(join(dir, 'tender.answers'), `# clausula answers\nlibrary: fixture-lib@1.0.0\n${ANSWERS}`);
      const result = await unchanged(dir, () => run(dir, ...argv(target)));
      expectRefused(result, { code: 2, file: target, says });
    });
  }

  test('a report that is not a YAML file is replaced without --force, as CI writes it on every run', async () => {
    const dir = library();
    writeFileSync(join(dir, 'lint.txt'), 'last run');
    const result = await run(dir, 'lint', '.', '-o', 'lint.txt');
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(dir, 'lint.txt'), 'utf8')).not.toBe('last run');
  });

  test('a report is never written through a link (a pull request could plant report.sarif → ~/.bashrc)', async () => {
    const dir = library();
    const home = testdir({ '.bashrc': 'export PATH=/usr/bin\n' });
    symlinkSync(join(home, '.bashrc'), join(dir, 'report.sarif'));
    const result = await unchanged(home, () => unchanged(dir, () => run(dir, 'lint', '.', '--format', 'sarif', '-o', 'report.sarif')));
    expectRefused(result, { code: 2, file: 'report.sarif', says: /it is a symbolic link \(to .*\.bashrc\); a report is never written through a link/ });
  });

  test('a document never replaces the answers it is built from, nor its reference document, --force or not', async () => {
    const dir = library();
    for (const argv of [
      ['--library', '.', 'build', 'answers.yaml', '--format', 'md', '-o', 'answers.yaml', '--force'],
      ['--library', '.', 'build', 'answers.yaml', '--format', 'md', '-o', 'clauses/exit/handover.yaml', '--force'],
    ]) {
      const result = await unchanged(dir, () => run(dir, ...argv));
      expectRefused(result, { code: 2, file: argv[argv.length - 2]!, says: /which this command reads and never replaces/ });
    }
    const built = await run(dir, '--library', '.', 'build', 'answers.yaml', '-o', 'style.docx');
    expect(built.code, built.stderr).toBe(0);
    const result = await unchanged(dir, () => run(dir, '--library', '.', 'build', 'answers.yaml', '--reference-doc', 'style.docx', '-o', 'style.docx', '--force'));
    expectRefused(result, { code: 2, file: 'style.docx', says: /it is the reference document whose styles it takes, which this command reads and never replaces/ });
  });
});

describe('never through a link out of the library', () => {
  let outside: string;
  beforeAll(() => {
    outside = mkdtempSync(join(tmpdir(), 'clausula-outside-'));
  });
  afterAll(() => rmSync(outside, { recursive: true, force: true }));

  test('lock, when clauses.lock.yaml is a link to a file outside (lint suggests running lock)', async () => {
    const dir = library();
    const victim = join(outside, 'private.yaml');
    writeFileSync(victim, 'secret: keep me\n');
    rmSync(join(dir, 'clauses/clauses.lock.yaml'));
    symlinkSync(victim, join(dir, 'clauses/clauses.lock.yaml'));
    const result = await unchanged(outside, () => unchanged(dir, () => run(dir, 'lock', '.')));
    expectRefused(result, { code: 2, file: 'clauses/clauses.lock.yaml', says: new RegExp(`it is a symbolic link to ${victim}, outside ${dir}; clausula never writes through a link out of it\\nHow to fix: replace the link by the file itself`) });
    expect(result.stderr, 'lock has no -o to suggest').not.toMatch(/-o\b/);
    expect(readFileSync(victim, 'utf8')).toBe('secret: keep me\n');
  });

  test('lock, when the clauses folder is reached through a link out of the library: refused, nothing written there', async () => {
    const dir = library();
    const real = join(outside, 'clauses-elsewhere');
    rmSync(real, { recursive: true, force: true });
    spawnSync('cp', ['-r', join(dir, 'clauses'), real]);
    rmSync(join(dir, 'clauses'), { recursive: true });
    symlinkSync(real, join(dir, 'clauses'));
    rmSync(join(real, 'clauses.lock.yaml'));
    const result = await unchanged(outside, () => run(dir, 'lock', '.', '--force'));
    expect(result.code, result.stderr).toBe(2);
    expectNoCrash(result.stderr);
    expect(existsSync(join(real, 'clauses.lock.yaml'))).toBe(false);
  });

  test('schema --out --force, when a schema file there is a link out of the folder', async () => {
    const dir = testdir();
    const victim = join(outside, 'authorized_keys');
    writeFileSync(victim, 'ssh-ed25519 AAAA keep\n');
    symlinkSync(victim, join(dir, 'clause.schema.json'));
    const result = await unchanged(outside, () => unchanged(dir, () => run(dir, 'schema', '--out', '.', '--force')));
    expectRefused(result, { code: 2, file: 'clause.schema.json', says: /it is a symbolic link to .*authorized_keys, outside .*; clausula never writes through a link out of it/ });
  });
});

describe('temporary files', () => {
  test('are created exclusively: links planted at the names the old writers used are never followed', () => {
    const dir = testdir();
    const victim = join(testdir({ 'private.txt': 'keep me' }), 'private.txt');
    const target = join(dir, 'library-cache.bin');
    // The cache writer's old name (<file>.<pid>.tmp), at this and the next process ids.
    for (let pid = process.pid; pid < process.pid + 20; pid++) symlinkSync(victim, `${target}.${pid}.tmp`);
    const before = snapshot(dir);
    writeAtomically(target, [Buffer.from('new')]);
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(snapshot(dir)).toEqual({ ...before, 'library-cache.bin': expect.stringMatching(/^3 bytes/) });
  });

  test('keep an existing file’s permissions', () => {
    const dir = testdir({ 'answers.yaml': 'old' });
    spawnSync('chmod', ['640', join(dir, 'answers.yaml')]);
    writeAtomically(join(dir, 'answers.yaml'), [Buffer.from('new')]);
    expect(statSync(join(dir, 'answers.yaml')).mode & 0o777).toBe(0o640);
  });
});

describe('names that cannot be files', () => {
  test('a 300-character name is refused by name, not as ENAMETOOLONG of a temporary file', async () => {
    const dir = library();
    const name = `${'a'.repeat(300)}.docx`;
    const result = await unchanged(dir, () => run(dir, '--library', '.', 'build', 'answers.yaml', '-o', name));
    expectRefused(result, { code: 2, file: name, says: /the file name is 305 bytes long; file systems take at most 255\nHow to fix: choose a shorter name with -o/ });
    expect(result.stderr).not.toMatch(/ENAMETOOLONG|\.tmp/);
  });

  test('a 255-byte name still fits (the temporary name does not grow with it)', async () => {
    const dir = library();
    const name = `${'é'.repeat(125)}.docx`;
    const result = await run(dir, '--library', '.', 'build', 'answers.yaml', '-o', name);
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(dir)).toContain(name);
  });

  test('-o newdir/ puts the document, under its default name, in that folder; never a file called newdir', async () => {
    const dir = library();
    const missing = await unchanged(dir, () => run(dir, '--library', '.', 'build', 'answers.yaml', '-o', 'newdir/'));
    expectRefused(missing, { code: 2, file: 'newdir/answers.docx', says: /the folder newdir does not exist/ });
    mkdirSync(join(dir, 'newdir'));
    const built = await run(dir, '--library', '.', 'build', 'answers.yaml', '-o', 'newdir/');
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout).toMatch(/^Wrote newdir\/answers\.docx:/);
    expect(readdirSync(join(dir, 'newdir'))).toEqual(['answers.docx']);
    const guide = await run(dir, '--library', '.', 'guide', '--format', 'md', '-o', 'newdir/');
    expect(guide.code, guide.stderr).toBe(0);
    expect(readdirSync(join(dir, 'newdir')).sort()).toEqual(['answers.docx', 'fixture-lib-guide.en.md']);
  });

  test('a report to newdir/ is refused: a report has no default name', async () => {
    const dir = library();
    mkdirSync(join(dir, 'newdir'));
    const result = await unchanged(dir, () => run(dir, 'lint', '.', '-o', 'newdir/'));
    expectRefused(result, { code: 2, file: 'newdir/', says: /the name ends with a slash, so it names a folder\nHow to fix: give a file name, such as -o newdir\/report\.txt/ });
  });
});

describe('the writer after a signal', () => {
  test('refuses every write once stopWriting has run, and leaves nothing behind (in a process of its own)', () => {
    const dir = testdir();
    const script = `
      const { stopWriting, writeFileSafely } = await import(${JSON.stringify(new URL('../../dist/write/write-file.js', import.meta.url).href)});
      await stopWriting();
      try { await writeFileSafely(${JSON.stringify(join(dir, 'out.docx'))}, 'text', { display: 'out.docx' }); console.log('written'); }
      catch (error) { console.log(error.constructor.name, error.exitCode, error.message); }`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(result.stdout.trim()).toBe('InterruptedError 130 interrupted: out.docx was not written');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('end to end, as a user runs it', () => {
  test('build --force onto a pipe: refused before the pipe is opened (it would block)', () => {
    const dir = library();
    spawnSync('mkfifo', [join(dir, 'out.docx')]);
    const result: CliResult = spawnCli(['--library', '.', 'build', 'answers.yaml', '-o', 'out.docx', '--force'], { cwd: dir, timeout: 20_000 });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain('cannot write out.docx: it is not a regular file');
    expect(lstatSync(join(dir, 'out.docx')).isFIFO()).toBe(true);
  });
});
