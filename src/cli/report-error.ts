import { Chalk } from 'chalk';
import { ClausulaError, InputError } from '../errors.js';
import { formatLocation, type Severity } from '../finding.js';
import { messages } from '../text/messages/index.js';
import { terminalSafe, terminalSafeStrings } from '../text/terminal-safe.js';

/** One paragraph: what went wrong, where, how to fix it, in the officer's language. A stack only with --debug. */
export function formatError(error: unknown, { debug, color, language }: { debug: boolean; color: boolean; language: string }): string {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const t = messages(language).common;
  // Messages quote libraries, answers and documents: what they hold must not act on the terminal.
  if (error instanceof ClausulaError) {
    const lines = [`${chalk.red(`clausula: ${t.error}:`)} ${terminalSafe(error.message)}`];
    if (error instanceof InputError) {
      for (const f of terminalSafeStrings(error.findings)) {
        const severity = severityWord(f.severity, language);
        lines.push(`  ${formatLocation(f)}  ${f.severity === 'error' ? chalk.red(severity) : chalk.yellow(severity)}  ${f.message}${f.fix ? chalk.dim(` (${f.fix})`) : ''}  ${chalk.dim(f.ruleId)}`);
      }
    }
    if (error.fix) lines.push(`${chalk.bold(t.howToFix)} ${terminalSafe(error.fix)}`);
    if (debug && error.stack) lines.push(chalk.dim(terminalSafe(error.stack, 'text')));
    return lines.join('\n') + '\n';
  }
  const message = error instanceof Error ? error.message : String(error);
  const lines = [`${chalk.red(`clausula: ${t.unexpected}:`)} ${terminalSafe(message)}`];
  if (debug && error instanceof Error && error.stack) lines.push(chalk.dim(terminalSafe(error.stack, 'text')));
  else lines.push(t.bug);
  return lines.join('\n') + '\n';
}

/** "error", "warning", "info" in a language. */
export function severityWord(severity: Severity, language: string): string {
  const t = messages(language).common;
  return severity === 'error' ? t.error : severity === 'warning' ? t.warning : t.info;
}

/** `clausula: warning: …`, the way every command warns, in the officer's language. */
export function warningLine(message: string, language: string): string {
  return `clausula: ${messages(language).common.warning}: ${terminalSafe(message)}\n`;
}
