import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, test } from 'vitest';
import { rules } from '../../src/lint/rule-meta.js';
import { REPO_ROOT, runCli, spawnCli } from '../helpers/cli.js';
import { basicWith } from '../helpers/lint.js';

/**
 * One small broken library, reported in each format: four findings in three files, an
 * error with a fix (and characters every format must escape), an error without a fix,
 * a warning and an info.
 */

const version = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const questions = readFileSync(join(REPO_ROOT, 'tests/fixtures/basic/clauses/questions.yaml'), 'utf8');

const clause = (id: string, extra: string[]) =>
  [
    `id: ${id}`,
    'version: 1.0.0',
    'status: approved',
    'category: exit',
    'title: { en: "A title", fr: "Un titre" }',
    ...extra,
    'text:',
    '  en: The Contractor does this.',
    'guidance: { en: "How to use it." }',
    'changelog:',
    '  - { version: 1.0.0, date: 2026-11-20, note: First version. }',
    '',
  ].join('\n');

const broken = {
  'clauses/exit/x.yaml': clause('exit.x', ['when: generatesData && hosting == "none"']),
  'clauses/exit/y.yaml': clause('exit.y', [`when: '${'abcdefghijklm'.split('').map((c) => `"${c}" in cpvCodes`).join(' or ')}'`]).replace(', fr: "Un titre"', ''),
  'clauses/questions.yaml': questions + '      - { id: cpvCodes, type: list, label: { en: CPV codes }, prompt: { en: Which CPV codes? } }\n',
  'clauses/scenarios/s.yaml': 'name: Nothing expected\nanswers: {}\nexpect: {}\n',
};
const CONDITION_SYNTAX = 'the condition does not parse: unexpected "&"';
const NOT_ANALYSED = 'the condition is not checked for dead or always-true cases: it uses cpvCodes, a list question, which has too many possible answers to try';
const STYLISH = [
  'clauses/exit/x.yaml',
  "  5:25  warning  the title has a fr version, but the library's languages are en (add fr to languages in clauses/library.yaml, or remove this text)  unknown-language",
  `  6:21  error    ${CONDITION_SYNTAX} (write \`and\` / \`or\`)  condition-syntax`,
  '',
  'clauses/exit/y.yaml',
  `  6:7  info  ${NOT_ANALYSED}  not-analysed`,
  '',
  'clauses/scenarios/s.yaml',
  '  3:9  warning  the scenario expects nothing, so it can never fail (list clauses under expect.include and expect.exclude)  scenario-no-expectation',
  '',
  '✖ 4 problems (1 error, 2 warnings, 1 note)',
  '',
].join('\n');

// Temporary folders live for one test (tests/helpers/testdir.ts), so each test makes its own.
let dir: string;
beforeEach(() => {
  dir = basicWith(broken);
});
const lint = (...args: string[]) => runCli(['lint', '.', ...args], { cwd: dir });

describe('stylish (the default)', () => {
  test('grouped by file, aligned, with a summary; no colour with NO_COLOR', async () => {
    expect(await lint()).toEqual({ code: 1, stdout: STYLISH, stderr: '' });
  });

  test('a clean library says so', async () => {
    expect(await runCli(['lint', basicWith()])).toEqual({ code: 0, stdout: '✔ 11 clauses, no problems\n', stderr: '' });
  });

  test('colour on a terminal, none with --no-color', async () => {
    const coloured = await runCli(['lint', '.'], { cwd: dir, tty: true, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(coloured.stdout).toContain('\u001b[31merror\u001b[39m');
    const plain = await runCli(['lint', '.', '--no-color'], { cwd: dir, tty: true, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(plain.stdout).toBe((await lint()).stdout);
  });
});

describe('json', () => {
  test('parses to the findings, with a summary', async () => {
    const result = await lint('--format', 'json');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      version: 1,
      summary: { errors: 1, warnings: 2, infos: 1 },
      findings: [
        {
          ruleId: 'unknown-language',
          severity: 'warning',
          file: 'clauses/exit/x.yaml',
          line: 5,
          column: 25,
          endLine: 5,
          endColumn: 27,
          message: "the title has a fr version, but the library's languages are en",
          fix: 'add fr to languages in clauses/library.yaml, or remove this text',
        },
        { ruleId: 'condition-syntax', severity: 'error', file: 'clauses/exit/x.yaml', line: 6, column: 21, endLine: 6, endColumn: 22, message: CONDITION_SYNTAX, fix: 'write `and` / `or`' },
        { ruleId: 'not-analysed', severity: 'info', file: 'clauses/exit/y.yaml', line: 6, column: 7, endLine: 6, endColumn: 252, message: NOT_ANALYSED },
        {
          ruleId: 'scenario-no-expectation',
          severity: 'warning',
          file: 'clauses/scenarios/s.yaml',
          line: 3,
          column: 9,
          endLine: 3,
          endColumn: 11,
          message: 'the scenario expects nothing, so it can never fail',
          fix: 'list clauses under expect.include and expect.exclude',
        },
      ],
    });
  });

  test('a clean library: no findings, exit 0', async () => {
    const result = await runCli(['lint', basicWith(), '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ version: 1, summary: { errors: 0, warnings: 0, infos: 0 }, findings: [] });
  });
});

describe('sarif', () => {
  interface SarifLog {
    $schema: string;
    version: string;
    runs: {
      tool: { driver: { name: string; version: string; rules: { id: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[] } };
      originalUriBaseIds: Record<string, { uri: string }>;
      results: {
        ruleId: string;
        ruleIndex: number;
        level: string;
        message: { text: string };
        locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Record<string, number> } }[];
      }[];
    }[];
  }

  test('2.1.0 with rule metadata, rule indexes and physical locations', async () => {
    const result = await lint('--format', 'sarif');
    expect(result.code).toBe(1);
    const log = JSON.parse(result.stdout) as SarifLog;
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0]!;
    expect(run.tool.driver.name).toBe('clausula');
    expect(run.tool.driver.version).toBe(version);
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(Object.keys(rules));
    for (const rule of run.tool.driver.rules) {
      expect(rule.shortDescription.text).toBe(rules[rule.id]!.description);
      expect(rule.defaultConfiguration.level).toBe({ error: 'error', warning: 'warning', info: 'note' }[rules[rule.id]!.severity]);
    }
    expect(run.originalUriBaseIds).toEqual({ LIBRARYROOT: { uri: pathToFileURL(dir + '/').href } });
    const location = (uri: string, startLine: number, startColumn: number, endLine: number, endColumn: number) => [
      { physicalLocation: { artifactLocation: { uri, uriBaseId: 'LIBRARYROOT' }, region: { startLine, startColumn, endLine, endColumn } } },
    ];
    expect(run.results).toEqual([
      {
        ruleId: 'unknown-language',
        ruleIndex: Object.keys(rules).indexOf('unknown-language'),
        level: 'warning',
        message: { text: "the title has a fr version, but the library's languages are en (add fr to languages in clauses/library.yaml, or remove this text)" },
        locations: location('clauses/exit/x.yaml', 5, 25, 5, 27),
      },
      {
        ruleId: 'condition-syntax',
        ruleIndex: Object.keys(rules).indexOf('condition-syntax'),
        level: 'error',
        message: { text: `${CONDITION_SYNTAX} (write \`and\` / \`or\`)` },
        locations: location('clauses/exit/x.yaml', 6, 21, 6, 22),
      },
      { ruleId: 'not-analysed', ruleIndex: Object.keys(rules).indexOf('not-analysed'), level: 'note', message: { text: NOT_ANALYSED }, locations: location('clauses/exit/y.yaml', 6, 7, 6, 252) },
      {
        ruleId: 'scenario-no-expectation',
        ruleIndex: Object.keys(rules).indexOf('scenario-no-expectation'),
        level: 'warning',
        message: { text: 'the scenario expects nothing, so it can never fail (list clauses under expect.include and expect.exclude)' },
        locations: location('clauses/scenarios/s.yaml', 3, 9, 3, 11),
      },
    ]);
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
  });
});

describe('github', () => {
  test('one workflow command a finding, at its position', async () => {
    expect(await lint('--format', 'github')).toEqual({
      code: 1,
      stdout: [
        "::warning file=clauses/exit/x.yaml,line=5,col=25,endLine=5,endColumn=27,title=clausula unknown-language::the title has a fr version, but the library's languages are en (add fr to languages in clauses/library.yaml, or remove this text)",
        `::error file=clauses/exit/x.yaml,line=6,col=21,endLine=6,endColumn=22,title=clausula condition-syntax::${CONDITION_SYNTAX} (write \`and\` / \`or\`)`,
        `::notice file=clauses/exit/y.yaml,line=6,col=7,endLine=6,endColumn=252,title=clausula not-analysed::${NOT_ANALYSED}`,
        '::warning file=clauses/scenarios/s.yaml,line=3,col=9,endLine=3,endColumn=11,title=clausula scenario-no-expectation::the scenario expects nothing, so it can never fail (list clauses under expect.include and expect.exclude)',
        '',
      ].join('\n'),
      stderr: '',
    });
  });
});

describe('junit', () => {
  /** A small well-formedness check: every tag closed in order, attributes quoted, only the five XML entities. */
  function wellFormed(xml: string): { elements: Map<string, number>; attributes: Map<string, Record<string, string>[]> } {
    const elements = new Map<string, number>();
    const attributes = new Map<string, Record<string, string>[]>();
    const stack: string[] = [];
    const body = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '');
    expect(body).not.toBe(xml);
    const tag = /<(\/?)([A-Za-z][\w.-]*)((?:\s+[\w.-]+="[^"<]*")*)\s*(\/?)>/g;
    let last = 0;
    for (const m of body.matchAll(tag)) {
      const text = body.slice(last, m.index);
      expect(text).not.toMatch(/[<>]/);
      expect(text.replace(/&(amp|lt|gt|quot|apos);/g, '')).not.toContain('&');
      last = m.index! + m[0].length;
      const [, closing, name, attrs, selfClosing] = m;
      if (closing) {
        expect(stack.pop()).toBe(name);
        continue;
      }
      elements.set(name!, (elements.get(name!) ?? 0) + 1);
      const values = Object.fromEntries([...attrs!.matchAll(/([\w.-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!]));
      for (const value of Object.values(values)) expect(value.replace(/&(amp|lt|gt|quot|apos);/g, '')).not.toContain('&');
      attributes.set(name!, [...(attributes.get(name!) ?? []), values]);
      if (!selfClosing) stack.push(name!);
    }
    expect(body.slice(last).trim()).toBe('');
    expect(stack).toEqual([]);
    return { elements, attributes };
  }

  test('well-formed XML: a test case a file, a failure an error or warning (infos are not failures)', async () => {
    const result = await lint('--format', 'junit');
    expect(result.code).toBe(1);
    const { elements, attributes } = wellFormed(result.stdout);
    expect(Object.fromEntries(elements)).toEqual({ testsuites: 1, testsuite: 1, testcase: 3, failure: 3 });
    expect(attributes.get('testsuites')).toEqual([{ name: 'clausula lint', tests: '3', failures: '3' }]);
    expect(attributes.get('testsuite')).toEqual([{ name: 'clausula lint', tests: '3', failures: '3', errors: '0' }]);
    expect(attributes.get('testcase')!.map((t) => t.name)).toEqual(['clauses/exit/x.yaml', 'clauses/exit/y.yaml', 'clauses/scenarios/s.yaml']);
    expect(attributes.get('failure')).toEqual([
      { type: 'unknown-language', message: "the title has a fr version, but the library's languages are en" },
      { type: 'condition-syntax', message: 'the condition does not parse: unexpected &quot;&amp;&quot;' },
      { type: 'scenario-no-expectation', message: 'the scenario expects nothing, so it can never fail' },
    ]);
    expect(result.stdout).toContain(
      '<failure type="condition-syntax" message="the condition does not parse: unexpected &quot;&amp;&quot;">clauses/exit/x.yaml:6:21 error the condition does not parse: unexpected &quot;&amp;&quot; (write `and` / `or`) [condition-syntax]</failure>',
    );
  });

  test('a clean library is one passing test case', async () => {
    const clean = basicWith();
    const result = await runCli(['lint', '.', '--format', 'junit'], { cwd: clean });
    expect(result.code).toBe(0);
    const { elements, attributes } = wellFormed(result.stdout);
    expect(Object.fromEntries(elements)).toEqual({ testsuites: 1, testsuite: 1, testcase: 1 });
    expect(attributes.get('testsuites')).toEqual([{ name: 'clausula lint', tests: '1', failures: '0' }]);
  });
});

describe('options and exit codes', () => {
  test('--quiet reports errors only', async () => {
    expect(await lint('--quiet')).toEqual({
      code: 1,
      stdout: `clauses/exit/x.yaml\n  6:21  error  ${CONDITION_SYNTAX} (write \`and\` / \`or\`)  condition-syntax\n\n✖ 1 problem (1 error, 0 warnings)\n`,
      stderr: '',
    });
  });

  describe('--max-warnings, on a library with two warnings and no errors', () => {
    let warned: string;
    beforeEach(() => {
      warned = basicWith({ 'clauses/exit/x.yaml': clause('exit.x', []), 'clauses/scenarios/s.yaml': broken['clauses/scenarios/s.yaml'] });
    });
    const run = (...args: string[]) => runCli(['lint', '.', '--format', 'github', ...args], { cwd: warned });

    test('warnings alone exit 0, and the summary says so', async () => {
      expect((await run()).code).toBe(0);
      expect(await runCli(['lint', '.'], { cwd: warned })).toEqual({
        code: 0,
        stdout: [
          'clauses/exit/x.yaml',
          "  5:25  warning  the title has a fr version, but the library's languages are en (add fr to languages in clauses/library.yaml, or remove this text)  unknown-language",
          '',
          'clauses/scenarios/s.yaml',
          '  3:9  warning  the scenario expects nothing, so it can never fail (list clauses under expect.include and expect.exclude)  scenario-no-expectation',
          '',
          '⚠ 2 problems (0 errors, 2 warnings)',
          '',
        ].join('\n'),
        stderr: '',
      });
    });

    test('--quiet leaves out the warnings', async () => {
      expect(await runCli(['lint', '.', '--quiet'], { cwd: warned })).toEqual({ code: 0, stdout: '✔ 12 clauses, no errors (2 warnings and notes not shown: --quiet)\n', stderr: '' });
    });

    test('as many warnings as allowed: exit 0', async () => {
      expect(await run('--max-warnings', '2')).toMatchObject({ code: 0, stderr: '' });
    });

    test('more warnings than allowed: exit 1, and why', async () => {
      const result = await run('--max-warnings', '1');
      expect(result.code).toBe(1);
      expect(result.stdout.split('\n').filter((l) => l.startsWith('::warning'))).toHaveLength(2);
      expect(result.stderr).toBe('clausula: 2 warnings, more than --max-warnings 1\n');
    });

    test('--max-warnings 0', async () => {
      expect(await run('--max-warnings', '0')).toMatchObject({ code: 1, stderr: 'clausula: 2 warnings, more than --max-warnings 0\n' });
    });

    test('not a number: a usage error, exit 2', async () => {
      expect(await run('--max-warnings', 'many')).toEqual({ code: 2, stdout: '', stderr: 'clausula: error: --max-warnings must be a whole number of 0 or more, not "many"\n' });
    });
  });

  test('an unknown format: exit 2', async () => {
    expect(await lint('--format', 'xml')).toEqual({
      code: 2,
      stdout: '',
      stderr: "clausula: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are stylish, json, sarif, github, junit.\nRun clausula --help for usage.\n",
    });
  });

  test('not a library: exit 2', async () => {
    expect(await runCli(['lint', join(dir, 'clauses')])).toEqual({
      code: 2,
      stdout: '',
      stderr: `clausula: error: ${join(dir, 'clauses')}: not a clause library (no clauses/library.yaml)\nHow to fix: give the folder that holds clauses/library.yaml, or create one with \`clausula init DIR\`\n`,
    });
  });

  test('-o writes the report to a file, and still exits 1', async () => {
    const result = await lint('--format', 'sarif', '-o', 'lint.sarif');
    expect(result).toEqual({ code: 1, stdout: '', stderr: '' });
    expect(existsSync(join(dir, 'lint.sarif'))).toBe(true);
    expect((JSON.parse(readFileSync(join(dir, 'lint.sarif'), 'utf8')) as { runs: { results: unknown[] }[] }).runs[0]!.results).toHaveLength(4);
  });
});

describe('the built binary', () => {
  test('lint on a broken library: exit 1 and the exact report', () => {
    expect(spawnCli(['lint', '.'], { cwd: dir })).toEqual({ code: 1, stdout: STYLISH, stderr: '' });
  });

  test('lint on a YAML syntax error: reported, not a crash, no stack trace', () => {
    const broken = basicWith({ 'clauses/security/ens.yaml': readFileSync(join(REPO_ROOT, 'tests/fixtures/basic/clauses/security/ens.yaml'), 'utf8').replace('status: approved', 'status: [approved') });
    expect(spawnCli(['lint', broken], { cwd: broken })).toEqual({
      code: 1,
      stdout: [
        'clauses/security/ens.yaml',
        '  4:1  error  flow sequence in block collection must be sufficiently indented and end with a ] (check the indentation and quoting on this line)  yaml-syntax',
        '',
        '✖ 1 problem (1 error, 0 warnings)',
        '',
      ].join('\n'),
      stderr: '',
    });
  });
});

