import { countBySeverity, type Finding } from '../../finding.js';
import { terminalSafeStrings } from '../../text/terminal-safe.js';
import type { Formatter } from './types.js';

/** Grouped by file, one line a finding, aligned; a summary line at the end. */
export const formatStylish: Formatter = (unsafe, { chalk }) => {
  if (unsafe.length === 0) return '';
  // File names, messages and fixes quote the library.
  const findings = terminalSafeStrings(unsafe);
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const lines: string[] = [];
  for (const [file, list] of byFile) {
    lines.push(chalk.underline(file));
    const rows = list.map((f) => [
      `${f.start.line}:${f.start.column}`,
      f.severity === 'error' ? chalk.red('error') : f.severity === 'warning' ? chalk.yellow('warning') : chalk.blue('info'),
      f.message + (f.fix ? chalk.dim(` (${f.fix})`) : ''),
      chalk.dim(f.ruleId),
    ]);
    const plainWidth = (i: number) => Math.max(...list.map((f) => (i === 0 ? `${f.start.line}:${f.start.column}`.length : f.severity.length)));
    const w0 = plainWidth(0);
    const w1 = plainWidth(1);
    for (let r = 0; r < rows.length; r++) {
      const f = list[r]!;
      const row = rows[r]!;
      const pos = row[0]!.padEnd(w0);
      const sev = row[1]! + ' '.repeat(w1 - f.severity.length);
      lines.push(`  ${pos}  ${sev}  ${row[2]}  ${row[3]}`);
    }
    lines.push('');
  }
  const c = countBySeverity(findings);
  const parts = [`${c.error} ${c.error === 1 ? 'error' : 'errors'}`, `${c.warning} ${c.warning === 1 ? 'warning' : 'warnings'}`];
  if (c.info > 0) parts.push(`${c.info} ${c.info === 1 ? 'note' : 'notes'}`);
  const summary = `${c.error + c.warning + c.info} ${c.error + c.warning + c.info === 1 ? 'problem' : 'problems'} (${parts.join(', ')})`;
  lines.push(c.error > 0 ? chalk.red.bold(`✖ ${summary}`) : c.warning > 0 ? chalk.yellow.bold(`⚠ ${summary}`) : chalk.blue(`ℹ ${summary}`));
  return lines.join('\n') + '\n';
};
