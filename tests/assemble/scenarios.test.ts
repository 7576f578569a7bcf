import { describe, expect, test } from 'vitest';
import { describeDecision, runScenarios } from '../../src/assemble/scenarios.js';
import { selectClauses } from '../../src/assemble/select.js';
import { loadLibrary } from '../../src/library/load-library.js';
import { fixtureCopy } from '../helpers/testdir.js';
import { clause } from './clauses.js';

describe('describeDecision: why, in a few words', () => {
  const s = selectClauses(
    [
      clause('a.always'),
      clause('a.holds', { when: 'generatesData', requires: ['a.pulled'] }),
      clause('a.fails', { when: 'not generatesData' }),
      clause('a.pulled', { when: 'not generatesData', excludes: ['a.excluded'] }),
      clause('a.excluded'),
      clause('a.draft', { status: 'draft' }),
      clause('a.old', { status: 'deprecated', supersededBy: 'a.always' }),
      clause('a.older', { status: 'deprecated' }),
      clause('a.bad', { when: 'a = 1' }),
    ],
    new Map([['generatesData', true]]),
  );
  test.each([
    ['a.always', 'no condition: always applies'],
    ['a.holds', 'condition holds: generatesData'],
    ['a.fails', 'condition does not hold: not generatesData'],
    ['a.pulled', 'required by a.holds'],
    ['a.excluded', 'excluded by a.pulled'],
    ['a.draft', 'draft (set includeDrafts: true to test drafts)'],
    ['a.old', 'deprecated, superseded by a.always'],
    ['a.older', 'deprecated'],
    ['a.bad', 'its condition does not parse: unexpected "="'],
  ])('%s: %s', (id, words) => {
    expect(describeDecision(s.byId.get(id))).toBe(words);
  });

  test('an id that is not a clause', () => {
    expect(describeDecision(undefined)).toBe('not a clause of this library');
  });
});

describe('runScenarios', () => {
  test('the fixture scenarios pass', () => {
    expect(runScenarios(loadLibrary(fixtureCopy('basic'))).map((r) => [r.file, r.passed])).toEqual([
      ['clauses/scenarios/cloud-service.yaml', true],
      ['clauses/scenarios/works.yaml', true],
    ]);
  });

  test('a failing scenario: what was expected, what came out, and why', () => {
    const dir = fixtureCopy('basic', {
      'clauses/scenarios/cloud-service.yaml': null,
      'clauses/scenarios/works.yaml': null,
      'clauses/scenarios/wrong.yaml': [
        'name: Wrong',
        'answers: { authorityName: A, contractTitle: T, contractType: works, contractDurationMonths: 6, generatesData: false, hosting: none, ensCategory: basic }',
        'expect:',
        '  include: [general.definitions, ownership.generated-data]',
        '  exclude: [security.ens]',
        '  exactly: true',
        '',
      ].join('\n'),
    });
    expect(runScenarios(loadLibrary(dir))).toEqual([
      {
        file: 'clauses/scenarios/wrong.yaml',
        name: 'Wrong',
        passed: false,
        answerFindings: [],
        expectedInButOut: [{ id: 'ownership.generated-data', why: 'condition does not hold: generatesData and contractType != "works"' }],
        expectedOutButIn: [{ id: 'security.ens', why: 'condition holds: ensCategory in ["basic", "medium", "high"]' }],
        unexpected: [
          { id: 'security.ens', why: 'condition holds: ensCategory in ["basic", "medium", "high"]' },
          { id: 'security.self-assessment', why: 'condition holds: ensCategory != "none"' },
        ],
        selected: ['general.definitions', 'security.ens', 'security.self-assessment'],
      },
    ]);
  });
});
