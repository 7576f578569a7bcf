import { existsSync, statSync } from 'node:fs';
import { Chalk } from 'chalk';
import { InputError } from '../../errors.js';
import { loadAnswers } from '../../library/load-answers.js';
import type { WrittenParagraph } from '../../render/docx/text.js';
import type { AnswerValue } from '../../schema/common.js';
import { terminalJson } from '../../text/terminal-safe.js';
import type { CommandContext } from '../context.js';
import { displayPath, loadFor } from '../load.js';
import { warnUnreadable } from './warn-unreadable.js';

const FIX = 'give the path of a .docx built by clausula build';

/** Exit 0 when the document matches the library, 1 on any mismatch or edit, 2 when it cannot be read. */
export async function run(ctx: CommandContext, args: string[], options: Record<string, unknown>): Promise<number> {
  const absolute = ctx.resolvePath(args[0]!);
  const shown = displayPath(ctx, absolute);
  if (!existsSync(absolute)) throw new InputError(`${shown}: no such file`, FIX);
  if (statSync(absolute).isDirectory()) throw new InputError(`${shown} is a folder, not a document`, FIX);

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
    ctx.io.stdout.write(`${printable(error.message)}\n${verifyMessages('en').notVerified}\n`);
    return 1;
  }
  const read = fromProperties(doc.properties);
  if (read.status === 'absent') {
    throw new InputError(`cannot verify ${shown}: the document has no clausula provenance (it was not built by clausula build, or its custom properties were removed)`, 'verify checks .docx files built by clausula build, which carry their provenance in their custom properties');
  }
  if (read.status === 'other-format') {
    throw new InputError(`cannot verify ${shown}: its provenance is in format ${printable(read.format)}, which this clausula does not read`, 'verify it with the clausula release that built it, or build the document again');
  }
  const provenance = read.provenance;
  if (provenance.kind !== 'tender') throw new InputError(`${shown} is a guideline, not a tender document`, 'verify checks documents built by clausula build');

  const library = loadFor(ctx);
  if (!library.manifest) throw new InputError(`${displayPath(ctx, library.dir)} is not a clause library: clauses/library.yaml is missing or unreadable`, 'give the library the document was built from with --library');
  warnUnreadable(ctx, library);
  let answersFile: { display: string; answers: ReadonlyMap<string, AnswerValue> } | undefined;
  if (options.answers !== undefined) {
    const path = ctx.resolvePath(String(options.answers));
    const display = displayPath(ctx, path);
    if (!existsSync(path)) throw new InputError(`${display}: no such answers file`, "give the officer's answers file the document was built from");
    answersFile = { display, answers: loadAnswers(library, path, display, provenance.language).answers };
  }

  const [{ verifyDocument }, { formatReport, reportJson }] = await Promise.all([import('../../verify/verify-document.js'), import('../../verify/format-report.js')]);
  const { report, written } = verifyDocument(doc, provenance, read.problems, library, answersFile ? { answers: answersFile } : {});
  if (options.json) {
    ctx.io.stdout.write(terminalJson(reportJson(report, shown)) + '\n');
  } else {
    const placeSizes = new Map<WrittenParagraph['place'], number>();
    for (const p of written?.body ?? []) placeSizes.set(p.place, (placeSizes.get(p.place) ?? 0) + 1);
    const chalk = new Chalk({ level: ctx.color ? 1 : 0 });
    ctx.io.stdout.write(formatReport(report, { file: shown, ...(answersFile ? { answersFile: answersFile.display } : {}), answerCount: Object.keys(provenance.answers).length, placeSizes }, chalk));
  }
  return report.ok ? 0 : 1;
}
