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

/**
 * Numbers as legal texts write them: thousands grouped from four digits, with the
 * language's separators (1.234,5 in Catalan and Spanish; 1,234.5 in English). Written
 * out here rather than with Intl: the same text on every machine and ICU version, and
 * no locale data to load at start-up.
 */
export function formatNumber(value: number, language: string): string {
  const { thousands, decimal } = wordsFor(language).numbers;
  const negative = value < 0;
  const [whole = '0', fraction] = Math.abs(value).toFixed(6).replace(/\.?0+$/, '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  return `${negative ? '-' : ''}${grouped}${fraction ? decimal + fraction : ''}`;
}

/** A date written out in the language: "31 de gener de 2027", "31 January 2027". */
export function formatDate(iso: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const words = wordsFor(language);
  const month = words.months[Number(match[2]) - 1];
  if (month === undefined) return iso;
  return words.date(Number(match[3]), month, Number(match[1]));
}
