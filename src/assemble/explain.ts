import type { AnswerValue } from '../schema/common.js';
import type { Expr } from '../expr/ast.js';
import type { Answers, Trace } from '../expr/evaluate.js';
import { describeCondition } from '../expr/describe.js';
import { printCondition } from '../expr/print.js';
import { defaultLanguageOf, pick, type Library } from '../library/model.js';
import { parseCondition } from '../expr/parse.js';
import { isConditional, passagesOf, termForms } from '../text/passages.js';
import { passageHolds } from './passages.js';
import { clauseOrigin, type ClauseOrigin } from '../library/layers/origin.js';
import { compareClauses } from './outline.js';
import type { Decision, Reason } from './select.js';

/** One line of a condition's evaluation, indented like the tree it comes from. */
export interface TraceLine {
  depth: number;
  text: string;
  /** For a line that joins the lines below it: which connective (`text` is then its name). */
  connective?: 'and' | 'or' | 'not';
  /** true/false, or undefined when `and`/`or` did not need to look at it. */
  result: boolean | undefined;
  /** The answers this line read: question id → value (undefined when unanswered). */
  answers: Record<string, AnswerValue | null>;
}

export interface ClauseExplanation {
  id: string;
  category: string;
  title: string;
  status: string;
  /** The layer it comes from: the library's own files, a base, or both (adapted). */
  origin: ClauseOrigin;
  included: boolean;
  /** The deciding reason first. */
  reasons: ReasonView[];
  when: string | null;
  /** The condition in plain words. */
  applies: string;
  trace: TraceLine[];
  /** The passages of the text that print only under a condition of their own, and whether it holds. */
  passages: PassageExplanation[];
}

export interface PassageExplanation {
  /** 1-based, as lint and the guideline count them. */
  number: number;
  when: string | null;
  /** The condition in plain words; null without one. */
  applies: string | null;
  /** A definition: prints only in documents that use this term. */
  defines: string | null;
  /** Whether its condition holds for these answers (a definition without one: true). */
  holds: boolean;
}

export type ReasonView =
  | { kind: 'always' }
  | { kind: 'condition'; holds: boolean }
  | { kind: 'required-by'; by: string[] }
  | { kind: 'excluded-by'; by: string[] }
  | { kind: 'draft' }
  | { kind: 'deprecated'; supersededBy: string | null }
  | { kind: 'invalid-condition'; message: string };

/** The explanation of every decision, grouped by the library's category order. */
export function explainSelection(library: Library, decisions: readonly Decision[], answers: Answers, language: string): ClauseExplanation[] {
  const categories = (library.manifest?.value.categories ?? []).map((c) => c.id);
  const rank = (c: string) => {
    const i = categories.indexOf(c);
    return i === -1 ? categories.length : i;
  };
  return [...decisions]
    .sort((a, b) => rank(a.clause.category) - rank(b.clause.category) || compareClauses(a.clause, b.clause))
    .map((d) => explainDecision(library, d, answers, language));
}

export function explainDecision(library: Library, decision: Decision, answers: Answers, language: string): ClauseExplanation {
  const clause = decision.clause;
  const condition = decision.reasons.find((r): r is Extract<Reason, { kind: 'condition' }> => r.kind === 'condition');
  return {
    id: clause.id,
    category: clause.category,
    title: pick(clause.title, language),
    status: clause.status,
    origin: clauseOrigin(library, clause.id) ?? { kind: 'own', layer: library.layers[0]?.id ?? '', release: library.layers[0]?.release ?? '' },
    included: decision.included,
    reasons: decision.reasons.map(view),
    when: clause.when ?? null,
    applies: condition ? describeCondition(condition.expr, library.questions, language) : clause.when ? clause.when : describeCondition(undefined, library.questions, language),
    trace: condition ? traceLines(condition.expr, condition.trace, answers) : [],
    passages: passagesOf(clause.text).flatMap((passage, i): PassageExplanation[] => {
      if (!isConditional(passage)) return [];
      const parsed = passage.when === undefined ? undefined : parseCondition(passage.when);
      return [
        {
          number: i + 1,
          when: passage.when ?? null,
          applies: parsed === undefined ? null : parsed.ok ? describeCondition(parsed.expr, library.questions, language) : passage.when!,
          defines: termForms(passage, language, defaultLanguageOf(library))[0] ?? null,
          holds: passageHolds(passage, answers),
        },
      ];
    }),
  };
}

function view(reason: Reason): ReasonView {
  switch (reason.kind) {
    case 'condition':
      return { kind: 'condition', holds: reason.holds };
    case 'deprecated':
      return { kind: 'deprecated', supersededBy: reason.supersededBy ?? null };
    default:
      return reason;
  }
}

/**
 * The evaluation as indented lines: `and`/`or` on one line with their parts below,
 * comparisons and yes/no questions as leaves with the answers they read.
 */
export function traceLines(expr: Expr, trace: Trace | undefined, answers: Answers): TraceLine[] {
  const lines: TraceLine[] = [];
  const walk = (e: Expr, t: Trace | undefined, depth: number): void => {
    const result = t?.result;
    if ((e.kind === 'and' || e.kind === 'or') && (t === undefined || t.kind === e.kind)) {
      lines.push({ depth, text: e.kind, connective: e.kind, result, answers: {} });
      for (const [part, partTrace] of flattenPairs(e, t, e.kind)) walk(part, partTrace, depth + 1);
      return;
    }
    if (e.kind === 'not' && t?.kind === 'not') {
      lines.push({ depth, text: 'not', connective: 'not', result, answers: {} });
      walk(e.operand, t.operand, depth + 1);
      return;
    }
    const read: Record<string, AnswerValue | null> = {};
    for (const name of refNames(e)) read[name] = answers.get(name) ?? null;
    lines.push({ depth, text: printCondition(e), result: t === undefined ? undefined : e.kind === 'ref' ? t.result === true : result, answers: read });
  };
  walk(expr, trace, 0);
  return lines;
}

/** `a and b and c` as its parts, each with its own trace (undefined where evaluation stopped early). */
function flattenPairs(e: Expr, t: Trace | undefined, kind: 'and' | 'or'): [Expr, Trace | undefined][] {
  if (e.kind !== kind || (e.kind !== 'and' && e.kind !== 'or')) return [[e, t]];
  const own = t !== undefined && t.kind === kind ? t : undefined;
  return [...flattenPairs(e.left, own?.left, kind), ...flattenPairs(e.right, own?.right, kind)];
}

function refNames(e: Expr): string[] {
  if (e.kind === 'ref') return [e.name];
  if (e.kind === 'not') return refNames(e.operand);
  if ('left' in e) return [...new Set([...refNames(e.left), ...refNames(e.right)])];
  return [];
}
