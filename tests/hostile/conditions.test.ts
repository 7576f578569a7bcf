import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkCondition } from '../../src/expr/check.js';
import { describeCondition } from '../../src/expr/describe.js';
import { trace } from '../../src/expr/evaluate.js';
import { parseCondition } from '../../src/expr/parse.js';
import { printCondition } from '../../src/expr/print.js';
import { loadLibrary } from '../../src/library/load-library.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { fixtureCopy } from '../helpers/testdir.js';
import { arbitraryExpr } from '../expr/arbitraries.js';
import { expectNoCrash, expectRefused, failOnProcessWarnings, unchanged } from './guard.js';

/**
 * Conditions that try to escape the expression language: property access, calls, `this`,
 * the ternary, and expressions too long or too deep to walk. The parser's own answers are
 * pinned in tests/expr/parse.test.ts (including random text: it never throws); here each
 * goes through lint (a finding at its place), build (refused: the clause would be left out
 * unseen) and explain (out, "does not parse"), and nothing is ever evaluated.
 */

failOnProcessWarnings();

const ENS = 'clauses/security/ens.yaml';
const ens = readFileSync(join(REPO_ROOT, 'tests/fixtures/basic', ENS), 'utf8');
const ENS_WHEN = `when: 'ensCategory in ["basic", "medium", "high"]'`;
const ANSWERS = 'answers:\n  authorityName: Example Council\n  contractTitle: Resurfacing\n  contractType: works\n  contractDurationMonths: 6\n  generatesData: false\n  hosting: none\n  ensCategory: basic\n';

/** A sentinel an escaped condition would set; nothing may ever set it. */
const PWNED = 'globalThis.__clausulaPwned = 1';

const escapes: [string, string, RegExp][] = [
  ['the constructor chain to Function', `constructor.constructor("${PWNED}")()`, /cannot call functions/],
  ['member access to the environment', 'process.env.HOME', /cannot read properties/],
  ['computed member access', 'hosting["constructor"]', /cannot read properties/],
  ['a call to require', 'require("child_process")', /cannot call functions/],
  ['eval', `eval("${PWNED}")`, /cannot call functions/],
  ['this', 'this', /"this" is not a question/],
  ['the ternary operator', 'generatesData ? hosting : ensCategory', /no "\? :" operator/],
  ['an assignment', `generatesData = true`, /unexpected "="/],
  ['arithmetic', 'contractDurationMonths + 1 > 2', /unexpected "\+"/],
  ['20,000 `or`s', Array(20_000).fill('generatesData').join(' or '), /too long or nested too deeply/],
  ['3,000 nested parentheses', `${'('.repeat(3000)}generatesData${')'.repeat(3000)}`, /too long or nested too deeply/],
  ['10,000 `not`s', `${'not '.repeat(10_000)}generatesData`, /too long or nested too deeply/],
];

describe('conditions that try to escape', () => {
  test.each(escapes)('%s: lint finds it, build refuses, explain says it does not parse; nothing runs', async (_name, condition, says) => {
    const dir = fixtureCopy('basic', { [ENS]: ens.replace(ENS_WHEN, `when: '${condition}'`), 'answers.yaml': ANSWERS });
    const parsed = parseCondition(condition);
    expect(parsed.ok).toBe(false);
    // `when: '` is 7 characters: the condition's text starts in column 8 of line 6.
    const column = 8 + (parsed.ok ? 0 : parsed.error.offset);

    const lint = await unchanged(dir, () => runCli(['lint', '.'], { cwd: dir }));
    expectRefused(lint, { code: 1, file: ENS, line: 6, column, says });

    const build = await unchanged(dir, () => runCli(['--library', '.', 'build', 'answers.yaml', '-o', 'out.docx'], { cwd: dir }));
    expectRefused(build, { code: 2, file: ENS, line: 6, column, says: /the condition of security\.ens does not parse/ });

    const explain = await unchanged(dir, () => runCli(['--library', '.', 'explain', 'answers.yaml', 'security.ens'], { cwd: dir }));
    expect(explain.code).toBe(0);
    expectNoCrash(explain.stdout + explain.stderr);
    expect(explain.stdout).toMatch(/✘ out\s+security\.ens[\s\S]*the condition does not parse/);

    expect((globalThis as Record<string, unknown>).__clausulaPwned).toBeUndefined();
  });

  test('a draft or deprecated clause with a broken condition does not stop a build: it is never selected', async () => {
    const dir = fixtureCopy('basic', { [ENS]: ens.replace(ENS_WHEN, `when: 'process.env.HOME'`).replace('status: approved', 'status: draft'), 'answers.yaml': ANSWERS });
    const build = await runCli(['--library', '.', 'build', 'answers.yaml', '-o', '-', '--format', 'md'], { cwd: dir });
    expect(build.code, build.stderr).toBe(0);
    const drafts = await runCli(['--library', '.', 'build', 'answers.yaml', '-o', '-', '--format', 'md', '--include-drafts'], { cwd: dir });
    expectRefused(drafts, { code: 2, file: ENS, line: 6, column: 8 });
  });

  test('a question condition that escapes is a lint finding in questions.yaml', async () => {
    const questions = readFileSync(join(REPO_ROOT, 'tests/fixtures/basic/clauses/questions.yaml'), 'utf8');
    const dir = fixtureCopy('basic', { 'clauses/questions.yaml': questions.replace('when: generatesData', `when: 'constructor.constructor("${PWNED}")()'`) });
    const lint = await unchanged(dir, () => runCli(['lint', '.'], { cwd: dir }));
    expectRefused(lint, { code: 1, file: 'clauses/questions.yaml', line: 36, column: 16, says: /cannot call functions/ });
    expect((globalThis as Record<string, unknown>).__clausulaPwned).toBeUndefined();
  });
});

describe('random conditions never crash the checker, the evaluator or the describer', () => {
  // The parser on random text is pinned in tests/expr/parse.test.ts; what parses must also pass
  // every later step against a real library's questions without throwing.
  const questions = loadLibrary(REPO_ROOT).questions;
  const ids = [...questions.keys()];
  const token = fc.constantFrom(...ids, 'and', 'or', 'not', 'in', '(', ')', '[', ']', '"x"', '"services"', '"high"', "'sensor'", '==', '!=', '<', '>=', '1', '24', '-3', 'true', 'false', 'constructor', '__proto__', 'toString', ',', ' ');
  const text = fc.oneof(
    fc.array(token, { maxLength: 25 }).map((t) => t.join(' ')),
    arbitraryExpr.map(printCondition),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
  );
  const answerValue = fc.oneof(fc.boolean(), fc.integer(), fc.double({ noNaN: true }), fc.string({ maxLength: 6 }), fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }), fc.constant(null));
  const answers = fc.dictionary(fc.constantFrom(...ids, 'constructor', '__proto__'), answerValue).map((o) => new Map(Object.entries(o)));

  test('parse → check → evaluate (with any answers, even of the wrong types) → describe in each language', () => {
    fc.assert(
      fc.property(text, answers, (condition, given) => {
        const parsed = parseCondition(condition);
        if (!parsed.ok) return;
        const issues = checkCondition(parsed.expr, questions);
        for (const issue of issues) expect(issue.offset + issue.length).toBeLessThanOrEqual(condition.length);
        expect([true, false, undefined]).toContain(trace(parsed.expr, given).result);
        for (const language of ['ca', 'es', 'en']) expect(typeof describeCondition(parsed.expr, questions, language)).toBe('string');
      }),
      { numRuns: 1500 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
