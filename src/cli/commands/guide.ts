import { join } from 'node:path';
import { buildGuide } from '../../assemble/guide.js';
import { UsageError } from '../../errors.js';
import { documentFormats, type DocumentFormat } from '../../render/index.js';
import { checkWritable, writeFileSafely, type Protected } from '../../write/write-file.js';
import type { CommandContext } from '../context.js';
import { documentDate } from '../document-date.js';
import { languageFor, libraryFiles, loadFor } from '../load.js';
import { checkFormatOptions, documentTarget, readReference, renderFor, requireReadableLibrary, writeToStdout } from './document-output.js';

export async function run(ctx: CommandContext, _args: string[], options: Record<string, unknown>): Promise<number> {
  const format = String(options.format ?? 'docx') as DocumentFormat;
  if (!documentFormats.includes(format)) throw new UsageError(`there is no format ${format}`, `choose one of: ${documentFormats.join(', ')}`);
  await checkFormatOptions(ctx, format, options, 'write the guideline');
  const library = loadFor(ctx);
  requireReadableLibrary(ctx, library);
  const language = languageFor(library, options.lang);
  const manifest = library.manifest!.value;

  const { path, shown } = documentTarget(ctx, options.output as string | undefined, join(ctx.io.cwd, `${manifest.id}-guide.${language}.${format}`));
  const force = options.force === true;
  const protect: Protected[] = libraryFiles(library);
  if (options.referenceDoc !== undefined) protect.push({ path: ctx.resolvePath(String(options.referenceDoc)), role: 'reference' });
  if (path !== undefined) checkWritable(path, shown, { force, protect });
  const reference = options.referenceDoc !== undefined ? await readReference(ctx, String(options.referenceDoc)) : undefined;

  const date = documentDate(ctx.io.env);
  const model = buildGuide(library, { language, date });
  const rendered = await renderFor(ctx, format, model, { date, tocPageNumbers: options.tocPageNumbers === true, ...(reference ? { reference } : {}) });
  if (path === undefined) await writeToStdout(ctx, rendered);
  else await writeFileSafely(path, rendered, { force, protect, display: shown });

  const clauses = model.parts.reduce((n, p) => n + p.clauses.length, 0);
  const summary = `${path === undefined ? 'Wrote the guideline:' : `Wrote ${shown}:`} ${clauses} ${clauses === 1 ? 'clause' : 'clauses'} in ${model.parts.length} ${model.parts.length === 1 ? 'category' : 'categories'} (${language}, ${model.library.release})\n`;
  (path === undefined ? ctx.io.stderr : ctx.io.stdout).write(summary);
  return 0;
}
