import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { describeConflict, selectClauses, type Decision, type Reason, type Selection } from '../../src/assemble/select.js';
import type { AnswerValue } from '../../src/schema/common.js';
import type { Clause } from '../../src/schema/clause.js';
import { clause } from './clauses.js';

const answers = (values: Record<string, AnswerValue> = {}) => new Map(Object.entries(values));

/** A reason as tests compare it: conditions without their tree and trace. */
type ReasonView = Exclude<Reason, { kind: 'condition' }> | { kind: 'condition'; holds: boolean; when: string };
const view = (reason: Reason): ReasonView => (reason.kind === 'condition' ? { kind: 'condition', holds: reason.holds, when: reason.when } : reason);
const reasons = (selection: Selection, id: string) => selection.byId.get(id)!.reasons.map(view);

const YES = 'generatesData';
const NO = 'not generatesData';
const on = answers({ generatesData: true });

describe('conditions', () => {
  test('no condition: always in; a condition: in when it holds, with the condition and its trace', () => {
    const s = selectClauses([clause('a.always'), clause('a.holds', { when: YES }), clause('a.fails', { when: NO })], on);
    expect(s.included).toEqual(['a.always', 'a.holds']);
    expect(reasons(s, 'a.always')).toEqual([{ kind: 'always' }]);
    expect(reasons(s, 'a.holds')).toEqual([{ kind: 'condition', holds: true, when: YES }]);
    expect(reasons(s, 'a.fails')).toEqual([{ kind: 'condition', holds: false, when: NO }]);
    const holds = s.byId.get('a.holds')!.reasons[0]!;
    expect(holds.kind === 'condition' && holds.trace).toEqual({ kind: 'ref', name: 'generatesData', value: true, result: true });
  });

  test('unanswered questions: a comparison is false and `not` makes it true', () => {
    const s = selectClauses([clause('a.x', { when: 'not (ensCategory == "high")' }), clause('a.y', { when: 'ensCategory != "high"' })], answers());
    expect(s.included).toEqual(['a.x']);
  });

  test('a condition that does not parse leaves the clause out, saying why', () => {
    const s = selectClauses([clause('a.bad', { when: 'generatesData && x' })], on);
    expect(s.included).toEqual([]);
    expect(reasons(s, 'a.bad')).toEqual([{ kind: 'invalid-condition', message: 'unexpected "&"' }]);
  });
});

describe('requires', () => {
  test('a chain A → B → C is pulled in, each required by the one before', () => {
    const s = selectClauses([clause('a.a', { when: YES, requires: ['a.b'] }), clause('a.b', { when: NO, requires: ['a.c'] }), clause('a.c', { when: NO })], on);
    expect(s.included).toEqual(['a.a', 'a.b', 'a.c']);
    expect(reasons(s, 'a.a')).toEqual([{ kind: 'condition', holds: true, when: YES }]);
    // "required by" decided it, so it comes first; the failed condition stays for explain.
    expect(reasons(s, 'a.b')).toEqual([
      { kind: 'required-by', by: ['a.a'] },
      { kind: 'condition', holds: false, when: NO },
    ]);
    expect(reasons(s, 'a.c')).toEqual([
      { kind: 'required-by', by: ['a.b'] },
      { kind: 'condition', holds: false, when: NO },
    ]);
    expect(s.conflicts).toEqual([]);
  });

  test('nothing is pulled in by a clause that is out', () => {
    const s = selectClauses([clause('a.a', { when: NO, requires: ['a.b'] }), clause('a.b', { when: NO })], on);
    expect(s.included).toEqual([]);
    expect(reasons(s, 'a.b')).toEqual([{ kind: 'condition', holds: false, when: NO }]);
  });

  test('required by several: all of them, sorted; a clause in on its own also lists who requires it', () => {
    const s = selectClauses([clause('a.z', { requires: ['a.shared', 'a.own'] }), clause('a.m', { requires: ['a.shared'] }), clause('a.shared', { when: NO }), clause('a.own', { when: YES })], on);
    expect(s.included).toEqual(['a.z', 'a.m', 'a.shared', 'a.own']);
    expect(reasons(s, 'a.shared')[0]).toEqual({ kind: 'required-by', by: ['a.m', 'a.z'] });
    expect(reasons(s, 'a.own')).toEqual([
      { kind: 'condition', holds: true, when: YES },
      { kind: 'required-by', by: ['a.z'] },
    ]);
  });

  test('a cycle of requires ends', () => {
    const s = selectClauses([clause('a.a', { requires: ['a.b'] }), clause('a.b', { when: NO, requires: ['a.a'] })], on);
    expect(s.included).toEqual(['a.a', 'a.b']);
  });

  test('a requirement that is not a clause of the library is ignored (lint reports it)', () => {
    expect(selectClauses([clause('a.a', { requires: ['a.gone'] })], on).included).toEqual(['a.a']);
  });
});

describe('excludes', () => {
  test('an excluded clause is out, excluded by the clause that excludes it, and its own requires are not pulled in', () => {
    const s = selectClauses([clause('a.x', { excludes: ['a.y'] }), clause('a.y', { when: YES, requires: ['a.z'] }), clause('a.z', { when: NO })], on);
    expect(s.included).toEqual(['a.x']);
    expect(reasons(s, 'a.y')).toEqual([
      { kind: 'excluded-by', by: ['a.x'] },
      { kind: 'condition', holds: true, when: YES },
    ]);
    expect(reasons(s, 'a.z')).toEqual([{ kind: 'condition', holds: false, when: NO }]);
  });

  test('a clause only pulled in by requires can be excluded too', () => {
    const s = selectClauses([clause('a.x', { excludes: ['a.y'] }), clause('a.w', { requires: ['a.y'] }), clause('a.y', { when: NO })], on);
    expect(s.included).toEqual(['a.x', 'a.w']);
    expect(reasons(s, 'a.y')[0]).toEqual({ kind: 'excluded-by', by: ['a.x'] });
    expect(s.conflicts).toEqual([{ clause: 'a.w', requires: 'a.y', status: 'excluded' }]);
    expect(describeConflict(s.conflicts[0]!, 'en')).toBe('a.w requires a.y, but it is excluded; it is left out');
    expect(describeConflict(s.conflicts[0]!, 'es')).toBe('a.w exige a.y, pero esta queda excluida; queda fuera');
  });

  test('excluded by several, sorted', () => {
    const s = selectClauses([clause('a.z', { excludes: ['a.y'] }), clause('a.m', { excludes: ['a.y'] }), clause('a.y')], on);
    expect(reasons(s, 'a.y')).toEqual([{ kind: 'excluded-by', by: ['a.m', 'a.z'] }, { kind: 'always' }]);
  });

  test('only clauses that are in exclude; a clause out on its own is not "excluded"', () => {
    const s = selectClauses([clause('a.x', { when: NO, excludes: ['a.y'] }), clause('a.y'), clause('a.v', { excludes: ['a.w'] }), clause('a.w', { when: NO })], on);
    expect(s.included).toEqual(['a.y', 'a.v']);
    expect(reasons(s, 'a.w')).toEqual([{ kind: 'condition', holds: false, when: NO }]);
  });

  test('two clauses that exclude each other are both out (lint reports such libraries)', () => {
    const s = selectClauses([clause('a.x', { excludes: ['a.y'] }), clause('a.y', { excludes: ['a.x'] })], on);
    expect(s.included).toEqual([]);
  });

  test('excludes are read from every clause in before excluding (the documented single pass): A excludes B, B excludes C', () => {
    const s = selectClauses([clause('a.a', { excludes: ['a.b'] }), clause('a.b', { excludes: ['a.c'] }), clause('a.c')], on);
    expect(s.included).toEqual(['a.a']);
    expect(reasons(s, 'a.c')[0]).toEqual({ kind: 'excluded-by', by: ['a.b'] });
  });
});

describe('drafts', () => {
  const clauses = [clause('a.approved', { requires: ['a.needed'] }), clause('a.draft', { status: 'draft', when: YES }), clause('a.needed', { status: 'draft', when: NO })];

  test('out unless includeDrafts, saying "draft" first; an approved clause cannot pull a draft in', () => {
    const s = selectClauses(clauses, on);
    expect(s.included).toEqual(['a.approved']);
    expect(reasons(s, 'a.draft')).toEqual([{ kind: 'draft' }, { kind: 'condition', holds: true, when: YES }]);
    expect(reasons(s, 'a.needed')).toEqual([{ kind: 'draft' }, { kind: 'condition', holds: false, when: NO }]);
    expect(s.conflicts).toEqual([{ clause: 'a.approved', requires: 'a.needed', status: 'draft' }]);
    expect(describeConflict(s.conflicts[0]!, 'en')).toBe('a.approved requires a.needed, which is a draft; it is left out');
    expect(describeConflict(s.conflicts[0]!, 'ca')).toBe('a.approved exigeix a.needed, que és un esborrany; queda fora');
  });

  test('with includeDrafts, drafts are selected like approved clauses', () => {
    const s = selectClauses(clauses, on, { includeDrafts: true });
    expect(s.included).toEqual(['a.approved', 'a.draft', 'a.needed']);
    expect(reasons(s, 'a.needed')).toEqual([
      { kind: 'required-by', by: ['a.approved'] },
      { kind: 'condition', holds: false, when: NO },
    ]);
    expect(s.conflicts).toEqual([]);
  });
});

describe('deprecated clauses', () => {
  test('never selected, even with includeDrafts or when required; the reason names the successor', () => {
    const clauses = [clause('a.old', { status: 'deprecated', supersededBy: 'a.new', when: YES }), clause('a.older', { status: 'deprecated' }), clause('a.new', { requires: ['a.older'] })];
    for (const options of [{}, { includeDrafts: true }]) {
      const s = selectClauses(clauses, on, options);
      expect(s.included).toEqual(['a.new']);
      expect(reasons(s, 'a.old')).toEqual([
        { kind: 'deprecated', supersededBy: 'a.new' },
        { kind: 'condition', holds: true, when: YES },
      ]);
      expect(reasons(s, 'a.older')).toEqual([{ kind: 'deprecated' }]);
      expect(s.conflicts).toEqual([{ clause: 'a.new', requires: 'a.older', status: 'deprecated' }]);
    }
  });
});

describe('duplicate ids', () => {
  test('the first clause with an id decides; the id is in the selection once', () => {
    const first = clause('a.x', { when: YES });
    const second = clause('a.x', { when: NO, title: { en: 'Second' } });
    const s = selectClauses([first, second, clause('a.y')], on);
    expect(s.included).toEqual(['a.x', 'a.y']);
    expect(s.decisions.map((d) => [d.id, d.included, d.reasons.length])).toEqual([
      ['a.x', true, 1],
      ['a.x', false, 0],
      ['a.y', true, 1],
    ]);
    expect(s.byId.get('a.x')!.clause).toBe(first);
  });
});

describe('properties', () => {
  const ids = ['a.a', 'a.b', 'a.c', 'a.d', 'a.e', 'a.f'];
  const arbitraryLibrary = fc.array(
    fc.record({
      status: fc.constantFrom<Clause['status']>('approved', 'approved', 'draft', 'deprecated'),
      when: fc.constantFrom(undefined, YES, NO),
      requires: fc.subarray(ids, { maxLength: 3 }),
      excludes: fc.subarray(ids, { maxLength: 2 }),
    }),
    { minLength: ids.length, maxLength: ids.length },
  );
  const build = (fields: { status: Clause['status']; when: string | undefined; requires: string[]; excludes: string[] }[]) =>
    fields.map((f, i) =>
      clause(ids[i]!, { status: f.status, requires: f.requires.filter((r) => r !== ids[i]), excludes: f.excludes.filter((r) => r !== ids[i]), ...(f.when ? { when: f.when } : {}) }),
    );

  test('what is in is eligible, decided by its condition or a clause that is in, and excluded by nothing that is in; requires are followed', () => {
    fc.assert(
      fc.property(arbitraryLibrary, fc.boolean(), fc.boolean(), (fields, generates, includeDrafts) => {
        const clauses = build(fields);
        const s = selectClauses(clauses, answers({ generatesData: generates }), { includeDrafts });
        const isIn = new Set(s.included);
        const byId = new Map(clauses.map((c) => [c.id, c]));
        const eligible = (c: Clause) => c.status === 'approved' || (c.status === 'draft' && includeDrafts);
        const holds = (c: Clause) => c.when === undefined || (c.when === YES) === generates;
        expect(s.included).toEqual(clauses.map((c) => c.id).filter((id) => isIn.has(id)));
        for (const id of isIn) {
          const c = byId.get(id)!;
          expect(eligible(c)).toBe(true);
          expect(holds(c) || clauses.some((other) => isIn.has(other.id) && (other.requires ?? []).includes(id))).toBe(true);
          expect(clauses.some((other) => isIn.has(other.id) && (other.excludes ?? []).includes(id))).toBe(false);
          const decision: Decision = s.byId.get(id)!;
          expect(decision.included).toBe(true);
        }
        // Requires are followed unless the target is not eligible or excluded.
        for (const id of isIn) {
          for (const target of byId.get(id)!.requires ?? []) {
            const t = byId.get(target)!;
            const excluded = s.byId.get(target)!.reasons.some((r) => r.kind === 'excluded-by');
            if (eligible(t) && !excluded) expect(isIn.has(target)).toBe(true);
          }
        }
        // Every clause left out has a reason.
        for (const d of s.decisions) if (!d.included && s.byId.get(d.id) === d) expect(d.reasons.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });
});
