import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { fixtureCopy } from '../helpers/testdir.js';
import { expectFixOnLine, expectNoCrash, expectNoPrototypePollution, failOnProcessWarnings, lineNaming, unchanged } from './guard.js';

/**
 * Clause text that tries to reach host objects or files through placeholders and template
 * tags, and Markdown clausula does not render. Placeholders name one question and nothing
 * else: no filters, no expressions, no includes (there is no template engine to ask). Lint
 * reports each at its place; a build prints them as the text they are and reads nothing.
 */

failOnProcessWarnings();

const ENS = 'clauses/security/ens.yaml';
const ens = readFileSync(join(REPO_ROOT, 'tests/fixtures/basic', ENS), 'utf8');
const ANSWERS = 'answers:\n  authorityName: Example Council\n  contractTitle: Resurfacing\n  contractType: works\n  contractDurationMonths: 6\n  generatesData: false\n  hosting: none\n  ensCategory: basic\n';

/** The clause text, line by line; it starts on line 9 of the file, indented four spaces. */
const TEXT = [
  `A {{ constructor }} B {{ __proto__ }} C {{ process.env.HOME }} D {% include '/etc/passwd' %} E {{ "x" | append }} F {{ toString }} G {{ authorityName.constructor }}.`,
  '',
  '| a | b |',
  '|---|---|',
  '| 1 | 2 |',
  '',
  '![logo](file:///etc/passwd) and <script>alert(1)</script>',
  '',
  '# A heading',
  '',
  '[a link](javascript:alert(1)) and `code`',
];
const FIRST_LINE = 9;
const clause = ens.replace('    The systems conform to the ENS.\n', TEXT.map((l) => (l ? `    ${l}\n` : '\n')).join(''));

/** Where a piece of the text sits in the file. */
function at(piece: string): { line: number; column: number } {
  const index = TEXT.findIndex((l) => l.includes(piece));
  if (index < 0) throw new Error(`not in the text: ${piece}`);
  return { line: FIRST_LINE + index, column: 5 + TEXT[index]!.indexOf(piece) };
}

describe('lint: each one at its place, with its fix', () => {
  const expected: [string, RegExp][] = [
    ['{{ constructor }}', /no question provides \{\{ constructor \}\}/],
    ['{{ __proto__ }}', /"__proto__" is not a placeholder clausula can fill/],
    ['{{ process.env.HOME }}', /"process\.env\.HOME" is not a placeholder clausula can fill: placeholders name one question, without filters or expressions/],
    ['{%', /stray template braces/],
    ['%}', /stray template braces/],
    ['{{ "x" | append }}', /""x" \| append" is not a placeholder/],
    ['{{ toString }}', /no question provides \{\{ toString \}\}/],
    ['{{ authorityName.constructor }}', /"authorityName\.constructor" is not a placeholder/],
    ['| a | b |', /clause text cannot contain a table/],
    ['![logo]', /clause text cannot contain an image/],
    ['<script>', /clause text cannot contain HTML/],
    ['# A heading', /clause text cannot contain a heading/],
    ['[a link]', /clause text cannot contain a link/],
    ['`code`', /clause text cannot contain code/],
  ];

  test('placeholders, template tags, tables, images, HTML, headings, links and code', async () => {
    const dir = fixtureCopy('basic', { [ENS]: clause });
    const result = await unchanged(dir, () => runCli(['lint', '.'], { cwd: dir }));
    expect(result.code).toBe(1);
    expectNoCrash(result.stdout + result.stderr);
    for (const [piece, says] of expected) {
      const line = lineNaming(result.stdout, { file: ENS, ...at(piece) });
      expect(line).toMatch(says);
      expectFixOnLine(line);
    }
    // One finding for the table, not one a row.
    expect(result.stdout.match(/cannot contain a table/g)).toHaveLength(1);
    expectNoPrototypePollution();
  });
});

describe('build: the text is printed as it is, nothing is reached', () => {
  test('JSON and HTML: the tags and expressions are literal text; no file, environment or prototype is read', async () => {
    const dir = fixtureCopy('basic', { [ENS]: clause, 'answers.yaml': ANSWERS });
    const json = await unchanged(dir, () => runCli(['--library', '.', 'build', 'answers.yaml', '-o', '-', '--format', 'json'], { cwd: dir }));
    expect(json.code, json.stderr).toBe(0);
    expectNoCrash(json.stderr);
    const doc = JSON.parse(json.stdout) as unknown;
    const texts: string[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) k === 'text' && typeof x === 'string' ? texts.push(x) : walk(x);
    };
    walk(doc);
    const text = texts.join('');
    // (Straight quotes print as the language's quotation marks, as everywhere in a document.)
    for (const literal of ['{{ process.env.HOME }}', '{% include ‘/etc/passwd’ %}', '{{ “x” | append }}', '{{ authorityName.constructor }}', '<script>alert(1)</script>']) expect(text).toContain(literal);
    // Placeholders naming no question are blanks for the officer, with a warning naming them.
    expect(text).toContain('A […] B');
    expect(text).toContain('F […] G');
    expect(json.stderr).toContain('placeholders have no answer and show […] for you to fill in: security.ens: constructor, security.ens: toString');
    expect(text).not.toContain(readFileSync('/etc/passwd', 'utf8').split('\n')[0]!);
    expect(text).not.toContain(`C ${homedir()} D`);
    expect(text).not.toMatch(/function Object\(\)|\[object Object\]|native code/);

    const html = await unchanged(dir, () => runCli(['--library', '.', 'build', 'answers.yaml', '-o', '-', '--format', 'html'], { cwd: dir }));
    expect(html.code).toBe(0);
    expect(html.stdout).not.toMatch(/<script>|<img /);
    expect(html.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expectNoPrototypePollution();
  });
});
