import fc from 'fast-check';
import type { CompareOp, Expr } from '../../src/expr/ast.js';

/** A tree without offsets, as property tests build and compare them. */
export type Bare = unknown;

/** Remove start/end from every node, so trees from different texts compare. */
export function withoutPositions(e: Expr): Bare {
  switch (e.kind) {
    case 'ref':
      return { kind: 'ref', name: e.name };
    case 'literal':
      return { kind: 'literal', value: e.value };
    case 'list':
      return { kind: 'list', items: e.items.map(withoutPositions) };
    case 'not':
      return { kind: 'not', operand: withoutPositions(e.operand) };
    case 'and':
    case 'or':
    case 'in':
      return { kind: e.kind, left: withoutPositions(e.left), right: withoutPositions(e.right) };
    case 'compare':
      return { kind: 'compare', op: e.op, left: withoutPositions(e.left), right: withoutPositions(e.right) };
  }
}

// Words the condition language reserves; a question cannot be called this.
const RESERVED = new Set(['and', 'or', 'not', 'in', 'true', 'false', 'this']);

export const arbitraryName = fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,10}$/).filter((n) => !RESERVED.has(n));

export const arbitraryScalar = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
);

const literal = arbitraryScalar.map((value) => ({ kind: 'literal' as const, value }));
const ops: CompareOp[] = ['==', '!=', '<', '<=', '>', '>='];

/**
 * Random trees over refs, literals, lists of literals, not, and, or, comparisons and `in`.
 * They carry no positions (start/end are absent): compare them through withoutPositions.
 */
export const arbitraryExpr = fc.letrec<{ expr: Bare }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    arbitraryName.map((name) => ({ kind: 'ref', name })),
    literal,
    fc.array(literal, { maxLength: 4 }).map((items) => ({ kind: 'list', items })),
    tie('expr').map((operand) => ({ kind: 'not', operand })),
    fc.record({ kind: fc.constantFrom('and', 'or', 'in'), left: tie('expr'), right: tie('expr') }),
    fc.record({ kind: fc.constant('compare'), op: fc.constantFrom(...ops), left: tie('expr'), right: tie('expr') }),
  ),
})).expr as fc.Arbitrary<Expr>;
