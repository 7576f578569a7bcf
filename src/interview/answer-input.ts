import type { AnswerValue } from '../schema/common.js';
import type { Question } from '../schema/questions.js';
import { pick } from '../library/model.js';
import { answerProblem, isCpvCode } from '../library/validate-answers.js';
import { messages } from '../text/messages/index.js';

/** What an officer typed, read as an answer: the value, or why it cannot be one (in their language). */
export type Parsed = { ok: true; value: AnswerValue } | { ok: false; message: string };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Both decimal marks: officers in Catalan and Spanish write 1,5; nobody types thousands here.
const NUMBER = /^[-+]?\d+([.,]\d+)?$/;

/** The words read as yes and no, in any language clausula speaks, without accents or capitals. */
const YES = new Set(['s', 'si', 'y', 'yes', 'true']);
const NO = new Set(['n', 'no', 'false']);

/**
 * A yes or a no as an officer types it: s, si, sí, Sí, y, yes… and n, no, in every language
 * (a Spanish officer in an English interview still types "sí"). Undefined for anything else.
 */
export function parseYesNo(text: string): boolean | undefined {
  const word = text.trim().toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (YES.has(word)) return true;
  if (NO.has(word)) return false;
  return undefined;
}

export function isRequired(question: Question): boolean {
  return question.required !== false;
}

/** Read the text typed for a text, number, date or list question. Empty means no answer (null). */
export function parseTyped(question: Question, raw: string, language: string): Parsed {
  const t = messages(language).interview;
  const text = raw.trim();
  const empty = (): Parsed => (isRequired(question) ? { ok: false, message: t.required } : { ok: true, value: null });
  let value: AnswerValue;
  switch (question.type) {
    case 'number': {
      const compact = text.replace(/[\s\u00a0\u202f]/g, '');
      if (compact === '') return empty();
      if (!NUMBER.test(compact)) return { ok: false, message: question.validation?.integer ? t.notAWholeNumber : t.notANumber };
      value = Number(compact.replace(',', '.'));
      if (question.validation?.integer && !Number.isInteger(value)) return { ok: false, message: t.notAWholeNumber };
      break;
    }
    case 'date':
      if (text === '') return empty();
      if (!isCalendarDate(text)) return { ok: false, message: t.notADate };
      value = text;
      break;
    case 'list': {
      const items = text
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
      if (items.length === 0) return empty();
      value = items;
      break;
    }
    default:
      if (text === '') return empty();
      value = text;
  }
  const message = problemMessage(question, value, language);
  return message ? { ok: false, message } : { ok: true, value };
}

/** The choices ticked for a multiselect question, checked; undefined when acceptable. */
export function choicesProblem(question: Question, values: readonly string[], language: string): string | undefined {
  return problemMessage(question, [...values], language);
}

/** An answer as an input prompt offers it for editing. */
export function inputText(question: Question, value: AnswerValue | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.join(', ');
  if (question.type === 'text' || question.type === 'date' || question.type === 'number') return String(value);
  return undefined;
}

/**
 * Why a value fails the question's validation, in the officer's language: the library's
 * own message when it has one, else clausula's. The check itself is the one `build` uses.
 */
export function problemMessage(question: Question, value: AnswerValue, language: string): string | undefined {
  if (!answerProblem(question, value, language)) return undefined;
  if (question.validation?.message) return pick(question.validation.message, language);
  const t = messages(language).interview;
  const v = question.validation ?? {};
  if (typeof value === 'number') {
    if (v.min !== undefined && v.max !== undefined) return t.between(v.min, v.max);
    if (v.min !== undefined && value < v.min) return t.atLeast(v.min);
    if (v.max !== undefined) return t.atMost(v.max);
    return t.notANumber;
  }
  if (typeof value === 'string') return textMessage(question, value, language) ?? t.required;
  if (Array.isArray(value)) {
    if (question.type === 'list') {
      for (const item of value) {
        const message = textMessage(question, item, language);
        if (message) return message;
      }
    }
    if (v.min !== undefined && value.length < v.min) return t.chooseAtLeast(v.min);
    if (v.max !== undefined && value.length > v.max) return t.chooseAtMost(v.max);
  }
  return t.required;
}

function textMessage(question: Question, value: string, language: string): string | undefined {
  const t = messages(language).interview;
  const v = question.validation ?? {};
  if (v.minLength !== undefined && value.length < v.minLength) return t.tooShort(v.minLength);
  if (v.maxLength !== undefined && value.length > v.maxLength) return t.tooLong(v.maxLength);
  if (v.format === 'cpv' && !isCpvCode(value)) return t.notCpv(value);
  if (v.pattern !== undefined) {
    try {
      if (!new RegExp(v.pattern, 'u').test(value)) return t.badForm(value);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
