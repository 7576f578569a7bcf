/** The syntax tree of a condition. Offsets are 0-based positions in the condition's text. */
export interface Span {
  start: number;
  end: number;
}

export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

export type Scalar = string | number | boolean;

export type Expr =
  | ({ kind: 'ref'; name: string } & Span)
  | ({ kind: 'literal'; value: Scalar } & Span)
  | ({ kind: 'list'; items: LiteralExpr[] } & Span)
  | ({ kind: 'not'; operand: Expr } & Span)
  | ({ kind: 'and' | 'or'; left: Expr; right: Expr } & Span)
  | ({ kind: 'compare'; op: CompareOp; left: Expr; right: Expr } & Span)
  | ({ kind: 'in'; left: Expr; right: Expr } & Span);

export type RefExpr = Extract<Expr, { kind: 'ref' }>;
export type LiteralExpr = Extract<Expr, { kind: 'literal' }>;
export type ListExpr = Extract<Expr, { kind: 'list' }>;

/** Every question id a condition mentions, in order of first appearance. */
export function refsOf(expr: Expr): RefExpr[] {
  const out: RefExpr[] = [];
  const walk = (e: Expr): void => {
    switch (e.kind) {
      case 'ref':
        out.push(e);
        return;
      case 'literal':
      case 'list':
        return;
      case 'not':
        walk(e.operand);
        return;
      default:
        walk(e.left);
        walk(e.right);
    }
  };
  walk(expr);
  return out;
}

export function questionIdsOf(expr: Expr): string[] {
  return [...new Set(refsOf(expr).map((r) => r.name))];
}
