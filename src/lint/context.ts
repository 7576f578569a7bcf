import type { Clause } from '../schema/clause.js';
import type { Expr } from '../expr/ast.js';
import { parseCondition, type ParseError } from '../expr/parse.js';
import type { Finding, Severity } from '../finding.js';
import type { Library, Located } from '../library/model.js';
import { locate, locateInString, shownFile, type PathSegment, type YamlSource } from '../library/yaml-source.js';
import { ruleMeta } from './rule-meta.js';
import { questionConditions } from '../library/validate-answers.js';
import { passagesOf } from '../text/passages.js';

/** What every check sees: the library, parsed conditions (parsed once), and a reporter. */
export interface LintContext {
  library: Library;
  languages: string[];
  /** Parsed clause conditions by clause id; absent when the clause has no `when` or it does not parse. */
  clauseConditions: Map<string, Expr>;
  clauseConditionErrors: Map<string, ParseError>;
  /** Parsed passage conditions: clause id → passage index → condition (absent when it does not parse). */
  passageConditions: Map<string, Map<number, Expr>>;
  questionConditions: Map<string, Expr>;
  /** The command that writes the lock, as the user can run it (`npx clausula lock`), for the fixes that name it. */
  lockCommand: string;
  report(finding: ReportInput): void;
  findings: Finding[];
}

export interface ReportInput {
  ruleId: string;
  source: YamlSource;
  /** Where: a path to a value in the file... */
  path?: readonly PathSegment[];
  target?: 'key' | 'value';
  /** ...or a piece of a string value at that path. */
  inString?: { value: string; offset: number; length: number };
  message: string;
  fix?: string | undefined;
  severity?: Severity;
}

export function createContext(library: Library, lockCommand = 'clausula lock'): LintContext {
  const findings: Finding[] = [];
  const clauseConditions = new Map<string, Expr>();
  const clauseConditionErrors = new Map<string, ParseError>();
  const passageConditions = new Map<string, Map<number, Expr>>();
  for (const clause of library.clauses) {
    const when = clause.value.when;
    if (when !== undefined) {
      const parsed = parseCondition(when);
      if (parsed.ok) clauseConditions.set(clause.value.id, parsed.expr);
      else clauseConditionErrors.set(clause.value.id, parsed.error);
    }
    passagesOf(clause.value.text).forEach((passage, i) => {
      if (passage.when === undefined) return;
      const parsed = parseCondition(passage.when);
      if (!parsed.ok) return;
      const byIndex = passageConditions.get(clause.value.id) ?? new Map<number, Expr>();
      byIndex.set(i, parsed.expr);
      passageConditions.set(clause.value.id, byIndex);
    });
  }
  return {
    library,
    languages: library.manifest?.value.languages ?? [],
    clauseConditions,
    clauseConditionErrors,
    passageConditions,
    questionConditions: questionConditions(library),
    lockCommand,
    findings,
    report(input) {
      const path = input.path ?? [];
      const range = input.inString
        ? locateInString(input.source, path, input.inString.value, input.inString.offset, input.inString.length)
        : locate(input.source, path, input.target ?? 'value');
      findings.push({
        ruleId: input.ruleId,
        severity: input.severity ?? ruleMeta(input.ruleId).severity,
        file: shownFile(input.source),
        start: range.start,
        end: range.end,
        message: input.message,
        ...(input.fix ? { fix: input.fix } : {}),
      });
    },
  };
}

export type Check = (ctx: LintContext) => void;

export function isApproved(clause: Located<Clause>): boolean {
  return clause.value.status === 'approved';
}
