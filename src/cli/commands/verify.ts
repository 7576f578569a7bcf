import { existsSync, readFileSync, statSync } from 'node:fs';
import { Chalk } from 'chalk';
import { InputError } from '../../errors.js';
import { fromProperties } from '../../provenance/properties.js';
import type { VerifyReport } from '../../provenance/verify.js';
import type { CommandContext } from '../context.js';
import { displayPath, loadFor } from '../load.js';
import { warnUnreadable } from './warn-unreadable.js';
import { terminalJson, terminalSafe, terminalSafeStrings } from '../../text/terminal-safe.js';

/** Exit 0 when the document matches the library, 1 on any mismatch or edit, 2 when it cannot be read. */
export async function run(ctx: CommandContext, args: string[], options: Record<string, unknown>): Promise<number> {
  const absolute = ctx.resolvePath(args[0]!);
  const shown = displayPath(ctx, absolute);
  if (!existsSync(absolute)) throw new InputError(`${shown}: no such file`, 'give the path of a .docx built by clausula build');
  if (statSync(absolute).isDirectory()) throw new InputError(`${shown} is a folder, not a document`, 'give the path of a .docx built by clausula build');
  // A device (/dev/zero) or a pipe would be read forever.
  if (!statSync(absolute).isFile()) throw new InputError(`${shown} is not a regular file (a device, a pipe or a socket)`, 'give the path of a .docx built by clausula build');
  const { readDocx, bookmarkedTexts } = await import('../../provenance/read-docx.js');
  const contents = await readDocx(readFileSync(absolute), shown);
  const read = fromProperties(contents.properties);
  if ('problems' in read) {
    throw new InputError(`cannot verify ${shown}: ${read.problems.join('; ')}`, 'verify checks .docx files built by clausula build, which carry their provenance in their custom properties');
  }
  const provenance = read.provenance;
  if (provenance.kind !== 'tender') {
    throw new InputError(`${shown} is a guideline, not a tender document`, 'verify checks documents built by clausula build');
  }
  const library = loadFor(ctx);
  if (!library.manifest) throw new InputError(`${displayPath(ctx, library.dir)} is not a clause library: clauses/library.yaml is missing or unreadable`, 'give the library the document was built from with --library');
  warnUnreadable(ctx, library);

  const { verifyDocument } = await import('../../provenance/verify.js');
  const texts = bookmarkedTexts(contents.documentXml, new Set(provenance.clauses.map((c) => c.bookmark)));
  const report = verifyDocument(provenance, texts, library);

  if (options.json) ctx.io.stdout.write(terminalJson({ version: 1, file: shown, ...report }) + '\n');
  else ctx.io.stdout.write(formatReport(shown, report, ctx.color));
  return report.ok ? 0 : 1;
}

function formatReport(unsafeFile: string, unsafe: VerifyReport, color: boolean): string {
  // Everything in the report but our own words comes from the document (its properties) or the library.
  const file = terminalSafe(unsafeFile);
  const report = terminalSafeStrings(unsafe);
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const d = report.document;
  const out: string[] = [];
  out.push(`${chalk.bold(file)}: built from ${d.release} (template ${d.template}, ${d.language}, ${d.date})`);
  out.push(`library: ${report.library.release}${report.library.lock ? ', with clauses.lock.yaml' : ', no clauses.lock.yaml'}`, '');
  for (const problem of report.problems) out.push(`${chalk.red('✗')} ${problem}`);
  if (report.problems.length > 0) out.push('');
  const width = Math.max(0, ...report.clauses.map((c) => c.id.length));
  for (const c of report.clauses) {
    const mark = c.verdict === 'ok' ? chalk.green('✓') : chalk.red('✗');
    const label = c.verdict === 'ok' ? '' : `  ${chalk.red(c.verdict)}: ${c.problems.join('; ')}`;
    out.push(`${mark} ${c.id.padEnd(width)}  ${c.version}${label}`);
  }
  const bad = report.clauses.filter((c) => c.verdict !== 'ok').length;
  out.push('');
  out.push(`${report.clauses.length} clauses: ${report.clauses.length - bad} as in the library${bad ? `, ${bad} not` : ''}`);
  if (report.edited.length > 0) out.push(`Edited clauses: ${report.edited.join(', ')}`);
  out.push(report.ok ? chalk.green('Verified: the document matches the library.') : chalk.red('Not verified: the document does not match the library.'));
  return out.join('\n') + '\n';
}
