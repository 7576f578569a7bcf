import { existsSync } from 'node:fs';
import { InputError } from '../errors.js';
import { loadAnswers, type LoadedAnswers } from '../library/load-answers.js';
import type { Library } from '../library/model.js';
import { formatLocation } from '../finding.js';
import type { CommandContext } from './context.js';
import { terminalSafe } from '../text/terminal-safe.js';
import { displayPath } from './load.js';

/** Read the answers file a command was given; warnings go to stderr. */
export function readAnswersArgument(ctx: CommandContext, library: Library, path: string, language?: string): LoadedAnswers {
  const absolute = ctx.resolvePath(path);
  const shown = displayPath(ctx, absolute);
  if (!existsSync(absolute)) {
    throw new InputError(`${shown}: no such answers file`, 'give the path of a file written by clausula interview (see examples/ for some)');
  }
  const loaded = loadAnswers(library, absolute, shown, language);
  const release = library.manifest ? `${library.manifest.value.id}@${library.manifest.value.version}` : undefined;
  if (loaded.file.library && release && loaded.file.library.split('@')[0] !== release.split('@')[0]) {
    ctx.io.stderr.write(terminalSafe(`clausula: warning: ${shown} was answered for ${loaded.file.library}, not for this library (${release})`) + '\n');
  }
  for (const w of loaded.warnings) ctx.io.stderr.write(terminalSafe(`${formatLocation(w)}: warning: ${w.message}${w.fix ? ` (${w.fix})` : ''}`) + '\n');
  return loaded;
}
