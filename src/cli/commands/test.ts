import { Chalk } from 'chalk';
import { UsageError } from '../../errors.js';
import { formatLocation, type Finding } from '../../finding.js';
import { runScenarios, type ScenarioResult } from '../../assemble/scenarios.js';
import { xml } from '../../lint/format/junit.js';
import { writeFileSafely } from '../../write/write-file.js';
import type { CommandContext } from '../context.js';
import { displayPath, libraryFiles, loadFor, relativeToCwd } from '../load.js';
import { join } from 'node:path';
import { terminalJson, terminalSafeStrings } from '../../text/terminal-safe.js';

export async function run(ctx: CommandContext, args: string[], options: Record<string, unknown>): Promise<number> {
  const format = String(options.format ?? 'stylish');
  const library = loadFor(ctx, args[0] ? ctx.resolvePath(args[0]) : undefined);
  // A file lint would reject is left out of the library: a scenario in it would not run, a clause in it would not be selected.
  const unreadable = relativeToCwd(ctx, library, library.findings.filter((f) => f.severity === 'error'));
  const results = runScenarios(library).map((r) => ({
    ...r,
    file: displayPath(ctx, join(library.dir, r.file)),
    answerFindings: relativeToCwd(ctx, library, r.answerFindings),
  }));
  if (results.length === 0) {
    throw new UsageError(`the library has no scenarios (clauses/scenarios/*.yaml)`, 'add scenario files: answers and the clauses expected in and out; see docs/library-format.md');
  }
  const report = format === 'json' ? formatJson(results, unreadable) : format === 'junit' ? formatJunit(results, unreadable) : formatStylish(results, unreadable, ctx.color && options.output === undefined, ctx.command('lint'));
  if (options.output !== undefined) await writeFileSafely(ctx.resolvePath(String(options.output)), report, { kind: 'report', protect: libraryFiles(library), display: String(options.output) });
  else ctx.io.stdout.write(report);
  return unreadable.length === 0 && results.every((r) => r.passed) ? 0 : 1;
}

/** One line per unreadable file: where, what, how to fix. */
function unreadableLine(f: Finding): string {
  return `${formatLocation(f)}  not read: ${f.message}${f.fix ? ` (${f.fix})` : ''}`;
}

function formatStylish(unsafe: ScenarioResult[], unsafeUnreadable: Finding[], color: boolean, lintCommand: string): string {
  // Scenario names, ids and messages come from the library.
  const results = terminalSafeStrings(unsafe);
  const unreadable = terminalSafeStrings(unsafeUnreadable);
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
  for (const f of unreadable) out.push(`${chalk.red('✘')} ${unreadableLine(f)}`);
  const failed = results.filter((r) => !r.passed).length;
  const files = new Set(unreadable.map((f) => f.file)).size;
  const notRead = files === 0 ? '' : `; ${files} library ${files === 1 ? 'file' : 'files'} not read (run ${lintCommand})`;
  const summary = `${results.length} ${results.length === 1 ? 'scenario' : 'scenarios'}: ${results.length - failed} passed, ${failed} failed${notRead}`;
  out.push('', failed + files > 0 ? chalk.red.bold(summary) : chalk.green.bold(summary));
  return out.join('\n') + '\n';
}

function formatJson(results: ScenarioResult[], unreadable: Finding[]): string {
  return (
    terminalJson(
      {
        version: 1,
        summary: { scenarios: results.length, passed: results.filter((r) => r.passed).length, failed: results.filter((r) => !r.passed).length, unreadableFiles: new Set(unreadable.map((f) => f.file)).size },
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
        unreadable: unreadable.map((f) => ({ file: f.file, line: f.start.line, column: f.start.column, ruleId: f.ruleId, message: f.message })),
      }) + '\n'
  );
}

function formatJunit(results: ScenarioResult[], unreadable: Finding[]): string {
  const notRead = unreadable.map(unreadableLine);
  const cases = results.map((r) => {
    if (r.passed) return `    <testcase classname="clausula.test" name="${xml(r.name)}" file="${xml(r.file)}"/>\n`;
    const lines = [
      ...r.answerFindings.filter((f) => f.severity === 'error').map((f) => `${formatLocation(f)} answer error: ${f.message}`),
      ...r.expectedInButOut.map((m) => `expected in, but out: ${m.id} (${m.why})`),
      ...r.expectedOutButIn.map((m) => `expected out, but in: ${m.id} (${m.why})`),
      ...r.unexpected.map((m) => `selected, not expected: ${m.id} (${m.why})`),
    ];
    return failedCase(r.name, r.file, lines);
  });
  if (notRead.length > 0) cases.push(failedCase('library files', undefined, notRead));
  const tests = cases.length;
  const failures = results.filter((r) => !r.passed).length + (notRead.length > 0 ? 1 : 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="clausula test" tests="${tests}" failures="${failures}">\n  <testsuite name="clausula test" tests="${tests}" failures="${failures}" errors="0">\n${cases.join('')}  </testsuite>\n</testsuites>\n`;
}

function failedCase(name: string, file: string | undefined, lines: string[]): string {
  const fileAttribute = file === undefined ? '' : ` file="${xml(file)}"`;
  return `    <testcase classname="clausula.test" name="${xml(name)}"${fileAttribute}>\n      <failure message="${xml(lines[0] ?? 'failed')}">${xml(lines.join('\n'))}</failure>\n    </testcase>\n`;
}
