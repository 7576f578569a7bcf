import type { Finding } from '../finding.js';
import { countBySeverity } from '../finding.js';
import { pick, type Library, type Located } from '../library/model.js';
import { checkAnswers, missingRequired, type CheckedAnswers } from '../library/validate-answers.js';
import { locate } from '../library/yaml-source.js';
import type { Scenario } from '../schema/scenario.js';
import { selectClauses, type Decision } from './select.js';

export interface Mismatch {
  id: string;
  /** Why it came out the way it did, in a few words. */
  why: string;
}

export interface ScenarioResult {
  file: string;
  name: string;
  passed: boolean;
  /** Problems with the scenario's answers (errors fail the scenario). */
  answerFindings: Finding[];
  expectedInButOut: Mismatch[];
  expectedOutButIn: Mismatch[];
  /** With `exactly: true`: selected, but not listed under include. */
  unexpected: Mismatch[];
  selected: string[];
}

/** Run every scenario of the library: answers → selection → compare with expectations. */
export function runScenarios(library: Library): ScenarioResult[] {
  const clauses = library.clauses.map((c) => c.value);
  const language = library.manifest?.value.defaultLanguage ?? library.manifest?.value.languages[0] ?? 'en';
  return library.scenarios.map((scenario) => runScenario(library, clauses, scenario, language));
}

function runScenario(library: Library, clauses: Library['clauses'][number]['value'][], scenario: Located<Scenario>, language: string): ScenarioResult {
  const { value } = scenario;
  const checked = checkScenarioAnswers(library, scenario, language);
  const selection = selectClauses(clauses, checked.answers, { includeDrafts: value.includeDrafts === true });
  const included = new Set(selection.included);
  const why = (id: string): string => describeDecision(selection.byId.get(id));
  const expectIn = value.expect.include ?? [];
  const expectOut = value.expect.exclude ?? [];
  const expectedInButOut = expectIn.filter((id) => !included.has(id)).map((id) => ({ id, why: why(id) }));
  const expectedOutButIn = expectOut.filter((id) => included.has(id)).map((id) => ({ id, why: why(id) }));
  const unexpected = value.expect.exactly ? selection.included.filter((id) => !expectIn.includes(id)).map((id) => ({ id, why: why(id) })) : [];
  const answerErrors = countBySeverity(checked.findings).error;
  return {
    file: scenario.source.file,
    name: value.name,
    passed: answerErrors === 0 && expectedInButOut.length === 0 && expectedOutButIn.length === 0 && unexpected.length === 0,
    answerFindings: checked.findings,
    expectedInButOut,
    expectedOutButIn,
    unexpected,
    selected: selection.included,
  };
}

/**
 * A scenario's answers checked as `build` checks an answers file: each answer valid, and
 * every required question its answers ask answered. A scenario that `build` would refuse
 * tests a tender no officer could produce, so a missing answer is an error too.
 */
export function checkScenarioAnswers(library: Library, scenario: Located<Scenario>, language: string): CheckedAnswers {
  const checked = checkAnswers(library, scenario.value.answers, scenario.source, ['answers'], language);
  const at = locate(scenario.source, ['answers'], 'key');
  const missing: Finding[] = missingRequired(library, checked.answers).map((entry) => ({
    ruleId: 'missing-answer',
    severity: 'error',
    file: scenario.source.file,
    ...at,
    message: `no answer to ${entry.question.id}, which these answers ask and build requires`,
    fix: `add ${entry.question.id} under answers (the question: "${pick(entry.question.prompt, language)}")`,
  }));
  return { ...checked, findings: [...checked.findings, ...missing] };
}

/** A decision in a few words: "condition false", "required by x", "not a clause of this library". */
export function describeDecision(decision: Decision | undefined): string {
  if (!decision) return 'not a clause of this library';
  const reason = decision.reasons[0];
  if (!reason) return decision.included ? 'selected' : 'not selected';
  switch (reason.kind) {
    case 'always':
      return 'no condition: always applies';
    case 'condition':
      return reason.holds ? `condition holds: ${reason.when}` : `condition does not hold: ${reason.when}`;
    case 'required-by':
      return `required by ${reason.by.join(', ')}`;
    case 'excluded-by':
      return `excluded by ${reason.by.join(', ')}`;
    case 'draft':
      return 'draft (set includeDrafts: true to test drafts)';
    case 'deprecated':
      return reason.supersededBy ? `deprecated, superseded by ${reason.supersededBy}` : 'deprecated';
    case 'invalid-condition':
      return `its condition does not parse: ${reason.message}`;
  }
}
