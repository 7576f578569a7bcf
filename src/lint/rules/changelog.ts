import type { Check } from '../context.js';

/** The current version of every clause has its changelog entry. */
export const checkChangelog: Check = (ctx) => {
  for (const clause of ctx.library.clauses) {
    const { version, changelog } = clause.value;
    if (!changelog.some((entry) => entry.version === version)) {
      ctx.report({
        ruleId: 'changelog-missing',
        source: clause.source,
        path: ['changelog'],
        target: 'key',
        message: `the changelog has no entry for the current version ${version}`,
        fix: `add - { version: ${version}, date: YYYY-MM-DD, note: what changed }`,
      });
    }
  }
};
