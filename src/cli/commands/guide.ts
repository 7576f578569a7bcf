import { join } from 'node:path';
import { buildGuide } from '../../assemble/guide.js';
import { UsageError } from '../../errors.js';
import { documentFormats, type DocumentFormat } from '../../render/index.js';
import { checkWritable, writeFileSafely } from '../../write/write-file.js';
import type { CommandContext } from '../context.js';
import { documentDate } from '../document-date.js';
import { displayPath, languageFor, loadFor } from '../load.js';
import { checkFormatOptions, readReference, renderFor, requireReadableLibrary, writeToStdout } from './document-output.js';

export async function run(ctx: CommandContext, _args: string[], options: Record<string, unknown>): Promise<number> {
  const format = String(options.format ?? 'docx') as DocumentFormat;
  if (!documentFormats.includes(format)) throw new UsageError(`there is no format ${format}`, `choose one of: ${documentFormats.join(', ')}`);
  await checkFormatOptions(ctx, format, options, 'write the guideline');
  const library = loadFor(ctx);
  requireReadableLibrary(ctx, library);
  const language = languageFor(library, options.lang);
  const manifest = library.manifest!.value;

  const requested = options.output as string | undefined;
  const path = requested === '-' ? undefined : ctx.resolvePath(requested ?? join(ctx.io.cwd, `${manifest.id}-guide.${language}.${format}`));
  const shown = path === undefined ? 'standard output' : displayPath(ctx, path);
  const force = options.force === true;
  if (path !== undefined) checkWritable(path, shown, force);
  const reference = options.referenceDoc !== undefined ? await readReference(ctx, String(options.referenceDoc)) : undefined;

  const date = documentDate(ctx.io.env);
  const model = buildGuide(library, { language, date });
  const rendered = await renderFor(ctx, format, model, { date, tocPageNumbers: options.tocPageNumbers === true, ...(reference ? { reference } : {}) });
  if (path === undefined) writeToStdout(ctx, rendered);
  else await writeFileSafely(path, rendered, { force, display: shown });

  const clauses = model.parts.reduce((n, p) => n + p.clauses.length, 0);
  const summary = `${path === undefined ? 'Wrote the guideline:' : `Wrote ${shown}:`} ${clauses} ${clauses === 1 ? 'clause' : 'clauses'} in ${model.parts.length} ${model.parts.length === 1 ? 'category' : 'categories'} (${language}, ${model.library.release})\n`;
  (path === undefined ? ctx.io.stderr : ctx.io.stdout).write(summary);
  return 0;
}
