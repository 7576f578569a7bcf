import { existsSync, statSync } from 'node:fs';
import { InputError, UsageError } from '../../errors.js';
import { formatLocation } from '../../finding.js';
import { answersLanguage, messageLanguageBefore } from '../../interview/language.js';
import { readForResume } from '../../interview/resume.js';
import { freeName, today } from '../../interview/save.js';
import { QUESTIONS_FILE } from '../../library/load-library.js';
import type { Library } from '../../library/model.js';
import type { DocumentFormat } from '../../render/index.js';
import { findOffice } from '../../render/office/office.js';
import { loadAssets } from '../../web/assets.js';
import { fileText, interviewFor, readState, setLanguage } from '../../web/engine.js';
import { interviewApi } from '../../web/interview-api.js';
import { openBrowser, redirectFile } from '../../web/open-browser.js';
import { newToken } from '../../web/security.js';
import { startServer, type RunningServer } from '../../web/server.js';
import { messages } from '../../text/messages/index.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { checkWritable, writeFileSafely } from '../../write/write-file.js';
import type { CommandContext } from '../context.js';
import { documentDate } from '../document-date.js';
import { displayPath, loadFor, relativeToCwd } from '../load.js';
import { warningLine } from '../report-error.js';
import { requireParsableConditions, requireReadableLibrary } from './document-output.js';
import { warnUnreadable } from './warn-unreadable.js';

export async function run(ctx: CommandContext, args: string[], options: Record<string, unknown>): Promise<number> {
  await startServe(ctx, args, options);
  // Serves until Ctrl-C: the process's signal handler (src/cli/run.ts) lets the write under way finish, then exits.
  return new Promise<number>(() => undefined);
}

export interface Serving {
  server: RunningServer;
  /** The answers file, absolute. */
  path: string;
  stop(): Promise<void>;
}

/**
 * Start `clausula serve`: check everything that can be checked before the officer answers
 * anything (the library has questions, the answers file is one and can be written, the port),
 * then serve, print the address on the first line of standard output, and open the browser.
 */
export async function startServe(ctx: CommandContext, args: string[], options: Record<string, unknown>): Promise<Serving> {
  const { io } = ctx;
  const library = loadFor(ctx);
  if (options.lang === undefined) ctx.language = messageLanguageBefore(library, io.env);
  const port = portOption(options.port, ctx.language);
  if (library.questions.size === 0) {
    const findings = relativeToCwd(ctx, library, library.findings.filter((f) => f.file === QUESTIONS_FILE));
    throw new InputError(messages(ctx.language).interview.noQuestions(displayPath(ctx, library.dir)), messages(ctx.language).common.runLint(ctx.command('lint')), findings);
  }
  warnUnreadable(ctx, library);

  // The answers file is fixed now, for as long as the server runs: the one named, else a new tender.yaml here.
  const path = args[0] !== undefined ? ctx.resolvePath(args[0]) : freeName(ctx.resolvePath('tender.yaml'));
  const shown = displayPath(ctx, path);
  const existed = existsSync(path);
  if (existed && statSync(path).isDirectory()) {
    const t = messages(ctx.language).interview;
    throw new UsageError(t.isAFolder(args[0]!), t.giveAnswersFile);
  }
  checkWritable(path, shown, { force: existed, language: ctx.language });
  // The answers' language, as the terminal interview chooses it: --lang, else the file's, else the locale's, else the library's.
  const fileLanguage = existed ? readForResume(library, path, shown, ctx.language).language : undefined;
  const startLanguage = answersLanguage(library, { option: options.lang, file: existed ? { language: fileLanguage, display: shown } : undefined, env: io.env, useLocale: true });
  ctx.language = startLanguage;
  const t = messages(startLanguage).serve;
  const interview = interviewFor(library, { path, shown, startLanguage, resume: ctx.command('serve', shown) });

  const state = readState(interview);
  // In the language the file was in when read: the notes are about what it held then.
  for (const note of state.notes) io.stderr.write(warningLine(note, state.language));
  // --lang is the officer asking for a language: the file says so from now on.
  if (existed && options.lang !== undefined && state.language !== startLanguage && setLanguage(interview, state, startLanguage)) {
    await writeFileSafely(path, fileText(interview, state, today(io.env)), { force: true, display: shown, language: startLanguage });
  }

  const server = await startServer({
    api: interviewApi({
      interview,
      today: () => today(io.env),
      documentDate: () => documentDate(io.env),
      formats: offeredFormats(io.env),
      env: io.env,
      documentsBlocked: documentsBlocked(ctx, library, startLanguage),
    }),
    assets: loadAssets(),
    token: newToken(),
    port,
    language: startLanguage,
  });
  io.stdout.write(`${server.url}\n${terminalSafe(t.savedIn(shown))}\n${t.stopWith}\n`);

  let removeRedirect = () => undefined as void;
  if (options.open !== false) {
    const redirect = await redirectFile(server.url).catch(() => undefined);
    removeRedirect = redirect ? redirect.remove : removeRedirect;
    process.once('exit', removeRedirect);
    const opened = await openBrowser(redirect?.url ?? server.url, { platform: process.platform, env: io.env });
    if (!opened) io.stderr.write(`clausula: ${t.noBrowser}\n`);
  }
  return {
    server,
    path,
    stop: async () => {
      await server.close();
      removeRedirect();
    },
  };
}

function portOption(value: unknown, language: string): number {
  if (value === undefined) return 0;
  const text = String(value);
  const t = messages(language).serve;
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) throw new UsageError(t.badPort(text), t.anyPort);
  return Number(text);
}

/** Word documents always; PDF where this computer can make it (LibreOffice is installed). */
function offeredFormats(env: Readonly<Record<string, string | undefined>>): DocumentFormat[] {
  try {
    findOffice(env, 'PDF');
    return ['docx', 'pdf'];
  } catch {
    return ['docx'];
  }
}

/** A library `build` would refuse (a file that did not read, a condition that does not parse) builds no document here either. */
function documentsBlocked(ctx: CommandContext, library: Library, language: string): string | undefined {
  try {
    requireReadableLibrary(ctx, library);
    requireParsableConditions(ctx, library, false);
    return undefined;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const first = error.findings[0];
    return `${messages(language).serve.libraryBroken}${first ? ` (${formatLocation(first)}: ${first.message})` : ''}`;
  }
}
