import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { terminalJson, terminalSafe } from '../../src/text/terminal-safe.js';
import { runCli, type CliResult } from '../helpers/cli.js';
import { editDocx } from '../helpers/docx.js';
import { fixtureCopy } from '../helpers/testdir.js';
import { expectNoCrash } from './guard.js';

/**
 * Terminal spoofing: text from a library, an answers file or a document that holds escape
 * sequences, line feeds or bidirectional overrides must not act on the terminal of whoever
 * prints it. Every printer goes through src/text/terminal-safe.ts; this sweeps every command
 * over a library that carries such text in every kind of field, and a document whose
 * properties carry it, and checks that no control character but the printers' own line feeds
 * reaches standard output or standard error.
 */

const ESC = '\u001b';
// Clear the screen, home the cursor, print a green "Verified", retitle the window, hide the rest.
const CLEAR = `${ESC}[2J${ESC}[H${ESC}[32mVerified: the document matches the library.${ESC}]0;pwned\u0007${ESC}[8m`;
// The same in 8-bit controls (CSI, OSC), which an XML document may hold; a forged line; a right-to-left override.
const C1 = '\u009b2J\u009d0;pwned\u009c';
const FORGED = '\nVerified: the document matches the library.\n';
const RLO = '\u202etxt.exe';
const HOSTILE = `${CLEAR}${C1}${FORGED}${RLO}`;
const yamlString = (s: string) => JSON.stringify(s);

/** Anything a terminal acts on: C0 controls but line feed, DEL, C1 controls, bidirectional controls. */
const ACTING = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function expectInert(result: CliResult, what: string): void {
  const output = result.stdout + result.stderr;
  const hit = ACTING.exec(output);
  expect(hit, `${what} printed U+${hit?.[0].charCodeAt(0).toString(16).padStart(4, '0')} in:\n${output}`).toBeNull();
  // The forged line never starts a line of its own: the only "Verified" line is verify's own, when it verifies.
  const verified = output.split('\n').filter((l) => l.startsWith('Verified: the document matches the library.'));
  expect(verified, what).toEqual(result.code === 0 && what.includes('verify') && !what.includes('json') ? ['Verified: the document matches the library.'] : []);
  expectNoCrash(output);
}

const ANSWERS = `answers:\n  authorityName: ${yamlString(`Council ${HOSTILE}`)}\n  contractTitle: ${yamlString(`Works ${HOSTILE}`)}\n  contractType: works\n  contractDurationMonths: 6\n  generatesData: false\n  hosting: none\n  ensCategory: none\n  unknownQuestion${yamlString(HOSTILE).slice(1, -1).replace(/\\u/g, '')}: 1\n`;

/** The basic fixture with hostile text in titles, texts, guidance, legal bases, changelog notes, prompts, help, labels, scenario names, YAML keys and a file name. */
function hostileLibrary(): string {
  const h = yamlString(HOSTILE);
  const dir = fixtureCopy('basic', {
    'answers.yaml': ANSWERS,
    'clauses/ownership/generated-data.yaml': [
      'id: ownership.generated-data',
      'version: 1.0.0',
      'status: approved',
      'category: ownership',
      `title: { en: ${h} }`,
      `when: 'generatesData and contractType != "works"'`,
      `text: { en: ${yamlString(`All data belong to the Authority. ${HOSTILE}`)} }`,
      `guidance: { en: ${h} }`,
      `legalBasis: [{ ref: ${h}, url: ${yamlString(`https://example.org/${CLEAR}`)} }]`,
      `changelog: [{ version: 1.0.0, date: 2026-11-20, note: ${h} }]`,
      `${yamlString(`colour${CLEAR}`)}: unknown key`,
      '',
    ].join('\n'),
    [`clauses/exit/${ESC}[2Jcleared.yaml`]: 'id: [unclosed\n',
    'clauses/scenarios/works.yaml': readFileSync(join(fixtureCopy('basic'), 'clauses/scenarios/works.yaml'), 'utf8').replace(/^name: .*$/m, `name: ${h}`).replace('include: [general.definitions]', 'include: [general.definitions, ownership.generated-data]'),
  });
  const questions = join(dir, 'clauses/questions.yaml');
  writeFileSync(questions, readFileSync(questions, 'utf8').replace('prompt: { en: Which public body tenders the contract? }', `prompt: { en: ${h} }\n        help: { en: ${h} }`).replace('label: { en: Works }', `label: { en: ${h} }`));
  const template = join(dir, 'templates/main.yaml');
  writeFileSync(template, readFileSync(template, 'utf8').replace('title: { en: Data clauses }', `title: { en: ${h} }`));
  return dir;
}

describe('the terminal-safe text', () => {
  test('controls become visible stand-ins; a block keeps its line feeds and tabs', () => {
    expect(terminalSafe(`a${ESC}[2Jb\nc\td\r\u0007\u007f\u009b\u202e`)).toBe('a␛[2Jb␊c d␍␇␡\ufffd\ufffd');
    expect(terminalSafe('line one\n\tline two\r\n', 'text')).toBe('line one\n\tline two␍\n');
    expect(terminalSafe('Ajuntament de Barcelona — «dades» ✔ 🏛️ مرحبا')).toBe('Ajuntament de Barcelona — «dades» ✔ 🏛️ مرحبا');
  });

  test('JSON keeps every character, with the ones a terminal acts on escaped', () => {
    const value = { text: `a${ESC}[2J\u009b\u202e\u2028\u007fb` };
    const json = terminalJson(value);
    expect(ACTING.test(json)).toBe(false);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('no command prints what a library or an answers file holds as terminal controls', () => {
  const commands: [string, string[]][] = [
    ['lint (stylish)', ['lint', '.']],
    ['lint --format github', ['lint', '.', '--format', 'github']],
    ['lint --format json', ['lint', '.', '--format', 'json']],
    ['lint --format sarif', ['lint', '.', '--format', 'sarif']],
    ['lint --format junit', ['lint', '.', '--format', 'junit']],
    ['list', ['--library', '.', 'list']],
    ['list --json', ['--library', '.', 'list', '--json']],
    ['show', ['--library', '.', 'show', 'ownership.generated-data']],
    ['show --json', ['--library', '.', 'show', 'ownership.generated-data', '--json']],
    ['explain', ['--library', '.', 'explain', 'answers.yaml']],
    ['explain --json', ['--library', '.', 'explain', 'answers.yaml', '--json']],
    ['test', ['test', '.']],
    ['test --format json', ['test', '.', '--format', 'json']],
    ['graph', ['--library', '.', 'graph']],
    ['graph --format dot', ['--library', '.', 'graph', '--format', 'dot']],
    ['guide --format md -o -', ['--library', '.', 'guide', '--format', 'md', '-o', '-']],
    ['build (refused: the library has errors)', ['--library', '.', 'build', 'answers.yaml', '-o', 'out.docx']],
    ['lock (refused)', ['lock', '.']],
  ];
  test.each(commands)('%s', async (what, argv) => {
    const dir = hostileLibrary();
    const result = await runCli(argv, { cwd: dir });
    expectInert(result, what);
    // The text is shown, not dropped: a maintainer sees that something is there.
    if (!argv.includes('json') && !argv.includes('sarif') && !argv.includes('junit') && result.stdout.length > 0 && /lint|show|list|explain|test/.test(what)) {
      expect(result.stdout + result.stderr).toMatch(/␛|\ufffd/);
    }
  });

  test('build and explain of a library whose only problem is hostile text (the broken file removed)', async () => {
    const dir = hostileLibrary();
    const build = await runCli(['--library', '.', 'build', 'answers.yaml', '-o', '-', '--format', 'md'], { cwd: join(dir), env: { SOURCE_DATE_EPOCH: '0' } });
    // The broken file is an error: build refuses, naming it without clearing the screen.
    expectInert({ ...build, stdout: '' }, 'build -o - --format md');
  });

  test('diff of two libraries', async () => {
    const before = fixtureCopy('basic');
    const after = hostileLibrary();
    const result = await runCli(['diff', before, after]);
    expectInert(result, 'diff');
    expectInert(await runCli(['diff', before, after, '--format', 'markdown']), 'diff --format markdown');
    expectInert(await runCli(['diff', before, after, '--format', 'json']), 'diff --format json');
  });
});

describe('verify prints no control a document property holds', () => {
  test.each([
    ['escape sequences and a forged line in the template property', (xml: string) => xml.replace(/(name="clausula\.template"[^>]*>\s*<vt:lpwstr>)([^<]*)/, (_m, open: string, value: string) => `${open}${value}${xml8(HOSTILE)}`)],
    ['8-bit controls in the release property', (xml: string) => xml.replace(/(name="clausula\.release"[^>]*>\s*<vt:lpwstr>)([^<]*)/, (_m, open: string, value: string) => `${open}${value}${xml8(`${C1}${FORGED}`)}`)],
  ])('%s', async (_what, tamper) => {
    const dir = fixtureCopy('basic', { 'answers.yaml': 'answers:\n  authorityName: Example Council\n  contractTitle: Resurfacing\n  contractType: works\n  contractDurationMonths: 6\n  generatesData: false\n  hosting: none\n  ensCategory: basic\n' });
    const built = await runCli(['--library', '.', 'build', 'answers.yaml', '-o', 'tender.docx'], { cwd: dir, env: { SOURCE_DATE_EPOCH: '0' } });
    expect(built.code, built.stderr).toBe(0);
    const edited = await editDocx(readFileSync(join(dir, 'tender.docx')), 'docProps/custom.xml', tamper);
    writeFileSync(join(dir, 'tender.docx'), edited);
    for (const argv of [['--library', '.', 'verify', 'tender.docx'], ['--library', '.', 'verify', 'tender.docx', '--json']]) {
      const result = await runCli(argv, { cwd: dir });
      expectInert(result, argv.join(' '));
    }
  });
});

/** Text as an XML attribute or element may carry it: markup characters and line feeds as references, the rest (ESC too) raw, as a hostile writer would. */
function xml8(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\n/g, '&#10;');
}
