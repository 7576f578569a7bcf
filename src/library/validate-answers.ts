import type { AnswerValue } from '../schema/common.js';
import type { Question } from '../schema/questions.js';
import { parseCondition } from '../expr/parse.js';
import { evaluate, hasValue, type Answers } from '../expr/evaluate.js';
import type { Expr } from '../expr/ast.js';
import { suggestion } from '../text/did-you-mean.js';
import { compilePattern } from './validation-pattern.js';
import type { Finding } from '../finding.js';
import { pick, type Library, type QuestionEntry } from './model.js';
import { locate, type PathSegment, type YamlSource } from './yaml-source.js';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Why a single answer is not acceptable for its question, or undefined when it is. */
export function answerProblem(question: Question, value: AnswerValue, language: string): { message: string; fix?: string; ruleId: string } | undefined {
  if (value === null) return undefined;
  const options = (question.options ?? []).map((o) => o.value);
  const validation = question.validation;
  const custom = validation?.message ? pick(validation.message, language) : undefined;
  const invalid = (message: string, fix?: string) => ({ ruleId: 'answer-invalid', message, ...(custom ? { fix: custom } : fix ? { fix } : {}) });
  const wrongType = (expected: string, fix?: string) => ({
    ruleId: 'answer-type',
    message: `${question.id} must be ${expected}, not ${describeValue(value)}`,
    ...(fix ? { fix } : {}),
  });
  switch (question.type) {
    case 'boolean':
      if (typeof value !== 'boolean') return wrongType('true or false', 'write true or false (without quotes)');
      return undefined;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return wrongType('a number', 'write the number without quotes or units');
      if (validation?.min !== undefined && value < validation.min) return invalid(`${question.id} is ${value}, below the minimum of ${validation.min}`);
      if (validation?.max !== undefined && value > validation.max) return invalid(`${question.id} is ${value}, above the maximum of ${validation.max}`);
      return undefined;
    case 'date':
      if (typeof value !== 'string' || !DATE.test(value)) return wrongType('a date written YYYY-MM-DD', 'write the date as "2027-01-31"');
      return undefined;
    case 'text':
      if (typeof value !== 'string') return wrongType('text', 'put the text in quotes');
      return textProblem(question, value, invalid);
    case 'select':
      if (typeof value !== 'string') return wrongType(`one of: ${options.join(', ')}`);
      if (!options.includes(value)) {
        return {
          ruleId: 'unknown-option',
          message: `"${value}" is not an option of ${question.id}`,
          fix: suggestion(value, options) ?? `options: ${options.join(', ')}`,
        };
      }
      return undefined;
    case 'multiselect':
    case 'list': {
      if (!Array.isArray(value)) return wrongType('a list', 'write a list such as [a, b]');
      for (const item of value) {
        if (typeof item !== 'string') return wrongType('a list of texts');
        if (question.type === 'multiselect' && !options.includes(item)) {
          return {
            ruleId: 'unknown-option',
            message: `"${item}" is not an option of ${question.id}`,
            fix: suggestion(item, options) ?? `options: ${options.join(', ')}`,
          };
        }
        if (question.type === 'list') {
          const problem = textProblem(question, item, invalid);
          if (problem) return problem;
        }
      }
      if (validation?.min !== undefined && value.length < validation.min) return invalid(`${question.id} needs at least ${validation.min} item(s)`);
      if (validation?.max !== undefined && value.length > validation.max) return invalid(`${question.id} takes at most ${validation.max} item(s)`);
      return undefined;
    }
  }
}

function textProblem(
  question: Question,
  value: string,
  invalid: (message: string, fix?: string) => { ruleId: string; message: string; fix?: string },
): { ruleId: string; message: string; fix?: string } | undefined {
  const v = question.validation;
  if (v?.minLength !== undefined && value.length < v.minLength) return invalid(`${question.id} needs at least ${v.minLength} characters`);
  if (v?.maxLength !== undefined && value.length > v.maxLength) return invalid(`${question.id} takes at most ${v.maxLength} characters`);
  if (v?.pattern !== undefined) {
    const pattern = compilePattern(v.pattern);
    if (!pattern.ok) return undefined; // lint reports the unusable pattern on the question
    if (!pattern.regex.test(value)) return invalid(`"${clip(value)}" does not have the expected form for ${question.id}`, `expected to match ${v.pattern}`);
  }
  return undefined;
}

function describeValue(value: AnswerValue): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text "${clip(value)}"`;
  return String(value);
}

function clip(s: string): string {
  return s.length > 40 ? s.slice(0, 40) + '…' : s;
}

/** The parsed `when` of each question (invalid ones are left out: lint reports them). */
export function questionConditions(library: Library): Map<string, Expr> {
  const out = new Map<string, Expr>();
  for (const [id, entry] of library.questions) {
    if (!entry.question.when) continue;
    const parsed = parseCondition(entry.question.when);
    if (parsed.ok) out.set(id, parsed.expr);
  }
  return out;
}

/** Is this question asked, given the answers so far? */
export function isAsked(entry: QuestionEntry, answers: Answers, whens: ReadonlyMap<string, Expr>): boolean {
  const when = whens.get(entry.question.id);
  return when ? evaluate(when, answers) : true;
}

export interface CheckedAnswers {
  answers: Map<string, AnswerValue>;
  findings: Finding[];
}

/**
 * Check the answers of an answers file or scenario: unknown ids are warnings (with a
 * suggestion), wrong types and unknown options are errors at the answer's position.
 * Answers to questions that were not asked are dropped with a warning.
 */
export function checkAnswers(
  library: Library,
  values: Readonly<Record<string, AnswerValue>>,
  source: YamlSource,
  basePath: readonly PathSegment[],
  language: string,
): CheckedAnswers {
  const findings: Finding[] = [];
  const answers = new Map<string, AnswerValue>();
  const at = (id: string, target: 'key' | 'value') => locate(source, [...basePath, id], target);
  for (const id of Object.keys(values)) {
    const value = values[id] as AnswerValue;
    const entry = library.questions.get(id);
    if (!entry) {
      findings.push({
        ruleId: 'unknown-question',
        severity: 'warning',
        file: source.file,
        ...at(id, 'key'),
        message: `"${id}" is not a question of this library; the answer is ignored`,
        fix: suggestion(id, library.questions.keys()) ?? 'remove it',
      });
      continue;
    }
    const problem = answerProblem(entry.question, value, language);
    if (problem) {
      findings.push({ ruleId: problem.ruleId, severity: 'error', file: source.file, ...at(id, 'value'), message: problem.message, ...(problem.fix ? { fix: problem.fix } : {}) });
      continue;
    }
    if (hasValue(value)) answers.set(id, value);
  }
  // Answers to questions the interview would not ask do not count.
  const whens = questionConditions(library);
  for (const entry of [...library.questions.values()].sort((a, b) => a.index - b.index)) {
    const id = entry.question.id;
    if (answers.has(id) && !isAsked(entry, answers, whens)) {
      answers.delete(id);
      findings.push({
        ruleId: 'answer-not-asked',
        severity: 'warning',
        file: source.file,
        ...at(id, 'key'),
        message: `${id} is answered but not asked for these answers (${entry.question.when}); the answer is ignored`,
        fix: 'remove it, or change the answers that decide whether it is asked',
      });
    }
  }
  return { answers, findings };
}

/** Required questions that are asked for these answers but have no answer. */
export function missingRequired(library: Library, answers: Answers): QuestionEntry[] {
  const whens = questionConditions(library);
  const missing: QuestionEntry[] = [];
  for (const entry of [...library.questions.values()].sort((a, b) => a.index - b.index)) {
    if (entry.question.required === false) continue;
    if (!isAsked(entry, answers, whens)) continue;
    if (!hasValue(answers.get(entry.question.id))) missing.push(entry);
  }
  return missing;
}
