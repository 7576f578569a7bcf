import { basename, dirname, extname, join } from 'node:path';
import { buildDocument } from '../../assemble/document.js';
import { outline } from '../../assemble/outline.js';
import { selectClauses } from '../../assemble/select.js';
import { InputError, UsageError } from '../../errors.js';
import { chooseTemplate } from '../../library/choose-template.js';
import type { Finding } from '../../finding.js';
import { pick, releaseOf, type Library } from '../../library/model.js';
import { missingRequired } from '../../library/validate-answers.js';
import { locate } from '../../library/yaml-source.js';
import { documentFormats, type DocumentFormat } from '../../render/index.js';
import { checkWritable, writeFileSafely } from '../../write/write-file.js';
import { readAnswersArgument } from '../answers-input.js';
import type { CommandContext } from '../context.js';
import { documentDate } from '../document-date.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { displayPath, languageFor, loadFor } from '../load.js';
import { checkFormatOptions, readHost, readReference, renderFor, requireParsableConditions, requireReadableLibrary, warn, writeToStdout } from './document-output.js';

export async function run(ctx: CommandContext, args: string[], options: Record<string, unknown>): Promise<number> {
  const format = formatOption(options.format);
  await checkFormatOptions(ctx, format, options, 'build');
  const into = options.into !== undefined ? String(options.into) : undefined;
  const numberPrefix = numberPrefixOption(options.numberPrefix, into);
  if (into !== undefined) checkIntoOptions(format, options);
  const library = loadFor(ctx);
  requireReadableLibrary(ctx, library);
  const answersPath = args[0]!;
  const loaded = readAnswersArgument(ctx, library, answersPath, options.lang as string | undefined);
  const answersShown = displayPath(ctx, ctx.resolvePath(answersPath));
  const language = languageFor(library, options.lang ?? loaded.file.language);

  const missing = missingRequired(library, loaded.answers);
  if (missing.length > 0) {
    const at = locate(loaded.source, ['answers'], 'key');
    const findings: Finding[] = missing.map((entry) => ({
      ruleId: 'missing-answer',
      severity: 'error',
      file: answersShown,
      ...at,
      message: `${entry.question.id}: ${pick(entry.question.prompt, language)}`,
    }));
    throw new InputError(
      `${answersShown} lacks ${missing.length === 1 ? 'an answer' : `${missing.length} answers`} that the document needs`,
      `add ${missing.length === 1 ? 'it' : 'them'} under answers:, or run clausula interview ${answersPath} to answer the questions`,
      findings,
    );
  }

  const template = chooseTemplate(
    library,
    options.template as string | undefined,
    loaded.file.template !== undefined ? { name: loaded.file.template, file: answersShown } : undefined,
  );
  const output = outputFor(ctx, answersPath, options.output as string | undefined, format, options.template !== undefined ? template.id : undefined);
  const force = options.force === true;
  if (output.path !== undefined) checkWritable(output.path, output.shown, force);
  const reference = options.referenceDoc !== undefined ? await readReference(ctx, String(options.referenceDoc)) : undefined;
  const host = into !== undefined ? await readHost(ctx, into, output.path) : undefined;

  const date = documentDate(ctx.io.env);
  const includeDrafts = options.includeDrafts === true;
  requireParsableConditions(ctx, library, includeDrafts);
  const selection = selectClauses(
    library.clauses.map((c) => c.value),
    loaded.answers,
    { includeDrafts },
  );
  const model = buildDocument(library, template, selection, loaded.answers, { language, date, rationale: options.rationale === true, includeDrafts });
  const rendered = host
    ? await (await import('../../render/docx/into.js')).renderInto(model, host, { date, ...(numberPrefix !== undefined ? { numberPrefix } : {}) })
    : await renderFor(ctx, format, model, { date, tocPageNumbers: options.tocPageNumbers === true, ...(reference ? { reference } : {}) });

  if (output.path === undefined) writeToStdout(ctx, rendered);
  else await writeFileSafely(output.path, rendered, { force, display: output.shown });

  const blanks = model.blanks.length;
  if (blanks > 0) warn(ctx, `${blanks} ${blanks === 1 ? 'placeholder has' : 'placeholders have'} no answer and ${blanks === 1 ? 'shows' : 'show'} ${model.words.blank} for you to fill in: ${model.blanks.join(', ')}`);
  reportUnplaced(ctx, library, template.id, model.unplaced, answersPath);
  for (const conflict of selection.conflicts) warn(ctx, conflict);
  if (includeDrafts) warn(ctx, 'draft clauses were allowed in (--include-drafts): the document says it is not for tender use');

  const clauses = model.parts.reduce((n, p) => n + p.clauses.length, 0);
  const summary = `${output.path === undefined ? 'Wrote' : `Wrote ${output.shown}:`} ${clauses} ${clauses === 1 ? 'clause' : 'clauses'} in ${model.parts.length} ${model.parts.length === 1 ? 'part' : 'parts'} (${template.id}, ${language}, ${releaseOf(library)})\n`;
  (output.path === undefined ? ctx.io.stderr : ctx.io.stdout).write(terminalSafe(summary.trimEnd()) + '\n');
  return 0;
}

/** --into writes the clauses into the city's Word document: it has its own look, contents and numbering. */
function checkIntoOptions(format: DocumentFormat, options: Record<string, unknown>): void {
  if (format !== 'docx') throw new UsageError(`--into writes a Word document, not ${format}`, 'drop --format, or build without --into');
  for (const [option, given] of [['--reference-doc', options.referenceDoc !== undefined], ['--toc-page-numbers', options.tocPageNumbers === true]] as const) {
    if (given) throw new UsageError(`${option} does not go with --into: the document keeps its own ${option === '--reference-doc' ? 'styles' : 'table of contents'}`, `drop ${option}`);
  }
}

/** --number-prefix: plain text before every heading number (Word's list levels take it as it is, so no % and no controls). */
function numberPrefixOption(value: unknown, into: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (into === undefined) throw new UsageError('--number-prefix only applies with --into', 'drop --number-prefix, or build into the city’s document with --into PLIEGO.docx');
  const prefix = String(value);
  if (prefix.length === 0 || prefix.length > 20 || /[%\u0000-\u001f\u007f]/.test(prefix)) {
    throw new UsageError(`--number-prefix ${JSON.stringify(prefix)} cannot go before a heading number`, 'give up to 20 characters, without %, such as "A." (which numbers the clauses A.1.1, A.1.2, …)');
  }
  return prefix;
}

function formatOption(value: unknown): DocumentFormat {
  const format = String(value ?? 'docx');
  if (!(documentFormats as readonly string[]).includes(format)) {
    throw new UsageError(`there is no format ${format}`, `choose one of: ${documentFormats.join(', ')}`);
  }
  return format as DocumentFormat;
}

/**
 * Where the document goes: -o FILE, `-o -` for standard output, else next to the answers
 * file with its name: tender.yaml → tender.docx (tender.<template>.docx when --template
 * picks the template, so building both templates from one answers file keeps both).
 */
export function outputFor(ctx: CommandContext, answersPath: string, requested: string | undefined, format: DocumentFormat, explicitTemplate: string | undefined): { path?: string; shown: string } {
  if (requested === '-') return { shown: 'standard output' };
  if (requested !== undefined) {
    const path = ctx.resolvePath(requested);
    return { path, shown: displayPath(ctx, path) };
  }
  const answers = ctx.resolvePath(answersPath);
  const stem = basename(answers, extname(answers));
  const path = join(dirname(answers), `${stem}${explicitTemplate ? `.${explicitTemplate}` : ''}.${format}`);
  return { path, shown: displayPath(ctx, path) };
}

/**
 * Clauses that apply but that this template has no place for. A library may split its
 * clauses between documents (administrative and technical specifications): say which
 * other template holds them, and warn about any that no template holds.
 */
function reportUnplaced(ctx: CommandContext, library: Library, templateId: string, unplaced: readonly string[], answersPath: string): void {
  if (unplaced.length === 0) return;
  const clauses = unplaced.map((id) => library.clauseById.get(id)!.value);
  const homeless = new Set(unplaced);
  for (const [id, { value: other }] of [...library.templateById].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (id === templateId) continue;
    const placed = outline(other, clauses).parts.flatMap((p) => p.clauses.map((c) => c.id)).filter((c) => homeless.has(c));
    if (placed.length === 0) continue;
    for (const c of placed) homeless.delete(c);
    ctx.io.stderr.write(
      `clausula: note: ${placed.length} more ${placed.length === 1 ? 'clause applies' : 'clauses apply'} to this tender in template ${id}; build it with: clausula build ${answersPath} --template ${id}\n`,
    );
  }
  if (homeless.size > 0) {
    warn(ctx, `${[...homeless].join(', ')} ${homeless.size === 1 ? 'applies' : 'apply'} to this tender but no template has a place for ${homeless.size === 1 ? 'it' : 'them'}; ${homeless.size === 1 ? 'it is' : 'they are'} in no document`);
  }
}
