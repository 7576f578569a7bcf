import fc from 'fast-check';
import type { AnswerValue } from '../../src/schema/common.js';
import { printLiteral } from '../../src/expr/print.js';
import { questionList } from './questions.js';

const options = (id: string) => questionList.find((q) => q.id === id)!.options!.map((o) => o.value);
const str = (s: string) => printLiteral(s);
const date = fc.date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

/** Random conditions, as text, that the checker accepts against tests/expr/questions.ts. */
export const wellTypedCondition: fc.Arbitrary<string> = fc.letrec<{ cond: string }>((tie) => ({
  cond: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('processesPersonalData', 'generatesData', 'iotDevices', 'true', 'false'),
    fc.tuple(fc.constantFrom('contractType', 'ensCategory'), fc.constantFrom('==', '!=')).chain(([q, op]) => fc.constantFrom(...options(q)).map((v) => `${q} ${op} ${str(v)}`)),
    fc.constantFrom('contractType', 'ensCategory').chain((q) => fc.subarray(options(q)).map((vs) => `${q} in [${vs.map(str).join(', ')}]`)),
    fc.constantFrom(...options('dataKinds')).map((v) => `${str(v)} in dataKinds`),
    fc.tuple(fc.constantFrom('contractDurationMonths', 'renewalMonths'), fc.constantFrom('==', '!=', '<', '<=', '>', '>='), fc.integer({ min: -5, max: 200 })).map(([q, op, n]) => `${q} ${op} ${n}`),
    fc.tuple(fc.constantFrom('==', '!=', '<', '<=', '>', '>='), fc.constantFrom('contractDurationMonths', 'renewalMonths'), fc.constantFrom('contractDurationMonths', 'renewalMonths')).map(([op, a, b]) => `${a} ${op} ${b}`),
    fc.tuple(fc.constantFrom('startDate', 'endDate'), fc.constantFrom('==', '<', '>='), date).map(([q, op, d]) => `${q} ${op} ${str(d)}`),
    fc.constantFrom('startDate < endDate', 'authorityName == contractTitle', 'authorityName != contractTitle', 'contractTitle in cpvCodes', 'contractType in dataKinds'),
    fc.string({ maxLength: 6 }).map((s) => `authorityName == ${str(s)}`),
    fc.string({ maxLength: 6 }).map((s) => `${str(s)} in cpvCodes`),
    fc.constantFrom('generatesData == true', 'generatesData != false', 'true == iotDevices'),
    tie('cond').map((c) => `not (${c})`),
    fc.tuple(tie('cond'), fc.constantFrom('and', 'or'), tie('cond')).map(([a, op, b]) => `(${a}) ${op} (${b})`),
  ),
})).cond;

const missing = fc.constantFrom<AnswerValue | undefined>(undefined, null, '');

/** Random answers of the right type for each question, or none. */
export const wellTypedAnswers: fc.Arbitrary<Map<string, AnswerValue>> = fc
  .record({
    processesPersonalData: fc.oneof(missing, fc.boolean()),
    generatesData: fc.oneof(missing, fc.boolean()),
    iotDevices: fc.oneof(missing, fc.boolean()),
    contractType: fc.oneof(missing, fc.constantFrom(...options('contractType'))),
    ensCategory: fc.oneof(missing, fc.constantFrom(...options('ensCategory'))),
    dataKinds: fc.oneof(missing, fc.subarray(options('dataKinds'))),
    contractDurationMonths: fc.oneof(missing, fc.integer({ min: 1, max: 120 })),
    renewalMonths: fc.oneof(missing, fc.double({ noNaN: true, noDefaultInfinity: true })),
    startDate: fc.oneof(missing, date),
    endDate: fc.oneof(missing, date),
    authorityName: fc.oneof(missing, fc.string({ maxLength: 6 })),
    contractTitle: fc.oneof(missing, fc.string({ maxLength: 6 })),
    cpvCodes: fc.oneof(missing, fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 })),
  })
  .map((record) => new Map(Object.entries(record).filter((entry): entry is [string, AnswerValue] => entry[1] !== undefined)));
