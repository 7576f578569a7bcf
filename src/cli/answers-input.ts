import { existsSync } from 'node:fs';
import { InputError } from '../errors.js';
import { formatLocation } from '../finding.js';
import { answersLanguage, messageLanguageBefore } from '../interview/language.js';
import { loadAnswers, type LoadedAnswers } from '../library/load-answers.js';
import { releaseOf, type Library } from '../library/model.js';
import { messages } from '../text/messages/index.js';
import type { CommandContext } from './context.js';
import { terminalSafe } from '../text/terminal-safe.js';
import { displayPath } from './load.js';
import { severityWord, warningLine } from './report-error.js';

/**
 * Read the answers file a command was given, in the answers' language (--lang, else the
 * file's, else the library's): from then on every message of the command is in it
 * (`ctx.language`). Warnings go to stderr.
 */
export function readAnswersArgument(ctx: CommandContext, library: Library, path: string, option: unknown): LoadedAnswers {
  const absolute = ctx.resolvePath(path);
  const shown = displayPath(ctx, absolute);
  const before = option !== undefined ? String(option) : messageLanguageBefore(library, ctx.io.env);
  ctx.language = before;
  if (!existsSync(absolute)) {
    const t = messages(before).answers;
    throw new InputError(t.noSuchFile(shown), t.giveWrittenFile(ctx.command('interview')));
  }
  const loaded = loadAnswers(library, absolute, shown, {
    language: {
      before,
      of: (file) => {
        const language = answersLanguage(library, { option, file: { language: file.language, display: shown }, env: ctx.io.env, useLocale: false });
        ctx.language = language;
        return language;
      },
    },
    interview: ctx.command('interview', path),
  });
  const t = messages(loaded.language).answers;
  const release = releaseOf(library);
  if (loaded.file.library && library.manifest && loaded.file.library.split('@')[0] !== release.split('@')[0]) {
    ctx.io.stderr.write(warningLine(t.answeredForOther(shown, loaded.file.library, release), loaded.language));
  }
  for (const w of loaded.warnings) ctx.io.stderr.write(terminalSafe(`${formatLocation(w)}: ${severityWord(w.severity, loaded.language)}: ${w.message}${w.fix ? ` (${w.fix})` : ''}`) + '\n');
  return loaded;
}
