import { existsSync, readFileSync, statSync } from 'node:fs';
import { Chalk } from 'chalk';
import { InputError } from '../../errors.js';
import { fromProperties } from '../../provenance/properties.js';
import type { VerifyReport } from '../../provenance/verify.js';
import type { CommandContext } from '../context.js';
import { displayPath, loadFor } from '../load.js';
import { messages, speaks } from '../../text/messages/index.js';
import { warnUnreadable } from './warn-unreadable.js';
import { terminalJson, terminalSafe, terminalSafeStrings } from '../../text/terminal-safe.js';

/** Exit 0 when the document matches the library, 1 on any mismatch or edit, 2 when it cannot be read. */
export async function run(ctx: CommandContext, args: string[], options: Record<string, unknown>): Promise<number> {
  const absolute = ctx.resolvePath(args[0]!);
  const shown = displayPath(ctx, absolute);
  let t = messages(ctx.language).verify;
  // The tool's command named as what made the document, not a command to run here.
  const built = 'clausula build';
  if (!existsSync(absolute)) throw new InputError(t.noSuchFile(shown), t.giveBuilt(built));
  if (statSync(absolute).isDirectory()) throw new InputError(t.isAFolder(shown), t.giveBuilt(built));
  // A device (/dev/zero) or a pipe would be read forever.
  if (!statSync(absolute).isFile()) throw new InputError(t.notRegular(shown), t.giveBuilt(built));
  const { readDocx, bookmarkedTexts } = await import('../../provenance/read-docx.js');
  const contents = await readDocx(readFileSync(absolute), shown);
  const read = fromProperties(contents.properties);
  if ('problems' in read) throw new InputError(t.cannotVerify(shown, read.problems.join('; ')), t.carriesProvenance(built));
  const provenance = read.provenance;
  // The officer reads the report in the document's language, unless --lang says otherwise.
  if (options.lang === undefined && speaks(provenance.language)) ctx.language = provenance.language;
  t = messages(ctx.language).verify;
  if (provenance.kind !== 'tender') throw new InputError(t.isGuideline(shown), t.checksBuilt(built));
  const library = loadFor(ctx);
  if (!library.manifest) throw new InputError(messages(ctx.language).common.notALibrary(displayPath(ctx, library.dir)), t.libraryFrom);
  warnUnreadable(ctx, library);

  const { verifyDocument } = await import('../../provenance/verify.js');
  const texts = bookmarkedTexts(contents.documentXml, new Set(provenance.clauses.map((c) => c.bookmark)));
  const report = verifyDocument(provenance, texts, library);

  if (options.json) ctx.io.stdout.write(terminalJson({ version: 1, file: shown, ...report }) + '\n');
  else ctx.io.stdout.write(formatReport(shown, report, ctx.color, ctx.language));
  return report.ok ? 0 : 1;
}

function formatReport(unsafeFile: string, unsafe: VerifyReport, color: boolean, language: string): string {
  // Everything in the report but our own words comes from the document (its properties) or the library.
  const file = terminalSafe(unsafeFile);
  const report = terminalSafeStrings(unsafe);
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const t = messages(language).verify;
  const d = report.document;
  const out: string[] = [];
  out.push(`${chalk.bold(file)}: ${t.builtFrom(d.release, d.template, d.language, d.date)}`);
  out.push(t.library(report.library.release, report.library.lock), '');
  for (const problem of report.problems) out.push(`${chalk.red('✗')} ${problem}`);
  if (report.problems.length > 0) out.push('');
  const width = Math.max(0, ...report.clauses.map((c) => c.id.length));
  for (const c of report.clauses) {
    const mark = c.verdict === 'ok' ? chalk.green('✓') : chalk.red('✗');
    const label = c.verdict === 'ok' ? '' : `  ${chalk.red(t.verdicts[c.verdict] ?? c.verdict)}: ${c.problems.join('; ')}`;
    out.push(`${mark} ${c.id.padEnd(width)}  ${c.version}${label}`);
  }
  const bad = report.clauses.filter((c) => c.verdict !== 'ok').length;
  out.push('');
  out.push(t.clauses(report.clauses.length, bad));
  if (report.edited.length > 0) out.push(t.edited(report.edited.join(', ')));
  out.push(report.ok ? chalk.green(t.verified) : chalk.red(t.notVerified));
  return out.join('\n') + '\n';
}
