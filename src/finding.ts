/** What lint, load and answer validation report: one problem at one place. */
export type Severity = 'error' | 'warning' | 'info';

export interface Position {
  line: number; // 1-based
  column: number; // 1-based, in UTF-16 code units as editors count them
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** Path relative to the library folder (or as the user typed it), with forward slashes. */
  file: string;
  start: Position;
  end?: Position;
  message: string;
  /** How to fix it, when clausula can say: "did you mean processesPersonalData?" */
  fix?: string;
}

export const severityRank: Record<Severity, number> = { error: 2, warning: 1, info: 0 };

export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.start.line - b.start.line ||
    a.start.column - b.start.column ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** `file:line:column` as editors and terminals link it. */
export function formatLocation(f: Pick<Finding, 'file' | 'start'>): string {
  return `${f.file}:${f.start.line}:${f.start.column}`;
}
