import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename } from 'node:path';
import { InputError, UsageError } from '../../errors.js';
import { answersFileText } from '../../interview/answers-file.js';
import { runInterview, type InterviewOutcome } from '../../interview/flow.js';
import { interviewLanguage } from '../../interview/language.js';
import { PromptInterrupted, type Prompter } from '../../interview/prompter.js';
import { readForResume, type ResumedFile } from '../../interview/resume.js';
import { buildCommand, freeName, resumeCommand, saveDraft, suggestedName, today } from '../../interview/save.js';
import type { AnswerState } from '../../interview/state.js';
import { interviewTexts, type InterviewTexts } from '../../interview/texts.js';
import { compareFindings, formatLocation } from '../../finding.js';
import { QUESTIONS_FILE } from '../../library/load-library.js';
import { releaseOf, type Library } from '../../library/model.js';
import { checkWritable, writeFileSafely } from '../../write/write-file.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import type { CommandContext } from '../context.js';
import { displayPath, loadFor, relativeToCwd } from '../load.js';
import { buildAfterInterview } from './interview-build.js';
import { warnUnreadable } from './warn-unreadable.js';

export async function run(ctx: CommandContext, args: string[], options: Record<string, unknown>): Promise<number> {
  const { io } = ctx;
  if (io.stdin.isTTY !== true || io.stdout.isTTY !== true) {
    throw new UsageError(
      'clausula interview asks questions, so it needs an interactive terminal; its input or output here is a pipe or a file (CI, a script)',
      `to make the document from an answers file without any questions, run: clausula build ${args[0] ?? 'ANSWERS.yaml'}`,
    );
  }
  const library = loadFor(ctx);
  if (library.questions.size === 0) {
    const findings = relativeToCwd(ctx, library, library.findings.filter((f) => f.file === QUESTIONS_FILE));
    throw new InputError(`the library ${displayPath(ctx, library.dir)} has no questions that can be read`, 'run clausula lint to see why', findings);
  }
  warnUnreadable(ctx, library);

  const target = args[0] !== undefined ? ctx.resolvePath(args[0]) : undefined;
  const existed = target !== undefined && existsSync(target);
  if (existed && statSync(target).isDirectory()) throw new UsageError(`${args[0]} is a folder`, 'give the name of an answers file, such as tender.yaml');
  // Before the first question: an officer must not answer thirty of them to learn the folder does not exist.
  if (target !== undefined) checkWritable(target, displayPath(ctx, target), { force: existed });
  const resumed = existed ? readForResume(library, target, displayPath(ctx, target)) : undefined;
  const language = interviewLanguage(library, { option: options.lang, file: resumed?.language, env: io.env });
  const t = interviewTexts(language);
  if (resumed) warnAboutFile(ctx, library, resumed, t);

  const answers: AnswerState = resumed?.answers ?? new Map();
  const date = today(io.env);
  const fileText = () => answersFileText({ library, language, answers, date, ...(resumed?.template ? { template: resumed.template } : {}) });
  const { createInquirerPrompter } = await import('../../interview/prompts.js');
  const terminal = io.stdout as { columns?: number; rows?: number };
  const prompter = createInquirerPrompter({
    input: io.stdin,
    output: io.stdout as unknown as NodeJS.WritableStream,
    language,
    color: ctx.color,
    ...(terminal.columns ? { columns: terminal.columns } : {}),
    ...(terminal.rows ? { rows: terminal.rows } : {}),
  });

  if (target && existed) prompter.say(t.resumed(displayPath(ctx, target), answers.size), 'paragraph');
  prompter.say(t.welcome, 'paragraph');
  const before = existed ? fileText() : undefined;
  let outcome: InterviewOutcome;
  let path: string;
  try {
    outcome = await runInterview({ library, language, answers, prompter, startAtReview: options.review === true });
    path = target ?? ctx.resolvePath(await askFileName(ctx, prompter, answers, t));
  } catch (error) {
    if (!(error instanceof PromptInterrupted)) throw error;
    return stopAndSave(ctx, { target, existed, unchanged: before !== undefined && before === fileText(), text: fileText(), empty: answers.size === 0, date, t });
  }

  const shown = displayPath(ctx, path);
  try {
    await writeFileSafely(path, fileText(), { force: existed && path === target, display: shown });
  } catch (error) {
    const kept = displayPath(ctx, await keepDraft(ctx, date, fileText()));
    if (error instanceof InputError) throw new InputError(error.message, `${t.keptIn(kept)} ${t.resumeWith} ${resumeCommand(kept, libraryShown(ctx))}`);
    throw error;
  }
  prompter.say(`\n${t.saved(shown)}`);
  if (outcome === 'save') {
    prompter.say(`${t.buildLater}\n  ${buildCommand(shown, libraryShown(ctx))}`);
    return 0;
  }
  return buildAfterInterview(ctx, { answersPath: path, language, prompter, t });
}

interface StopState {
  target: string | undefined;
  existed: boolean;
  /** The file being resumed would be written back exactly as it was read. */
  unchanged: boolean;
  text: string;
  empty: boolean;
  date: string;
  t: InterviewTexts;
}

/**
 * Ctrl-C: keep what was answered — in the officer's file when it is theirs to write, else
 * in a draft that replaces nothing — and say exactly how to carry on. Exit 130.
 */
async function stopAndSave(ctx: CommandContext, s: StopState): Promise<number> {
  const { io } = ctx;
  const library = libraryShown(ctx);
  io.stdout.write('\n');
  if (s.empty && !s.existed) {
    io.stderr.write(`${s.t.interruptedNothing}\n${s.t.resumeWith}\n  ${resumeCommand(s.target ? displayPath(ctx, s.target) : undefined, library)}\n`);
    return 130;
  }
  let saved: string | undefined;
  if (s.target) {
    try {
      if (!s.unchanged) await writeFileSafely(s.target, s.text, { force: s.existed });
      saved = s.target;
    } catch {
      // The file appeared meanwhile, or cannot be written: the draft keeps the answers.
    }
  }
  saved ??= await keepDraft(ctx, s.date, s.text);
  const shown = displayPath(ctx, saved);
  io.stderr.write(`${s.t.interrupted(shown)}\n${s.t.resumeWith}\n  ${resumeCommand(shown, library)}\n`);
  return 130;
}

/** A draft in the working folder, else (it cannot be written) in the temporary folder: the answers are never dropped. */
async function keepDraft(ctx: CommandContext, date: string, text: string): Promise<string> {
  try {
    return await saveDraft(ctx.io.cwd, date, text);
  } catch {
    return saveDraft(tmpdir(), date, text);
  }
}

function libraryShown(ctx: CommandContext): string | undefined {
  return ctx.libraryGiven ? displayPath(ctx, ctx.libraryDir) : undefined;
}

/** No file was named on the command line: ask for one, never an existing file. */
async function askFileName(ctx: CommandContext, prompter: Prompter, answers: AnswerState, t: InterviewTexts): Promise<string> {
  const suggestion = basename(freeName(ctx.resolvePath(suggestedName(answers.get('contractReference'), answers.get('contractTitle')))));
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
function warnAboutFile(ctx: CommandContext, library: Library, resumed: ResumedFile, t: InterviewTexts): void {
  const current = releaseOf(library);
  if (resumed.release && resumed.release.split('@')[0] !== current.split('@')[0]) {
    ctx.io.stderr.write(terminalSafe(`clausula: warning: the answers were given for ${resumed.release}, not for this library (${current}); they are checked against ${current}`) + '\n');
  }
  const notes = [...resumed.ignored, ...resumed.rejected.map((f) => ({ ...f, fix: t.askedAgain }))].sort(compareFindings);
  for (const n of notes) ctx.io.stderr.write(terminalSafe(`${formatLocation(n)}: warning: ${n.message}${n.fix ? ` (${n.fix})` : ''}`) + '\n');
}
