import { messages } from '../text/messages/index.js';
import type { Clause } from '../schema/clause.js';
import type { Expr } from '../expr/ast.js';
import { trace, type Answers, type Trace } from '../expr/evaluate.js';
import { parseCondition } from '../expr/parse.js';

export interface SelectOptions {
  /** Let draft clauses be selected (for reviewing drafts); never in a tender. */
  includeDrafts?: boolean;
}

/** Why a clause is in or out. The first reason is the deciding one. */
export type Reason =
  | { kind: 'always' }
  | { kind: 'condition'; holds: boolean; when: string; expr: Expr; trace: Trace }
  | { kind: 'required-by'; by: string[] }
  | { kind: 'excluded-by'; by: string[] }
  | { kind: 'draft' }
  | { kind: 'deprecated'; supersededBy?: string }
  | { kind: 'invalid-condition'; message: string };

export interface Decision {
  id: string;
  clause: Clause;
  included: boolean;
  reasons: Reason[];
}

/** A clause left out because a clause it requires cannot come in: a draft or deprecated one, or one excluded. */
export interface RequiresConflict {
  clause: string;
  requires: string;
  /** Why the required clause cannot come in. */
  status: 'draft' | 'deprecated' | 'excluded';
}

/** A conflict in plain words, in a language. */
export function describeConflict(c: RequiresConflict, language: string): string {
  const t = messages(language).build;
  return c.status === 'excluded' ? t.requiresExcluded(c.clause, c.requires) : t.requiresStatus(c.clause, c.requires, messages(language).explain.statuses[c.status]);
}

export interface Selection {
  /** Every clause, in the order given. */
  decisions: Decision[];
  byId: Map<string, Decision>;
  /** Ids of the clauses in, in the order given. */
  included: string[];
  /** Things the library should not allow (lint reports them); selection resolved them as described. */
  conflicts: RequiresConflict[];
}

/**
 * Decide which clauses a tender gets. Pure: library data and answers in, decisions out.
 *
 * 1. A clause is a candidate when it is approved (or a draft with includeDrafts) and its
 *    condition holds (no condition: always).
 * 2. `requires` pull clauses in, transitively (unless deprecated, or drafts without includeDrafts).
 * 3. Every clause in after step 2 leaves out the clauses it `excludes`; then the
 *    requires are followed again from the candidates that remain, never re-adding an excluded clause.
 */
export function selectClauses(clauses: readonly Clause[], answers: Answers, options: SelectOptions = {}): Selection {
  const byId = new Map<string, Decision>();
  const decisions: Decision[] = [];
  const conflicts: RequiresConflict[] = [];
  const seen = new Set<string>();
  const conflict = (c: RequiresConflict) => {
    const key = `${c.clause}\0${c.requires}`;
    if (!seen.has(key)) conflicts.push(c);
    seen.add(key);
  };
  const eligible = (c: Clause) => c.status === 'approved' || (c.status === 'draft' && options.includeDrafts === true);

  const candidates = new Set<string>();
  for (const clause of clauses) {
    const decision: Decision = { id: clause.id, clause, included: false, reasons: [] };
    decisions.push(decision);
    if (byId.has(clause.id)) continue;
    byId.set(clause.id, decision);
    if (clause.status === 'deprecated') {
      decision.reasons.push({ kind: 'deprecated', ...(clause.supersededBy ? { supersededBy: clause.supersededBy } : {}) });
    } else if (!eligible(clause)) {
      decision.reasons.push({ kind: 'draft' });
    }
    if (clause.when === undefined) {
      if (eligible(clause)) {
        decision.reasons.push({ kind: 'always' });
        candidates.add(clause.id);
      }
      continue;
    }
    const parsed = parseCondition(clause.when);
    if (!parsed.ok) {
      decision.reasons.push({ kind: 'invalid-condition', message: parsed.error.message });
      continue;
    }
    const t = trace(parsed.expr, answers);
    const holds = t.result === true;
    decision.reasons.push({ kind: 'condition', holds, when: clause.when, expr: parsed.expr, trace: t });
    if (holds && eligible(clause)) candidates.add(clause.id);
  }

  const closeOver = (start: Iterable<string>, blocked: ReadonlySet<string>): Map<string, Set<string>> => {
    // id → the clauses that pulled it in (empty set for candidates).
    const inSet = new Map<string, Set<string>>();
    const queue: string[] = [];
    for (const id of start) {
      if (blocked.has(id)) continue;
      inSet.set(id, new Set());
      queue.push(id);
    }
    while (queue.length > 0) {
      const id = queue.shift()!;
      for (const target of byId.get(id)?.clause.requires ?? []) {
        const d = byId.get(target);
        if (!d) continue;
        if (!eligible(d.clause)) {
          conflict({ clause: id, requires: target, status: d.clause.status === 'draft' ? 'draft' : 'deprecated' });
          continue;
        }
        if (blocked.has(target)) {
          conflict({ clause: id, requires: target, status: 'excluded' });
          continue;
        }
        const by = inSet.get(target);
        if (by) {
          by.add(id);
          continue;
        }
        inSet.set(target, new Set([id]));
        queue.push(target);
      }
    }
    return inSet;
  };

  const first = closeOver(candidates, new Set());
  const excludedBy = new Map<string, string[]>();
  for (const id of first.keys()) {
    for (const target of byId.get(id)?.clause.excludes ?? []) {
      if (!byId.has(target)) continue;
      excludedBy.set(target, [...(excludedBy.get(target) ?? []), id]);
    }
  }
  const final = closeOver(candidates, new Set(excludedBy.keys()));

  for (const decision of byId.values()) {
    const by = excludedBy.get(decision.id);
    if (by && (candidates.has(decision.id) || first.has(decision.id))) {
      decision.reasons.unshift({ kind: 'excluded-by', by: by.sort() });
      continue;
    }
    const pulledBy = final.get(decision.id);
    if (pulledBy === undefined) continue;
    decision.included = true;
    if (pulledBy.size > 0) {
      const reason: Reason = { kind: 'required-by', by: [...pulledBy].sort() };
      // For a clause whose own condition failed, "required by" is what decided it.
      if (candidates.has(decision.id)) decision.reasons.push(reason);
      else decision.reasons.unshift(reason);
    }
  }

  const included = decisions.filter((d) => d.included && byId.get(d.id) === d).map((d) => d.id);
  return { decisions, byId, included, conflicts };
}
