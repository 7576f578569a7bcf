import type { AnswerValue } from '../../schema/common.js';
import type { Expr } from '../../expr/ast.js';
import { questionIdsOf } from '../../expr/ast.js';
import { findAnswers, guardedRefs, type SearchResult } from '../../expr/analyse.js';
import { checkCondition, type CheckIssue } from '../../expr/check.js';
import { evaluate } from '../../expr/evaluate.js';
import { parseCondition } from '../../expr/parse.js';
import type { PathSegment, YamlSource } from '../../library/yaml-source.js';
import type { Check, LintContext } from '../context.js';
import type { Clause } from '../../schema/clause.js';
import type { Located, QuestionEntry } from '../../library/model.js';
import { passagesOf } from '../../text/passages.js';
import { answerProblem } from '../../library/validate-answers.js';

/** Conditions of clauses and questions: syntax, names, options, types, reachability. */
export const checkConditions: Check = (ctx) => {
  const { library } = ctx;
  const verdicts = new Map<string, Verdict>();
  for (const clause of library.clauses) {
    const when = clause.value.when;
    if (when === undefined) continue;
    const id = clause.value.id;
    const error = ctx.clauseConditionErrors.get(id);
    if (error) {
      reportAt(ctx, clause.source, ['when'], when, error.offset, error.length, 'condition-syntax', `the condition does not parse: ${error.message}`, error.fix);
      continue;
    }
    // Without a readable questions.yaml every name would be "unknown": its own error is the one to fix.
    if (!library.interview) continue;
    const expr = ctx.clauseConditions.get(id)!;
    // Libraries repeat the same conditions across many clauses: analyse each text once.
    let verdict = verdicts.get(when);
    if (!verdict) {
      verdict = judge(ctx, expr);
      verdicts.set(when, verdict);
    }
    for (const issue of verdict.issues) reportAt(ctx, clause.source, ['when'], when, issue.offset, issue.length, issue.ruleId, issue.message, issue.fix);
    if (verdict.issues.length > 0) continue;
    for (const ref of verdict.unanswerable) reportUnanswerableRef(ctx, clause.source, ['when'], when, ref);
    switch (verdict.outcome.kind) {
      case 'not-analysed':
        ctx.report({ ruleId: 'not-analysed', source: clause.source, path: ['when'], message: `the condition is not checked for dead or always-true cases: ${verdict.outcome.reason}` });
        break;
      case 'dead':
        ctx.report({
          ruleId: 'dead-clause',
          source: clause.source,
          path: ['when'],
          message: `no answers can satisfy this condition, so ${id} is never selected`,
          fix: "check the values it compares and the skip logic (`when`) of the questions it uses",
        });
        break;
      case 'always-true':
        ctx.report({
          ruleId: 'always-true',
          source: clause.source,
          path: ['when'],
          message: 'every possible set of answers satisfies this condition',
          fix: 'remove `when`: a clause without a condition always applies',
        });
        break;
      case 'ok':
        break;
    }
  }

  if (library.interview) for (const clause of library.clauses) checkPassageConditions(ctx, clause);

  if (library.interview) {
    for (const entry of library.questions.values()) {
      const when = entry.question.when;
      if (when === undefined) continue;
      const { source, path } = entry.at('when');
      const parsed = parseCondition(when);
      if (!parsed.ok) {
        reportAt(ctx, source, path, when, parsed.error.offset, parsed.error.length, 'condition-syntax', `the condition does not parse: ${parsed.error.message}`, parsed.error.fix);
        continue;
      }
      if (!reportCheckIssues(ctx, source, path, when, parsed.expr)) continue;
      let ordered = true;
      for (const ref of guardedRefs(parsed.expr)) {
        const other = library.questions.get(ref.name);
        if (other && other.index >= entry.index) {
          ordered = false;
          reportAt(
            ctx,
            source,
            path,
            when,
            ref.start,
            ref.end - ref.start,
            'question-order',
            other.question.id === entry.question.id ? `${entry.question.id} depends on itself` : `${entry.question.id} depends on ${ref.name}, which is asked after it`,
            `move ${ref.name} before ${entry.question.id} in clauses/questions.yaml`,
          );
        }
      }
      if (!ordered) continue;
      reportUnanswerable(ctx, source, path, when, parsed.expr);
      const result = findAnswers({ exprs: [parsed.expr], questions: library.questions, whenOf: (q) => ctx.questionConditions.get(q), predicate: (a) => evaluate(parsed.expr, a) });
      if (result.analysed && result.found === null) {
        ctx.report({ ruleId: 'dead-question', source: source, path, message: `no answers satisfy this condition, so ${entry.question.id} is never asked`, fix: 'fix the condition or remove the question' });
      }
    }
  }

  if (library.interview) checkConflicts(ctx);
  if (library.interview) for (const entry of library.questions.values()) checkFollows(ctx, entry);
};

/**
 * A question's consistency rules (`follows:`): each condition is checked like a `when`,
 * and reads only questions asked before this one (the suggestion is made from them); the
 * answer that follows is a valid answer to the question.
 */
function checkFollows(ctx: LintContext, entry: QuestionEntry): void {
  const rules = entry.question.follows;
  if (!rules) return;
  const { source, path: base } = entry.at('follows');
  rules.forEach((rule, i) => {
    const path = [...base, i, 'if'];
    const parsed = parseCondition(rule.if);
    if (!parsed.ok) {
      reportAt(ctx, source, path, rule.if, parsed.error.offset, parsed.error.length, 'condition-syntax', `the condition does not parse: ${parsed.error.message}`, parsed.error.fix);
      return;
    }
    if (!reportCheckIssues(ctx, source, path, rule.if, parsed.expr)) return;
    for (const ref of guardedRefs(parsed.expr)) {
      const other = ctx.library.questions.get(ref.name);
      if (other && other.index >= entry.index) {
        reportAt(
          ctx,
          source,
          path,
          rule.if,
          ref.start,
          ref.end - ref.start,
          'question-order',
          other.question.id === entry.question.id ? `a rule of ${entry.question.id} depends on its own answer` : `a rule of ${entry.question.id} depends on ${ref.name}, which is asked after it`,
          `move ${ref.name} before ${entry.question.id} in clauses/questions.yaml, or write the rule on ${ref.name}`,
        );
      }
    }
    const problem = answerProblem(entry.question, rule.answer, 'en');
    if (problem) ctx.report({ ruleId: 'answer-invalid', source, path: [...base, i, 'answer'], message: `the answer that follows is not an answer to ${entry.question.id}: ${problem.message}`, ...(problem.fix ? { fix: problem.fix } : {}) });
  });
}

/**
 * The conditions of a clause's passages: checked like any condition, and read together with
 * the clause's own: a passage that never prints when the clause applies is dead, one that
 * always prints with it needs no condition.
 */
function checkPassageConditions(ctx: LintContext, clause: Located<Clause>): void {
  const { id, when: clauseWhen } = clause.value;
  const clauseExpr = ctx.clauseConditions.get(id);
  passagesOf(clause.value.text).forEach((passage, i) => {
    const when = passage.when;
    if (when === undefined) return;
    const path = ['text', i, 'when'];
    const parsed = parseCondition(when);
    if (!parsed.ok) {
      reportAt(ctx, clause.source, path, when, parsed.error.offset, parsed.error.length, 'condition-syntax', `the condition does not parse: ${parsed.error.message}`, parsed.error.fix);
      return;
    }
    if (!reportCheckIssues(ctx, clause.source, path, when, parsed.expr)) return;
    reportUnanswerable(ctx, clause.source, path, when, parsed.expr);
    if (clauseWhen !== undefined && !clauseExpr) return; // the clause's own condition is broken: its error comes first
    const exprs = clauseExpr ? [clauseExpr, parsed.expr] : [parsed.expr];
    const applies = (a: ReadonlyMap<string, AnswerValue>) => !clauseExpr || evaluate(clauseExpr, a);
    const search = (predicate: (a: ReadonlyMap<string, AnswerValue>) => boolean) =>
      findAnswers({ exprs, questions: ctx.library.questions, whenOf: (q) => ctx.questionConditions.get(q), predicate });
    const prints = search((a) => applies(a) && evaluate(parsed.expr, a));
    if (!prints.analysed) {
      ctx.report({ ruleId: 'not-analysed', source: clause.source, path, message: `the condition is not checked for dead or always-true cases: ${prints.reason}` });
      return;
    }
    if (prints.found === null) {
      ctx.report({
        ruleId: 'dead-passage',
        source: clause.source,
        path,
        message: `no answers that select ${id} satisfy this condition, so passage ${i + 1} never prints`,
        fix: "check the values it compares against the clause's own condition and the skip logic (`when`) of the questions it uses",
      });
      return;
    }
    const left = search((a) => applies(a) && !evaluate(parsed.expr, a));
    if (left.analysed && left.found === null) {
      ctx.report({
        ruleId: 'always-true',
        source: clause.source,
        path,
        message: `every set of answers that selects ${id} satisfies this condition, so passage ${i + 1} always prints with the clause`,
        fix: "remove the passage's `when`",
      });
    }
  });
}

/** Report the checker's issues; true when there were none. */
function reportCheckIssues(ctx: LintContext, source: YamlSource, path: PathSegment[], text: string, expr: Expr): boolean {
  const issues = checkCondition(expr, ctx.library.questions);
  for (const issue of issues) reportAt(ctx, source, path, text, issue.offset, issue.length, issue.ruleId, issue.message, issue.fix);
  return issues.length === 0;
}

interface Verdict {
  issues: CheckIssue[];
  unanswerable: UnanswerableRef[];
  outcome: { kind: 'not-analysed'; reason: string } | { kind: 'dead' } | { kind: 'always-true' } | { kind: 'ok' };
}

interface UnanswerableRef {
  name: string;
  start: number;
  end: number;
}

/** Everything lint says about one condition text, independent of the file it sits in. */
function judge(ctx: LintContext, expr: Expr): Verdict {
  const issues = checkCondition(expr, ctx.library.questions);
  if (issues.length > 0) return { issues, unanswerable: [], outcome: { kind: 'ok' } };
  const search = (predicate: (a: ReadonlyMap<string, AnswerValue>) => boolean): SearchResult =>
    findAnswers({ exprs: [expr], questions: ctx.library.questions, whenOf: (q) => ctx.questionConditions.get(q), predicate });
  const unanswerable = unanswerableRefs(ctx, expr);
  const satisfiable = search((a) => evaluate(expr, a));
  if (!satisfiable.analysed) return { issues, unanswerable, outcome: { kind: 'not-analysed', reason: satisfiable.reason } };
  if (satisfiable.found === null) return { issues, unanswerable, outcome: { kind: 'dead' } };
  const falsifiable = search((a) => !evaluate(expr, a));
  return { issues, unanswerable, outcome: falsifiable.analysed && falsifiable.found === null ? { kind: 'always-true' } : { kind: 'ok' } };
}

/** A question read where its own skip logic guarantees it has no answer. */
function reportUnanswerable(ctx: LintContext, source: YamlSource, path: PathSegment[], text: string, expr: Expr): void {
  for (const ref of unanswerableRefs(ctx, expr)) reportUnanswerableRef(ctx, source, path, text, ref);
}

function unanswerableRefs(ctx: LintContext, expr: Expr): UnanswerableRef[] {
  const { library } = ctx;
  const seen = new Set<string>();
  const out: UnanswerableRef[] = [];
  for (const ref of guardedRefs(expr)) {
    const when = ctx.questionConditions.get(ref.name);
    if (!when || seen.has(ref.name)) continue;
    seen.add(ref.name);
    const result = findAnswers({
      exprs: [expr, when],
      questions: library.questions,
      whenOf: (q) => ctx.questionConditions.get(q),
      predicate: (a) => ref.guard(a) && evaluate(when, a),
    });
    if (result.analysed && result.found === null) out.push({ name: ref.name, start: ref.start, end: ref.end });
  }
  return out;
}

function reportUnanswerableRef(ctx: LintContext, source: YamlSource, path: PathSegment[], text: string, ref: UnanswerableRef): void {
  reportAt(
    ctx,
    source,
    path,
    text,
    ref.start,
    ref.end - ref.start,
    'unanswerable-question',
    `${ref.name} is never answered here: it is asked only when ${ctx.library.questions.get(ref.name)!.question.when}, which cannot hold at this point of the condition`,
    'rewrite the condition so it reads this question only where it is asked',
  );
}

/** A clause that requires B while another selected clause excludes B, for some answers. */
function checkConflicts(ctx: LintContext): void {
  const { library } = ctx;
  const selectable = library.clauses.filter((c) => c.value.status === 'approved' && !ctx.clauseConditionErrors.has(c.value.id));
  const closure = new Map<string, Set<string>>();
  const requiresOf = (id: string): Set<string> => {
    const cached = closure.get(id);
    if (cached) return cached;
    const out = new Set<string>();
    closure.set(id, out);
    for (const next of library.clauseById.get(id)?.value.requires ?? []) {
      if (out.has(next)) continue;
      out.add(next);
      for (const further of requiresOf(next)) out.add(further);
    }
    return out;
  };
  const conditionOf = (id: string) => ctx.clauseConditions.get(id);
  for (const excluder of selectable) {
    (excluder.value.excludes ?? []).forEach((excluded, i) => {
      for (const requirer of selectable) {
        if (!requiresOf(requirer.value.id).has(excluded)) continue;
        if (requirer.value.id === excluder.value.id && (excluder.value.requires ?? []).includes(excluded)) continue; // requires-and-excludes
        const a = conditionOf(requirer.value.id);
        const b = conditionOf(excluder.value.id);
        const exprs = [a, b].filter((e): e is Expr => e !== undefined);
        const result = findAnswers({
          exprs,
          questions: library.questions,
          whenOf: (q) => ctx.questionConditions.get(q),
          predicate: (ans) => exprs.every((e) => evaluate(e, ans)),
        });
        if (!result.analysed || result.found === null) continue;
        const example = describeAnswers(result.found, exprs);
        ctx.report({
          ruleId: 'requires-excluded',
          source: excluder.source,
          path: ['excludes', i],
          message: `${excluder.value.id} excludes ${excluded}, but ${requirer.value.id} requires it, and both apply when ${example}`,
          fix: 'narrow one of the two conditions, or drop the requires or the excludes',
        });
        break;
      }
    });
  }
}

function describeAnswers(answers: ReadonlyMap<string, AnswerValue>, exprs: Expr[]): string {
  const ids = new Set(exprs.flatMap((e) => questionIdsOf(e)));
  const parts = [...answers].filter(([id]) => ids.has(id)).map(([id, v]) => `${id}: ${Array.isArray(v) ? `[${v.join(', ')}]` : String(v)}`);
  return parts.length > 0 ? parts.join(', ') : 'any answers';
}

function reportAt(
  ctx: LintContext,
  source: YamlSource,
  path: PathSegment[],
  text: string,
  offset: number,
  length: number,
  ruleId: string,
  message: string,
  fix?: string,
): void {
  ctx.report({ ruleId, source, path, inString: { value: text, offset, length: Math.max(1, length) }, message, fix });
}
