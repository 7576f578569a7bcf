import { buildDocument } from '../assemble/document.js';
import { outline } from '../assemble/outline.js';
import type { Selection } from '../assemble/select.js';
import type { Library } from '../library/model.js';
import { renderDocument, type DocumentFormat } from '../render/index.js';
import type { AnswerValue } from '../schema/common.js';
import type { Template } from '../schema/template.js';

export interface TenderDocument {
  template: Template;
  /** How many of the selected clauses it holds. */
  clauses: number;
}

/**
 * The documents of the tender: the template the answers file names, else every template of
 * the library that holds at least one of the selected clauses (the administrative clauses,
 * the technical specifications…), in the order of their ids.
 */
export function tenderDocuments(library: Library, selection: Selection, fileTemplate: string | undefined): TenderDocument[] {
  const selected = selection.included.map((id) => selection.byId.get(id)!.clause);
  const named = fileTemplate !== undefined ? library.templateById.get(fileTemplate)?.value : undefined;
  const templates = named ? [named] : [...library.templateById.values()].map((t) => t.value).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return templates
    .map((template) => ({ template, clauses: outline(template, selected).parts.reduce((n, p) => n + p.clauses.length, 0) }))
    .filter((d) => d.clauses > 0);
}

export interface RenderRequest {
  format: DocumentFormat;
  language: string;
  date: Date;
  /** Where LibreOffice is looked for, for a PDF. */
  env: Readonly<Record<string, string | undefined>>;
}

/** One document of the tender, as `clausula build` writes it. */
export async function renderTenderDocument(library: Library, template: Template, selection: Selection, answers: ReadonlyMap<string, AnswerValue>, r: RenderRequest): Promise<string | Uint8Array> {
  const model = buildDocument(library, template, selection, answers, { language: r.language, date: r.date });
  return renderDocument(r.format, model, { date: r.date, env: r.env });
}
