import { Chalk } from 'chalk';
import { UsageError } from '../../errors.js';
import { formatLocation } from '../../finding.js';
import { runScenarios, type ScenarioResult } from '../../assemble/scenarios.js';
import { xml } from '../../lint/format/junit.js';
import { writeFileSafely } from '../../write/write-file.js';
import type { CommandContext } from '../context.js';
import { displayPath, libraryFiles, loadFor, relativeToCwd } from '../load.js';
import { warnUnreadable } from './warn-unreadable.js';
import { join } from 'node:path';
import { terminalJson, terminalSafeStrings } from '../../text/terminal-safe.js';

export async function run(ctx: CommandContext, args: string[], options: Record<string, unknown>): Promise<number> {
  const format = String(options.format ?? 'stylish');
  const library = loadFor(ctx, args[0] ? ctx.resolvePath(args[0]) : undefined);
  warnUnreadable(ctx, library);
  const results = runScenarios(library).map((r) => ({
    ...r,
    file: displayPath(ctx, join(library.dir, r.file)),
    answerFindings: relativeToCwd(ctx, library, r.answerFindings),
  }));
  if (results.length === 0) {
    throw new UsageError(`the library has no scenarios (clauses/scenarios/*.yaml)`, 'add scenario files: answers and the clauses expected in and out; see docs/library-format.md');
  }
  const report = format === 'json' ? formatJson(results) : format === 'junit' ? formatJunit(results) : formatStylish(results, ctx.color && options.output === undefined);
  if (options.output !== undefined) await writeFileSafely(ctx.resolvePath(String(options.output)), report, { kind: 'report', protect: libraryFiles(library), display: String(options.output) });
  else ctx.io.stdout.write(report);
  return results.every((r) => r.passed) ? 0 : 1;
}

function formatStylish(unsafe: ScenarioResult[], color: boolean): string {
  // Scenario names, ids and messages come from the library.
  const results = terminalSafeStrings(unsafe);
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const out: string[] = [];
  for (const r of results) {
    out.push(`${r.passed ? chalk.green('✔') : chalk.red('✘')} ${r.file}  ${chalk.dim(r.name)}`);
    if (r.passed) continue;
    for (const f of r.answerFindings.filter((f) => f.severity === 'error')) out.push(`    ${formatLocation(f)}  answer error: ${f.message}${f.fix ? ` (${f.fix})` : ''}`);
    for (const m of r.expectedInButOut) out.push(`    expected in, but out:  ${chalk.bold(m.id)}  ${chalk.dim(`(${m.why})`)}`);
    for (const m of r.expectedOutButIn) out.push(`    expected out, but in:  ${chalk.bold(m.id)}  ${chalk.dim(`(${m.why})`)}`);
    for (const m of r.unexpected) out.push(`    selected, not expected (exactly):  ${chalk.bold(m.id)}  ${chalk.dim(`(${m.why})`)}`);
    if (r.expectedInButOut.length + r.expectedOutButIn.length + r.unexpected.length > 0) out.push(`    ${chalk.dim(`selected: ${r.selected.join(', ') || 'nothing'}`)}`);
  }
  const failed = results.filter((r) => !r.passed).length;
  const summary = `${results.length} ${results.length === 1 ? 'scenario' : 'scenarios'}: ${results.length - failed} passed, ${failed} failed`;
  out.push('', failed > 0 ? chalk.red.bold(summary) : chalk.green.bold(summary));
  return out.join('\n') + '\n';
}

function formatJson(results: ScenarioResult[]): string {
  return (
    terminalJson(
      {
        version: 1,
        summary: { scenarios: results.length, passed: results.filter((r) => r.passed).length, failed: results.filter((r) => !r.passed).length },
        scenarios: results.map((r) => ({
          file: r.file,
          name: r.name,
          passed: r.passed,
          answerErrors: r.answerFindings.filter((f) => f.severity === 'error').map((f) => ({ ruleId: f.ruleId, line: f.start.line, column: f.start.column, message: f.message })),
          expectedInButOut: r.expectedInButOut,
          expectedOutButIn: r.expectedOutButIn,
          unexpected: r.unexpected,
          selected: r.selected,
        })),
      }) + '\n'
  );
}

function formatJunit(results: ScenarioResult[]): string {
  const failures = results.filter((r) => !r.passed).length;
  const cases = results.map((r) => {
    if (r.passed) return `    <testcase classname="clausula.test" name="${xml(r.name)}" file="${xml(r.file)}"/>\n`;
    const lines = [
      ...r.answerFindings.filter((f) => f.severity === 'error').map((f) => `${formatLocation(f)} answer error: ${f.message}`),
      ...r.expectedInButOut.map((m) => `expected in, but out: ${m.id} (${m.why})`),
      ...r.expectedOutButIn.map((m) => `expected out, but in: ${m.id} (${m.why})`),
      ...r.unexpected.map((m) => `selected, not expected: ${m.id} (${m.why})`),
    ];
    return `    <testcase classname="clausula.test" name="${xml(r.name)}" file="${xml(r.file)}">\n      <failure message="${xml(lines[0] ?? 'failed')}">${xml(lines.join('\n'))}</failure>\n    </testcase>\n`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="clausula test" tests="${results.length}" failures="${failures}">\n  <testsuite name="clausula test" tests="${results.length}" failures="${failures}" errors="0">\n${cases.join('')}  </testsuite>\n</testsuites>\n`;
}
