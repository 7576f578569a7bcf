import { compareFindings, type Finding } from '../finding.js';
import type { Library } from '../library/model.js';
import { createContext, type Check } from './context.js';
import { checkChangelog } from './rules/changelog.js';
import { checkClauseText, checkUnusedQuestions } from './rules/clause-text.js';
import { checkConditions } from './rules/conditions.js';
import { checkDefinitions } from './rules/definitions.js';
import { checkQuestions } from './rules/questions.js';
import { checkReferences } from './rules/references.js';
import { checkStructure } from './rules/structure.js';
import { checkTranslations } from './rules/translations.js';
import { checkScenarioAnswers } from './rules/scenarios.js';
import { checkVersions } from './rules/versions.js';

/** The checks, in the order their findings read best. Each is a small function over the context. */
export const checks: Check[] = [
  checkStructure,
  checkReferences,
  checkTranslations,
  checkQuestions,
  checkConditions,
  checkClauseText,
  checkDefinitions,
  checkUnusedQuestions,
  checkChangelog,
  checkVersions,
  checkScenarioAnswers,
];

export interface LintOptions {
  /** Extra checks (versioning against a lock, for instance) that need more than the library. */
  extraChecks?: readonly Check[];
}

/** Lint a loaded library: load and schema findings first, then every semantic check. Sorted by file and position. */
export function lintLibrary(library: Library, options: LintOptions = {}): Finding[] {
  const ctx = createContext(library);
  for (const check of [...checks, ...(options.extraChecks ?? [])]) check(ctx);
  return dedupe([...library.findings, ...ctx.findings]).sort(compareFindings);
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.file}:${f.start.line}:${f.start.column}:${f.ruleId}:${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
