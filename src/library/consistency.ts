import { questionIdsOf, type Expr } from '../expr/ast.js';
import { phrase } from '../expr/describe.js';
import { evaluate, hasValue, type Answers } from '../expr/evaluate.js';
import { parseCondition } from '../expr/parse.js';
import type { AnswerValue } from '../schema/common.js';
import type { FollowsRule } from '../schema/questions.js';
import type { Library, QuestionEntry } from './model.js';
import { isAsked, questionConditions } from './validate-answers.js';

/**
 * The consistency rules the library declares (`follows:` on a question): an answer that
 * follows from earlier answers is suggested by the interview, and an answer that
 * contradicts it is named by the interview, build and explain. Rules live in the library,
 * never in code, so legal staff add and word them.
 */

/** A question answered against one of its rules. */
export interface Conflict {
  entry: QuestionEntry;
  rule: FollowsRule;
  /** The rule's place in the question's `follows:`. */
  index: number;
}

// Rules are read once per library load; conditions that do not parse are lint's to report.
const parsed = new WeakMap<FollowsRule, Expr | null>();

function condition(rule: FollowsRule): Expr | undefined {
  let expr = parsed.get(rule);
  if (expr === undefined) {
    const result = parseCondition(rule.if);
    expr = result.ok ? result.expr : null;
    parsed.set(rule, expr);
  }
  return expr ?? undefined;
}

/** The questions a rule's condition reads. */
export function ruleQuestions(rule: FollowsRule): string[] {
  const expr = condition(rule);
  return expr ? questionIdsOf(expr) : [];
}

/** A rule's condition in plain words, as the interview gives it for a suggestion: "the kinds of data include «personal data»". */
export function ruleReason(rule: FollowsRule, library: Library, language: string): string | undefined {
  const expr = condition(rule);
  return expr ? phrase(expr, library.questions, language) : undefined;
}

/** Whether a rule's condition holds for these answers. */
function ruleHolds(rule: FollowsRule, answers: Answers): boolean {
  const expr = condition(rule);
  return expr !== undefined && evaluate(expr, answers);
}

function sameAnswer(a: AnswerValue | undefined, b: AnswerValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
  return a === b;
}

/** The answer that follows for this question from the answers so far, if a rule says one does (the first that holds). */
export function followingAnswer(entry: QuestionEntry, answers: Answers): { rule: FollowsRule; answer: AnswerValue } | undefined {
  for (const rule of entry.question.follows ?? []) if (ruleHolds(rule, answers)) return { rule, answer: rule.answer };
  return undefined;
}

/** Every asked, answered question whose answer contradicts one of its rules, in interview order. */
export function conflicts(library: Library, answers: Answers, whens: ReadonlyMap<string, Expr> = questionConditions(library)): Conflict[] {
  const out: Conflict[] = [];
  for (const entry of [...library.questions.values()].sort((a, b) => a.index - b.index)) {
    const rules = entry.question.follows;
    if (!rules) continue;
    const given = answers.get(entry.question.id);
    if (!hasValue(given) || !isAsked(entry, answers, whens)) continue;
    rules.forEach((rule, index) => {
      if (ruleHolds(rule, answers) && !sameAnswer(given, rule.answer)) out.push({ entry, rule, index });
    });
  }
  return out;
}
