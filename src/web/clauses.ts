import { messages } from '../text/messages/index.js';
import { explainSelection } from '../assemble/explain.js';
import { selectClauses, type Selection } from '../assemble/select.js';
import { pick, type Library } from '../library/model.js';
import type { AnswerState } from '../interview/state.js';
import type { ClausesView, DocumentView } from './api.js';
import type { TenderDocument } from './documents.js';

/** The clauses these answers bring in, decided as `build` decides them. */
export function selectionFor(library: Library, answers: AnswerState): Selection {
  return selectClauses(
    library.clauses.map((c) => c.value),
    answers,
  );
}

export interface ClausesInput {
  library: Library;
  selection: Selection;
  answers: AnswerState;
  language: string;
  documents: readonly TenderDocument[];
  /** The document formats offered, and the address that builds one. */
  formats: readonly { format: string; label: string }[];
  href: (template: string, format: string) => string;
  /** Why the documents cannot be built now, if they cannot. */
  blocked: string | undefined;
  /** Whether every question is answered (else the list may still change). */
  complete: boolean;
}

/** The clauses in, grouped by category in the library's order, each with the reason `explain` gives in plain words; and the documents. */
export function clausesView(c: ClausesInput): ClausesView {
  const t = messages(c.language).serve;
  const categories = c.library.manifest?.value.categories ?? [];
  const explained = explainSelection(c.library, c.selection.decisions, c.answers, c.language).filter((e) => e.included);
  const groups: ClausesView['groups'] = [];
  for (const e of explained) {
    let group = groups[groups.length - 1];
    if (!group || group.category !== e.category) {
      const category = categories.find((k) => k.id === e.category);
      group = { category: e.category, title: category ? pick(category.title, c.language) : e.category, clauses: [] };
      groups.push(group);
    }
    const reason = e.reasons[0];
    const titleOf = (id: string) => pick(c.library.clauseById.get(id)?.value.title, c.language) || id;
    const words = reason?.kind === 'required-by' ? t.requiredBy(reason.by.map(titleOf).join('; ')) : reason?.kind === 'condition' ? e.applies : t.always;
    group.clauses.push({ id: e.id, title: e.title, reason: words });
  }
  const documents: DocumentView[] = c.documents.map((d) => ({
    template: d.template.id,
    title: pick(d.template.title, c.language),
    clauses: t.clauseCount(d.clauses),
    formats: c.formats.map((f) => ({ format: f.format, label: f.label, name: t.downloadAs(pick(d.template.title, c.language), f.label), href: c.href(d.template.id, f.format) })),
  }));
  return {
    groups,
    intro: t.clausesIntro(explained.length),
    documents,
    ...(c.blocked ? { blocked: c.blocked } : {}),
    ...(c.complete ? {} : { provisional: true }),
  };
}
