import { describe, expect, test } from 'vitest';
import { compareClauses, outline } from '../../src/assemble/outline.js';
import type { Template } from '../../src/schema/template.js';
import { clause } from './clauses.js';

const template = (...parts: string[][]): Template => ({
  id: 'main',
  title: { en: 'Data clauses' },
  parts: parts.map((include, i) => ({ heading: { en: `Part ${i + 1}` }, include })),
});

/** The outline as ids: each part's index and clauses, and the clauses left unplaced. */
const ids = (o: ReturnType<typeof outline>) => ({ parts: o.parts.map((p) => [p.index, p.clauses.map((c) => c.id)]), unplaced: o.unplaced.map((c) => c.id) });

describe('outline', () => {
  test('parts follow the template; within a category, clauses follow `order` (default 100), then id', () => {
    const selected = [
      clause('security.ens', { order: 20 }),
      clause('ownership.z-last'),
      clause('ownership.generated-data', { order: 10 }),
      clause('ownership.a-first'),
      clause('security.audit', { order: 20 }),
      clause('general.definitions', { order: 0 }),
    ];
    expect(ids(outline(template(['general'], ['security', 'ownership']), selected))).toEqual({
      parts: [
        [0, ['general.definitions']],
        [1, ['security.audit', 'security.ens', 'ownership.generated-data', 'ownership.a-first', 'ownership.z-last']],
      ],
      unplaced: [],
    });
  });

  test('a clause id places that clause where the template says, and not again with its category', () => {
    const selected = [clause('exit.handover'), clause('exit.plan', { order: 1 }), clause('personal-data.breach')];
    expect(ids(outline(template(['exit.handover', 'personal-data'], ['exit']), selected))).toEqual({
      parts: [
        [0, ['exit.handover', 'personal-data.breach']],
        [1, ['exit.plan']],
      ],
      unplaced: [],
    });
  });

  test('each clause appears once, at its first place', () => {
    const selected = [clause('exit.handover'), clause('exit.plan')];
    expect(ids(outline(template(['exit'], ['exit', 'exit.handover']), selected))).toEqual({ parts: [[0, ['exit.handover', 'exit.plan']]], unplaced: [] });
  });

  test('empty parts are dropped, and the others keep their index in the template', () => {
    const selected = [clause('exit.handover')];
    expect(ids(outline(template(['general'], ['ownership.generated-data'], ['exit']), selected))).toEqual({ parts: [[2, ['exit.handover']]], unplaced: [] });
  });

  test('selected clauses the template does not place are unplaced, in selection order', () => {
    const selected = [clause('ai.register'), clause('exit.handover'), clause('audit.rights')];
    expect(ids(outline(template(['exit']), selected))).toEqual({ parts: [[0, ['exit.handover']]], unplaced: ['ai.register', 'audit.rights'] });
  });

  test('clauses named by the template but not selected are not placed', () => {
    expect(ids(outline(template(['exit.handover', 'exit']), []))).toEqual({ parts: [], unplaced: [] });
  });

  test('headings and intros come from the template', () => {
    const t: Template = { id: 'main', title: { en: 'T' }, parts: [{ heading: { en: 'Exit', ca: 'Sortida' }, intro: { en: 'At the end.' }, include: ['exit'] }] };
    expect(outline(t, [clause('exit.handover')]).parts).toEqual([{ index: 0, heading: { en: 'Exit', ca: 'Sortida' }, intro: { en: 'At the end.' }, clauses: [clause('exit.handover')] }]);
  });
});

describe('compareClauses', () => {
  test('order first, missing order as 100, then id', () => {
    const sorted = [clause('a.c'), clause('a.b', { order: 100 }), clause('a.z', { order: 5 }), clause('a.a', { order: 101 })].sort(compareClauses).map((c) => c.id);
    expect(sorted).toEqual(['a.z', 'a.b', 'a.c', 'a.a']);
  });
});
