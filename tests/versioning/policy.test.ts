import { describe, expect, it } from 'vitest';
import { conditionEffect, type ConditionScope } from '../../src/versioning/condition-change.js';
import { bumpOf, checkVersion, nextVersions, type Level } from '../../src/versioning/policy.js';
import { wordDiffLines } from '../../src/versioning/word-diff.js';
import { parseCondition } from '../../src/expr/parse.js';
import type { Expr } from '../../src/expr/ast.js';
import type { Question } from '../../src/schema/questions.js';

describe('version bumps', () => {
  it.each([
    ['1.0.0', '1.0.0', 'none'],
    ['1.0.0', '1.0.1', 'patch'],
    ['1.0.9', '1.1.0', 'minor'],
    ['1.9.9', '2.0.0', 'major'],
    ['1.2.0', '1.1.5', 'down'],
    ['1.1.0-rc.1', '1.1.0', 'patch'],
    ['1.1.0', '1.1.0-rc.1', 'down'],
    ['1.0.0', '1.0.0+build.7', 'none'],
  ])('%s → %s is %s', (from, to, bump) => {
    expect(bumpOf(from, to)).toBe(bump);
  });

  const reason = (level: Level) => [{ level, message: `a ${level} change` }];
  it.each([
    ['1.0.0', '1.0.0', 'none', 'ok'],
    ['1.0.0', '1.0.1', 'none', 'ok'],
    ['1.0.0', '1.0.0', 'patch', 'not-bumped'],
    ['1.0.0', '1.0.1', 'patch', 'ok'],
    ['1.0.0', '1.0.1', 'minor', 'too-small'],
    ['1.0.0', '1.1.0', 'minor', 'ok'],
    ['1.0.0', '1.1.0', 'major', 'too-small'],
    ['1.0.0', '2.0.0', 'major', 'ok'],
    ['1.2.0', '1.1.0', 'none', 'decreased'],
    // Before 1.0.0 and from a pre-release, any higher version will do.
    ['0.3.0', '0.3.1', 'major', 'ok'],
    ['2.0.0-rc.1', '2.0.0-rc.2', 'major', 'ok'],
    ['0.3.0', '0.3.0', 'patch', 'not-bumped'],
    ['0.3.0', '0.2.0', 'none', 'decreased'],
  ] as const)('%s → %s for a %s change: %s', (from, to, level, verdict) => {
    const check = checkVersion(from, to, level === 'none' ? [] : reason(level));
    expect(check.verdict).toBe(verdict);
    expect(check.required).toBe(level);
  });

  it('keeps every reason, largest first', () => {
    const check = checkVersion('1.0.0', '2.0.0', [
      { level: 'patch', message: 'p' },
      { level: 'major', message: 'M' },
      { level: 'minor', message: 'm' },
    ]);
    expect(check.reasons.map((r) => r.message)).toEqual(['M', 'm', 'p']);
    expect(check).toMatchObject({ from: '1.0.0', to: '2.0.0', bump: 'major', required: 'major', unstable: false });
  });

  it('suggests the next versions', () => {
    expect(nextVersions('1.4.2')).toBe('1.4.3 for a correction, 1.5.0 for a new duty or a wider condition, 2.0.0 for a removed duty or a narrower condition (see docs/versioning.md)');
    expect(nextVersions('0.1.0')).toBe('such as 0.1.1 or 0.2.0 (before 1.0.0, and after a pre-release, any higher version will do; see docs/versioning.md)');
    expect(nextVersions('1.1.0-rc.1')).toBe('such as 1.1.0-rc.2 or 1.1.0 (before 1.0.0, and after a pre-release, any higher version will do; see docs/versioning.md)');
  });
});

describe('how a condition changed', () => {
  const questions = new Map<string, { question: Question }>();
  const add = (question: Partial<Question> & Pick<Question, 'id' | 'type'>) =>
    questions.set(question.id, { question: { label: { en: question.id }, prompt: { en: question.id }, ...question } as Question });
  add({ id: 'generatesData', type: 'boolean' });
  add({ id: 'processesPersonalData', type: 'boolean', when: 'generatesData' });
  add({ id: 'hosting', type: 'select', options: ['authority', 'contractor', 'cloud'].map((value) => ({ value, label: { en: value } })) });
  add({ id: 'contractDurationMonths', type: 'number' });
  const whens = new Map<string, Expr>();
  const parsed = parseCondition('generatesData');
  if (parsed.ok) whens.set('processesPersonalData', parsed.expr);
  const scope: ConditionScope = { questions, whenOf: (id) => whens.get(id) };

  it.each([
    ['generatesData', 'generatesData or processesPersonalData', 'equivalent'], // asked only when generatesData
    ['hosting == "cloud"', 'hosting in ["cloud"]', 'equivalent'],
    ['hosting == "cloud"', 'hosting != "authority"', 'wider'],
    ['hosting != "authority"', 'hosting == "cloud"', 'narrower'],
    ['generatesData', undefined, 'wider'],
    [undefined, 'generatesData', 'narrower'],
    ['hosting == "cloud"', 'hosting == "contractor"', 'narrower'],
    ['contractDurationMonths > 12', 'contractDurationMonths > 24', 'narrower'],
    ['contractDurationMonths > 24', 'contractDurationMonths >= 24', 'wider'],
    ['generatesData and', 'generatesData', 'unknown'],
  ] as const)('%s → %s: %s', (before, after, effect) => {
    expect(conditionEffect(before, after, scope)).toBe(effect);
  });
});

describe('word diffs', () => {
  const render = (before: string, after: string) =>
    wordDiffLines(before, after).map((line) => ('gap' in line ? '…' : line.segments.map((s) => (s.kind === 'added' ? `{+${s.text}+}` : s.kind === 'removed' ? `[-${s.text}-]` : s.text)).join('')));

  it('marks words, not characters', () => {
    expect(render('The data belong to the city.', 'The data belong exclusively to the city.')).toEqual(['The data belong {+exclusively +}to the city.']);
    expect(render('Data are kept for five years.', 'Data are kept for ten years.')).toEqual(['Data are kept for [-five-]{+ten+} years.']);
  });

  it('shows only the paragraphs and list items that changed, with … for those left out', () => {
    const before = 'First paragraph.\n\n1. Sell them.\n2. Use them.\n\nLast paragraph.';
    const after = 'First paragraph.\n\n1. Sell them.\n2. Use them, even aggregated.\n\nLast paragraph.';
    expect(render(before, after)).toEqual(['…', '2. Use them{+, even aggregated+}.', '…']);
  });

  it('shows an added or removed paragraph whole', () => {
    expect(render('One.\n\nTwo.', 'One.\n\nTwo.\n\nThree.')).toEqual(['…', '{+Three.+}']);
    expect(render('One.\n\nTwo.\n\nThree.', 'One.\n\nThree.')).toEqual(['…', '[-Two.-]', '…']);
  });

  it('is empty for equal texts, and ignores a trailing newline', () => {
    expect(render('Same.\n', 'Same.')).toEqual([]);
  });
});

describe('word diffs, joined for reading', () => {
  const render = (before: string, after: string) =>
    wordDiffLines(before, after).map((line) => ('gap' in line ? '…' : line.segments.map((s) => (s.kind === 'added' ? `{+${s.text}+}` : s.kind === 'removed' ? `[-${s.text}-]` : s.text)).join('')));

  it('reads changes separated only by spaces as one change', () => {
    expect(render('any request that the Authority asks it to keep.', 'any request that the Authority designates as confidential keep.')).toEqual([
      'any request that the Authority [-asks it to-]{+designates as confidential+} keep.',
    ]);
  });

  it('keeps shared spaces outside the change', () => {
    expect(render('an external audit body or the Ombudsman', 'an external audit body, the Ombudsman')).toEqual(['an external audit body[- or-]{+,+} the Ombudsman']);
  });
});
