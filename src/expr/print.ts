import type { Expr } from './ast.js';

// Binding strength, loosest first; mirrors the parser's precedence table.
function precedence(e: Expr): number {
  switch (e.kind) {
    case 'or':
      return 1;
    case 'and':
      return 2;
    case 'compare':
      return e.op === '==' || e.op === '!=' ? 6 : 7;
    case 'in':
      return 7;
    default:
      return 10;
  }
}

/** Print a tree as condition text that parses back to the same tree. */
export function printCondition(e: Expr): string {
  switch (e.kind) {
    case 'ref':
      return e.name;
    case 'literal':
      return printLiteral(e.value);
    case 'list':
      return `[${e.items.map((i) => printLiteral(i.value)).join(', ')}]`;
    case 'not': {
      const inner = printCondition(e.operand);
      return `not ${precedence(e.operand) < 10 ? `(${inner})` : inner}`;
    }
    default: {
      const op = e.kind === 'compare' ? e.op : e.kind;
      const p = precedence(e);
      // Left-associative: the left side may share our precedence, the right side must bind tighter.
      const left = precedence(e.left) < p ? `(${printCondition(e.left)})` : printCondition(e.left);
      const right = precedence(e.right) <= p ? `(${printCondition(e.right)})` : printCondition(e.right);
      return `${left} ${op} ${right}`;
    }
  }
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function printLiteral(value: string | number | boolean): string {
  // Only the escapes the parser reads back: JSON's \u00XX would come back as the text "u00XX".
  if (typeof value === 'string') return `"${value.replace(/[\\"\n\r\t]/g, (c) => ESCAPES[c]!)}"`;
  if (Object.is(value, -0)) return '-0';
  return String(value);
}
