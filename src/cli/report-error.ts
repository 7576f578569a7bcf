import { Chalk } from 'chalk';
import { ClausulaError, InputError } from '../errors.js';
import { formatLocation } from '../finding.js';
import { terminalSafe, terminalSafeStrings } from '../text/terminal-safe.js';

/** One paragraph: what went wrong, where, how to fix it. A stack only with --debug. */
export function formatError(error: unknown, { debug, color }: { debug: boolean; color: boolean }): string {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  // Messages quote libraries, answers and documents: what they hold must not act on the terminal.
  if (error instanceof ClausulaError) {
    const lines = [`${chalk.red('clausula: error:')} ${terminalSafe(error.message)}`];
    if (error instanceof InputError) {
      for (const f of terminalSafeStrings(error.findings)) {
        lines.push(`  ${formatLocation(f)}  ${f.severity === 'error' ? chalk.red(f.severity) : chalk.yellow(f.severity)}  ${f.message}${f.fix ? chalk.dim(` (${f.fix})`) : ''}  ${chalk.dim(f.ruleId)}`);
      }
    }
    if (error.fix) lines.push(`${chalk.bold('How to fix:')} ${terminalSafe(error.fix)}`);
    if (debug && error.stack) lines.push(chalk.dim(terminalSafe(error.stack, 'text')));
    return lines.join('\n') + '\n';
  }
  const message = error instanceof Error ? error.message : String(error);
  const lines = [`${chalk.red('clausula: unexpected error:')} ${terminalSafe(message)}`];
  if (debug && error instanceof Error && error.stack) lines.push(chalk.dim(terminalSafe(error.stack, 'text')));
  else lines.push('This is a bug in clausula. Run the command again with --debug to see the details, and report them.');
  return lines.join('\n') + '\n';
}
