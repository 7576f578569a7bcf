import type { AnswerValue } from '../schema/common.js';
import type { Question } from '../schema/questions.js';
import { joinWords } from '../expr/describe.js';
import { hasValue } from '../expr/evaluate.js';
import { wordsFor } from './words.js';

/**
 * An answer as the document prints it, in the document's language: option labels rather
 * than raw values, lists joined with the language's "and", numbers with its separators,
 * dates written out. The result is literal text: renderers escape it, never interpret it.
 */
export function formatAnswer(question: Question | undefined, value: AnswerValue | undefined, language: string): string | undefined {
  if (!hasValue(value)) return undefined;
  const words = wordsFor(language);
  const label = (v: string) => {
    const option = question?.options?.find((o) => o.value === v);
    return option ? (option.label[language] ?? option.label.en ?? Object.values(option.label)[0] ?? v) : v;
  };
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'number') return formatNumber(value, language);
  if (Array.isArray(value)) return joinWords(value.map((v) => (question?.type === 'multiselect' ? label(v) : v)), words.and, language);
  if (question?.type === 'select') return label(value);
  if (question?.type === 'date') return formatDate(value, language);
  return value;
}

export function formatNumber(value: number, language: string): string {
  // Catalan and Spanish group thousands from four digits in legal texts: 1.234,5.
  return new Intl.NumberFormat(wordsFor(language).locale, { useGrouping: 'always', maximumFractionDigits: 6 } as Intl.NumberFormatOptions).format(value);
}

export function formatDate(iso: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(wordsFor(language).locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
