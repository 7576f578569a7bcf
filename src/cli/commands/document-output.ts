import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { InputError, OutputError, UsageError } from '../../errors.js';
import { clauseConditions } from '../../text/passages.js';
import { parseCondition } from '../../expr/parse.js';
import type { Finding } from '../../finding.js';
import type { Library } from '../../library/model.js';
import { locateInString, shownFile } from '../../library/yaml-source.js';
import type { ReferenceDoc } from '../../render/docx/reference.js';
import type { HostDoc } from '../../render/docx/host.js';
import { messages } from '../../text/messages/index.js';
import { renderDocument, styledFormats, type DocumentFormat } from '../../render/index.js';
import type { DocumentModel } from '../../assemble/document.js';
import type { CommandContext } from '../context.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { displayPath, relativeToCwd } from '../load.js';
import { outputFailure } from '../output-failure.js';
import { warningLine } from '../report-error.js';

/** A document is only built from a library that read without errors: a clause left out silently could be a legal gap. */
export function requireReadableLibrary(ctx: CommandContext, library: Library): void {
  const t = messages(ctx.language).common;
  if (!library.manifest) throw new InputError(t.notALibrary(displayPath(ctx, library.dir)), t.giveLibrary(ctx.command('init', 'DIR')));
  const errors = library.findings.filter((f) => f.severity === 'error');
  if (errors.length === 0) return;
  throw new InputError(t.libraryHasErrors(errors.length), t.fixLibrary(ctx.command('lint')), relativeToCwd(ctx, library, errors));
}

/**
 * A clause that could apply but whose condition does not parse would be left out without a
 * word: the same legal gap as an unreadable file. Refuse, with the condition's position.
 * (Deprecated clauses, and drafts unless allowed in, are never selected: theirs do not matter.)
 */
export function requireParsableConditions(ctx: CommandContext, library: Library, includeDrafts: boolean): void {
  const t = messages(ctx.language).common;
  const findings: Finding[] = [];
  for (const { value: clause, source } of library.clauses) {
    if (clause.status === 'deprecated' || (clause.status === 'draft' && !includeDrafts)) continue;
    // A passage's condition too: a passage left out unseen could be the duty that matters.
    for (const { when, path, passage } of clauseConditions(clause)) {
      const parsed = parseCondition(when);
      if (parsed.ok) continue;
      const { message, fix, offset, length } = parsed.error;
      findings.push({
        ruleId: 'condition-syntax',
        severity: 'error',
        file: shownFile(source),
        ...locateInString(source, path, when, offset, length),
        message: t.conditionDoesNotParse(passage === undefined ? clause.id : t.passageOf(passage + 1, clause.id), message),
        ...(fix ? { fix } : {}),
      });
    }
  }
  if (findings.length === 0) return;
  throw new InputError(t.conditionsDoNotParse(findings.length), t.fixCondition(ctx.command('lint')), relativeToCwd(ctx, library, findings));
}

/**
 * Where a document goes: `-o -` standard output; `-o FILE`; `-o FOLDER/` (a final slash) the
 * default name inside that folder; no -o, the default path.
 */
export function documentTarget(ctx: CommandContext, requested: string | undefined, defaultPath: string): { path?: string; shown: string } {
  if (requested === '-') return { shown: 'standard output' };
  let path = requested === undefined ? defaultPath : ctx.resolvePath(requested);
  if (/[\\/]$/.test(path)) path = join(path, basename(defaultPath));
  return { path, shown: displayPath(ctx, path) };
}

export function warn(ctx: CommandContext, message: string): void {
  ctx.io.stderr.write(warningLine(message, ctx.language));
}

/**
 * Options that only some formats take, refused with the others before any work is done; a
 * PDF needs LibreOffice, looked for first, so a missing one is said before anything else.
 */
export async function checkFormatOptions(ctx: CommandContext, format: DocumentFormat, options: Record<string, unknown>, instead: string): Promise<void> {
  if (options.referenceDoc !== undefined && !styledFormats.includes(format)) {
    throw new UsageError('--reference-doc only applies to Word documents and PDFs', `drop --reference-doc, or ${instead} with --format docx or pdf`);
  }
  if (options.tocPageNumbers === true && format !== 'docx') {
    throw new UsageError(`--toc-page-numbers only applies to Word documents${format === 'pdf' ? ': a PDF always has them' : ''}`, `drop --toc-page-numbers, or ${instead} with --format docx`);
  }
  if (format === 'pdf') (await import('../../render/office/office.js')).findOffice(ctx.io.env, 'a PDF');
}

/**
 * Render the document. With --toc-page-numbers a Word document gets its table of contents'
 * page numbers from LibreOffice's layout when LibreOffice is installed, else from docx's own
 * estimate, with a warning that Word's layout may differ.
 */
export async function renderFor(ctx: CommandContext, format: DocumentFormat, model: DocumentModel, options: { date: Date; reference?: ReferenceDoc; tocPageNumbers?: boolean }): Promise<string | Uint8Array> {
  const base = { date: options.date, env: ctx.io.env, ...(options.reference ? { reference: options.reference } : {}) };
  if (format !== 'docx' || options.tocPageNumbers !== true) return renderDocument(format, model, base);
  const office = await import('../../render/office/index.js');
  try {
    office.findOffice(ctx.io.env, '--toc-page-numbers');
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    warn(ctx, `LibreOffice is not installed, so the table of contents' page numbers are an estimate; update the table in Word (References › Update Table) before you print, or ${office.INSTALL_OFFICE}`);
    return renderDocument(format, model, { ...base, tocPages: 'estimate' });
  }
  return renderDocument(format, model, { ...base, tocPages: await office.layOutTocPages(model, base) });
}

/**
 * `-o -`: the document on standard output; a Word document or a PDF is binary, so never onto
 * a terminal. Waits until it is written, so that a full disk is an error before any line says
 * the document was written.
 */
export async function writeToStdout(ctx: CommandContext, rendered: string | Uint8Array): Promise<void> {
  const t = messages(ctx.language).build;
  if (typeof rendered !== 'string' && ctx.io.stdout.isTTY) throw new UsageError(t.binaryToTerminal, t.giveFileOrRedirect);
  // On a terminal it is read, not kept: nothing in it may act on the terminal. Elsewhere, the exact bytes.
  const chunk = typeof rendered === 'string' && ctx.io.stdout.isTTY ? terminalSafe(rendered, 'text') : rendered;
  const write = ctx.io.stdout.write as (chunk: string | Uint8Array, callback: (error?: Error | null) => void) => unknown;
  await new Promise<void>((resolve, reject) => {
    write.call(ctx.io.stdout, chunk, (error) => {
      if (!error) return resolve();
      const { message, fix } = outputFailure(error);
      reject(new OutputError(message, fix));
    });
  });
}

/** Read --reference-doc; the render module checks that it is a Word document with styles. */
export async function readReference(ctx: CommandContext, path: string): Promise<ReferenceDoc> {
  const { bytes, shown } = readWordFile(ctx, path, 'reference document', 'whose styles the document should use');
  const { readReferenceDoc } = await import('../../render/docx/reference.js');
  return readReferenceDoc(bytes, shown);
}

/** Read --into: the city's own document, never the file the build writes. The render module finds its {{ clausula }} paragraph. */
export async function readHost(ctx: CommandContext, path: string, output: string | undefined, language: string): Promise<HostDoc> {
  const { bytes, shown, absolute } = readWordFile(ctx, path, 'document to build into', 'of the PCAP or PPT with a {{ clausula }} paragraph');
  if (output !== undefined && existsSync(output) && realpathSync(output) === realpathSync(absolute)) {
    throw new UsageError(messages(language).into.hostIsOutput(shown), messages(language).into.newFile);
  }
  const { readHostDoc } = await import('../../render/docx/host.js');
  return readHostDoc(bytes, shown, language);
}

function readWordFile(ctx: CommandContext, path: string, what: string, purpose: string): { bytes: Buffer; shown: string; absolute: string } {
  const absolute = ctx.resolvePath(path);
  const shown = displayPath(ctx, absolute);
  if (!existsSync(absolute)) throw new InputError(`${shown}: no such ${what}`, `give the path of a .docx ${purpose}`);
  if (statSync(absolute).isDirectory()) throw new InputError(`${shown} is a folder, not a ${what}`, 'give the path of a .docx file');
  // A device (/dev/zero) or a pipe would be read forever.
  if (!statSync(absolute).isFile()) throw new InputError(`${shown} is not a regular file (a device, a pipe or a socket)`, 'give the path of a .docx file');
  try {
    return { bytes: readFileSync(absolute), shown, absolute };
  } catch (error) {
    throw new InputError(`cannot read ${shown}: ${(error as Error).message}`);
  }
}
