import type { AnswerValue } from '../schema/common.js';
import type { Question } from '../schema/questions.js';
import { questionIdsOf, type Expr } from './ast.js';
import type { QuestionLookup } from './check.js';
import { evaluate, hasValue, type Answers } from './evaluate.js';

/**
 * Exhaustive search over the answers an interview can produce. Exact, because every
 * domain is reduced to the values that can change a result: yes/no and single choice
 * in full; for multiple choice and lists, the subsets of the values conditions
 * mention; for text, each mentioned literal or something else; for numbers and dates,
 * each literal compared with and a point on either side (within the question's
 * validation bounds). Skip logic is respected: a question whose `when` is false has no
 * value; a required question whose `when` holds has one. Searches larger than the limit
 * are reported as not analysed.
 */
export type SearchResult = { analysed: true; found: Map<string, AnswerValue> | null } | { analysed: false; reason: string };

export interface SearchProblem {
  /** The conditions whose questions span the search. */
  exprs: readonly Expr[];
  questions: QuestionLookup;
  /** The parsed `when` of a question, if it has a valid one. */
  whenOf: (id: string) => Expr | undefined;
  /** What we look for. */
  predicate: (answers: Answers) => boolean;
  /** Largest number of answer combinations tried. */
  limit?: number;
}

const NO_VALUE = undefined;

export function findAnswers(problem: SearchProblem): SearchResult {
  const limit = problem.limit ?? 200_000;
  // The questions involved: those named, and those their skip logic depends on.
  const ids: string[] = [];
  const whens = new Map<string, Expr>();
  const queue = problem.exprs.flatMap((e) => questionIdsOf(e));
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (ids.includes(id)) continue;
    if (!problem.questions.has(id)) continue; // unknown names are reported by the checker
    ids.push(id);
    const when = problem.whenOf(id);
    if (when) {
      whens.set(id, when);
      queue.push(...questionIdsOf(when));
    }
  }
  const allExprs = [...problem.exprs, ...whens.values()];
  // Questions of one type may be compared with each other (`a != b`, `a < b`): each needs a value of its
  // own in every gap between the literals, and numbers share the points their validation bounds mark.
  const sameType = new Map<string, number>();
  const bounds: number[] = [];
  for (const id of ids) {
    const question = problem.questions.get(id)!.question;
    sameType.set(question.type, (sameType.get(question.type) ?? 0) + 1);
    if (question.type === 'number') bounds.push(...[question.validation?.min, question.validation?.max].filter((b): b is number => b !== undefined));
  }
  const domains: (AnswerValue | undefined)[][] = [];
  let combinations = 1;
  for (const id of ids) {
    const question = problem.questions.get(id)!.question;
    const others = sameType.get(question.type)!;
    const items = itemsReadFrom(id, allExprs, problem.questions, sameType.get('text') ?? 0);
    const domain = domainOf(question, allExprs, others, others > 1 ? bounds : [], items);
    if (!domain) return { analysed: false, reason: `it uses ${id}, a ${question.type} question, which has too many possible answers to try` };
    domains.push(domain);
    combinations *= domain.length;
    if (combinations > limit) return { analysed: false, reason: `its questions have more than ${limit} combinations of answers` };
  }

  const answers = new Map<string, AnswerValue>();
  const counters = new Array<number>(ids.length).fill(0);
  for (let n = 0; n < combinations; n++) {
    answers.clear();
    for (let i = 0; i < ids.length; i++) {
      const value = domains[i]![counters[i]!];
      if (value !== NO_VALUE) answers.set(ids[i]!, value);
    }
    if (consistent(ids, answers, whens, problem.questions) && problem.predicate(answers)) {
      return { analysed: true, found: new Map(answers) };
    }
    for (let i = 0; i < ids.length; i++) {
      counters[i]!++;
      if (counters[i]! < domains[i]!.length) break;
      counters[i] = 0;
    }
  }
  return { analysed: true, found: null };
}

/** Does this combination respect the interview's skip logic and required answers? */
function consistent(ids: readonly string[], answers: Answers, whens: ReadonlyMap<string, Expr>, questions: QuestionLookup): boolean {
  for (const id of ids) {
    const when = whens.get(id);
    const asked = when ? evaluate(when, answers) : true;
    const present = hasValue(answers.get(id));
    if (!asked && present) return false;
    if (asked && !present && questions.get(id)!.question.required !== false) return false;
  }
  return true;
}

/**
 * `others`: how many questions of this type the search holds; each gap between literals gets that many
 * distinct values. `bounds`: more points that mark gaps for numbers (the other questions' validation bounds).
 */
function domainOf(question: Question, exprs: readonly Expr[], others: number, bounds: readonly number[], items: readonly string[]): (AnswerValue | undefined)[] | undefined {
  switch (question.type) {
    case 'boolean':
      return [true, false, NO_VALUE];
    case 'select':
      return [...(question.options ?? []).map((o) => o.value), NO_VALUE];
    case 'multiselect':
    case 'list': {
      // Only the values some condition mentions matter; the others cannot change a result.
      const options = question.type === 'multiselect' ? new Set((question.options ?? []).map((o) => o.value)) : undefined;
      const mentioned = [...new Set([...exprs.flatMap((e) => literals(e)), ...items].filter((v): v is string => typeof v === 'string' && (!options || options.has(v))))].sort();
      if (mentioned.length > 12) return undefined;
      const subsets: string[][] = [];
      for (let mask = 0; mask < 1 << mentioned.length; mask++) {
        subsets.push(mentioned.filter((_, i) => (mask & (1 << i)) !== 0));
      }
      return [...subsets, NO_VALUE];
    }
    case 'text': {
      // Equality with the literals mentioned, or none of them.
      const mentioned = [...new Set(exprs.flatMap((e) => literals(e)).filter((v): v is string => typeof v === 'string'))].sort();
      return [...mentioned, ...anotherTexts(others), NO_VALUE];
    }
    case 'number': {
      // Comparisons with literals only change at the literals: try each, and a point on each side.
      const marks = [...new Set([...exprs.flatMap((e) => literals(e)).filter((v): v is number => typeof v === 'number'), ...bounds])].sort((a, b) => a - b);
      const points = new Set<number>();
      marks.forEach((m, i) => {
        points.add(m);
        for (let k = 1; k <= others; k++) points.add(i === 0 ? m - k : marks[i - 1]! + ((m - marks[i - 1]!) * k) / (others + 1));
      });
      const last = marks.length > 0 ? marks[marks.length - 1]! : -1;
      for (let k = 1; k <= others; k++) points.add(last + k);
      const { min, max } = question.validation ?? {};
      const allowed = [...points].filter((p) => (min === undefined || p >= min) && (max === undefined || p <= max));
      if (min !== undefined) allowed.push(min);
      if (max !== undefined) allowed.push(max);
      return [...[...new Set(allowed)].sort((a, b) => a - b), NO_VALUE];
    }
    case 'date': {
      const marks = [...new Set(exprs.flatMap((e) => literals(e)).filter((v): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)))].sort();
      const points = new Set<string>();
      for (let k = 0; k < others; k++) {
        points.add(shiftDay('0000-01-01', k));
        points.add(shiftDay('9999-12-31', -k));
      }
      for (const m of marks) {
        points.add(m);
        for (let k = 1; k <= others; k++) {
          points.add(shiftDay(m, -k));
          points.add(shiftDay(m, k));
        }
      }
      return [...points, NO_VALUE];
    }
  }
}

/** Texts no condition mentions, one for each text question in the search. */
function anotherTexts(count: number): string[] {
  return Array.from({ length: count }, (_, k) => `\u0000another text${k === 0 ? '' : ` ${k + 1}`}`);
}

/**
 * For a list or multiple-choice question tested with `other in list`, the values `other` can
 * take must be possible items too: a choice's options, or the texts a text question is tried with.
 */
function itemsReadFrom(id: string, exprs: readonly Expr[], questions: QuestionLookup, texts: number): string[] {
  const items: string[] = [];
  const walk = (e: Expr): void => {
    if (e.kind === 'in' && e.left.kind === 'ref' && e.right.kind === 'ref' && e.right.name === id) {
      const other = questions.get(e.left.name)?.question;
      if (other?.type === 'select') items.push(...(other.options ?? []).map((o) => o.value));
      if (other?.type === 'text') items.push(...anotherTexts(texts));
    }
    if (e.kind === 'not') walk(e.operand);
    else if ('left' in e) {
      walk(e.left);
      walk(e.right);
    }
  };
  exprs.forEach(walk);
  return items;
}

function shiftDay(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function literals(e: Expr): (string | number | boolean)[] {
  switch (e.kind) {
    case 'literal':
      return [e.value];
    case 'list':
      return e.items.flatMap(literals);
    case 'ref':
      return [];
    case 'not':
      return literals(e.operand);
    default:
      return [...literals(e.left), ...literals(e.right)];
  }
}

/**
 * For each reference in a condition, the condition under which its value matters:
 * `A and B` reads B only when A holds; `A or B` reads B only when A fails.
 */
export function guardedRefs(expr: Expr): { name: string; start: number; end: number; guard: (a: Answers) => boolean }[] {
  const out: { name: string; start: number; end: number; guard: (a: Answers) => boolean }[] = [];
  const walk = (e: Expr, guard: (a: Answers) => boolean): void => {
    switch (e.kind) {
      case 'ref':
        out.push({ name: e.name, start: e.start, end: e.end, guard });
        return;
      case 'literal':
      case 'list':
        return;
      case 'not':
        walk(e.operand, guard);
        return;
      case 'and':
        walk(e.left, guard);
        walk(e.right, (a) => guard(a) && evaluate(e.left, a));
        return;
      case 'or':
        walk(e.left, guard);
        walk(e.right, (a) => guard(a) && !evaluate(e.left, a));
        return;
      default:
        walk(e.left, guard);
        walk(e.right, guard);
    }
  };
  walk(expr, () => true);
  return out;
}
