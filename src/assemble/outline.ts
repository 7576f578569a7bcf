import type { Clause } from '../schema/clause.js';
import type { Template } from '../schema/template.js';

export interface OutlinePart {
  index: number;
  heading: Record<string, string>;
  intro: Record<string, string> | undefined;
  clauses: Clause[];
}

export interface Outline {
  parts: OutlinePart[];
  /** Selected clauses the template does not place: they are not in this document. */
  unplaced: Clause[];
}

/**
 * Place the selected clauses in the template's order. A category entry places its
 * clauses by `order`, then id; each clause appears once, at its first place.
 * Empty parts are dropped.
 */
export function outline(template: Template, selected: readonly Clause[]): Outline {
  const placed = new Set<string>();
  const byCategory = new Map<string, Clause[]>();
  for (const clause of selected) byCategory.set(clause.category, [...(byCategory.get(clause.category) ?? []), clause]);
  for (const list of byCategory.values()) list.sort(compareClauses);
  const selectedById = new Map(selected.map((c) => [c.id, c]));

  const parts: OutlinePart[] = [];
  template.parts.forEach((part, index) => {
    const clauses: Clause[] = [];
    for (const ref of part.include) {
      const candidates = ref.includes('.') ? [selectedById.get(ref)].filter((c): c is Clause => c !== undefined) : (byCategory.get(ref) ?? []);
      for (const clause of candidates) {
        if (placed.has(clause.id)) continue;
        placed.add(clause.id);
        clauses.push(clause);
      }
    }
    if (clauses.length > 0) parts.push({ index, heading: part.heading, intro: part.intro, clauses });
  });
  return { parts, unplaced: selected.filter((c) => !placed.has(c.id)) };
}

export function compareClauses(a: Clause, b: Clause): number {
  return (a.order ?? 100) - (b.order ?? 100) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
