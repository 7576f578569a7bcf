import { existsSync, lstatSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { buildDocument } from '../../assemble/document.js';
import { documentName, documentSlug, planDocuments, type PlannedDocument } from '../../assemble/documents.js';
import { describeConflict, selectClauses, type Selection } from '../../assemble/select.js';
import { InputError, UsageError } from '../../errors.js';
import type { Finding } from '../../finding.js';
import { messageLanguageBefore } from '../../interview/language.js';
import { chooseTemplate } from '../../library/choose-template.js';
import type { LoadedAnswers } from '../../library/load-answers.js';
import { pick, releaseOf, type Library } from '../../library/model.js';
import { missingRequired } from '../../library/validate-answers.js';
import { locate } from '../../library/yaml-source.js';
import { documentFormats, type DocumentFormat } from '../../render/index.js';
import { messages } from '../../text/messages/index.js';
import { checkWritable, writeFileSafely, type Protected, type WriteRules } from '../../write/write-file.js';
import { readAnswersArgument } from '../answers-input.js';
import type { CommandContext } from '../context.js';
import { documentDate } from '../document-date.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { displayPath, libraryFiles, loadFor } from '../load.js';
import type { HostDoc } from '../../render/docx/host.js';
import { checkFormatOptions, readHost, readReference, renderFor, requireParsableConditions, requireReadableLibrary, warn, writeToStdout } from './document-output.js';

export async function run(ctx: CommandContext, args: string[], options: Record<string, unknown>): Promise<number> {
  const plan = await planBuild(ctx, args[0]!, options);
  return writeBuild(ctx, plan, options);
}

/** One document to write, and where. */
export interface PlannedOutput {
  document: PlannedDocument;
  /** Undefined: standard output. */
  path: string | undefined;
  shown: string;
}

export interface BuildPlan {
  library: Library;
  loaded: LoadedAnswers;
  selection: Selection;
  language: string;
  format: DocumentFormat;
  outputs: PlannedOutput[];
  /** With one template asked for: the applicable clauses it lacks, by the document that has them. */
  elsewhere: { template: PlannedDocument['template']; clauses: string[] }[];
  answersPath: string;
  /** What no document may replace, --force or not: what it is made from. */
  protect: Protected[];
  /** --into: the city's document the one planned document goes into. */
  into?: { host: HostDoc; numberPrefix?: string };
}

/**
 * Everything `build` decides before it writes: the answers, the clauses that apply, the
 * documents they go in (every document the tender needs, or the one --template names) and
 * the file each is written to. Nothing is written; every refusal happens here.
 */
export async function planBuild(ctx: CommandContext, answersPath: string, options: Record<string, unknown>): Promise<BuildPlan> {
  const format = formatOption(options.format, ctx.language);
  await checkFormatOptions(ctx, format, options, 'build');
  const into = options.into !== undefined ? String(options.into) : undefined;
  const numberPrefix = numberPrefixOption(options.numberPrefix, into, ctx.language);
  if (into !== undefined) checkIntoOptions(format, options, ctx.language);
  const library = loadFor(ctx);
  if (options.lang === undefined) ctx.language = messageLanguageBefore(library, ctx.io.env);
  requireReadableLibrary(ctx, library);
  const loaded = readAnswersArgument(ctx, library, answersPath, options.lang);
  const language = loaded.language;
  const answersShown = displayPath(ctx, ctx.resolvePath(answersPath));
  requireAnswers(ctx, library, loaded, answersShown, answersPath);

  const chosen = chooseTemplate(
    library,
    options.template as string | undefined,
    loaded.file.template !== undefined ? { name: loaded.file.template, file: answersShown } : undefined,
    language,
  );
  const includeDrafts = options.includeDrafts === true;
  requireParsableConditions(ctx, library, includeDrafts);
  const selection = selectClauses(
    library.clauses.map((c) => c.value),
    loaded.answers,
    { includeDrafts },
  );
  const t = messages(language).build;
  const selected = selection.included.map((id) => library.clauseById.get(id)!.value);
  const documents = planDocuments(library, selected, chosen);
  // A clause that applies but that no document holds would be missing from the tender unseen.
  if (documents.homeless.length > 0 && !chosen) {
    throw new InputError(t.inNoDocument(documents.homeless.join(', '), documents.homeless.length), t.inNoDocumentFix(ctx.command('lint')));
  }
  if (documents.documents.length === 0) {
    if (chosen) throw new InputError(t.noDocumentWithClauses(documentName(chosen, language)), t.seeExplain(ctx.command('explain', answersPath)));
    throw new InputError(t.nothingApplies, t.seeExplain(ctx.command('explain', answersPath)));
  }
  const outputs = outputsFor(ctx, library, { answersPath, requested: options.output as string | undefined, stem: options.stem as string | undefined, format, language }, documents.documents);
  const force = options.force === true;
  const protect: Protected[] = [{ path: ctx.resolvePath(answersPath), role: 'answers' }, ...libraryFiles(library)];
  if (options.referenceDoc !== undefined) protect.push({ path: ctx.resolvePath(String(options.referenceDoc)), role: 'reference' });
  checkAllWritable(outputs, { force, protect, language });
  const plan = { library, loaded, selection, language, format, outputs, elsewhere: documents.elsewhere, answersPath, protect };
  if (into === undefined) return plan;
  if (outputs.length > 1) {
    const ids = outputs.map((o) => o.document.template.id);
    throw new UsageError(messages(language).into.severalDocuments(into, ids.length, ids.join(', ')), messages(language).into.chooseDocument(ids.slice(0, -1).join(', '), ids[ids.length - 1]!));
  }
  return { ...plan, into: { host: await readHost(ctx, into, outputs[0]!.path, language), ...(numberPrefix !== undefined ? { numberPrefix } : {}) } };
}

/** Render every planned document, then write them; say what was written and what to look at. */
export async function writeBuild(ctx: CommandContext, plan: BuildPlan, options: Record<string, unknown>): Promise<number> {
  const { library, loaded, selection, language, format } = plan;
  const t = messages(language).build;
  const reference = options.referenceDoc !== undefined ? await readReference(ctx, String(options.referenceDoc)) : undefined;
  const date = documentDate(ctx.io.env);
  const includeDrafts = options.includeDrafts === true;
  const force = options.force === true;
  // Every document is made before any is written: a refusal or an error leaves none half done.
  const rendered = [];
  for (const output of plan.outputs) {
    const model = buildDocument(library, output.document.template, selection, loaded.answers, { language, date, rationale: options.rationale === true, includeDrafts });
    const bytes = plan.into
      ? await (await import('../../render/docx/into.js')).renderInto(model, plan.into.host, { date, ...(plan.into.numberPrefix !== undefined ? { numberPrefix: plan.into.numberPrefix } : {}) })
      : await renderFor(ctx, format, model, { date, tocPageNumbers: options.tocPageNumbers === true, ...(reference ? { reference } : {}) });
    rendered.push({ output, model, bytes });
  }
  for (const { output, bytes } of rendered) {
    if (output.path === undefined) await writeToStdout(ctx, bytes);
    else await writeFileSafely(output.path, bytes, { force, protect: plan.protect, display: output.shown, language });
  }

  const blanks = [...new Set(rendered.flatMap((r) => r.model.blanks))];
  if (blanks.length > 0) warn(ctx, t.blanks(blanks.length, rendered[0]!.model.words.blank, blanks.join(', ')));
  for (const { template, clauses } of plan.elsewhere) {
    warn(ctx, t.inOtherDocument(clauses.length, `${documentName(template, language)} (${template.id})`, ctx.command('build', plan.answersPath, '--template', template.id)));
  }
  for (const conflict of selection.conflicts) warn(ctx, describeConflict(conflict, language));
  if (includeDrafts) warn(ctx, t.drafts);

  for (const { output, model } of rendered) {
    const clauses = model.parts.reduce((n, p) => n + p.clauses.length, 0);
    const name = documentName(output.document.template, language);
    const line = output.path === undefined ? t.wroteStdout(name, clauses, model.parts.length) : t.wrote(output.shown, name, clauses, model.parts.length);
    (output.path === undefined ? ctx.io.stderr : ctx.io.stdout).write(terminalSafe(`${line} (${t.from(releaseOf(library), language)})`) + '\n');
  }
  if (plan.elsewhere.length === 0 && rendered.length > 1) ctx.io.stdout.write(`${t.allClauses(selection.included.length, rendered.length)}\n`);
  return 0;
}

function requireAnswers(ctx: CommandContext, library: Library, loaded: LoadedAnswers, answersShown: string, answersPath: string): void {
  const missing = missingRequired(library, loaded.answers);
  if (missing.length === 0) return;
  const t = messages(loaded.language).answers;
  const at = locate(loaded.source, ['answers'], 'key');
  const findings: Finding[] = missing.map((entry) => ({
    ruleId: 'missing-answer',
    severity: 'error',
    file: answersShown,
    ...at,
    message: `${entry.question.id}: ${pick(entry.question.prompt, loaded.language)}`,
  }));
  throw new InputError(t.missing(answersShown, missing.length), t.addMissing(missing.length, ctx.command('interview', answersPath)), findings);
}

/** --into writes the clauses into the city's Word document: it has its own look, contents and numbering. */
function checkIntoOptions(format: DocumentFormat, options: Record<string, unknown>, language: string): void {
  const t = messages(language).into;
  if (format !== 'docx') throw new UsageError(t.onlyWord(format), t.dropFormat);
  if (options.referenceDoc !== undefined) throw new UsageError(t.notWithInto('--reference-doc', 'styles'), t.drop('--reference-doc'));
  if (options.tocPageNumbers === true) throw new UsageError(t.notWithInto('--toc-page-numbers', 'contents'), t.drop('--toc-page-numbers'));
}

/** --number-prefix: plain text before every heading number (Word's list levels take it as it is, so no % and no controls). */
function numberPrefixOption(value: unknown, into: string | undefined, language: string): string | undefined {
  if (value === undefined) return undefined;
  const t = messages(language).into;
  if (into === undefined) throw new UsageError(t.prefixWithoutInto, t.prefixWithoutIntoFix);
  const prefix = String(value);
  if (prefix.length === 0 || prefix.length > 20 || /[%\u0000-\u001f\u007f]/.test(prefix)) throw new UsageError(t.badPrefix(JSON.stringify(prefix)), t.badPrefixFix);
  return prefix;
}

function formatOption(value: unknown, language: string): DocumentFormat {
  const format = String(value ?? 'docx');
  if (!(documentFormats as readonly string[]).includes(format)) {
    throw new UsageError(`there is no format ${format}`, messages(language).common.chooseOneOf(documentFormats.join(', ')));
  }
  return format as DocumentFormat;
}

interface OutputRequest {
  answersPath: string;
  /** -o */
  requested: string | undefined;
  /** Where the interview wants the documents: the path they are named from, instead of the answers file's. */
  stem: string | undefined;
  format: DocumentFormat;
  language: string;
}

/**
 * Where each document goes. By default, next to the answers file and named after it and
 * the document: tender.yaml → tender-administrative-clauses.docx and
 * tender-technical-specifications.docx (tender.docx when the library has one template).
 * `-o FOLDER/` (or an existing folder): the same names in that folder. `-o FILE`: that file
 * when one document is written; when several are, FILE is the stem they share
 * (-o out/lic.docx → out/lic-administrative-clauses.docx, …). `-o -`: standard output,
 * which takes one document.
 */
export function outputsFor(ctx: CommandContext, library: Library, r: OutputRequest, documents: readonly PlannedDocument[]): PlannedOutput[] {
  const t = messages(r.language).build;
  const names = (stem: string) =>
    documents.map((document) => {
      const path = library.templates.length > 1 ? `${stem}-${documentSlug(document.template, r.language)}.${r.format}` : `${stem}.${r.format}`;
      return { document, path, shown: displayPath(ctx, path) };
    });
  const answers = ctx.resolvePath(r.answersPath);
  const answersStem = basename(answers, extname(answers));
  let outputs: PlannedOutput[];
  if (r.requested === '-') {
    if (documents.length > 1) {
      const list = documents.map((d) => `${documentName(d.template, r.language)} (${d.template.id})`).join(', ');
      throw new UsageError(t.stdoutOneDocument(documents.length, list), t.chooseTemplateOrFolder(documents.map((d) => d.template.id).join(', ')));
    }
    return [{ document: documents[0]!, path: undefined, shown: 'standard output' }];
  } else if (r.requested !== undefined) {
    const path = ctx.resolvePath(r.requested);
    // A folder: named so (FOLDER/), or one that exists — itself, not through a link, which is never written through.
    if (/[\\/]$/.test(r.requested) || isRealFolder(path)) outputs = names(join(path, answersStem));
    else if (documents.length === 1) outputs = [{ document: documents[0]!, path, shown: displayPath(ctx, path) }];
    else outputs = names(path.endsWith(`.${r.format}`) ? path.slice(0, -(r.format.length + 1)) : path);
  } else {
    outputs = names(r.stem !== undefined ? ctx.resolvePath(r.stem) : join(dirname(answers), answersStem));
  }
  const byPath = new Map<string, PlannedOutput[]>();
  for (const o of outputs) byPath.set(o.path!, [...(byPath.get(o.path!) ?? []), o]);
  for (const [, same] of byPath) {
    if (same.length > 1) throw new UsageError(t.sameName(same[0]!.shown, same.map((o) => o.document.template.id).join(', ')), t.giveDifferentNames);
  }
  return outputs;
}

/** Every output is checked before any is written: an officer's edited documents are never half replaced. */
function checkAllWritable(outputs: readonly PlannedOutput[], rules: WriteRules & { language: string }): void {
  const existing = outputs.filter((o) => o.path !== undefined && existsSync(o.path) && rules.force !== true && !isRealFolder(o.path));
  if (existing.length > 1) {
    const t = messages(rules.language).files;
    throw new InputError(t.existSeveral(existing.map((o) => o.shown).join(', ')), t.forceOrRenameSeveral);
  }
  for (const o of outputs) if (o.path !== undefined) checkWritable(o.path, o.shown, rules);
}

function isRealFolder(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}
