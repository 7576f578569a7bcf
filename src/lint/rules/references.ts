import { suggestion } from '../../text/did-you-mean.js';
import type { Check, LintContext } from '../context.js';

/** requires / excludes / supersededBy / template and scenario references, cycles and status rules. */
export const checkReferences: Check = (ctx) => {
  const { library } = ctx;
  // A base clause the library excludes is reported at its exclusion when something still needs it (exclude-required).
  const exists = (id: string) => library.clauseById.has(id) || library.brokenClauseIds.has(id) || library.excluded.has(id);
  const categories = new Set((library.manifest?.value.categories ?? []).map((c) => c.id));

  for (const clause of library.clauses) {
    const { id, requires = [], excludes = [], supersededBy, status } = clause.value;
    const refLists: ['requires' | 'excludes', string[]][] = [
      ['requires', requires],
      ['excludes', excludes],
    ];
    for (const [field, list] of refLists) {
      list.forEach((ref, i) => {
        if (ref === id) {
          ctx.report({ ruleId: 'unknown-reference', source: clause.source, path: [field, i], message: `${id} ${field} itself`, fix: 'remove it' });
        } else if (!exists(ref)) {
          ctx.report({
            ruleId: 'unknown-reference',
            source: clause.source,
            path: [field, i],
            message: `${field} names ${ref}, which is not a clause of this library`,
            fix: suggestion(ref, library.clauseById.keys()) ?? 'remove it or create the clause',
          });
        }
      });
    }
    requires.forEach((ref, i) => {
      if (excludes.includes(ref)) {
        ctx.report({ ruleId: 'requires-and-excludes', source: clause.source, path: ['requires', i], message: `${id} both requires and excludes ${ref}`, fix: 'keep one of the two' });
      }
      const target = library.clauseById.get(ref);
      if (status === 'approved' && target && target.value.status !== 'approved') {
        ctx.report({
          ruleId: 'approved-requires-draft',
          source: clause.source,
          path: ['requires', i],
          message: `approved clause ${id} requires ${ref}, which is ${target.value.status}`,
          fix: target.value.status === 'deprecated' && target.value.supersededBy ? `require ${target.value.supersededBy} instead` : `approve ${ref} first, or drop the requirement`,
        });
      }
    });
    if (supersededBy !== undefined && !exists(supersededBy)) {
      ctx.report({
        ruleId: 'unknown-reference',
        source: clause.source,
        path: ['supersededBy'],
        message: `supersededBy names ${supersededBy}, which is not a clause of this library`,
        fix: suggestion(supersededBy, library.clauseById.keys()),
      });
    }
    if (status === 'deprecated' && supersededBy === undefined) {
      ctx.report({ ruleId: 'deprecated-without-successor', source: clause.source, path: ['status'], message: `${id} is deprecated but does not say what supersedes it`, fix: 'add supersededBy: <clause id> (or delete the clause if nothing does)' });
    }
  }

  checkCycles(ctx);
  checkExcludeChains(ctx);

  for (const template of library.templates) {
    const placed = new Set<string>();
    template.value.parts.forEach((part, p) => {
      part.include.forEach((ref, i) => {
        const path = ['parts', p, 'include', i];
        if (ref.includes('.')) {
          const target = library.clauseById.get(ref);
          if (!exists(ref)) {
            ctx.report({ ruleId: 'unknown-reference', source: template.source, path, message: `${ref} is not a clause of this library`, fix: suggestion(ref, library.clauseById.keys()) });
          } else if (target?.value.status === 'deprecated') {
            ctx.report({
              ruleId: 'template-deprecated-clause',
              source: template.source,
              path,
              message: `the template places ${ref}, which is deprecated`,
              fix: target.value.supersededBy ? `use ${target.value.supersededBy} instead` : 'remove it',
            });
          }
          if (placed.has(ref)) ctx.report({ ruleId: 'duplicate-include', source: template.source, path, message: `${ref} is already placed earlier in this template`, fix: 'remove this entry' });
          placed.add(ref);
        } else if (!categories.has(ref)) {
          ctx.report({ ruleId: 'unknown-reference', source: template.source, path, message: `${ref} is not a category of this library`, fix: suggestion(ref, categories) ?? 'name a category or a clause id' });
        } else {
          if (placed.has(ref)) ctx.report({ ruleId: 'duplicate-include', source: template.source, path, message: `category ${ref} is already placed earlier in this template`, fix: 'remove this entry' });
          placed.add(ref);
        }
      });
    });
  }

  // A category whose clauses no template places never reaches a document.
  if (library.templates.length > 0) {
    const placedCategories = new Set<string>();
    const placedClauses = new Set<string>();
    for (const t of library.templates) for (const part of t.value.parts) for (const ref of part.include) (ref.includes('.') ? placedClauses : placedCategories).add(ref);
    const reported = new Set<string>();
    for (const clause of library.clauses) {
      const { category, id, status } = clause.value;
      if (status === 'deprecated' || placedCategories.has(category) || placedClauses.has(id) || reported.has(category)) continue;
      reported.add(category);
      ctx.report({ ruleId: 'unused-category', source: clause.source, path: ['category'], message: `no template places category ${category}, so ${id} never appears in a document`, fix: `add ${category} to a template's include list` });
    }
  }

  for (const scenario of library.scenarios) {
    const { expect: expectation, template } = scenario.value;
    for (const field of ['include', 'exclude'] as const) {
      (expectation[field] ?? []).forEach((ref, i) => {
        if (!exists(ref)) {
          ctx.report({ ruleId: 'unknown-reference', source: scenario.source, path: ['expect', field, i], message: `${ref} is not a clause of this library`, fix: suggestion(ref, library.clauseById.keys()) });
        }
      });
    }
    if (template !== undefined && !library.templateById.has(template)) {
      ctx.report({ ruleId: 'unknown-reference', source: scenario.source, path: ['template'], message: `there is no template ${template}`, fix: suggestion(template, library.templateById.keys()) });
    }
    if ((expectation.include ?? []).length === 0 && (expectation.exclude ?? []).length === 0 && !expectation.exactly) {
      ctx.report({ ruleId: 'scenario-no-expectation', source: scenario.source, path: ['expect'], message: 'the scenario expects nothing, so it can never fail', fix: 'list clauses under expect.include and expect.exclude' });
    }
  }
};

/** Cycles in `requires`, each reported once, at the clause that closes it. */
function checkCycles(ctx: LintContext): void {
  const { library } = ctx;
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const reported = new Set<string>();
  const visit = (id: string): void => {
    state.set(id, 'visiting');
    stack.push(id);
    const clause = library.clauseById.get(id);
    (clause?.value.requires ?? []).forEach((next, i) => {
      if (!library.clauseById.has(next) || next === id) return;
      const s = state.get(next);
      if (s === 'visiting') {
        const cycle = [...stack.slice(stack.indexOf(next)), next];
        const key = [...cycle].slice(0, -1).sort().join(' ');
        if (!reported.has(key) && clause) {
          reported.add(key);
          ctx.report({ ruleId: 'requires-cycle', source: clause.source, path: ['requires', i], message: `requires go round in a circle: ${cycle.join(' → ')}`, fix: 'remove one of these requires' });
        }
      } else if (s === undefined) {
        visit(next);
      }
    });
    stack.pop();
    state.set(id, 'done');
  };
  for (const id of [...library.clauseById.keys()].sort()) if (!state.has(id)) visit(id);
}

function checkExcludeChains(ctx: LintContext): void {
  const { library } = ctx;
  for (const clause of library.clauses) {
    (clause.value.excludes ?? []).forEach((excluded, i) => {
      const target = library.clauseById.get(excluded);
      const further = target?.value.excludes ?? [];
      if (further.length > 0 && !further.includes(clause.value.id)) {
        ctx.report({
          ruleId: 'exclude-chain',
          source: clause.source,
          path: ['excludes', i],
          message: `${clause.value.id} excludes ${excluded}, which itself excludes ${further.join(', ')}`,
          fix: 'exclude directly what should be left out',
        });
      }
    });
  }
}
