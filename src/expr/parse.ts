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
const OPERATOR_WORDS = new Set<string>(['and', 'or', 'not', 'in']);

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
  // Libraries repeat the same few conditions across many clauses; trees are never mutated.
  let result = parsed.get(text);
  if (!result) {
    result = parseUncached(text);
    if (parsed.size >= PARSED_LIMIT) parsed.clear();
    parsed.set(text, result);
  }
  return result;
}

const parsed = new Map<string, ParseResult>();
const PARSED_LIMIT = 50_000;

function parseUncached(text: string): ParseResult {
  if (text.trim() === '') {
    return { ok: false, error: { message: 'the condition is empty', fix: 'write a condition or remove `when`', offset: 0, length: 0 } };
  }
  tokenStarts.length = 0;
  let root: JsepNode;
  try {
    root = jsep(text) as JsepNode;
  } catch (error) {
    if (error instanceof RangeError) return tooDeep();
    return { ok: false, error: fromJsepError(error as Error & { index?: number }, text) };
  }
  // Every later step (check, evaluate, analyse, describe) walks the tree recursively: bound its depth here, once.
  if (depthOf(root) > MAX_DEPTH) return tooDeep();
  try {
    return { ok: true, expr: convert(root, text) };
  } catch (error) {
    if (error instanceof ConvertError) {
      return { ok: false, error: { message: error.message, offset: error.offset, length: error.length, ...(error.fix ? { fix: error.fix } : {}) } };
    }
    if (error instanceof RangeError) return tooDeep();
    throw error;
  }
}

/** Far beyond any real condition; well within the stack of every recursive walk over the tree. */
export const MAX_DEPTH = 1000;

// Thousands of nested parentheses overflow jsep's stack; thousands of chained `and`s would overflow ours.
function tooDeep(): ParseResult {
  return {
    ok: false,
    error: {
      message: `the condition is too long or nested too deeply to read (more than ${MAX_DEPTH} levels)`,
      fix: 'simplify it: fewer parentheses, and `question in ["a", "b"]` instead of a long chain of `or`',
      offset: 0,
      length: 1,
    },
  };
}

/** Depth of a jsep tree, without recursion. */
function depthOf(root: JsepNode): number {
  let max = 0;
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > max) max = depth;
    if (max > MAX_DEPTH) return max;
    if (typeof node !== 'object' || node === null) continue;
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) for (const item of value) stack.push([item, depth + 1]);
      else if (typeof value === 'object' && value !== null) stack.push([value, depth + 1]);
    }
  }
  return max;
}

function fromJsepError(error: Error & { index?: number }, text: string): ParseError {
  let offset = Math.min(error.index ?? 0, text.length);
  const raw = (error as { description?: string }).description ?? error.message.replace(/ at character \d+$/, '');
  const rest = text.slice(offset);
  let message = raw
    .replace(/^Unexpected "(.*)"$/, 'unexpected "$1"')
    .replace(/^Expected/, 'expected')
    .replace(/^missing unaryOp argument$/, 'expected expression after not')
    .replace(/^Variable names cannot start with a number \((.*)\)$/, 'a name cannot start with a digit ($1)');
  let fix: string | undefined;
  if (/^=(?!=)/.test(rest) || /^\s*=(?!=)/.test(rest)) {
    message = 'unexpected "="';
    fix = 'compare with == (two equals signs)';
  } else if (/^[&|]/.test(rest)) {
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
  // An error at the very end points at nothing a person (or lint's file:line:column) can see:
  // point at what was left open, or at the operator that lacks its right side.
  if (text.slice(offset).trim() === '') {
    const opener = /^Unclosed quote/.test(raw) ? unclosedQuote(text) : /never closed/.test(message) ? unclosedBracket(text, message.includes('(') ? '(' : '[') : undefined;
    const after = /^expected expression after (.+)$/.exec(message)?.[1];
    if (after !== undefined) fix ??= `write what comes after ${after}, or remove it`;
    const end = text.trimEnd().length;
    if (opener !== undefined) offset = opener;
    else if (after !== undefined && text.trimEnd().endsWith(after)) return { message, offset: end - after.length, length: after.length, ...(fix ? { fix } : {}) };
    else if (end > 0) offset = end - 1;
    return { message, offset, length: 1, ...(fix ? { fix } : {}) };
  }
  // Whatever jsep stumbled on, say what a condition may hold.
  fix ??= GRAMMAR;
  return { message, offset, length: rest.length > 0 ? 1 : 0, fix };
}

const GRAMMAR = 'a condition holds question names, "texts", numbers, true, false, [lists], ==, !=, <, <=, >, >=, in, and, or, not and parentheses';

/** Where the string that is never closed starts. */
function unclosedQuote(text: string): number | undefined {
  let open: { quote: string; at: number } | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (open) {
      if (c === '\\') i++;
      else if (c === open.quote) open = undefined;
    } else if (c === '"' || c === "'") {
      open = { quote: c, at: i };
    }
  }
  return open?.at;
}

/** The last "(" or "[" (outside strings) that has no partner. */
function unclosedBracket(text: string, bracket: '(' | '['): number | undefined {
  const close = bracket === '(' ? ')' : ']';
  const stack: number[] = [];
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === bracket) stack.push(i);
    else if (c === close) stack.pop();
  }
  return stack[stack.length - 1];
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
      // jsep reads an operator word with nothing after it ("a and") as a name.
      if (OPERATOR_WORDS.has(String(node.name))) return fail(`expected expression after ${String(node.name)}`, `write what comes after ${String(node.name)}, or remove it`);
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
      return fail(`"${op}" is not an operator conditions know`, GRAMMAR);
    }
    case 'MemberExpression':
      return fail('conditions cannot read properties ("." or "[…]" after a name)', 'name a question directly, such as processesPersonalData');
    case 'CallExpression':
      return fail('conditions cannot call functions', 'compare answers with ==, !=, <, >, in, and, or, not');
    case 'ThisExpression':
      return fail('"this" is not a question', 'name a question directly');
    case 'Compound':
    case 'SequenceExpression': {
      const parts = ((node.body ?? node.expressions) as JsepNode[] | undefined) ?? [];
      const dangling = parts.find((p) => p.type === 'Identifier' && OPERATOR_WORDS.has(String(p.name)));
      if (dangling) convert(dangling, text);
      return fail('a condition is one expression', 'join the parts with `and` or `or`');
    }
    case 'ConditionalExpression':
      return fail('conditions have no "? :" operator', 'use `and` / `or`');
    default:
      return fail(`this kind of expression (${node.type}) is not allowed in a condition`, GRAMMAR);
  }
}
