import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { questionIdsOf, type Expr } from '../../src/expr/ast.js';
import { findAnswers, guardedRefs, type SearchResult } from '../../src/expr/analyse.js';
import { evaluate, hasValue, type Answers } from '../../src/expr/evaluate.js';
import { parseCondition } from '../../src/expr/parse.js';
import type { AnswerValue } from '../../src/schema/common.js';
import { lookupOf, questionList, questions } from './questions.js';
import { wellTypedCondition } from './well-typed.js';

function parsed(text: string): Expr {
  const result = parseCondition(text);
  if (!result.ok) throw new Error(`${text}: ${result.error.message}`);
  return result.expr;
}

// The skip logic of tests/expr/questions.ts: dataKinds is asked only when generatesData.
const whens = new Map(questionList.filter((q) => q.when).map((q) => [q.id, parsed(q.when!)]));
const whenOf = (id: string) => whens.get(id);

/** Answers that satisfy the condition, as the lint rule `dead-clause` searches for them. */
const satisfying = (text: string, limit?: number): SearchResult => {
  const expr = parsed(text);
  return findAnswers({ exprs: [expr], questions, whenOf, predicate: (a) => evaluate(expr, a), ...(limit ? { limit } : {}) });
};
/** Answers that falsify it, as `always-true` searches for them. */
const falsifying = (text: string): SearchResult => {
  const expr = parsed(text);
  return findAnswers({ exprs: [expr], questions, whenOf, predicate: (a) => !evaluate(expr, a) });
};
const found = (result: SearchResult) => (result.analysed ? (result.found ? Object.fromEntries(result.found) : null) : result);

describe('dead conditions: no answers satisfy them', () => {
  test.each([
    'contractType == "works" and contractType == "services"',
    'contractType == "works" and not (contractType in ["works"])',
    'generatesData and not generatesData',
    // dataKinds is asked only when generatesData holds.
    'not generatesData and "sensor" in dataKinds',
    // A required question that is always asked always has an answer.
    'not (ensCategory in ["none", "basic", "medium", "high"])',
    // Validation bounds: contractDurationMonths is between 1 and 120.
    'contractDurationMonths > 120',
    'contractDurationMonths < 1',
    'contractDurationMonths > 5 and contractDurationMonths < 5',
    'startDate < "2026-01-01" and startDate > "2026-01-01"',
    'startDate > "2026-01-01" and startDate < "2026-01-02"',
    'authorityName == "a" and authorityName == "b"',
    'authorityName == contractTitle and authorityName != contractTitle',
    'contractDurationMonths < renewalMonths and renewalMonths < contractDurationMonths',
    '"sensor" in cpvCodes and not ("sensor" in cpvCodes) ',
    // No contract type is also a kind of data.
    'contractType in dataKinds',
    'false',
  ])('%s', (text) => {
    expect(found(satisfying(text))).toBe(null);
  });
});

describe('satisfiable conditions: the first answers found, which respect skip logic and required answers', () => {
  test.each<[string, Record<string, AnswerValue>]>([
    ['processesPersonalData', { processesPersonalData: true }],
    ['contractType == "works"', { contractType: 'works' }],
    ['generatesData and "sensor" in dataKinds', { generatesData: true, dataKinds: ['sensor'] }],
    // Unasked, dataKinds has no value: `not (… in dataKinds)` holds.
    ['not ("sensor" in dataKinds)', { generatesData: true, dataKinds: [] }],
    ['not generatesData and not ("sensor" in dataKinds)', { generatesData: false }],
    ['contractDurationMonths >= 120', { contractDurationMonths: 120 }],
    ['contractDurationMonths > 5 and contractDurationMonths < 6', { contractDurationMonths: 5.5 }],
    // The renewal is optional: it may have no value.
    ['not (renewalMonths > 0 or renewalMonths <= 0)', {}],
    ['startDate > "2026-01-01" and startDate < "2026-01-03"', { startDate: '2026-01-02' }],
    ['authorityName == "Ajuntament"', { authorityName: 'Ajuntament' }],
    ['authorityName != "Ajuntament"', { authorityName: '\u0000another text' }],
    // Two questions of a type compared with each other each get a value of their own.
    ['authorityName != contractTitle', { authorityName: '\u0000another text 2', contractTitle: '\u0000another text' }],
    ['contractDurationMonths < renewalMonths', { contractDurationMonths: 1, renewalMonths: 40.666666666666664 }],
    ['contractDurationMonths < renewalMonths and renewalMonths < 2', { contractDurationMonths: 1, renewalMonths: 1.3333333333333333 }],
    ['startDate < endDate', { startDate: '0000-01-01', endDate: '9999-12-31' }],
    // An answer tested against another question's list: the list can hold what the answer can be.
    ['contractTitle in cpvCodes', { contractTitle: '\u0000another text', cpvCodes: ['\u0000another text'] }],
    ['true', {}],
  ])('%s', (text, expected) => {
    expect(found(satisfying(text))).toEqual(expected);
  });
});

describe('always-true conditions: no answers falsify them', () => {
  test.each(['generatesData or not generatesData', 'not (contractType == "works") or contractType == "works"', 'contractDurationMonths >= 1', 'contractDurationMonths <= 120', 'true'])('%s', (text) => {
    expect(found(falsifying(text))).toBe(null);
  });

  test.each(['generatesData', 'contractDurationMonths > 1', 'not ("sensor" in dataKinds)', 'renewalMonths > 0 or renewalMonths <= 0'])('%s can be false', (text) => {
    expect(found(falsifying(text))).not.toBe(null);
  });
});

describe('not analysed: said plainly, with the reason', () => {
  test('a list or multiple choice with more than 12 values mentioned', () => {
    const text = Array.from({ length: 13 }, (_, i) => `"v${i}" in cpvCodes`).join(' or ');
    expect(satisfying(text)).toEqual({ analysed: false, reason: 'it uses cpvCodes, a list question, which has too many possible answers to try' });
  });

  test('more combinations than the limit', () => {
    expect(satisfying('contractType == "works" and ensCategory == "high"', 10)).toEqual({ analysed: false, reason: 'its questions have more than 10 combinations of answers' });
  });

  test('unknown names are left to the checker: the rest is analysed', () => {
    expect(found(satisfying('unknownQ or generatesData'))).toEqual({ generatesData: true });
  });
});

describe('guardedRefs: where each name is read', () => {
  test('`A and B` reads B only when A holds; `A or B` reads B only when A fails', () => {
    const refs = guardedRefs(parsed('generatesData and (processesPersonalData or iotDevices)'));
    expect(refs.map(({ name, start, end }) => ({ name, start, end }))).toEqual([
      { name: 'generatesData', start: 0, end: 13 },
      { name: 'processesPersonalData', start: 19, end: 40 },
      { name: 'iotDevices', start: 44, end: 54 },
    ]);
    const answers = (values: Record<string, AnswerValue>): Answers => new Map(Object.entries(values));
    expect(refs.map((r) => r.guard(answers({})))).toEqual([true, false, false]);
    expect(refs.map((r) => r.guard(answers({ generatesData: true })))).toEqual([true, true, true]);
    expect(refs.map((r) => r.guard(answers({ generatesData: true, processesPersonalData: true })))).toEqual([true, true, false]);
  });
});

describe('properties: the search is exact', () => {
  const options = (id: string) => questionList.find((q) => q.id === id)!.options!.map((o) => o.value);
  const date = fc.date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  /** Answers an interview can produce: required questions answered, dataKinds only when generatesData. */
  const interviewAnswers = fc
    .record({
      processesPersonalData: fc.boolean(),
      generatesData: fc.boolean(),
      iotDevices: fc.boolean(),
      contractType: fc.constantFrom(...options('contractType')),
      ensCategory: fc.constantFrom(...options('ensCategory')),
      dataKinds: fc.subarray(options('dataKinds')),
      contractDurationMonths: fc.oneof(fc.integer({ min: 1, max: 120 }), fc.double({ min: 1, max: 120, noNaN: true })),
      renewalMonths: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: undefined }),
      startDate: date,
      endDate: date,
      authorityName: fc.string({ maxLength: 4 }).filter((s) => s !== ''),
      contractTitle: fc.string({ maxLength: 4 }).filter((s) => s !== ''),
      cpvCodes: fc.option(fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }), { nil: undefined }),
    })
    .map((record) => {
      const answers = new Map<string, AnswerValue>();
      for (const [id, value] of Object.entries(record)) if (value !== undefined) answers.set(id, value);
      if (answers.get('generatesData') !== true) answers.delete('dataKinds');
      return answers;
    });

  /** The skip logic and required answers hold for the questions the condition reads (the others are free). */
  const consistent = (expr: Expr, answers: Answers) => {
    const read = new Set(questionIdsOf(expr).flatMap((id) => [id, ...(whens.has(id) ? questionIdsOf(whens.get(id)!) : [])]));
    return questionList.filter((q) => read.has(q.id)).every((q) => {
      const asked = q.when ? evaluate(parsed(q.when), answers) : true;
      const present = hasValue(answers.get(q.id));
      return asked ? present || q.required === false : !present;
    });
  };

  test('when some interview answers satisfy a condition, the search finds answers that do too (no false dead-clause)', () => {
    fc.assert(
      fc.property(wellTypedCondition, interviewAnswers, (text, answers) => {
        const expr = parsed(text);
        fc.pre(evaluate(expr, answers));
        const result = findAnswers({ exprs: [expr], questions: lookupOf(questionList), whenOf, predicate: (a) => evaluate(expr, a) });
        if (!result.analysed) return;
        expect(result.found).not.toBe(null);
        expect(evaluate(expr, result.found!)).toBe(true);
        expect(consistent(expr, result.found!)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  test('when some interview answers falsify a condition, the search finds answers that do too (no false always-true)', () => {
    fc.assert(
      fc.property(wellTypedCondition, interviewAnswers, (text, answers) => {
        const expr = parsed(text);
        fc.pre(!evaluate(expr, answers));
        const result = findAnswers({ exprs: [expr], questions, whenOf, predicate: (a) => !evaluate(expr, a) });
        if (!result.analysed) return;
        expect(result.found).not.toBe(null);
        expect(consistent(expr, result.found!)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
