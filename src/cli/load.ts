import { relative, join, sep } from 'node:path';
import { UsageError } from '../errors.js';
import type { Finding } from '../finding.js';
import { loadLibrary } from '../library/load-library.js';
import { defaultLanguageOf, type Library } from '../library/model.js';
import type { Protected } from '../write/write-file.js';
import type { CommandContext } from './context.js';

/** Load the library the command works on; read problems are left for the caller to report. */
export function loadFor(ctx: CommandContext, dir?: string): Library {
  const absolute = dir ?? ctx.libraryDir;
  return loadLibrary(absolute, displayPath(ctx, absolute));
}

/** A library's own files (clauses/, templates/), which no document or report may replace. */
export function libraryFiles(library: Library): Protected[] {
  return [
    { path: join(library.dir, 'clauses'), role: 'library' },
    { path: join(library.dir, 'templates'), role: 'library' },
  ];
}

/** Findings with paths relative to where the user is, as terminals and CI link them. */
export function relativeToCwd(ctx: CommandContext, library: Library, findings: readonly Finding[]): Finding[] {
  return findings.map((f) => ({ ...f, file: displayPath(ctx, join(library.dir, f.file)) }));
}

export function displayPath(ctx: CommandContext, absolute: string): string {
  const rel = relative(ctx.io.cwd, absolute);
  // Outside the working folder an absolute path reads better than a climb of ../..
  if (rel.startsWith('..')) return absolute.split(sep).join('/');
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

/** The language to use: the option, else the library's default; it must be a library language. */
export function languageFor(library: Library, requested: unknown): string {
  const languages = library.manifest?.value.languages ?? [];
  if (requested === undefined) return defaultLanguageOf(library);
  const language = String(requested);
  if (languages.length > 0 && !languages.includes(language)) {
    throw new UsageError(`the library has no ${language} texts`, `choose one of: ${languages.join(', ')}`);
  }
  return language;
}
