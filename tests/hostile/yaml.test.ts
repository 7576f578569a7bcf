import { readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { MAX_ALIASES, MAX_FILE_BYTES } from '../../src/library/yaml-source.js';
import { REPO_ROOT, runCli, spawnCli } from '../helpers/cli.js';
import { writeLock } from '../helpers/lint.js';
import { fixtureCopy, testdir } from '../helpers/testdir.js';
import { expectFixOnLine, expectNoCrash, expectNoPrototypePollution, expectRefused, failOnProcessWarnings, lineNaming, unchanged } from './guard.js';

/**
 * Broken and hostile YAML, through the commands people run: `lint` on a library, `build`
 * and `explain` on a broken library and on a broken answers file. The exact finding for each
 * (message, fix, position) is pinned in tests/lint/yaml.test.ts; here each case is checked
 * end to end: exit code, file:line:column and fix in the output, no crash, nothing written.
 */

failOnProcessWarnings();

const ENS = 'clauses/security/ens.yaml';
const ens = readFileSync(join(REPO_ROOT, 'tests/fixtures/basic', ENS), 'utf8');
const ANSWERS = ['answers:', '  authorityName: Example Council', '  contractTitle: Resurfacing', '  contractType: works', '  contractDurationMonths: 6', '  generatesData: false', '  hosting: none', '  ensCategory: basic', ''].join('\n');

function withEns(from: string, to: string): string {
  if (!ens.includes(from)) throw new Error(`not in ens.yaml: ${from}`);
  return ens.replace(from, to);
}

const aliasBomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array(10).fill(`*${'abcdefghi'[i]}`).join(', ')}]`), ''].join('\n');
const deep = `a: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`;
const latin1 = Buffer.concat([Buffer.from(`${ens.split('title:')[0]}title: { en: "Caf`), Buffer.from([0xe9]), Buffer.from('" }\n')]);
const binary = Buffer.concat([Buffer.from('id: security.ens\nver'), Buffer.from([0, 1, 2]), Buffer.from('sion: 1\n')]);
const huge = `${ens}# ${'x'.repeat(MAX_FILE_BYTES)}\n`;

/** A file that breaks, and where: [name, content, line, column (undefined: machine-dependent), words the message holds]. */
type Case = [string, string | Buffer, number, number | undefined, RegExp];

const clauseCases: Case[] = [
  ['a syntax error', withEns('status: approved', 'status: [approved'), 4, 1, /flow sequence/],
  ['tab indentation', withEns('  en: |', '\ten: |'), 8, 1, /a tab is used for indentation/],
  ['a duplicate key', withEns('status: approved', 'status: approved\nstatus: draft'), 4, 1, /duplicate key/],
  ['the tag !!js/function', withEns('status: approved', 'status: !!js/function "function () { return process.exit(1) }"'), 3, 9, /unknown tag !!js\/function/],
  ['an alias bomb (billion laughs)', aliasBomb, 2, 8, /billion laughs/],
  [`more than ${MAX_ALIASES} aliases`, `a: &a x\nb: [${Array(MAX_ALIASES + 1).fill('*a').join(', ')}]\n`, 2, 5, /more than 100 times/],
  ['20,000 nested lists', deep, 1, undefined, /nested too deeply/],
  ['invalid UTF-8 (Latin-1 é)', latin1, 5, 18, /not valid UTF-8/],
  ['a binary file', binary, 2, 4, /binary/],
  ['a file over 1 MiB', huge, 1, 1, /over the limit of 1048576 bytes/],
  ['an empty file', '', 1, 1, /the file is empty/],
  ['a list instead of a mapping', '- a\n- b\n', 1, 1, /must be a mapping/],
  ['an unknown field', `${ens}colour: red\n`, 15, 1, /unknown field "colour"/],
  // The yaml package would print a Node warning for these keys; they are unknown fields.
  ['a list and a mapping as keys', `${ens}[a, b]: x\n{ c: 1 }: y\n`, 15, 1, /"\[ a, b \]"|unknown field/],
  ['a byte-order mark and CRLF, with a wrong value', `\ufeff${withEns('status: approved', 'status: aproved').replace(/\n/g, '\r\n')}`, 3, 9, /"aproved"/],
];

describe('lint: a broken clause file is a finding at its place, exit 1', () => {
  test.each(clauseCases)('%s', async (_name, content, line, column, says) => {
    const dir = fixtureCopy('basic', { [ENS]: content });
    const result = await unchanged(dir, () => runCli(['lint', '.'], { cwd: dir }));
    expectRefused(result, { code: 1, file: ENS, line, column, says });
  });
});

describe('build and explain on a library with a broken clause file', () => {
  test.each(clauseCases)('%s: build refuses (exit 2) and names the place; explain warns and names the file', async (_name, content, line, column, says) => {
    const dir = fixtureCopy('basic', { [ENS]: content, 'answers.yaml': ANSWERS });
    const build = await unchanged(dir, () => runCli(['--library', '.', 'build', 'answers.yaml', '-o', 'out.docx'], { cwd: dir }));
    expectRefused(build, { code: 2, file: ENS, line, column, says });
    expect(build.stderr).toMatch(/no document is built from it/);
    const explain = await unchanged(dir, () => runCli(['--library', '.', 'explain', 'answers.yaml'], { cwd: dir }));
    expect(explain.code).toBe(0);
    expectNoCrash(explain.stderr);
    expect(explain.stderr).toContain(`could not be read and is left out (${ENS}); run clausula --library . lint to see why`);
  });
});

describe('accepted encodings: a byte-order mark, CRLF line ends, both', () => {
  test.each<[string, string]>([
    ['a byte-order mark', `\ufeff${ens}`],
    ['CRLF line ends', ens.replace(/\n/g, '\r\n')],
    ['a BOM and CRLF', `\ufeff${ens.replace(/\n/g, '\r\n')}`],
  ])('%s: lint is clean and build works, in a clause and in the answers', async (_name, content) => {
    const dir = fixtureCopy('basic', { [ENS]: content, 'answers.yaml': content.startsWith('\ufeff') ? `\ufeff${ANSWERS}` : ANSWERS.replace(/\n/g, '\r\n') });
    writeLock(dir);
    const lint = await unchanged(dir, () => runCli(['lint', '.'], { cwd: dir }));
    expect(lint.code, lint.stdout).toBe(0);
    const build = await runCli(['--library', '.', 'build', 'answers.yaml', '-o', 'out.md', '--format', 'md'], { cwd: dir, env: { SOURCE_DATE_EPOCH: '0' } });
    expect(build.code, build.stderr).toBe(0);
    expect(readFileSync(join(dir, 'out.md'), 'utf8')).toContain('The systems conform to the ENS.');
  });
});

describe('every field of a clause with the wrong type', () => {
  const wrong = [
    'id: 5',
    'version: one',
    'status: maybe',
    'category: [security]',
    'order: first',
    'title: just a string',
    'when: 12',
    'requires: security.other',
    'excludes: { a: 1 }',
    'supersededBy: 3',
    'text: 7',
    'guidance: true',
    'legalBasis: "GDPR"',
    'changelog: { version: 1 }',
    '',
  ].join('\n');
  // Each field's value, at its own line; the column is where the value starts.
  const places = wrong
    .split('\n')
    .filter(Boolean)
    .map((l, i) => ({ field: l.split(':')[0]!, line: i + 1, column: l.indexOf(':') + 3 }));

  test('lint: one finding at each field, each saying what the field must be', async () => {
    const dir = fixtureCopy('basic', { [ENS]: wrong });
    const result = await unchanged(dir, () => runCli(['lint', '.'], { cwd: dir }));
    expect(result.code).toBe(1);
    expectNoCrash(result.stdout + result.stderr);
    for (const { field, line, column } of places) {
      const hit = lineNaming(result.stdout, { file: ENS, line, column });
      expect(hit).toContain(field);
      expectFixOnLine(hit);
    }
  });

  test('build: refused, every field listed with file:line:column', async () => {
    const dir = fixtureCopy('basic', { [ENS]: wrong, 'answers.yaml': ANSWERS });
    const result = await unchanged(dir, () => runCli(['--library', '.', 'build', 'answers.yaml'], { cwd: dir }));
    expectRefused(result, { code: 2, file: ENS, line: 1, column: 5, says: /the clause library has 14 errors/ });
    for (const { line, column } of places) lineNaming(result.stderr, { file: ENS, line, column });
  });
});

describe('keys that name JavaScript internals stay data', () => {
  const protoClause = withEns('title: { en: "ENS conformity" }', 'title: { en: "ENS conformity", __proto__: { polluted: true } }') + '__proto__: { polluted: true }\nconstructor: { prototype: { polluted: true } }\n';

  test('in a clause: unknown fields for lint, a refusal for build, no pollution', async () => {
    const dir = fixtureCopy('basic', { [ENS]: protoClause, 'answers.yaml': ANSWERS });
    const lint = await unchanged(dir, () => runCli(['lint', '.'], { cwd: dir }));
    expectRefused(lint, { code: 1, file: ENS, line: 15, column: 1, says: /unknown field "__proto__"/ });
    lineNaming(lint.stdout, { file: ENS, line: 16, column: 1 });
    const build = await unchanged(dir, () => runCli(['--library', '.', 'build', 'answers.yaml'], { cwd: dir }));
    expectRefused(build, { code: 2, file: ENS, line: 15, column: 1 });
    expectNoPrototypePollution();
  });

  test('in an answers file: build and explain refuse, no pollution', async () => {
    const dir = fixtureCopy('basic', { 'answers.yaml': ANSWERS.replace('answers:', 'answers:\n  __proto__: { polluted: true }\n  constructor: { prototype: { polluted: true } }') });
    for (const command of ['build', 'explain']) {
      const result = await unchanged(dir, () => runCli(['--library', '.', command, 'answers.yaml'], { cwd: dir }));
      expectRefused(result, { code: 2, file: 'answers.yaml', line: 2, column: 3, says: /"__proto__" is not allowed in answers/ });
    }
    expectNoPrototypePollution();
  });
});

describe('a broken answers file: build and explain refuse it (exit 2) at its place', () => {
  const answersCases: Case[] = [
    // The parser sees the unclosed list where the next line starts.
    ['a syntax error', ANSWERS.replace('contractType: works', 'contractType: [works'), 5, 3, /flow sequence/],
    ['tab indentation', ANSWERS.replace('  hosting: none', '\thosting: none'), 7, 1, /a tab is used for indentation/],
    ['a duplicate key', ANSWERS.replace('  hosting: none', '  hosting: none\n  hosting: authority'), 8, 3, /duplicate key/],
    ['an alias bomb', `${aliasBomb}${ANSWERS}`, 2, 8, /billion laughs/],
    ['20,000 nested lists', `${ANSWERS}  x: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`, 9, undefined, /nested too deeply/],
    ['invalid UTF-8', Buffer.concat([Buffer.from(ANSWERS.split('Resurfacing')[0]! + 'Caf'), Buffer.from([0xe9]), Buffer.from(ANSWERS.split('Resurfacing')[1]!)]), 3, 21, /not valid UTF-8/],
    ['a binary file', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]), 1, 5, /binary/],
    ['a file over 1 MiB', `${ANSWERS}# ${'x'.repeat(MAX_FILE_BYTES)}\n`, 1, 1, /over the limit/],
    ['an empty file', '', 1, 1, /the file is empty/],
    ['a list instead of a mapping', '- a\n', 1, 1, /must be a mapping/],
    ['an unknown field', `${ANSWERS}colour: red\n`, 9, 1, /unknown field "colour"/],
    ['answers that are not a mapping', 'answers: 5\n', 1, 10, /answers must be a mapping/],
  ];

  test.each(answersCases)('%s', async (_name, content, line, column, says) => {
    const dir = fixtureCopy('basic', { 'answers.yaml': content });
    for (const command of [['build', 'answers.yaml', '-o', 'out.docx'], ['explain', 'answers.yaml']]) {
      const result = await unchanged(dir, () => runCli(['--library', '.', ...command], { cwd: dir }));
      expectRefused(result, { code: 2, file: 'answers.yaml', line, column, says });
    }
  });
});

describe('a library file that is a symbolic link out of the library', () => {
  test('is not read: its first line never reaches lint output or CI annotations', async () => {
    const secrets = testdir({ '.npmrc': '//registry.npmjs.org/:_authToken=npm_SECRET\n' });
    const dir = fixtureCopy('basic', { 'answers.yaml': ANSWERS });
    rmSync(join(dir, ENS));
    symlinkSync(join(secrets, '.npmrc'), join(dir, ENS));
    // A link that stays inside the library is fine.
    symlinkSync('../general/definitions.yaml', join(dir, 'clauses/security/alias.yaml'));
    for (const format of ['stylish', 'github', 'sarif']) {
      const lint = await unchanged(dir, () => runCli(['lint', '.', '--format', format], { cwd: dir }));
      expect(lint.code).toBe(1);
      expect(lint.stdout).not.toContain('npm_SECRET');
      expect(lint.stdout).toContain(`the file is a symbolic link to ${realpathSync(secrets)}/.npmrc, outside the library folder; it is not read`);
    }
    const stylish = await runCli(['lint', '.'], { cwd: dir });
    expectRefused(stylish, { code: 1, file: ENS, line: 1, column: 1 });
    expect(stylish.stdout).not.toMatch(/clauses\/security\/alias\.yaml\n\s+1:1\s+error\s+the file is a symbolic link/);
    const build = await unchanged(dir, () => runCli(['--library', '.', 'build', 'answers.yaml'], { cwd: dir }));
    expectRefused(build, { code: 2, file: ENS, line: 1, column: 1, says: /outside the library folder/ });
    expect(build.stderr).not.toContain('npm_SECRET');
  });
});

describe('the built binary, as a user runs it', () => {
  test('a list used as a key prints no Node warning; a syntax error no stack trace', () => {
    const dir = fixtureCopy('basic', { [ENS]: `${ens}[a, b]: x\n`, 'answers.yaml': `answers:\n  ? [a]\n  : 1\n` });
    const before = JSON.stringify(readFileSync(join(dir, ENS)));
    const lint = spawnCli(['lint', '.'], { cwd: dir, env: { CLAUSULA_CACHE: '0' } });
    expectRefused(lint, { code: 1, file: ENS, line: 15, column: 1 });
    const build = spawnCli(['--library', '.', 'build', 'answers.yaml'], { cwd: dir, env: { CLAUSULA_CACHE: '0' } });
    expectRefused(build, { code: 2, file: ENS, line: 15, column: 1 });
    const broken = fixtureCopy('basic', { 'answers.yaml': ANSWERS.replace('contractType: works', 'contractType: [works') });
    const explain = spawnCli(['--library', '.', 'explain', 'answers.yaml'], { cwd: broken, env: { CLAUSULA_CACHE: '0' } });
    expectRefused(explain, { code: 2, file: 'answers.yaml', line: 5, column: 3 });
    expect(JSON.stringify(readFileSync(join(dir, ENS)))).toBe(before);
  });
});

describe('a %YAML 1.1 directive', () => {
  test('is read as YAML 1.2: a changelog date stays a date in text, never "a mapping"; lint and build as without it', async () => {
    const plain = fixtureCopy('basic', { 'answers.yaml': ANSWERS });
    const files = ['clauses/library.yaml', 'clauses/questions.yaml', ENS, 'clauses/exit/handover.yaml', 'templates/main.yaml'];
    const old = fixtureCopy('basic', {
      'answers.yaml': `%YAML 1.1\n---\n${ANSWERS}`,
      ...Object.fromEntries(files.map((f) => [f, `# comment\n%YAML 1.1\n---\n${readFileSync(join(plain, f), 'utf8')}`])),
    });
    const lint = (dir: string) => runCli(['lint', dir, '--format', 'json'], { cwd: dir });
    const [a, b] = [await lint(plain), await lint(old)];
    expect(b.stdout).not.toMatch(/must be text|mapping/);
    expect(b.code).toBe(a.code);
    // The same findings at the same rules; positions are three lines lower in the files with a directive.
    const rules = (out: string) => (JSON.parse(out) as { findings: { ruleId: string; message: string }[] }).findings.map((f) => `${f.ruleId}: ${f.message}`).sort();
    expect(rules(b.stdout)).toEqual(rules(a.stdout));
    const build = (dir: string) => runCli(['--library', '.', 'build', 'answers.yaml', '--format', 'md', '-o', '-'], { cwd: dir, env: { SOURCE_DATE_EPOCH: '0' } });
    const [x, y] = [await build(plain), await build(old)];
    expect(y.code, y.stderr).toBe(0);
    expect(y.stdout).toBe(x.stdout);
  });
});
