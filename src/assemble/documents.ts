import type { Library } from '../library/model.js';
import { pick } from '../library/model.js';
import type { Clause } from '../schema/clause.js';
import type { Template } from '../schema/template.js';
import { outline } from './outline.js';

export interface PlannedDocument {
  template: Template;
  /** Ids of the selected clauses this document holds. */
  clauses: string[];
}

export interface DocumentPlan {
  /** The documents to write, in the library's template order. */
  documents: PlannedDocument[];
  /** When one template was asked for: the selected clauses it does not hold, by the other templates that do. */
  elsewhere: { template: Template; clauses: string[] }[];
  /** Selected clauses that no template of the library holds: they would be in no document. */
  homeless: string[];
}

/**
 * Which documents a tender needs: every template of the library that holds at least one of
 * the selected clauses (the administrative clauses, the technical specifications…), or the
 * one template asked for. Says where every selected clause goes, so that none is left out
 * unseen: the ones the chosen template lacks and which template has them, and the ones no
 * template has a place for.
 */
export function planDocuments(library: Library, selected: readonly Clause[], chosen?: Template): DocumentPlan {
  const templates = [...library.templates.map((t) => t.value)].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const placedBy = new Map(templates.map((t) => [t.id, placedIds(t, selected)]));
  const everywhere = new Set([...placedBy.values()].flat());
  const homeless = selected.map((c) => c.id).filter((id) => !everywhere.has(id));
  if (chosen) {
    const own = new Set(placedIds(chosen, selected));
    const missing = new Set(selected.map((c) => c.id).filter((id) => !own.has(id) && everywhere.has(id)));
    const elsewhere: DocumentPlan['elsewhere'] = [];
    for (const template of templates) {
      if (template.id === chosen.id) continue;
      const clauses = (placedBy.get(template.id) ?? []).filter((id) => missing.has(id));
      for (const id of clauses) missing.delete(id);
      if (clauses.length > 0) elsewhere.push({ template, clauses });
    }
    return { documents: own.size > 0 ? [{ template: chosen, clauses: [...own] }] : [], elsewhere, homeless };
  }
  const documents = templates.flatMap((template) => {
    const clauses = placedBy.get(template.id) ?? [];
    return clauses.length > 0 ? [{ template, clauses }] : [];
  });
  return { documents, elsewhere: [], homeless };
}

function placedIds(template: Template, selected: readonly Clause[]): string[] {
  return outline(template, selected).parts.flatMap((p) => p.clauses.map((c) => c.id));
}

/** The document in plain words, as messages and file names say it: "administrative clauses" (the template's `name`, else its title). */
export function documentName(template: Template, language: string): string {
  return template.name ? pick(template.name, language) : pick(template.title, language);
}

/** A file-name form of the document's name: "cláusulas administrativas" → clausulas-administrativas (else its id). */
export function documentSlug(template: Template, language: string): string {
  const slug = (template.name ? pick(template.name, language) : '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || template.id;
}
