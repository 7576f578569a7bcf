import type { Clause } from '../../src/schema/clause.js';

/** A clause with only what selection and ordering read; the rest is filler. */
export function clause(id: string, fields: Partial<Omit<Clause, 'id'>> = {}): Clause {
  return {
    id,
    version: '1.0.0',
    status: 'approved',
    category: id.split('.')[0]!,
    title: { en: id },
    text: { en: `Text of ${id}.` },
    guidance: { en: `Guidance for ${id}.` },
    changelog: [{ version: '1.0.0', date: '2026-11-20', note: 'First version.' }],
    ...fields,
  };
}
