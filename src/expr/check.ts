import type { Question } from '../schema/questions.js';
import { suggestion } from '../text/did-you-mean.js';
import type { Expr, LiteralExpr } from './ast.js';

export type QuestionLookup = ReadonlyMap<string, { question: Question }>;

/** A problem in a condition, at an offset in its text. */
export interface CheckIssue {
  ruleId: 'unknown-question' | 'unknown-option' | 'type-mismatch';
  message: string;
  fix?: string;
  offset: number;
  length: number;
}

type ValueType =
  | { t: 'boolean' }
  | { t: 'number' }
  | { t: 'string' }
  | { t: 'date' }
  | { t: 'enum'; question: Question }
  | { t: 'list'; item: ValueType; question?: Question }
  | { t: 'unknown' };

// As answers are validated (validate-answers.ts): "2027-13-45" is not a date.
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The type of a question's answer, as conditions see it. */
function questionType(q: Question): ValueType {
  switch (q.type) {
    case 'boolean':
      return { t: 'boolean' };
    case 'number':
      return { t: 'number' };
    case 'date':
      return { t: 'date' };
    case 'text':
      return { t: 'string' };
    case 'select':
      return { t: 'enum', question: q };
    case 'multiselect':
      return { t: 'list', item: { t: 'enum', question: q }, question: q };
    case 'list':
      return { t: 'list', item: { t: 'string' }, question: q };
  }
}

function words(type: ValueType): string {
  switch (type.t) {
    case 'boolean':
      return 'a yes/no answer';
    case 'number':
      return 'a number';
    case 'string':
      return 'text';
    case 'date':
      return 'a date';
    case 'enum':
      return `a choice (${type.question.id})`;
    case 'list':
      return type.question ? `a list (${type.question.id})` : 'a list';
    case 'unknown':
      return 'unknown';
  }
}

/**
 * Check a condition against the questions: names exist, options exist, types match,
 * and the whole is a yes/no test.
 */
export function checkCondition(expr: Expr, questions: QuestionLookup): CheckIssue[] {
  const issues: CheckIssue[] = [];
  const report = (ruleId: CheckIssue['ruleId'], node: Expr, message: string, fix?: string) =>
    issues.push({ ruleId, message, offset: node.start, length: Math.max(1, node.end - node.start), ...(fix ? { fix } : {}) });

  const typeOf = (e: Expr): ValueType => {
    switch (e.kind) {
      case 'ref': {
        const entry = questions.get(e.name);
        if (!entry) {
          report('unknown-question', e, `"${e.name}" is not a question of this library`, suggestion(e.name, questions.keys()));
          return { t: 'unknown' };
        }
        return questionType(entry.question);
      }
      case 'literal':
        return typeof e.value === 'boolean' ? { t: 'boolean' } : typeof e.value === 'number' ? { t: 'number' } : { t: 'string' };
      case 'list': {
        const kinds = new Set(e.items.map((i) => typeof i.value));
        if (kinds.size > 1) report('type-mismatch', e, 'a list mixes strings and numbers');
        const first = e.items[0];
        return { t: 'list', item: first ? typeOf(first) : { t: 'unknown' } };
      }
      default:
        checkBoolean(e);
        return { t: 'boolean' };
    }
  };

  const checkOption = (question: Question, literal: LiteralExpr) => {
    const options = (question.options ?? []).map((o) => o.value);
    if (typeof literal.value !== 'string') {
      report('type-mismatch', literal, `${question.id} is a choice; compare it with one of its options in quotes`, `options: ${options.join(', ')}`);
      return;
    }
    if (!options.includes(literal.value)) {
      report(
        'unknown-option',
        literal,
        `"${literal.value}" is not an option of ${question.id}`,
        suggestion(literal.value, options) ?? `options: ${options.join(', ')}`,
      );
    }
  };

  const checkDateLiteral = (e: Expr) => {
    if (e.kind === 'literal' && typeof e.value === 'string' && !DATE.test(e.value)) {
      report('type-mismatch', e, `"${e.value}" is not a date`, 'write dates as "YYYY-MM-DD"');
    }
  };

  /** Two scalar types that may be compared with == and !=, checking options and dates on the way. */
  const compatible = (a: ValueType, b: ValueType, left: Expr, right: Expr): boolean => {
    if (a.t === 'unknown' || b.t === 'unknown') return true;
    if (a.t === 'enum' && right.kind === 'literal') return (checkOption(a.question, right), true);
    if (b.t === 'enum' && left.kind === 'literal') return (checkOption(b.question, left), true);
    // A date compares with a date written in quotes, not with a text question.
    if (a.t === 'date' && b.t === 'string' && right.kind === 'literal') return (checkDateLiteral(right), true);
    if (b.t === 'date' && a.t === 'string' && left.kind === 'literal') return (checkDateLiteral(left), true);
    if (a.t === 'enum' && b.t === 'enum') return true;
    const textual = (t: ValueType) => t.t === 'string' || t.t === 'enum';
    if (textual(a) && textual(b)) return true;
    return a.t === b.t;
  };

  const checkBoolean = (e: Expr): void => {
    switch (e.kind) {
      case 'ref': {
        const type = typeOf(e);
        if (type.t !== 'boolean' && type.t !== 'unknown') {
          const fix =
            type.t === 'enum'
              ? `compare it: ${e.name} == "${type.question.options?.[0]?.value ?? '…'}"`
              : type.t === 'list' && type.item.t === 'enum'
                ? `test an option: "${type.item.question.options?.[0]?.value ?? '…'}" in ${e.name}`
                : 'compare it with a value';
          report('type-mismatch', e, `${e.name} is ${words(type)}, not a yes/no answer`, fix);
        }
        return;
      }
      case 'literal':
        if (typeof e.value !== 'boolean') report('type-mismatch', e, `${JSON.stringify(e.value)} is not a yes/no test`);
        return;
      case 'list':
        report('type-mismatch', e, 'a list is not a yes/no test', 'test membership with `in`');
        return;
      case 'not':
        if (e.operand.kind === 'ref' || e.operand.kind === 'literal') {
          const type = typeOf(e.operand);
          if (type.t !== 'boolean' && type.t !== 'unknown') {
            report('type-mismatch', e.operand, `"not" applies to ${words(type)} here, not to a yes/no test`, 'put the comparison in parentheses: not (a == "x")');
            return;
          }
          return;
        }
        checkBoolean(e.operand);
        return;
      case 'and':
      case 'or':
        checkBoolean(e.left);
        checkBoolean(e.right);
        return;
      case 'compare': {
        const a = typeOf(e.left);
        const b = typeOf(e.right);
        if (a.t === 'list' || b.t === 'list') {
          report('type-mismatch', a.t === 'list' ? e.left : e.right, `${words(a.t === 'list' ? a : b)} cannot be compared with ${e.op}`, 'test membership with `in`');
          return;
        }
        if (e.op === '==' || e.op === '!=') {
          if (!compatible(a, b, e.left, e.right)) {
            report('type-mismatch', e, `${words(a)} is compared with ${words(b)}`);
          }
          return;
        }
        const ordered = (t: ValueType) => t.t === 'number' || t.t === 'date' || t.t === 'unknown';
        if (a.t === 'date' || b.t === 'date') {
          checkDateLiteral(e.left);
          checkDateLiteral(e.right);
        }
        // A date and a date written in quotes; not a date and a number, nor a date and a text question.
        const dateText = (x: ValueType, y: ValueType, yExpr: Expr) => x.t === 'date' && y.t === 'string' && yExpr.kind === 'literal';
        const bothOk = (ordered(a) || dateText(b, a, e.left)) && (ordered(b) || dateText(a, b, e.right));
        const sameKind = a.t === b.t || a.t === 'unknown' || b.t === 'unknown' || dateText(a, b, e.right) || dateText(b, a, e.left);
        if (!bothOk || !sameKind) {
          report('type-mismatch', e, `${e.op} compares numbers or dates, not ${words(a)} and ${words(b)}`);
        }
        return;
      }
      case 'in': {
        const a = typeOf(e.left);
        const b = typeOf(e.right);
        if (b.t !== 'list' && b.t !== 'unknown') {
          report('type-mismatch', e.right, `the right side of "in" must be a list or a multiple-choice question, not ${words(b)}`);
          return;
        }
        if (a.t === 'list') {
          report('type-mismatch', e.left, `${words(a)} cannot be tested with "in"`, `test one option at a time: "x" in ${a.question?.id ?? 'list'}`);
          return;
        }
        if (b.t !== 'list') return;
        if (e.right.kind === 'list') {
          for (const item of e.right.items) {
            if (a.t === 'enum') checkOption(a.question, item);
            else if (a.t === 'number' && typeof item.value !== 'number') report('type-mismatch', item, `${JSON.stringify(item.value)} is not a number`);
            else if ((a.t === 'string' || a.t === 'date') && typeof item.value !== 'string') report('type-mismatch', item, `${String(item.value)} is not ${a.t === 'date' ? 'a date' : 'text'}`);
            else if (a.t === 'date') checkDateLiteral(item);
            else if (a.t === 'boolean') report('type-mismatch', item, 'a yes/no answer is not tested with "in"', 'use == true or == false');
          }
          return;
        }
        // Right side is a multiple-choice or list question.
        const item = b.item;
        if (item.t === 'enum' && e.left.kind === 'literal') checkOption(item.question, e.left);
        else if (a.t !== 'unknown' && item.t !== 'unknown' && !compatible(a, item, e.left, e.left)) {
          report('type-mismatch', e.left, `${words(a)} cannot be an item of ${words(b)}`);
        }
        return;
      }
    }
  };

  checkBoolean(expr);
  return issues;
}
