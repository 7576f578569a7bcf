import { Chalk } from 'chalk';
import { UsageError } from '../../errors.js';
import { countBySeverity } from '../../finding.js';
import { formatters, type LintFormat } from '../../lint/format/index.js';
import { lintLibrary } from '../../lint/run-lint.js';
import { writeFileSafely } from '../../write/write-file.js';
import { toolVersion, type CommandContext } from '../context.js';
import { libraryFiles, loadFor, relativeToCwd } from '../load.js';

export async function run(ctx: CommandContext, args: string[], options: Record<string, unknown>): Promise<number> {
  const format = (options.format ?? 'stylish') as LintFormat;
  const maxWarnings = parseMaxWarnings(options.maxWarnings);
  const library = loadFor(ctx, args[0] ? ctx.resolvePath(args[0]) : undefined);
  let findings = lintLibrary(library, { lockCommand: ctx.command('lock', ...(args[0] ? [args[0]] : [])) });
  const allCounts = countBySeverity(findings);
  if (options.quiet) findings = findings.filter((f) => f.severity === 'error');
  const shown = relativeToCwd(ctx, library, findings);
  const toFile = options.output !== undefined;
  const chalk = new Chalk({ level: ctx.color && !toFile && format === 'stylish' ? 1 : 0 });
  const report = formatters[format](shown, { chalk, toolVersion: toolVersion(), root: ctx.io.cwd, ...(maxWarnings !== undefined ? { maxWarnings } : {}) });
  if (toFile) await writeFileSafely(ctx.resolvePath(String(options.output)), report, { kind: 'report', protect: libraryFiles(library), display: String(options.output) });
  else ctx.io.stdout.write(report);

  const counts = countBySeverity(findings);
  if (counts.error > 0) return 1;
  if (maxWarnings !== undefined && counts.warning > maxWarnings) {
    ctx.io.stderr.write(`clausula: ${counts.warning} warnings, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  if (format === 'stylish' && findings.length === 0 && !toFile) {
    const hidden = counts.warning + counts.info === 0 ? allCounts.warning + allCounts.info : 0;
    ctx.io.stdout.write(hidden > 0 ? `✔ ${library.clauses.length} clauses, no errors (${hidden} warnings and notes not shown: --quiet)\n` : `✔ ${library.clauses.length} clauses, no problems\n`);
  }
  return 0;
}

function parseMaxWarnings(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--max-warnings must be a whole number of 0 or more, not "${String(value)}"`);
  return n;
}
