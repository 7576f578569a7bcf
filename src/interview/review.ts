import { formatAnswer } from '../assemble/values.js';
import { pick, type QuestionEntry } from '../library/model.js';
import type { AnswerValue } from '../schema/common.js';
import { askedEntries, needsAnswer, type AnswerState, type Questionnaire } from './state.js';
import { messages } from '../text/messages/index.js';

export interface ReviewSection {
  heading: string;
  lines: { entry: QuestionEntry; label: string; value: string; missing: boolean }[];
}

/** The review: every asked question by section, with its answer as the document will print it. */
export function reviewSections(q: Questionnaire, answers: AnswerState, language: string): ReviewSection[] {
  const t = messages(language).interview;
  const sections: ReviewSection[] = [];
  let current: ReviewSection | undefined;
  let currentIndex = -1;
  for (const entry of askedEntries(q, answers)) {
    if (entry.sectionIndex !== currentIndex) {
      currentIndex = entry.sectionIndex;
      current = { heading: t.section(entry.sectionIndex + 1, q.sectionCount, pick(entry.section.title, language)), lines: [] };
      sections.push(current);
    }
    const missing = needsAnswer(q, entry, answers);
    current!.lines.push({
      entry,
      label: labelOf(entry, language),
      value: missing ? t.notAnswered : shownAnswer(entry, answers.get(entry.question.id), language),
      missing,
    });
  }
  return sections;
}

export function reviewText(sections: readonly ReviewSection[]): string {
  return sections.map((s) => [s.heading, ...s.lines.map((l) => `  ${l.label}: ${l.value}`)].join('\n')).join('\n\n');
}

/** A question's label as a line starts: "the contract type" → "The contract type". */
export function labelOf(entry: QuestionEntry, language: string): string {
  const label = pick(entry.question.label, language);
  return label.charAt(0).toLocaleUpperCase(language) + label.slice(1);
}

export function shownAnswer(entry: QuestionEntry, value: AnswerValue | undefined, language: string): string {
  const shown = formatAnswer(entry.question, value, language);
  return shown === undefined || shown === '' ? messages(language).interview.blank : shown;
}
