import type { AnswerValue } from '../schema/common.js';
import type { Question } from '../schema/questions.js';
import { parseCondition } from '../expr/parse.js';
import { evaluate, hasValue, type Answers } from '../expr/evaluate.js';
import type { Expr } from '../expr/ast.js';
import { suggestion } from '../text/did-you-mean.js';
import { compilePattern } from './validation-pattern.js';
import type { Finding } from '../finding.js';
import { messages } from '../text/messages/index.js';
import { pick, type Library, type QuestionEntry } from './model.js';
import { locate, type PathSegment, type YamlSource } from './yaml-source.js';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The 45 divisions of the CPV (Regulation (EC) No 213/2008): the first two digits of every code. */
const CPV_DIVISIONS = new Set('03 09 14 15 16 18 19 22 24 30 31 32 33 34 35 37 38 39 41 42 43 44 45 48 50 51 55 60 63 64 65 66 70 71 72 73 75 76 77 79 80 85 90 92 98'.split(' '));
const CPV = /^\d{8}-\d$/;

export interface AnswerProblem {
  message: string;
  fix?: string;
  ruleId: string;
}

/**
 * Why a single answer is not acceptable for its question, or undefined when it is. The
 * messages are in `language` (clausula's catalogue; the library's own validation message
 * in that language when it has one).
 */
export function answerProblem(question: Question, value: AnswerValue, language: string): AnswerProblem | undefined {
  if (value === null) return undefined;
  const t = messages(language).answers;
  const options = (question.options ?? []).map((o) => o.value);
  const validation = question.validation;
  const custom = validation?.message ? pick(validation.message, language) : undefined;
  const invalid = (message: string, fix?: string): AnswerProblem => ({ ruleId: 'answer-invalid', message, ...(custom ? { fix: custom } : fix ? { fix } : {}) });
  const wrongType = (message: string, fix?: string): AnswerProblem => ({ ruleId: 'answer-type', message, ...(fix ? { fix } : {}) });
  const got = describeValue(value, language);
  const notAnOption = (item: string): AnswerProblem => ({
    ruleId: 'unknown-option',
    message: t.notAnOption(item, question.id),
    fix: suggestion(item, options, language) ?? t.options(options.join(', ')),
  });
  switch (question.type) {
    case 'boolean':
      if (typeof value !== 'boolean') return wrongType(t.mustBeBoolean(question.id, got), t.writeBoolean);
      return undefined;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return wrongType(t.mustBeNumber(question.id, got), t.writeNumber);
      // The library's message speaks of the range; a fraction needs clausula's own words.
      if (validation?.integer === true && !Number.isInteger(value)) return { ruleId: 'answer-invalid', message: t.mustBeWhole(question.id, got), fix: t.writeWhole };
      if (validation?.min !== undefined && value < validation.min) return invalid(t.belowMin(question.id, value, validation.min));
      if (validation?.max !== undefined && value > validation.max) return invalid(t.aboveMax(question.id, value, validation.max));
      return undefined;
    case 'date':
      if (typeof value !== 'string' || !DATE.test(value)) return wrongType(t.mustBeDate(question.id, got), t.writeDate);
      return undefined;
    case 'text':
      if (typeof value !== 'string') return wrongType(t.mustBeText(question.id, got), t.quoteText);
      return textProblem(question, value, invalid, language);
    case 'select':
      if (typeof value !== 'string') return wrongType(t.mustBeOneOf(question.id, options.join(', '), got));
      return options.includes(value) ? undefined : notAnOption(value);
    case 'multiselect':
    case 'list': {
      if (!Array.isArray(value)) return wrongType(t.mustBeList(question.id, got), t.writeList);
      for (const item of value) {
        if (typeof item !== 'string') return wrongType(t.mustBeTexts(question.id, got));
        if (question.type === 'multiselect' && !options.includes(item)) return notAnOption(item);
        if (question.type === 'list') {
          const problem = textProblem(question, item, invalid, language);
          if (problem) return problem;
        }
      }
      if (validation?.min !== undefined && value.length < validation.min) return invalid(t.fewItems(question.id, validation.min));
      if (validation?.max !== undefined && value.length > validation.max) return invalid(t.manyItems(question.id, validation.max));
      return undefined;
    }
  }
}

function textProblem(question: Question, value: string, invalid: (message: string, fix?: string) => AnswerProblem, language: string): AnswerProblem | undefined {
  const t = messages(language).answers;
  const v = question.validation;
  if (v?.minLength !== undefined && value.length < v.minLength) return invalid(t.fewChars(question.id, v.minLength));
  if (v?.maxLength !== undefined && value.length > v.maxLength) return invalid(t.manyChars(question.id, v.maxLength));
  if (v?.format === 'cpv' && !isCpvCode(value)) return invalid(t.notCpv(clip(value), question.id), t.cpvForm);
  if (v?.pattern !== undefined) {
    const pattern = compilePattern(v.pattern);
    if (!pattern.ok) return undefined; // lint reports the unusable pattern on the question
    if (!pattern.regex.test(value)) return invalid(t.badForm(clip(value), question.id), t.expectedPattern(v.pattern));
  }
  return undefined;
}

/**
 * A CPV code as the vocabulary writes it: eight digits of one of its divisions, a hyphen,
 * the check digit. The check digit is not recomputed: the published codes do not all follow
 * the documented algorithm (the Publications Office says so), so recomputing it would refuse
 * real codes; only the official list could tell, and clausula does not carry it.
 */
export function isCpvCode(value: string): boolean {
  return CPV.test(value) && CPV_DIVISIONS.has(value.slice(0, 2));
}

function describeValue(value: AnswerValue, language: string): string {
  const t = messages(language).answers;
  if (Array.isArray(value)) return t.aList;
  if (typeof value === 'string') return t.theText(clip(value));
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
  /** The answers that count: valid answers to questions that are asked for them. */
  answers: Map<string, AnswerValue>;
  findings: Finding[];
  /** Answers given to questions that are not asked for these answers, by id (ignored, never validated). */
  notAsked: Map<string, AnswerValue>;
}

/**
 * Check the answers of an answers file or scenario. An answer to a question that is not
 * asked for these answers is ignored, never validated: all of them make one warning, so a
 * complete answers file is not drowned in them. Unknown ids are warnings (with a
 * suggestion); among the answers that count, wrong types and unknown options are errors
 * at the answer's position. Messages are in `language`.
 */
export function checkAnswers(
  library: Library,
  values: Readonly<Record<string, AnswerValue>>,
  source: YamlSource,
  basePath: readonly PathSegment[],
  language: string,
): CheckedAnswers {
  const t = messages(language).answers;
  const findings: Finding[] = [];
  const at = (id: string, target: 'key' | 'value') => locate(source, [...basePath, id], target);
  const problems = new Map<string, AnswerProblem>();
  const valid = new Map<string, AnswerValue>();
  for (const id of Object.keys(values)) {
    const value = values[id] as AnswerValue;
    const entry = library.questions.get(id);
    if (!entry) {
      findings.push({
        ruleId: 'unknown-question',
        severity: 'warning',
        file: source.file,
        ...at(id, 'key'),
        message: t.unknownQuestion(id),
        fix: suggestion(id, library.questions.keys(), language) ?? t.removeIt,
      });
      continue;
    }
    const problem = answerProblem(entry.question, value, language);
    if (problem) problems.set(id, problem);
    else if (hasValue(value)) valid.set(id, value);
  }
  // Whether a question is asked is decided by the valid answers alone; an answer to a
  // question that is not asked does not count, whatever it holds.
  const whens = questionConditions(library);
  const ordered = [...library.questions.values()].sort((a, b) => a.index - b.index);
  const asked = (entry: QuestionEntry) => isAsked(entry, valid, whens);
  for (let changed = true; changed; ) {
    changed = false;
    for (const entry of ordered) {
      if (valid.has(entry.question.id) && !asked(entry)) {
        valid.delete(entry.question.id);
        changed = true;
      }
    }
  }
  // Whether a question is asked cannot be told while an answer its condition reads is itself wrong:
  // its answer is then checked too, so that one reading of the file shows every mistake.
  const undecided = (entry: QuestionEntry) => {
    const when = whens.get(entry.question.id);
    return when !== undefined && referencedIds(when).some((ref) => problems.has(ref));
  };
  const notAsked = new Map<string, AnswerValue>();
  for (const entry of ordered) {
    const id = entry.question.id;
    if (!(id in values) || asked(entry) || undecided(entry)) continue;
    const value = values[id] as AnswerValue;
    if (hasValue(value) && !(Array.isArray(value) && value.length === 0)) notAsked.set(id, value);
    problems.delete(id);
  }
  for (const [id, problem] of problems) {
    findings.push({ ruleId: problem.ruleId, severity: 'error', file: source.file, ...at(id, 'value'), message: problem.message, ...(problem.fix ? { fix: problem.fix } : {}) });
  }
  if (notAsked.size > 0) {
    // One warning for all of them, the ids grouped by the condition that leaves them unasked.
    const ids = [...notAsked.keys()];
    const byCondition = new Map<string, string[]>();
    for (const id of ids) {
      const when = library.questions.get(id)!.question.when ?? '';
      byCondition.set(when, [...(byCondition.get(when) ?? []), id]);
    }
    const listed = [...byCondition].map(([when, group]) => `${group.join(', ')}${when ? ` (${when})` : ''}`).join('; ');
    findings.push({
      ruleId: 'answer-not-asked',
      severity: 'warning',
      file: source.file,
      ...at(ids[0]!, 'key'),
      message: t.notAsked(listed, ids.length),
      fix: t.notAskedFix(ids.length),
    });
  }
  return { answers: valid, findings, notAsked };
}

function referencedIds(e: Expr): string[] {
  if (e.kind === 'ref') return [e.name];
  if (e.kind === 'not') return referencedIds(e.operand);
  if ('left' in e) return [...referencedIds(e.left), ...referencedIds(e.right)];
  return [];
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
