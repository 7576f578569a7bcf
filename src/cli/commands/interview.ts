import { existsSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename } from 'node:path';
import { InputError, UsageError } from '../../errors.js';
import { compareFindings, formatLocation } from '../../finding.js';
import { answersFileText } from '../../interview/answers-file.js';
import { runInterview, type InterviewOutcome } from '../../interview/flow.js';
import { answersLanguage, messageLanguageBefore } from '../../interview/language.js';
import { PromptInterrupted, type Prompter } from '../../interview/prompter.js';
import { readForResume, type ResumedFile } from '../../interview/resume.js';
import { draftName, freeName, suggestedName, today } from '../../interview/save.js';
import { emptySession, type Session } from '../../interview/state.js';
import { QUESTIONS_FILE } from '../../library/load-library.js';
import { releaseOf, type Library } from '../../library/model.js';
import { messages, type InterviewMessages } from '../../text/messages/index.js';
import { checkWritable, writeFileSafely } from '../../write/write-file.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import type { CommandContext } from '../context.js';
import { displayPath, loadFor, relativeToCwd } from '../load.js';
import { severityWord, warningLine } from '../report-error.js';
import { buildAfterInterview } from './interview-build.js';
import { warnUnreadable } from './warn-unreadable.js';

export async function run(ctx: CommandContext, args: string[], options: Record<string, unknown>): Promise<number> {
  const { io } = ctx;
  const library = loadFor(ctx);
  if (options.lang === undefined) ctx.language = messageLanguageBefore(library, io.env);
  if (io.stdin.isTTY !== true || io.stdout.isTTY !== true) {
    const t = messages(ctx.language).interview;
    throw new UsageError(t.needsTerminal, t.buildInstead(ctx.command('build', args[0] ?? 'ANSWERS.yaml')));
  }
  if (library.questions.size === 0) {
    const findings = relativeToCwd(ctx, library, library.findings.filter((f) => f.file === QUESTIONS_FILE));
    throw new InputError(messages(ctx.language).interview.noQuestions(displayPath(ctx, library.dir)), messages(ctx.language).common.runLint(ctx.command('lint')), findings);
  }
  warnUnreadable(ctx, library);

  const target = args[0] !== undefined ? ctx.resolvePath(args[0]) : undefined;
  const existed = target !== undefined && existsSync(target);
  if (existed && statSync(target).isDirectory()) {
    const t = messages(ctx.language).interview;
    throw new UsageError(t.isAFolder(args[0]!), t.giveAnswersFile);
  }
  // Before the first question: an officer must not answer thirty of them to learn the folder does not exist.
  if (target !== undefined) checkWritable(target, displayPath(ctx, target), { force: existed, language: ctx.language, naming: 'argument' });
  const resumed = existed ? readForResume(library, target, displayPath(ctx, target), ctx.language) : undefined;
  const language = answersLanguage(library, {
    option: options.lang,
    file: resumed ? { language: resumed.language, display: displayPath(ctx, target!) } : undefined,
    env: io.env,
    useLocale: true,
  });
  ctx.language = language;
  const t = messages(language).interview;
  if (resumed) warnAboutFile(ctx, library, resumed, language);

  const session: Session = resumed?.session ?? emptySession();
  const date = today(io.env);
  const fileText = () => answersFileText({ library, language, session, date, ...(resumed?.template ? { template: resumed.template } : {}) });
  const saver = new Saver(ctx, { target, existed, first: existed ? fileText() : undefined, date, language });
  // A signal (SIGTERM, the terminal closing) ends the process between two answers: every answer given is on disk already.
  ctx.onStop(() => (saver.path ? `${t.interrupted(displayPath(ctx, saver.path))}\n${t.resumeWith}\n  ${ctx.command('interview', displayPath(ctx, saver.path))}` : t.interruptedNothing));

  const { createInquirerPrompter } = await import('../../interview/terminal/prompts.js');
  const terminal = io.stdout as { columns?: number; rows?: number };
  const prompter = createInquirerPrompter({
    input: io.stdin,
    output: io.stdout as unknown as NodeJS.WritableStream,
    language,
    color: ctx.color,
    columns: () => terminal.columns,
    rows: () => terminal.rows,
  });

  if (target && existed) prompter.say(t.resumed(displayPath(ctx, target), session.answers.size), 'paragraph');
  prompter.say(t.welcome, 'paragraph');
  prompter.say(target ? t.savingTo(displayPath(ctx, target)) : t.savingToDraft(displayPath(ctx, saver.draftPath())), 'paragraph');
  let outcome: InterviewOutcome;
  let path: string;
  try {
    outcome = await runInterview({ library, language, session, prompter, startAtReview: options.review === true, changed: () => saver.save(fileText()) });
    path = target ?? ctx.resolvePath(await askFileName(ctx, prompter, session, t));
  } catch (error) {
    prompter.close?.();
    if (!(error instanceof PromptInterrupted)) throw error;
    return stop(ctx, saver, fileText(), session, t);
  }

  const shown = displayPath(ctx, path);
  try {
    await writeFileSafely(path, fileText(), { force: path === saver.path, display: shown, language, naming: 'argument' });
  } catch (error) {
    prompter.close?.();
    const kept = displayPath(ctx, await saver.keep(fileText()));
    if (error instanceof InputError) throw new InputError(error.message, `${t.keptIn(kept)} ${t.resumeWith} ${ctx.command('interview', kept)}`);
    throw error;
  }
  saver.done(path);
  prompter.say(`\n${t.saved(shown)}`);
  if (outcome === 'save') {
    prompter.say(`${t.buildLater}\n  ${ctx.command('build', shown)}`);
    prompter.close?.();
    return 0;
  }
  try {
    return await buildAfterInterview(ctx, { answersPath: path, language, prompter, t });
  } finally {
    prompter.close?.();
  }
}

/**
 * Saves the answers after every one of them, atomically (src/write/), so that closing the
 * window or killing the process loses at most the answer being typed. Into the officer's
 * file when one was named, else into a draft (`clausula-draft-<date>.yaml`, a name that
 * replaces nothing) that the file chosen at the end replaces.
 */
class Saver {
  /** Where the answers are on disk now; undefined until the first save. */
  path: string | undefined;
  private last: string | undefined;
  private draft: string | undefined;
  readonly target: string | undefined;

  constructor(
    private readonly ctx: CommandContext,
    private readonly o: { target: string | undefined; existed: boolean; first: string | undefined; date: string; language: string },
  ) {
    this.target = o.target;
    if (o.existed) {
      this.path = o.target;
      this.last = o.first;
    }
  }

  /** The draft's name, chosen once: the next free `clausula-draft-<date>[-n].yaml` here. */
  draftPath(): string {
    this.draft ??= freeName(this.ctx.resolvePath(draftName(this.o.date)));
    return this.draft;
  }

  async save(text: string): Promise<void> {
    if (text === this.last) return;
    const path = this.o.target ?? this.draftPath();
    try {
      await writeFileSafely(path, text, { force: this.path === path, language: this.o.language, display: displayPath(this.ctx, path), naming: 'argument' });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      // The file appeared meanwhile, or this folder takes no files: a draft elsewhere keeps the answers.
      this.path = await this.keep(text);
      this.last = text;
      return;
    }
    this.path = path;
    this.last = text;
  }

  /** A file that replaces nothing, here or else in the temporary folder: the answers are never dropped. */
  async keep(text: string): Promise<string> {
    if (this.path !== undefined && this.path !== this.o.target) {
      try {
        await writeFileSafely(this.path, text, { force: true, language: this.o.language });
        return this.path;
      } catch {
        // go on to a new draft
      }
    }
    for (const dir of [this.ctx.io.cwd, tmpdir()]) {
      const path = freeName(`${dir}/${draftName(this.o.date)}`);
      try {
        await writeFileSafely(path, text, { language: this.o.language });
        this.path = path;
        return path;
      } catch {
        // try the next place
      }
    }
    throw new InputError(messages(this.o.language).files.cannotWrite(draftName(this.o.date), messages(this.o.language).files.permissionDenied));
  }

  /** The answers are in their file: a draft that held them meanwhile goes. */
  done(final: string): void {
    if (this.path !== undefined && this.path !== final && this.path !== this.o.target) rmSync(this.path, { force: true });
    this.path = final;
  }
}

/**
 * Ctrl-C or Ctrl-D: the answers are saved already (after each one); say where and exactly
 * how to carry on. Exit 130.
 */
async function stop(ctx: CommandContext, saver: Saver, text: string, session: Session, t: InterviewMessages): Promise<number> {
  const { io } = ctx;
  io.stdout.write('\n');
  if (session.answers.size === 0 && saver.path === undefined) {
    const file = saver.target !== undefined ? [displayPath(ctx, saver.target)] : [];
    io.stderr.write(`${t.interruptedNothing}\n${t.resumeWith}\n  ${ctx.command('interview', ...file)}\n`);
    return 130;
  }
  await saver.save(text);
  const shown = displayPath(ctx, saver.path!);
  io.stderr.write(`${t.interrupted(shown)}\n${t.resumeWith}\n  ${ctx.command('interview', shown)}\n`);
  return 130;
}

/** No file was named on the command line: ask for one, never an existing file. */
async function askFileName(ctx: CommandContext, prompter: Prompter, session: Session, t: InterviewMessages): Promise<string> {
  const suggestion = basename(freeName(ctx.resolvePath(suggestedName(session.answers.get('contractReference'), session.answers.get('contractTitle')))));
  const name = await prompter.text(t.saveWhere, {
    initial: suggestion,
    check: (text) => {
      const file = withYamlExtension(text);
      if (file === '') return t.required;
      return existsSync(ctx.resolvePath(file)) ? t.fileExists : undefined;
    },
  });
  return withYamlExtension(name);
}

function withYamlExtension(text: string): string {
  const name = text.trim();
  if (name === '') return '';
  return /\.ya?ml$/i.test(name) ? name : `${name}.yaml`;
}

/** What in the file being resumed does not fit this library; nothing in it is lost silently. */
function warnAboutFile(ctx: CommandContext, library: Library, resumed: ResumedFile, language: string): void {
  const t = messages(language).interview;
  const current = releaseOf(library);
  if (resumed.release && resumed.release.split('@')[0] !== current.split('@')[0]) ctx.io.stderr.write(warningLine(t.otherLibrary(resumed.release, current), language));
  const notes = [...resumed.ignored, ...resumed.rejected.map((f) => ({ ...f, fix: t.askedAgain }))].sort(compareFindings);
  for (const n of notes) ctx.io.stderr.write(terminalSafe(`${formatLocation(n)}: ${severityWord('warning', language)}: ${n.message}${n.fix ? ` (${n.fix})` : ''}`) + '\n');
}
