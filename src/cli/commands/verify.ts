import { existsSync, statSync } from 'node:fs';
import { Chalk } from 'chalk';
import { InputError } from '../../errors.js';
import { loadAnswers } from '../../library/load-answers.js';
import type { WrittenParagraph } from '../../render/docx/text.js';
import type { AnswerValue } from '../../schema/common.js';
import { messages, speaks } from '../../text/messages/index.js';
import { terminalJson } from '../../text/terminal-safe.js';
import type { CommandContext } from '../context.js';
import { displayPath, loadFor } from '../load.js';
import { warnUnreadable } from './warn-unreadable.js';

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

  const [{ readWordDocument }, { fromProperties }, { TamperedError }, { printable, verifyMessages }] = await Promise.all([
    import('../../verify/read-document.js'),
    import('../../provenance/properties.js'),
    import('../../verify/tampered.js'),
    import('../../verify/messages.js'),
  ]);
  let doc;
  try {
    doc = await readWordDocument(absolute, shown);
  } catch (error) {
    if (!(error instanceof TamperedError)) throw error;
    // Which language the document is in cannot be read from a package built to be read two ways.
    ctx.io.stdout.write(`${printable(error.message)}\n${verifyMessages(ctx.language).notVerified}\n`);
    return 1;
  }
  const read = fromProperties(doc.properties);
  if (read.status === 'absent') throw new InputError(t.cannotVerify(shown, t.noProvenance(built)), t.carriesProvenance(built));
  if (read.status === 'other-format') throw new InputError(t.cannotVerify(shown, t.otherFormat(printable(read.format))), t.verifyWithRelease);
  const provenance = read.provenance;
  // The report is in the document's language, unless --lang says otherwise.
  if (options.lang === undefined && speaks(provenance.language)) ctx.language = provenance.language;
  t = messages(ctx.language).verify;
  if (provenance.kind !== 'tender') throw new InputError(t.isGuideline(shown), t.checksBuilt(built));

  const library = loadFor(ctx);
  if (!library.manifest) throw new InputError(messages(ctx.language).common.notALibrary(displayPath(ctx, library.dir)), t.libraryFrom);
  warnUnreadable(ctx, library);
  let answersFile: { display: string; answers: ReadonlyMap<string, AnswerValue> } | undefined;
  if (options.answers !== undefined) {
    const path = ctx.resolvePath(String(options.answers));
    const display = displayPath(ctx, path);
    const a = messages(ctx.language).answers;
    if (!existsSync(path)) throw new InputError(a.noSuchFile(display), t.giveAnswersFile);
    const language = provenance.language;
    answersFile = { display, answers: loadAnswers(library, path, display, { language: { before: ctx.language, of: () => language } }).answers };
  }

  const [{ verifyDocument }, { formatReport, reportJson }] = await Promise.all([import('../../verify/verify-document.js'), import('../../verify/format-report.js')]);
  const { report, written } = verifyDocument(doc, provenance, read.problems, library, answersFile ? { answers: answersFile } : {});
  if (options.json) {
    ctx.io.stdout.write(terminalJson(reportJson(report, shown, ctx.language)) + '\n');
  } else {
    const placeSizes = new Map<WrittenParagraph['place'], number>();
    for (const p of written?.body ?? []) placeSizes.set(p.place, (placeSizes.get(p.place) ?? 0) + 1);
    const chalk = new Chalk({ level: ctx.color ? 1 : 0 });
    ctx.io.stdout.write(formatReport(report, { file: shown, language: ctx.language, ...(answersFile ? { answersFile: answersFile.display } : {}), answerCount: Object.keys(provenance.answers).length, placeSizes }, chalk));
  }
  return report.ok ? 0 : 1;
}
