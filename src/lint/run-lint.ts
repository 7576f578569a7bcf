import { posix } from 'node:path';
import { compareFindings, countBySeverity, type Finding } from '../finding.js';
import { ownLayer, type Library } from '../library/model.js';
import { locate } from '../library/yaml-source.js';
import { createContext, type Check } from './context.js';
import { checkChangelog } from './rules/changelog.js';
import { checkClauseText, checkUnusedQuestions } from './rules/clause-text.js';
import { checkConditions } from './rules/conditions.js';
import { checkLayers } from './rules/layers.js';
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
  checkLayers,
];

export interface LintOptions {
  /** Extra checks (versioning against a lock, for instance) that need more than the library. */
  extraChecks?: readonly Check[];
  /** The command that writes the lock, as the user can run it; `clausula lock` by default. */
  lockCommand?: string;
}

/**
 * Lint a loaded library: load and schema findings first, then every semantic check. Sorted
 * by file and position.
 *
 * A library that extends a base is linted merged over it, so that what its layer does to the
 * base shows (a question it changed that a base condition compares, a category its template
 * no longer places), wherever in the base that lands. What the base has wrong on its own is
 * not this library's to fix: those findings are left out, and its errors are counted in one
 * finding where `extends` names the base. A base that cannot be used leaves nothing to check
 * the library's names against: only its own reading problems and the base's are reported.
 */
export function lintLibrary(library: Library, options: LintOptions = {}): Finding[] {
  if (library.baseUnavailable) return dedupe(library.findings).sort(compareFindings);
  const ctx = createContext(library, options.lockCommand);
  for (const check of [...checks, ...(options.extraChecks ?? [])]) check(ctx);
  let findings = dedupe([...library.findings, ...ctx.findings]);
  if (library.base) {
    const ofBase = lintLibrary(library.base);
    findings = [...withoutBaseFindings(findings, library, ofBase), ...baseErrors(library, ofBase)];
  }
  return findings.sort(compareFindings);
}

/**
 * A circle or a conflict in the chain of bases depends on the libraries above the base as
 * much as on the base: it is reported wherever it is found, and never counted as the base's own.
 */
const CHAIN_RULES = new Set(['base-cycle', 'base-conflict']);

/** The base's own findings (its lint, seen from this library's folder): what is left is this library's doing. */
function withoutBaseFindings(findings: Finding[], library: Library, ofBase: readonly Finding[]): Finding[] {
  const prefix = library.layers[1]!.prefix;
  const own = new Set(ofBase.filter((f) => !CHAIN_RULES.has(f.ruleId)).map((f) => key({ ...f, file: posix.join(prefix, f.file) })));
  return findings.filter((f) => !own.has(key(f)));
}

/** One finding, where `extends` names the base, for the errors the base has of its own. */
function baseErrors(library: Library, ofBase: readonly Finding[]): Finding[] {
  const { error } = countBySeverity(ofBase.filter((f) => !CHAIN_RULES.has(f.ruleId)));
  if (error === 0) return [];
  const manifest = ownLayer(library)!.manifest;
  const layer = library.layers[1]!;
  const where = layer.found?.kind === 'shipped' ? 'clausula lint' : `clausula lint ${layer.prefix}`;
  return [
    {
      ruleId: 'base-errors',
      severity: 'error',
      file: manifest.source.file,
      ...locate(manifest.source, ['extends']),
      message: `the base ${layer.release} has ${error === 1 ? 'an error' : `${error} errors`} of its own`,
      fix: `\`${where}\` shows ${error === 1 ? 'it' : 'them'}; they are for the base's maintainers to fix, or extend a release without them`,
    },
  ];
}

function key(f: Finding): string {
  return `${f.file}:${f.start.line}:${f.start.column}:${f.ruleId}:${f.message}`;
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = key(f);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
