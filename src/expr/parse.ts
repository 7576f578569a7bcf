import jsep from 'jsep';
import type { CompareOp, Expr, LiteralExpr } from './ast.js';

/** A condition that does not parse: what is wrong, and where in its text. */
export interface ParseError {
  message: string;
  fix?: string;
  offset: number;
  length: number;
}

export type ParseResult = { ok: true; expr: Expr } | { ok: false; error: ParseError };

type JsepNode = jsep.Expression & { start?: number; end?: number };

// jsep is configured once, for this language only: no arithmetic, no member access, no calls survive conversion.
jsep.removeAllBinaryOps();
jsep.removeAllUnaryOps();
jsep.removeAllLiterals();
jsep.addBinaryOp('or', 1);
jsep.addBinaryOp('and', 2);
jsep.addBinaryOp('==', 6);
jsep.addBinaryOp('!=', 6);
for (const op of ['<', '<=', '>', '>=', 'in']) jsep.addBinaryOp(op, 7);
jsep.addUnaryOp('not');
jsep.addUnaryOp('-');
jsep.addLiteral('true', true);
jsep.addLiteral('false', false);

// jsep keeps no positions; these hooks record where each token starts and ends.
const tokenStarts: number[] = [];
jsep.hooks.add('gobble-token', function (env) {
  tokenStarts.push(this.index);
  const c = this.code;
  // jsep reads numbers without running the after-token hook; read them here so every token is measured.
  if ((c >= 48 && c <= 57) || c === 46) env.node = this.gobbleNumericLiteral();
});
jsep.hooks.add('after-token', function (env) {
  const start = tokenStarts.pop();
  const node = env.node as JsepNode | undefined;
  if (!node || start === undefined || node.start !== undefined) return;
  let end = this.index;
  while (end > start && /\s/.test(this.expr.charAt(end - 1))) end--;
  node.start = start;
  node.end = end;
});

const COMPARE_OPS = new Set<string>(['==', '!=', '<', '<=', '>', '>=']);

class ConvertError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly length: number,
    readonly fix?: string,
  ) {
    super(message);
  }
}

/** Parse a condition into its syntax tree. Never evaluates anything. */
export function parseCondition(text: string): ParseResult {
  if (text.trim() === '') {
    return { ok: false, error: { message: 'the condition is empty', fix: 'write a condition or remove `when`', offset: 0, length: 0 } };
  }
  tokenStarts.length = 0;
  let root: JsepNode;
  try {
    root = jsep(text) as JsepNode;
  } catch (error) {
    return { ok: false, error: fromJsepError(error as Error & { index?: number }, text) };
  }
  try {
    return { ok: true, expr: convert(root, text) };
  } catch (error) {
    if (error instanceof ConvertError) {
      return { ok: false, error: { message: error.message, offset: error.offset, length: error.length, ...(error.fix ? { fix: error.fix } : {}) } };
    }
    throw error;
  }
}

function fromJsepError(error: Error & { index?: number }, text: string): ParseError {
  const offset = Math.min(error.index ?? 0, text.length);
  const raw = (error as { description?: string }).description ?? error.message.replace(/ at character \d+$/, '');
  const rest = text.slice(offset);
  let message = raw.replace(/^Unexpected "(.*)"$/, 'unexpected "$1"').replace(/^Expected/, 'expected');
  let fix: string | undefined;
  if (/^=(?!=)/.test(rest) || /^\s*=(?!=)/.test(rest)) {
    message = 'unexpected "="';
    fix = 'compare with == (two equals signs)';
  } else if (/^(&&|\|\|)/.test(rest)) {
    fix = 'write `and` / `or`';
  } else if (/^!(?!=)/.test(rest)) {
    fix = 'write `not (…)`';
  } else if (/^Unclosed \(/.test(raw)) {
    message = 'a "(" is never closed';
    fix = 'add the missing ")"';
  } else if (/^Unclosed quote/.test(raw)) {
    message = 'a string is never closed';
    fix = 'add the closing quote';
  } else if (/^Unclosed \[/.test(raw) || /Expected ]/.test(raw)) {
    message = 'a "[" is never closed';
    fix = 'add the missing "]"';
  }
  return { message, offset, length: rest.length > 0 ? 1 : 0, ...(fix ? { fix } : {}) };
}

function spanOf(node: JsepNode, text: string): { start: number; end: number } {
  return { start: node.start ?? 0, end: node.end ?? text.length };
}

function convert(node: JsepNode, text: string): Expr {
  const span = spanOf(node, text);
  const fail = (message: string, fix?: string): never => {
    throw new ConvertError(message, span.start, Math.max(1, span.end - span.start), fix);
  };
  switch (node.type) {
    case 'Identifier':
      return { kind: 'ref', name: String(node.name), ...span };
    case 'Literal': {
      const value = node.value;
      if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) {
        return { kind: 'literal', value, ...span };
      }
      return fail(`${String(node.raw)} is not a value conditions can use`, 'use a string, a number, true or false');
    }
    case 'ArrayExpression': {
      const items = (node.elements as (JsepNode | null)[]).map((element) => {
        if (!element) return fail('a list has an empty item', 'remove the extra comma');
        const item = convert(element, text);
        if (item.kind !== 'literal') {
          throw new ConvertError('a list may only hold strings and numbers', item.start, item.end - item.start, 'write the values out, such as ["medium", "high"]');
        }
        return item;
      });
      return { kind: 'list', items, ...span };
    }
    case 'UnaryExpression': {
      const argument = convert(node.argument as JsepNode, text);
      if (node.operator === '-') {
        if (argument.kind === 'literal' && typeof argument.value === 'number') {
          return { kind: 'literal', value: -argument.value, ...span } satisfies LiteralExpr;
        }
        return fail('"-" can only make a number negative', 'conditions do no arithmetic');
      }
      return { kind: 'not', operand: argument, ...span };
    }
    case 'BinaryExpression': {
      const left = convert(node.left as JsepNode, text);
      const right = convert(node.right as JsepNode, text);
      const full = { start: node.start ?? left.start, end: node.end ?? right.end };
      const op = String(node.operator);
      if (op === 'and' || op === 'or') return { kind: op, left, right, ...full };
      if (op === 'in') return { kind: 'in', left, right, ...full };
      if (COMPARE_OPS.has(op)) return { kind: 'compare', op: op as CompareOp, left, right, ...full };
      return fail(`"${op}" is not an operator conditions know`);
    }
    case 'MemberExpression':
      return fail('conditions cannot read properties ("." or "[…]" after a name)', 'name a question directly, such as processesPersonalData');
    case 'CallExpression':
      return fail('conditions cannot call functions', 'compare answers with ==, !=, <, >, in, and, or, not');
    case 'ThisExpression':
      return fail('"this" is not a question', 'name a question directly');
    case 'Compound':
    case 'SequenceExpression':
      return fail('a condition is one expression', 'join the parts with `and` or `or`');
    case 'ConditionalExpression':
      return fail('conditions have no "? :" operator', 'use `and` / `or`');
    default:
      return fail(`this kind of expression (${node.type}) is not allowed in a condition`);
  }
}
