import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { MAX_FILE_BYTES, parseYamlText } from '../../src/library/yaml-source.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { error, lintBasic, warning, type Row } from '../helpers/lint.js';

/**
 * Hostile and broken YAML, read through lint: each gives an exact finding at its
 * position and never a crash. The victim is one clause file of tests/fixtures/basic
 * (nothing else depends on it, so the rest of the library stays clean).
 */

const ENS = 'clauses/security/ens.yaml';
const ens = readFileSync(join(REPO_ROOT, 'tests/fixtures/basic', ENS), 'utf8');
const works = readFileSync(join(REPO_ROOT, 'tests/fixtures/basic/clauses/scenarios/works.yaml'), 'utf8');

function withEns(from: string, to: string): string {
  if (!ens.includes(from)) throw new Error(`not in ens.yaml: ${from}`);
  return ens.replace(from, to);
}

// An alias bomb ("billion laughs"): ten aliases a level, nine levels, under the alias count limit.
const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array(10).fill(`*${'abcdefghi'[i]}`).join(', ')}]`), ''].join('\n');

const yamlSyntaxCases: [string, string | Buffer, Row[]][] = [
  ['a syntax error', withEns('status: approved', 'status: [approved'), [error('yaml-syntax', ENS, 4, 1, 'flow sequence in block collection must be sufficiently indented and end with a ]', 'check the indentation and quoting on this line')]],
  ['a line that is not key: value', withEns('status: approved', 'status approved\n  x: 1'), [error('yaml-syntax', ENS, 3, 1, 'implicit keys need to be on a single line', 'check the YAML on this line: indentation, the colon after each key, and matching quotes and brackets')]],
  ['tab indentation', withEns('  en: |', '\ten: |'), [error('yaml-syntax', ENS, 8, 1, 'a tab is used for indentation; YAML indents with spaces', 'replace the tab with spaces')]],
  ['a duplicate key', withEns('status: approved', 'status: approved\nstatus: draft'), [error('yaml-syntax', ENS, 4, 1, 'duplicate key: status appears twice in the same mapping', 'remove one of the two entries')]],
  ['the tag !!js/function', withEns('status: approved', 'status: !!js/function "function () { return process.exit(1) }"'), [error('yaml-syntax', ENS, 3, 9, 'unknown tag !!js/function', 'remove the tag: clausula reads plain YAML values only')]],
  ['a custom tag', withEns('status: approved', 'status: !custom approved'), [error('yaml-syntax', ENS, 3, 9, 'unknown tag !custom', 'remove the tag: clausula reads plain YAML values only')]],
  ['an alias bomb', bomb, [error('yaml-syntax', ENS, 2, 8, 'the file expands its aliases more than 100 times (80 aliases): this is how "billion laughs" attacks start', 'write the values out instead of using aliases (*name)')]],
  [
    'more than 100 aliases',
    `a: &a x\nb: [${Array(101).fill('*a').join(', ')}]\n`,
    [error('yaml-syntax', ENS, 2, 5, 'the file expands its aliases more than 100 times (101 aliases): this is how "billion laughs" attacks start', 'write the values out instead of using aliases (*name)')],
  ],
  ['two documents', `${ens}---\nid: security.other\n`, [error('yaml-syntax', ENS, 15, 1, 'the file holds more than one YAML document (a line with ---)', 'keep one document a file: remove the --- line and what follows, or move it to a file of its own')]],
  // Refused before parsing, with the position of the first bad byte.
  // Latin-1 "é" after `title: { en: "Caf` on line 5.
  ['invalid UTF-8', Buffer.concat([Buffer.from(`${ens.split('title:')[0]}title: { en: "Caf`), Buffer.from([0xe9]), Buffer.from('" }\n')]), [error('yaml-syntax', ENS, 5, 18, 'the file is not valid UTF-8', 'save the file with UTF-8 encoding')]],
  ['a binary file', Buffer.concat([Buffer.from('id: security.ens\nver'), Buffer.from([0, 1, 2]), Buffer.from('sion: 1\n')]), [error('yaml-syntax', ENS, 2, 4, 'the file is binary (it contains a NUL byte), not YAML text', 'save it as UTF-8 text')]],
  [
    'a file over 1 MiB',
    `${ens}# ${'x'.repeat(MAX_FILE_BYTES)}\n`,
    [error('yaml-syntax', ENS, 1, 1, `the file is ${Buffer.byteLength(ens) + MAX_FILE_BYTES + 3} bytes, over the limit of 1048576 bytes (1 MiB)`, 'no library or answers file is this large: remove what was pasted in by mistake, or split a library file into smaller ones')],
  ],
];

describe('broken YAML: one exact finding, never a crash', () => {
  test.each(yamlSyntaxCases)('%s', (_name, content, expected) => {
    expect(lintBasic({ [ENS]: content })).toEqual(expected);
  });

  test('nesting deep enough to overflow the parser', () => {
    const findings = lintBasic({ [ENS]: `a: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n` });
    // The column is where the parser's stack ran out, which depends on the machine.
    expect(findings.map(({ column: _column, ...rest }) => rest)).toEqual([{ ruleId: 'yaml-syntax', severity: 'error', file: ENS, line: 1, message: 'the YAML is nested too deeply to read', fix: 'flatten the structure' }]);
  });

  test('nesting is reported once, however much stack is left when the file is read', () => {
    const text = `a: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`;
    const messagesAt = (depth: number): string[] => (depth === 0 ? parseYamlText(text, ENS).findings.map((f) => f.message) : messagesAt(depth - 1));
    // Deeper than about 4,000 frames, V8 itself fails to compile a regular expression and aborts.
    for (let depth = 0; depth <= 3000; depth += 500) expect(messagesAt(depth)).toEqual(['the YAML is nested too deeply to read']);
  });
});

describe('what is not YAML content', () => {
  test.each<[string, string, Row[]]>([
    ['an empty file', '', [error('schema', ENS, 1, 1, 'the file is empty', "write the clause file's fields; see docs/library-format.md")]],
    ['only comments', '# nothing here yet\n', [error('schema', ENS, 1, 1, 'the file is empty', "write the clause file's fields; see docs/library-format.md")]],
    ['a list', '- just\n- a list\n', [error('schema', ENS, 1, 1, 'the file must be a mapping of keys to values, not a list')]],
    ['a plain text', 'just text\n', [error('schema', ENS, 1, 1, 'the file must be a mapping of keys to values, not the text "just text"')]],
    ['a number as a key', `${ens}1: x\n`, [error('unknown-field', ENS, 15, 1, 'unknown field "1"', 'did you mean id?')]],
  ])('%s', (_name, content, expected) => {
    expect(lintBasic({ [ENS]: content })).toEqual(expected);
  });
});

describe('encodings and line ends that are accepted', () => {
  test.each<[string, string]>([
    ['a byte-order mark', `\ufeff${ens}`],
    ['CRLF line ends', ens.replace(/\n/g, '\r\n')],
    ['a BOM and CRLF', `\ufeff${ens.replace(/\n/g, '\r\n')}`],
    ['a few aliases', withEns('title: { en: "ENS conformity" }', 'title: &title { en: "ENS conformity" }').replace('guidance: { en: "Guidance for security.ens." }', 'guidance: *title')],
    ['a file of exactly 1 MiB', `${ens}#${'x'.repeat(MAX_FILE_BYTES - Buffer.byteLength(ens) - 2)}\n`],
  ])('%s: clean', (_name, content) => {
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(MAX_FILE_BYTES);
    expect(lintBasic({ [ENS]: content })).toEqual([]);
  });

  test.each<[string, string]>([
    ['a byte-order mark', `\ufeff${withEns('status: approved', 'status: aproved')}`],
    ['CRLF line ends', withEns('status: approved', 'status: aproved').replace(/\n/g, '\r\n')],
  ])('%s: positions are unchanged', (_name, content) => {
    expect(lintBasic({ [ENS]: content })).toEqual([error('schema', ENS, 3, 9, 'status is "aproved", which is not one of: draft, approved, deprecated', 'did you mean approved?')]);
  });

  test('a clause in a .yml file is read like a .yaml one', () => {
    expect(lintBasic({ [ENS]: null, 'clauses/security/ens.yml': ens })).toEqual([]);
  });

  test('files that are not YAML are left alone', () => {
    expect(lintBasic({ 'clauses/security/notes.txt': 'not: [yaml', 'clauses/security/.ens.yaml.swp': Buffer.from([0, 1, 2]).toString() })).toEqual([]);
  });
});

describe('keys that name JavaScript internals do not reach them', () => {
  afterEach(() => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  test('__proto__ and constructor in a clause are unknown fields', () => {
    expect(
      lintBasic({
        [ENS]: withEns('title: { en: "ENS conformity" }', 'title: { en: "ENS conformity", __proto__: { polluted: true } }') + '__proto__: { polluted: true }\nconstructor: { prototype: { polluted: true } }\n',
      }),
    ).toEqual([
      error('unknown-field', ENS, 5, 32, '"__proto__" is not allowed in title: expected one text per language, for example { ca: …, es: …, en: … }', 'rename or remove it'),
      error('unknown-field', ENS, 15, 1, 'unknown field "__proto__"', 'remove it; allowed fields: id, version, overrides, status, category, order, title, when, requires, excludes, supersededBy, text, guidance, legalBasis, changelog'),
      error('unknown-field', ENS, 16, 1, 'unknown field "constructor"', 'remove it; allowed fields: id, version, overrides, status, category, order, title, when, requires, excludes, supersededBy, text, guidance, legalBasis, changelog'),
    ]);
  });

  test('answers named constructor, toString or __proto__ are not questions', () => {
    expect(lintBasic({ 'clauses/scenarios/works.yaml': works.replace('answers:', 'answers:\n  constructor: x\n  toString: true\n  hasOwnProperty: 1') })).toEqual([
      warning('unknown-question', 'clauses/scenarios/works.yaml', 3, 3, '"constructor" is not a question of this library; the answer is ignored', 'remove it'),
      warning('unknown-question', 'clauses/scenarios/works.yaml', 4, 3, '"toString" is not a question of this library; the answer is ignored', 'did you mean hosting?'),
      warning('unknown-question', 'clauses/scenarios/works.yaml', 5, 3, '"hasOwnProperty" is not a question of this library; the answer is ignored', 'remove it'),
    ]);
    expect(lintBasic({ 'clauses/scenarios/works.yaml': works.replace('answers:', 'answers:\n  __proto__: { polluted: true }') })).toEqual([
      error('unknown-field', 'clauses/scenarios/works.yaml', 3, 3, '"__proto__" is not allowed in answers: expected answers by question id (camelCase, as in questions.yaml)', 'rename or remove it'),
    ]);
  });

  test('a condition that names them reads nothing', () => {
    expect(lintBasic({ [ENS]: withEns(`when: 'ensCategory in ["basic", "medium", "high"]'`, "when: 'constructor or __proto__'") })).toEqual([
      error('unknown-question', ENS, 6, 8, '"constructor" is not a question of this library'),
      error('unknown-question', ENS, 6, 23, '"__proto__" is not a question of this library'),
    ]);
  });
});
