import type { AnswerValue } from '../schema/common.js';
import type { Expr, Scalar } from './ast.js';

/** Answers by question id. A missing entry (or null, or an empty string) is "no value". */
export type Answers = ReadonlyMap<string, AnswerValue>;

/** The value of each node, kept so `explain` can show what decided a condition. */
export type Trace =
  | { kind: 'ref'; name: string; value: AnswerValue | undefined; result: boolean | undefined }
  | { kind: 'literal'; result: boolean | undefined }
  | { kind: 'list'; result: undefined }
  | { kind: 'not'; operand: Trace; result: boolean }
  | { kind: 'and' | 'or'; left: Trace; right: Trace | undefined; result: boolean }
  | { kind: 'compare' | 'in'; left: Trace; right: Trace; result: boolean };

export function hasValue(value: AnswerValue | undefined): value is string | number | boolean | string[] {
  return value !== undefined && value !== null && value !== '';
}

/** Evaluate a checked condition. Total: never throws on well-typed answers. */
export function evaluate(expr: Expr, answers: Answers): boolean {
  return trace(expr, answers).result === true;
}

/** Evaluate and keep every intermediate value. `and`/`or` stop early, as people read them. */
export function trace(expr: Expr, answers: Answers): Trace & { result: boolean | undefined } {
  switch (expr.kind) {
    case 'ref': {
      const value = answers.get(expr.name);
      // A bare reference is a yes/no test: true only for the answer true.
      return { kind: 'ref', name: expr.name, value, result: value === true };
    }
    case 'literal':
      // `true` and `false` are yes/no tests of their own (`when: 'true'`, `a or true`); other literals are values.
      return { kind: 'literal', result: typeof expr.value === 'boolean' ? expr.value : undefined };
    case 'list':
      return { kind: 'list', result: undefined };
    case 'not': {
      const operand = trace(expr.operand, answers);
      return { kind: 'not', operand, result: operand.result !== true };
    }
    case 'and': {
      const left = trace(expr.left, answers);
      if (left.result !== true) return { kind: 'and', left, right: undefined, result: false };
      const right = trace(expr.right, answers);
      return { kind: 'and', left, right, result: right.result === true };
    }
    case 'or': {
      const left = trace(expr.left, answers);
      if (left.result === true) return { kind: 'or', left, right: undefined, result: true };
      const right = trace(expr.right, answers);
      return { kind: 'or', left, right, result: right.result === true };
    }
    case 'compare': {
      const left = trace(expr.left, answers);
      const right = trace(expr.right, answers);
      const a = valueOf(expr.left, answers);
      const b = valueOf(expr.right, answers);
      return { kind: 'compare', left, right, result: compare(expr.op, a, b) };
    }
    case 'in': {
      const left = trace(expr.left, answers);
      const right = trace(expr.right, answers);
      return { kind: 'in', left, right, result: member(valueOf(expr.left, answers), valueOf(expr.right, answers)) };
    }
  }
}

type Value = Scalar | Scalar[] | undefined;

function valueOf(expr: Expr, answers: Answers): Value {
  switch (expr.kind) {
    case 'ref': {
      const v = answers.get(expr.name);
      return hasValue(v) ? v : undefined;
    }
    case 'literal':
      return expr.value;
    case 'list':
      return expr.items.map((i) => i.value);
    default:
      return evaluate(expr, answers);
  }
}

function compare(op: string, a: Value, b: Value): boolean {
  // Any comparison with a missing value is false, `!=` included: see docs/library-format.md.
  if (a === undefined || b === undefined || Array.isArray(a) || Array.isArray(b)) return false;
  switch (op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
  }
  if (typeof a !== typeof b || typeof a === 'boolean') return false;
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    default:
      return a >= b;
  }
}

function member(a: Value, b: Value): boolean {
  if (a === undefined || b === undefined || Array.isArray(a)) return false;
  if (Array.isArray(b)) return b.includes(a);
  return false;
}
