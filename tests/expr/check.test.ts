import { describe, expect, test } from 'vitest';
import { checkCondition, type CheckIssue } from '../../src/expr/check.js';
import { parseCondition } from '../../src/expr/parse.js';
import { questions } from './questions.js';

function check(text: string): CheckIssue[] {
  const result = parseCondition(text);
  if (!result.ok) throw new Error(`${text}: ${result.error.message}`);
  return checkCondition(result.expr, questions);
}

const issue = (ruleId: CheckIssue['ruleId'], offset: number, length: number, message: string, fix?: string): CheckIssue => ({
  ruleId,
  message,
  offset,
  length,
  ...(fix !== undefined ? { fix } : {}),
});

describe('conditions the checker accepts', () => {
  test.each([
    'processesPersonalData',
    'not processesPersonalData',
    'generatesData and not (contractType == "works")',
    'generatesData == true',
    'contractType == "works"',
    '"works" != contractType',
    'ensCategory in ["medium", "high"]',
    'ensCategory in []',
    '"health-social" in dataKinds',
    'contractDurationMonths >= 24',
    'contractDurationMonths in [12, 24]',
    'contractDurationMonths < renewalMonths',
    'startDate < "2027-01-01"',
    'startDate in ["2026-01-01", "2027-01-01"]',
    'startDate < endDate',
    'authorityName == "Ajuntament de Barcelona"',
    'authorityName != contractTitle',
    'authorityName == contractType',
    'contractType == ensCategory',
    'contractType in dataKinds',
    '"72000000-5" in cpvCodes',
    'contractTitle in cpvCodes',
    '(contractType == "works") == generatesData',
    'true',
  ])('%s', (text) => {
    expect(check(text)).toEqual([]);
  });
});

describe('unknown-question: the offset of the name, and did-you-mean when one is close', () => {
  test.each<[string, CheckIssue[]]>([
    ['procesesPersonalData', [issue('unknown-question', 0, 20, '"procesesPersonalData" is not a question of this library', 'did you mean processesPersonalData?')]],
    ['not generatesDta', [issue('unknown-question', 4, 12, '"generatesDta" is not a question of this library', 'did you mean generatesData?')]],
    ['generatesData and contractTipe == "works"', [issue('unknown-question', 18, 12, '"contractTipe" is not a question of this library', 'did you mean contractType?')]],
    ['"sensor" in datakinds', [issue('unknown-question', 12, 9, '"datakinds" is not a question of this library', 'did you mean dataKinds?')]],
    // Nothing close: no suggestion.
    ['xyzzy', [issue('unknown-question', 0, 5, '"xyzzy" is not a question of this library')]],
    // An unknown name is reported once, and does not also count as a type mismatch.
    ['unknownQ < 3', [issue('unknown-question', 0, 8, '"unknownQ" is not a question of this library')]],
    ['"x" in unknownQ', [issue('unknown-question', 7, 8, '"unknownQ" is not a question of this library')]],
    // Names are looked up as questions only.
    ['constructor', [issue('unknown-question', 0, 11, '"constructor" is not a question of this library')]],
    ['__proto__', [issue('unknown-question', 0, 9, '"__proto__" is not a question of this library')]],
  ])('%s', (text, expected) => {
    expect(check(text)).toEqual(expected);
  });
});

describe('unknown-option: the offset of the string, and did-you-mean or the options', () => {
  test.each<[string, CheckIssue[]]>([
    ['contractType == "work"', [issue('unknown-option', 16, 6, '"work" is not an option of contractType', 'did you mean works?')]],
    ['"servics" == contractType', [issue('unknown-option', 0, 9, '"servics" is not an option of contractType', 'did you mean services?')]],
    ['contractType != "zzz"', [issue('unknown-option', 16, 5, '"zzz" is not an option of contractType', 'options: services, supplies, works')]],
    ['"sensr" in dataKinds', [issue('unknown-option', 0, 7, '"sensr" is not an option of dataKinds', 'did you mean sensor?')]],
    ['ensCategory in ["medium", "hihg"]', [issue('unknown-option', 26, 6, '"hihg" is not an option of ensCategory', 'did you mean high?')]],
  ])('%s', (text, expected) => {
    expect(check(text)).toEqual(expected);
  });
});

describe('type-mismatch', () => {
  test.each<[string, CheckIssue[]]>([
    // The design's own example: a yes/no question compared with text.
    ['"yes" == processesPersonalData', [issue('type-mismatch', 0, 30, 'text is compared with a yes/no answer')]],
    ['generatesData == "yes"', [issue('type-mismatch', 0, 22, 'a yes/no answer is compared with text')]],
    ['contractDurationMonths == "12"', [issue('type-mismatch', 0, 30, 'a number is compared with text')]],
    ['contractDurationMonths == startDate', [issue('type-mismatch', 0, 35, 'a number is compared with a date')]],
    ['startDate == authorityName', [issue('type-mismatch', 0, 26, 'a date is compared with text')]],
    ['contractType == 3', [issue('type-mismatch', 16, 1, 'contractType is a choice; compare it with one of its options in quotes', 'options: services, supplies, works')]],
    ['3 == contractType', [issue('type-mismatch', 0, 1, 'contractType is a choice; compare it with one of its options in quotes', 'options: services, supplies, works')]],
    ['contractType == true', [issue('type-mismatch', 16, 4, 'contractType is a choice; compare it with one of its options in quotes', 'options: services, supplies, works')]],
    // Ordering comparisons take numbers and dates.
    ['contractDurationMonths > "x"', [issue('type-mismatch', 0, 28, '> compares numbers or dates, not a number and text')]],
    ['authorityName < "b"', [issue('type-mismatch', 0, 19, '< compares numbers or dates, not text and text')]],
    ['"2026-01-01" < "2027-01-01"', [issue('type-mismatch', 0, 27, '< compares numbers or dates, not text and text')]],
    ['generatesData < true', [issue('type-mismatch', 0, 20, '< compares numbers or dates, not a yes/no answer and a yes/no answer')]],
    ['contractType < "works"', [issue('type-mismatch', 0, 22, '< compares numbers or dates, not a choice (contractType) and text')]],
    ['startDate < 3', [issue('type-mismatch', 0, 13, '< compares numbers or dates, not a date and a number')]],
    ['startDate < authorityName', [issue('type-mismatch', 0, 25, '< compares numbers or dates, not a date and text')]],
    // Dates are written YYYY-MM-DD, and are real dates.
    ['startDate == "tomorrow"', [issue('type-mismatch', 13, 10, '"tomorrow" is not a date', 'write dates as "YYYY-MM-DD"')]],
    ['startDate < "2027-13-45"', [issue('type-mismatch', 12, 12, '"2027-13-45" is not a date', 'write dates as "YYYY-MM-DD"')]],
    ['startDate in ["2026-01-01", "2026-02-30x"]', [issue('type-mismatch', 28, 13, '"2026-02-30x" is not a date', 'write dates as "YYYY-MM-DD"')]],
    // Lists are tested with `in`.
    ['dataKinds == "sensor"', [issue('type-mismatch', 0, 9, 'a list (dataKinds) cannot be compared with ==', 'test membership with `in`')]],
    ['cpvCodes == "x"', [issue('type-mismatch', 0, 8, 'a list (cpvCodes) cannot be compared with ==', 'test membership with `in`')]],
    ['dataKinds in ["sensor"]', [issue('type-mismatch', 0, 9, 'a list (dataKinds) cannot be tested with "in"', 'test one option at a time: "x" in dataKinds')]],
    ['"x" in contractType', [issue('type-mismatch', 7, 12, 'the right side of "in" must be a list or a multiple-choice question, not a choice (contractType)')]],
    ['generatesData in ["a"]', [issue('type-mismatch', 18, 3, 'a yes/no answer is not tested with "in"', 'use == true or == false')]],
    ['contractDurationMonths in ["x"]', [issue('type-mismatch', 27, 3, '"x" is not a number')]],
    ['authorityName in [1]', [issue('type-mismatch', 18, 1, '1 is not text')]],
    ['startDate in [3]', [issue('type-mismatch', 14, 1, '3 is not a date')]],
    [
      'contractDurationMonths in [1, "x"]',
      [issue('type-mismatch', 26, 8, 'a list mixes strings and numbers'), issue('type-mismatch', 30, 3, '"x" is not a number')],
    ],
    ['contractDurationMonths in dataKinds', [issue('type-mismatch', 0, 22, 'a number cannot be an item of a list (dataKinds)')]],
    ['3 in cpvCodes', [issue('type-mismatch', 0, 1, 'a number cannot be an item of a list (cpvCodes)')]],
    // The whole condition, and each side of and/or, is a yes/no test.
    ['contractType', [issue('type-mismatch', 0, 12, 'contractType is a choice (contractType), not a yes/no answer', 'compare it: contractType == "services"')]],
    ['dataKinds', [issue('type-mismatch', 0, 9, 'dataKinds is a list (dataKinds), not a yes/no answer', 'test an option: "operational" in dataKinds')]],
    ['authorityName', [issue('type-mismatch', 0, 13, 'authorityName is text, not a yes/no answer', 'compare it with a value')]],
    ['contractDurationMonths', [issue('type-mismatch', 0, 22, 'contractDurationMonths is a number, not a yes/no answer', 'compare it with a value')]],
    ['generatesData and contractType', [issue('type-mismatch', 18, 12, 'contractType is a choice (contractType), not a yes/no answer', 'compare it: contractType == "services"')]],
    ['"x"', [issue('type-mismatch', 0, 3, '"x" is not a yes/no test')]],
    ['3', [issue('type-mismatch', 0, 1, '3 is not a yes/no test')]],
    ['[1]', [issue('type-mismatch', 0, 3, 'a list is not a yes/no test', 'test membership with `in`')]],
    // `not` applies to the single term after it.
    ['not contractType', [issue('type-mismatch', 4, 12, '"not" applies to a choice (contractType) here, not to a yes/no test', 'put the comparison in parentheses: not (a == "x")')]],
    ['not 3', [issue('type-mismatch', 4, 1, '"not" applies to a number here, not to a yes/no test', 'put the comparison in parentheses: not (a == "x")')]],
    [
      'not contractType == "works"',
      [issue('type-mismatch', 4, 12, '"not" applies to a choice (contractType) here, not to a yes/no test', 'put the comparison in parentheses: not (a == "x")'), issue('type-mismatch', 0, 27, 'a yes/no answer is compared with text')],
    ],
  ])('%s', (text, expected) => {
    expect(check(text)).toEqual(expected);
  });
});
