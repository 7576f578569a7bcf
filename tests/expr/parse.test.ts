import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Expr } from '../../src/expr/ast.js';
import { MAX_DEPTH, parseCondition } from '../../src/expr/parse.js';
import { printCondition } from '../../src/expr/print.js';
import { arbitraryExpr, withoutPositions } from './arbitraries.js';

function parsed(text: string): Expr {
  const result = parseCondition(text);
  if (!result.ok) throw new Error(`${text}: ${result.error.message}`);
  return result.expr;
}

/** The fix for errors without advice of their own: what a condition may hold. */
const GRAMMAR = 'a condition holds question names, "texts", numbers, true, false, [lists], ==, !=, <, <=, >, >=, in, and, or, not and parentheses';

const ref = (name: string, start: number) => ({ kind: 'ref', name, start, end: start + name.length });

describe('valid conditions: the whole tree with offsets', () => {
  test.each<[string, unknown]>([
    ['processesPersonalData', ref('processesPersonalData', 0)],
    ['true', { kind: 'literal', value: true, start: 0, end: 4 }],
    ["'single'", { kind: 'literal', value: 'single', start: 0, end: 8 }],
    ['"esc\\"aped"', { kind: 'literal', value: 'esc"aped', start: 0, end: 11 }],
    ['-3', { kind: 'literal', value: -3, start: 0, end: 2 }],
    ['1.5e3 > a', { kind: 'compare', op: '>', left: { kind: 'literal', value: 1500, start: 0, end: 5 }, right: ref('a', 8), start: 0, end: 9 }],
    ['a == .5', { kind: 'compare', op: '==', left: ref('a', 0), right: { kind: 'literal', value: 0.5, start: 5, end: 7 }, start: 0, end: 7 }],
    [' a  ==  "x" ', { kind: 'compare', op: '==', left: ref('a', 1), right: { kind: 'literal', value: 'x', start: 8, end: 11 }, start: 1, end: 11 }],
    ['a==b', { kind: 'compare', op: '==', left: ref('a', 0), right: ref('b', 3), start: 0, end: 4 }],
    ['a == -3', { kind: 'compare', op: '==', left: ref('a', 0), right: { kind: 'literal', value: -3, start: 5, end: 7 }, start: 0, end: 7 }],
    [
      'x in [1, 2]',
      {
        kind: 'in',
        left: ref('x', 0),
        right: { kind: 'list', items: [{ kind: 'literal', value: 1, start: 6, end: 7 }, { kind: 'literal', value: 2, start: 9, end: 10 }], start: 5, end: 11 },
        start: 0,
        end: 11,
      },
    ],
    ['a in []', { kind: 'in', left: ref('a', 0), right: { kind: 'list', items: [], start: 5, end: 7 }, start: 0, end: 7 }],
    ['not not a', { kind: 'not', operand: { kind: 'not', operand: ref('a', 8), start: 4, end: 9 }, start: 0, end: 9 }],
    ['not (a)', { kind: 'not', operand: ref('a', 5), start: 0, end: 7 }],
    ['((a))', ref('a', 2)],
    ['a and (b or c)', { kind: 'and', left: ref('a', 0), right: { kind: 'or', left: ref('b', 7), right: ref('c', 12), start: 6, end: 14 }, start: 0, end: 14 }],
    // `not` applies to the single term after it (docs/library-format.md): the checker then reports the comparison of a yes/no test with text.
    ['not a == "x"', { kind: 'compare', op: '==', left: { kind: 'not', operand: ref('a', 4), start: 0, end: 5 }, right: { kind: 'literal', value: 'x', start: 9, end: 12 }, start: 0, end: 12 }],
    // Left-associative.
    ['a < b < c', { kind: 'compare', op: '<', left: { kind: 'compare', op: '<', left: ref('a', 0), right: ref('b', 4), start: 0, end: 5 }, right: ref('c', 8), start: 0, end: 9 }],
    ['a in b in c', { kind: 'in', left: { kind: 'in', left: ref('a', 0), right: ref('b', 5), start: 0, end: 6 }, right: ref('c', 10), start: 0, end: 11 }],
    // Names that merely start with an operator word are names.
    ['nota', ref('nota', 0)],
    ['anda', ref('anda', 0)],
  ])('%s', (text, tree) => {
    expect(parsed(text)).toEqual(tree);
  });

  test('precedence, loosest first: or, and, == / !=, the ordering comparisons and in', () => {
    const bare = (text: string) => withoutPositions(parsed(text));
    expect(bare('a or b and c')).toEqual(bare('a or (b and c)'));
    expect(bare('a and b or c')).toEqual(bare('(a and b) or c'));
    expect(bare('a == "x" and b != 2')).toEqual(bare('(a == "x") and (b != 2)'));
    expect(bare('a < 3 == b')).toEqual(bare('(a < 3) == b'));
    expect(bare('"x" in a == b')).toEqual(bare('("x" in a) == b'));
    expect(bare('not a and b')).toEqual(bare('(not a) and b'));
  });

  test('offsets point into the text', () => {
    const text = 'generatesData and contractType != "works"';
    const expr = parsed(text);
    if (expr.kind !== 'and' || expr.right.kind !== 'compare') throw new Error('unexpected tree');
    expect(text.slice(expr.left.start, expr.left.end)).toBe('generatesData');
    expect(text.slice(expr.right.start, expr.right.end)).toBe('contractType != "works"');
    expect(text.slice(expr.right.right.start, expr.right.right.end)).toBe('"works"');
  });
});

describe('invalid conditions: message, fix and offset', () => {
  test.each<[string, { message: string; fix?: string; offset: number; length: number }]>([
    ['a = b', { message: 'unexpected "="', fix: 'compare with == (two equals signs)', offset: 2, length: 1 }],
    ['a === b', { message: 'unexpected "="', fix: 'compare with == (two equals signs)', offset: 4, length: 1 }],
    ['a && b', { message: 'unexpected "&"', fix: 'write `and` / `or`', offset: 2, length: 1 }],
    ['a & b', { message: 'unexpected "&"', fix: 'write `and` / `or`', offset: 2, length: 1 }],
    ['a || b', { message: 'unexpected "|"', fix: 'write `and` / `or`', offset: 2, length: 1 }],
    ['!a', { message: 'unexpected "!"', fix: 'write `not (…)`', offset: 0, length: 1 }],
    ['a != !b', { message: 'expected expression after !=', fix: 'write `not (…)`', offset: 5, length: 1 }],
    ['(a', { message: 'a "(" is never closed', fix: 'add the missing ")"', offset: 0, length: 1 }],
    ['x and (a or (b)', { message: 'a "(" is never closed', fix: 'add the missing ")"', offset: 6, length: 1 }],
    ['a in ["x", "y"', { message: 'a "[" is never closed', fix: 'add the missing "]"', offset: 5, length: 1 }],
    ['"unclosed', { message: 'a string is never closed', fix: 'add the closing quote', offset: 0, length: 1 }],
    ['a == "x" or b == "y', { message: 'a string is never closed', fix: 'add the closing quote', offset: 17, length: 1 }],
    ['a ==', { message: 'expected expression after ==', fix: 'write what comes after ==, or remove it', offset: 2, length: 2 }],
    ['a and', { message: 'expected expression after and', fix: 'write what comes after and, or remove it', offset: 2, length: 3 }],
    ['a or', { message: 'expected expression after or', fix: 'write what comes after or, or remove it', offset: 2, length: 2 }],
    ['"x" in', { message: 'expected expression after in', fix: 'write what comes after in, or remove it', offset: 4, length: 2 }],
    ['not', { message: 'expected expression after not', fix: 'write what comes after not, or remove it', offset: 0, length: 3 }],
    ['a.b', { message: 'conditions cannot read properties ("." or "[…]" after a name)', fix: 'name a question directly, such as processesPersonalData', offset: 0, length: 3 }],
    ['a[0]', { message: 'conditions cannot read properties ("." or "[…]" after a name)', fix: 'name a question directly, such as processesPersonalData', offset: 0, length: 4 }],
    ['f()', { message: 'conditions cannot call functions', fix: 'compare answers with ==, !=, <, >, in, and, or, not', offset: 0, length: 3 }],
    ['constructor.constructor("x")()', { message: 'conditions cannot call functions', fix: 'compare answers with ==, !=, <, >, in, and, or, not', offset: 0, length: 30 }],
    ['this', { message: '"this" is not a question', fix: 'name a question directly', offset: 0, length: 4 }],
    ['a ? b : c', { message: 'conditions have no "? :" operator', fix: 'use `and` / `or`', offset: 0, length: 9 }],
    ['[a]', { message: 'a list may only hold strings and numbers', fix: 'write the values out, such as ["medium", "high"]', offset: 1, length: 1 }],
    ['a in ["x", b]', { message: 'a list may only hold strings and numbers', fix: 'write the values out, such as ["medium", "high"]', offset: 11, length: 1 }],
    ['a == [1, [2]]', { message: 'a list may only hold strings and numbers', fix: 'write the values out, such as ["medium", "high"]', offset: 9, length: 3 }],
    ['[1,,2]', { message: 'a list has an empty item', fix: 'remove the extra comma', offset: 0, length: 6 }],
    ['', { message: 'the condition is empty', fix: 'write a condition or remove `when`', offset: 0, length: 0 }],
    ['   ', { message: 'the condition is empty', fix: 'write a condition or remove `when`', offset: 0, length: 0 }],
    ['a, b', { message: 'a condition is one expression', fix: 'join the parts with `and` or `or`', offset: 0, length: 4 }],
    ['a b', { message: 'a condition is one expression', fix: 'join the parts with `and` or `or`', offset: 0, length: 3 }],
    ['-x', { message: '"-" can only make a number negative', fix: 'conditions do no arithmetic', offset: 0, length: 2 }],
    ['a + b', { message: 'unexpected "+"', fix: GRAMMAR, offset: 2, length: 1 }],
    ['a == b)', { message: 'unexpected ")"', fix: GRAMMAR, offset: 6, length: 1 }],
    ['x == 1e400', { message: '1e400 is not a value conditions can use', fix: 'use a string, a number, true or false', offset: 5, length: 5 }],
    ['0x10', { message: 'a name cannot start with a digit (0x)', fix: GRAMMAR, offset: 1, length: 1 }],
  ])('%s', (text, error) => {
    expect(parseCondition(text)).toEqual({ ok: false, error });
  });
});

describe('size and depth', () => {
  const tooDeep = {
    ok: false,
    error: {
      message: `the condition is too long or nested too deeply to read (more than ${MAX_DEPTH} levels)`,
      fix: 'simplify it: fewer parentheses, and `question in ["a", "b"]` instead of a long chain of `or`',
      offset: 0,
      length: 1,
    },
  };

  test('1,000 nested parentheses parse', () => {
    expect(parseCondition('('.repeat(1000) + 'a' + ')'.repeat(1000))).toEqual({ ok: true, expr: ref('a', 1000) });
  });

  test('a chain of 1,000 terms parses and prints back', () => {
    const text = Array.from({ length: 1000 }, (_, i) => `q${i}`).join(' and ');
    const result = parseCondition(text);
    expect(result.ok).toBe(true);
    if (result.ok) expect(printCondition(result.expr)).toBe(text);
  });

  test.each([
    ['5,000 `and`s', Array(5000).fill('a').join(' and ')],
    ['20,000 `or`s', Array(20000).fill('a == "x"').join(' or ')],
    ['3,000 nested parentheses', '('.repeat(3000) + 'a' + ')'.repeat(3000)],
    ['100,000 nested parentheses', '('.repeat(100_000) + 'a' + ')'.repeat(100_000)],
    ['10,000 `not`s', 'not '.repeat(10_000) + 'a'],
    ['2,000 nested lists', '['.repeat(2000) + ']'.repeat(2000)],
  ])('%s: a clean error, not a crash', (_name, text) => {
    expect(parseCondition(text)).toEqual(tooDeep);
  });
});

describe('properties', () => {
  test('printing a random tree and parsing it gives the same tree', () => {
    fc.assert(
      fc.property(arbitraryExpr, (tree) => {
        const text = printCondition(tree);
        const result = parseCondition(text);
        expect(result.ok ? withoutPositions(result.expr) : result.error).toEqual(withoutPositions(tree));
      }),
      { numRuns: 2000 },
    );
  });

  test('printing is stable: print(parse(print(t))) = print(t)', () => {
    fc.assert(
      fc.property(arbitraryExpr, (tree) => {
        const text = printCondition(tree);
        expect(printCondition(parsed(text))).toBe(text);
      }),
    );
  });

  test('spans of a parsed tree hold their own text', () => {
    fc.assert(
      fc.property(arbitraryExpr, (tree) => {
        const text = printCondition(tree);
        const walk = (e: Expr): void => {
          expect(e.start).toBeGreaterThanOrEqual(0);
          expect(e.end).toBeLessThanOrEqual(text.length);
          expect(e.start).toBeLessThan(e.end);
          if (e.kind === 'ref') expect(text.slice(e.start, e.end)).toBe(e.name);
          if (e.kind === 'not') walk(e.operand);
          if ('left' in e) {
            walk(e.left);
            walk(e.right);
          }
        };
        walk(parsed(text));
      }),
    );
  });

  test('random text never throws: a tree or an error inside the text', () => {
    const token = fc.constantFrom('a', 'b1', 'and', 'or', 'not', 'in', '(', ')', '[', ']', '"x"', "'y'", '"', "'", '==', '!=', '<', '>=', '=', '!', '&&', '||', ',', '.', '1', '-', '?', ':', 'true', 'constructor', '__proto__', 'this', '()', '\\', ' ', '\n');
    const soup = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.array(token, { maxLength: 30 }).map((t) => t.join('')), fc.array(token, { maxLength: 30 }).map((t) => t.join(' ')));
    fc.assert(
      fc.property(soup, (text) => {
        const result = parseCondition(text);
        if (!result.ok) {
          expect(typeof result.error.message).toBe('string');
          expect(result.error.offset).toBeGreaterThanOrEqual(0);
          expect(result.error.offset).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
