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
 * The interview's state: the answers that count, and the answers set aside — given to
 * questions that an answer changed later made unasked. A set-aside answer is kept (in the
 * answers file too, under `setAside:`) and comes back when its question is asked again:
 * switching an answer back never asks again what was answered before.
 */
export interface Session {
  answers: AnswerState;
  aside: AnswerState;
}

export function emptySession(): Session {
  return { answers: new Map(), aside: new Map() };
}

/** What settling the answers did: answers set aside and answers brought back, by id in interview order. */
export interface Settled {
  setAside: string[];
  restored: string[];
}

/**
 * Put the answers in order after a change: the answers of questions no longer asked are set
 * aside, and set-aside answers of questions asked again come back. Repeated until nothing
 * changes, since each move can change whether another question is asked.
 */
export function settle(q: Questionnaire, session: Session): Settled {
  const { answers, aside } = session;
  const before = new Set(answers.keys());
  // Each pass moves at least one answer; more passes than answers would mean conditions that chase each other.
  for (let pass = 0, changed = true; changed && pass <= q.entries.length * 2; pass++) {
    changed = false;
    for (const entry of q.entries) {
      const id = entry.question.id;
      const asked = isAsked(entry, answers, q.whens);
      if (answers.has(id) && !asked) {
        aside.set(id, answers.get(id) as AnswerValue);
        answers.delete(id);
        changed = true;
      } else if (!answers.has(id) && aside.has(id) && asked) {
        answers.set(id, aside.get(id) as AnswerValue);
        aside.delete(id);
        changed = true;
      }
    }
  }
  const ids = q.entries.map((e) => e.question.id);
  return { setAside: ids.filter((id) => before.has(id) && !answers.has(id)), restored: ids.filter((id) => !before.has(id) && answers.has(id)) };
}

/** Give one answer and settle the rest. */
export function answer(q: Questionnaire, session: Session, id: string, value: AnswerValue): Settled {
  session.answers.set(id, value);
  session.aside.delete(id);
  return settle(q, session);
}

/** The answers that giving this answer would set aside, without giving it: for the warning before. */
export function wouldSetAside(q: Questionnaire, session: Session, id: string, value: AnswerValue): string[] {
  const copy: Session = { answers: new Map(session.answers), aside: new Map(session.aside) };
  return answer(q, copy, id, value).setAside;
}

/** Where a question stands among the questions asked for these answers: "question 12 of 30". */
export function progress(q: Questionnaire, answers: AnswerState, id: string): { n: number; total: number } {
  const asked = askedEntries(q, answers);
  const index = asked.findIndex((e) => e.question.id === id);
  return { n: index + 1, total: asked.length };
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
