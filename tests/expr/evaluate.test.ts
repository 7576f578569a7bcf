import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Expr } from '../../src/expr/ast.js';
import { checkCondition } from '../../src/expr/check.js';
import { evaluate, trace } from '../../src/expr/evaluate.js';
import { parseCondition } from '../../src/expr/parse.js';
import type { AnswerValue } from '../../src/schema/common.js';
import { questions } from './questions.js';
import { wellTypedAnswers, wellTypedCondition } from './well-typed.js';

function parsed(text: string): Expr {
  const result = parseCondition(text);
  if (!result.ok) throw new Error(`${text}: ${result.error.message}`);
  return result.expr;
}

const answers = (values: Record<string, AnswerValue>) => new Map(Object.entries(values));

describe('evaluate', () => {
  test.each<[string, Record<string, AnswerValue>, boolean]>([
    // A yes/no question holds only for the answer true.
    ['processesPersonalData', { processesPersonalData: true }, true],
    ['processesPersonalData', { processesPersonalData: false }, false],
    ['processesPersonalData', {}, false],
    ['processesPersonalData', { processesPersonalData: null }, false],
    ['not processesPersonalData', { processesPersonalData: false }, true],
    ['not processesPersonalData', {}, true],
    ['generatesData == true', { generatesData: true }, true],
    ['generatesData == false', { generatesData: false }, true],
    // Any comparison with a missing value is false, `!=` and `== false` included...
    ['generatesData == false', {}, false],
    ['contractType == "works"', { contractType: 'works' }, true],
    ['contractType == "works"', { contractType: 'services' }, false],
    ['contractType == "works"', {}, false],
    ['contractType != "works"', { contractType: 'services' }, true],
    ['contractType != "works"', { contractType: 'works' }, false],
    ['contractType != "works"', {}, false],
    ['contractType != "works"', { contractType: null }, false],
    // ...and `not` turns the false test into true.
    ['not (contractType == "works")', {}, true],
    ['not (ensCategory == "high")', {}, true],
    ['not (ensCategory in ["medium", "high"])', {}, true],
    ['"works" == contractType', { contractType: 'works' }, true],
    ['contractDurationMonths >= 24', { contractDurationMonths: 24 }, true],
    ['contractDurationMonths >= 24', { contractDurationMonths: 23 }, false],
    ['contractDurationMonths > 24', { contractDurationMonths: 24 }, false],
    ['contractDurationMonths <= 24', { contractDurationMonths: 24 }, true],
    ['contractDurationMonths < 24', { contractDurationMonths: 23.5 }, true],
    ['contractDurationMonths < 24', {}, false],
    ['24 > contractDurationMonths', { contractDurationMonths: 12 }, true],
    ['contractDurationMonths == -1', { contractDurationMonths: -1 }, true],
    ['contractDurationMonths < renewalMonths', { contractDurationMonths: 12, renewalMonths: 24 }, true],
    ['contractDurationMonths < renewalMonths', { contractDurationMonths: 12 }, false],
    ['startDate < "2027-01-01"', { startDate: '2026-12-31' }, true],
    ['startDate < "2027-01-01"', { startDate: '2027-01-01' }, false],
    ['startDate >= "2027-01-01"', { startDate: '2027-01-01' }, true],
    ['startDate < endDate', { startDate: '2026-01-01', endDate: '2026-12-31' }, true],
    ['authorityName == "Ajuntament de Barcelona"', { authorityName: 'Ajuntament de Barcelona' }, true],
    // An empty text is no answer.
    ['authorityName == ""', { authorityName: '' }, false],
    ['authorityName != "x"', { authorityName: '' }, false],
    ['"sensor" in dataKinds', { dataKinds: ['sensor', 'personal'] }, true],
    ['"sensor" in dataKinds', { dataKinds: ['personal'] }, false],
    ['"sensor" in dataKinds', { dataKinds: [] }, false],
    ['"sensor" in dataKinds', {}, false],
    ['not ("sensor" in dataKinds)', {}, true],
    ['ensCategory in ["medium", "high"]', { ensCategory: 'medium' }, true],
    ['ensCategory in ["medium", "high"]', { ensCategory: 'none' }, false],
    ['ensCategory in ["medium", "high"]', {}, false],
    ['ensCategory in []', { ensCategory: 'none' }, false],
    ['contractDurationMonths in [12, 24]', { contractDurationMonths: 24 }, true],
    ['"72000000-5" in cpvCodes', { cpvCodes: ['72000000-5'] }, true],
    ['contractTitle in cpvCodes', { contractTitle: 'a', cpvCodes: ['a'] }, true],
    ['generatesData and processesPersonalData', { generatesData: true, processesPersonalData: true }, true],
    ['generatesData and processesPersonalData', { generatesData: true }, false],
    ['generatesData or processesPersonalData', { processesPersonalData: true }, true],
    ['generatesData or processesPersonalData', {}, false],
    ['generatesData and not (hosting == "none")', { generatesData: true }, true],
    // Mixed types never match and never throw (the checker rejects these conditions).
    ['contractDurationMonths == "24"', { contractDurationMonths: 24 }, false],
    ['contractDurationMonths < "x"', { contractDurationMonths: 24 }, false],
    ['generatesData < true', { generatesData: false }, false],
    ['"x" in authorityName', { authorityName: 'x' }, false],
    ['dataKinds in ["sensor"]', { dataKinds: ['sensor'] }, false],
    ['dataKinds == "sensor"', { dataKinds: ['sensor'] }, false],
    ['contractType', { contractType: 'works' }, false],
    // A comparison's value can be a test of its own.
    ['(contractType == "works") == generatesData', { contractType: 'works', generatesData: true }, true],
    ['(contractType == "works") == false', { contractType: 'services' }, true],
    // `true` and `false` are tests of their own.
    ['true', {}, true],
    ['false', {}, false],
    ['not true', {}, false],
    ['generatesData or true', { generatesData: false }, true],
    ['generatesData and false', { generatesData: true }, false],
    ['"text"', {}, false],
    // Names are looked up in the answers only: nothing is reached through them.
    ['constructor', {}, false],
    ['__proto__ == "x"', {}, false],
    ['toString', {}, false],
  ])('%s with %j → %s', (text, values, expected) => {
    expect(evaluate(parsed(text), answers(values))).toBe(expected);
  });
});

describe('trace', () => {
  test('keeps the value of each node and the answers read', () => {
    const t = trace(parsed('generatesData and contractType != "works"'), answers({ generatesData: true, contractType: 'services' }));
    expect(t).toEqual({
      kind: 'and',
      left: { kind: 'ref', name: 'generatesData', value: true, result: true },
      right: {
        kind: 'compare',
        left: { kind: 'ref', name: 'contractType', value: 'services', result: false },
        right: { kind: 'literal', result: undefined },
        result: true,
      },
      result: true,
    });
  });

  test('`and` stops at the first false part, `or` at the first true one, as people read them', () => {
    expect(trace(parsed('generatesData and processesPersonalData'), answers({}))).toEqual({
      kind: 'and',
      left: { kind: 'ref', name: 'generatesData', value: undefined, result: false },
      right: undefined,
      result: false,
    });
    expect(trace(parsed('generatesData or processesPersonalData'), answers({ generatesData: true }))).toEqual({
      kind: 'or',
      left: { kind: 'ref', name: 'generatesData', value: true, result: true },
      right: undefined,
      result: true,
    });
  });

  test('`not` and `in`, with a missing answer', () => {
    expect(trace(parsed('not ("sensor" in dataKinds)'), answers({}))).toEqual({
      kind: 'not',
      operand: {
        kind: 'in',
        left: { kind: 'literal', result: undefined },
        right: { kind: 'ref', name: 'dataKinds', value: undefined, result: false },
        result: false,
      },
      result: true,
    });
  });
});

describe('properties', () => {
  test('a checked condition evaluates to true or false on any well-typed answers, and never throws', () => {
    fc.assert(
      fc.property(wellTypedCondition, wellTypedAnswers, (text, values) => {
        const expr = parsed(text);
        expect(checkCondition(expr, questions)).toEqual([]);
        const result = evaluate(expr, values);
        expect(typeof result).toBe('boolean');
        expect(trace(expr, values).result).toBe(result);
      }),
      { numRuns: 1000 },
    );
  });

  test('`not` negates, and De Morgan holds, also with missing answers', () => {
    fc.assert(
      fc.property(wellTypedCondition, wellTypedCondition, wellTypedAnswers, (a, b, values) => {
        const holds = (text: string) => evaluate(parsed(text), values);
        expect(holds(`not (${a})`)).toBe(!holds(a));
        expect(holds(`not ((${a}) and (${b}))`)).toBe(holds(`(not (${a})) or (not (${b}))`));
        expect(holds(`(${a}) or (${b})`)).toBe(holds(a) || holds(b));
      }),
      { numRuns: 500 },
    );
  });
});
