import { findAnswers } from '../expr/analyse.js';
import type { Expr } from '../expr/ast.js';
import type { QuestionLookup } from '../expr/check.js';
import { evaluate, type Answers } from '../expr/evaluate.js';
import { parseCondition } from '../expr/parse.js';

/**
 * How a clause's condition changed, for the answers an interview can produce:
 * - equivalent: it holds for exactly the same answers (a rewrite);
 * - wider: it holds for every answer it held for, and more;
 * - narrower: some answers that selected the clause no longer do (whatever else changed);
 * - unknown: the conditions use text, numbers or dates, or do not parse: not decidable here.
 */
export type ConditionEffect = 'equivalent' | 'wider' | 'narrower' | 'unknown';

export interface ConditionScope {
  questions: QuestionLookup;
  whenOf: (questionId: string) => Expr | undefined;
}

/** Compare two `when` conditions; undefined means "always". */
export function conditionEffect(before: string | undefined, after: string | undefined, scope: ConditionScope): ConditionEffect {
  const old = toPredicate(before);
  const now = toPredicate(after);
  if (!old || !now) return 'unknown';
  const exprs = [old.expr, now.expr].filter((e): e is Expr => e !== undefined);
  const search = (predicate: (a: Answers) => boolean) => findAnswers({ exprs, questions: scope.questions, whenOf: scope.whenOf, predicate });
  const lost = search((a) => old.holds(a) && !now.holds(a));
  if (!lost.analysed) return 'unknown';
  if (lost.found) return 'narrower';
  const gained = search((a) => now.holds(a) && !old.holds(a));
  if (!gained.analysed) return 'unknown';
  return gained.found ? 'wider' : 'equivalent';
}

function toPredicate(when: string | undefined): { expr: Expr | undefined; holds: (a: Answers) => boolean } | undefined {
  if (when === undefined) return { expr: undefined, holds: () => true };
  const parsed = parseCondition(when);
  if (!parsed.ok) return undefined;
  return { expr: parsed.expr, holds: (a) => evaluate(parsed.expr, a) };
}
