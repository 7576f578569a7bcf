import type { Expr } from '../expr/ast.js';
import { hasValue } from '../expr/evaluate.js';
import type { Library, QuestionEntry } from '../library/model.js';
import { isAsked, questionConditions } from '../library/validate-answers.js';
import type { AnswerValue } from '../schema/common.js';

/**
 * The answers given so far, by question id. A question answered with a blank (an
 * optional question left empty) is kept as null, so a resumed interview does not ask
 * it again; a question never asked has no entry.
 */
export type AnswerState = Map<string, AnswerValue>;

/** The library's questions in interview order, with their parsed conditions. */
export interface Questionnaire {
  entries: QuestionEntry[];
  whens: ReadonlyMap<string, Expr>;
  sectionCount: number;
}

export function questionnaire(library: Library): Questionnaire {
  return {
    entries: [...library.questions.values()].sort((a, b) => a.index - b.index),
    whens: questionConditions(library),
    sectionCount: library.interview?.sections.length ?? 0,
  };
}

/** Questions asked for these answers, in order. */
export function askedEntries(q: Questionnaire, answers: AnswerState): QuestionEntry[] {
  return q.entries.filter((e) => isAsked(e, answers, q.whens));
}

/** Whether the interview still has to ask this question: asked, and not answered (a required one left blank counts as not answered). */
export function needsAnswer(q: Questionnaire, entry: QuestionEntry, answers: AnswerState): boolean {
  if (!isAsked(entry, answers, q.whens)) return false;
  const id = entry.question.id;
  if (!answers.has(id)) return true;
  return entry.question.required !== false && !hasValue(answers.get(id));
}

export function unanswered(q: Questionnaire, answers: AnswerState): QuestionEntry[] {
  return q.entries.filter((e) => needsAnswer(q, e, answers));
}

/**
 * Drop the answers of questions that are no longer asked. Repeated until nothing
 * changes, because dropping one answer can make the next question unasked in turn.
 * Returns the ids dropped.
 */
export function prune(q: Questionnaire, answers: AnswerState): string[] {
  const dropped: string[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    for (const entry of q.entries) {
      const id = entry.question.id;
      if (answers.has(id) && !isAsked(entry, answers, q.whens)) {
        answers.delete(id);
        dropped.push(id);
        changed = true;
      }
    }
  }
  return dropped;
}

/** The answers to save: those of asked questions, in interview order. */
export function answersInOrder(q: Questionnaire, answers: AnswerState): [QuestionEntry, AnswerValue][] {
  const out: [QuestionEntry, AnswerValue][] = [];
  for (const entry of q.entries) {
    const id = entry.question.id;
    if (answers.has(id) && isAsked(entry, answers, q.whens)) out.push([entry, answers.get(id) as AnswerValue]);
  }
  return out;
}
