import { countBySeverity } from '../../finding.js';
import type { Formatter } from './types.js';
import { terminalJson } from '../../text/terminal-safe.js';

/**
 * Stable JSON: { version: 1, summary: { errors, warnings, infos }, findings: [ { ruleId, severity,
 * file, line, column, endLine, endColumn, message, fix } ] }.
 */
export const formatJson: Formatter = (findings) => {
  const c = countBySeverity(findings);
  return (
    terminalJson(
      {
        version: 1,
        summary: { errors: c.error, warnings: c.warning, infos: c.info },
        findings: findings.map((f) => ({
          ruleId: f.ruleId,
          severity: f.severity,
          file: f.file,
          line: f.start.line,
          column: f.start.column,
          endLine: f.end?.line ?? f.start.line,
          endColumn: f.end?.column ?? f.start.column,
          message: f.message,
          ...(f.fix ? { fix: f.fix } : {}),
        })),
      }) + '\n'
  );
};
