import { buildDocument, type DocumentModel } from '../assemble/document.js';
import { selectClauses } from '../assemble/select.js';
import type { Library } from '../library/model.js';
import { answerProblem, missingRequired } from '../library/validate-answers.js';
import type { Provenance } from '../provenance/properties.js';
import type { AnswerValue } from '../schema/common.js';

/** Why the answers a document records are not ones `build` would have built from. */
export type AnswerIssue =
  | { kind: 'unknown-question'; id: string }
  | { kind: 'invalid-answer'; id: string; message: string }
  | { kind: 'missing-answer'; id: string }
  | { kind: 'no-template'; template: string }
  | { kind: 'no-language'; language: string }
  | { kind: 'bad-date'; date: string };

export interface Rebuilt {
  /** The document `build` writes from this library and the recorded answers; none when it cannot be built. */
  model: DocumentModel | undefined;
  issues: AnswerIssue[];
}

/**
 * Build the document again, as `clausula build` did, from the library and what the
 * document records: its answers, template, language, date and options. An answer that
 * `build` would have refused is reported and left out.
 */
export function rebuild(library: Library, provenance: Provenance): Rebuilt {
  const issues: AnswerIssue[] = [];
  const answers = new Map<string, AnswerValue>();
  for (const [id, value] of Object.entries(provenance.answers)) {
    const entry = library.questions.get(id);
    if (!entry) {
      issues.push({ kind: 'unknown-question', id });
      continue;
    }
    const problem = answerProblem(entry.question, value, provenance.language);
    if (problem) issues.push({ kind: 'invalid-answer', id, message: problem.message });
    else answers.set(id, value);
  }
  for (const entry of missingRequired(library, answers)) issues.push({ kind: 'missing-answer', id: entry.question.id });

  const template = library.templateById.get(provenance.template)?.value;
  if (!template) issues.push({ kind: 'no-template', template: provenance.template });
  if (!(library.manifest?.value.languages ?? []).includes(provenance.language)) issues.push({ kind: 'no-language', language: provenance.language });
  const date = /^\d{4}-\d{2}-\d{2}$/.test(provenance.date) ? new Date(`${provenance.date}T00:00:00Z`) : undefined;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== provenance.date) issues.push({ kind: 'bad-date', date: provenance.date });
  if (!template || issues.some((i) => i.kind === 'no-language' || i.kind === 'bad-date')) return { model: undefined, issues };

  const selection = selectClauses(
    library.clauses.map((c) => c.value),
    answers,
    { includeDrafts: provenance.drafts },
  );
  const model = buildDocument(library, template, selection, answers, { language: provenance.language, date: date!, rationale: provenance.rationale, includeDrafts: provenance.drafts });
  return { model, issues };
}
