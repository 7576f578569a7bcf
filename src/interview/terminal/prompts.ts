import { AbortPromptError, Separator } from '@inquirer/core';
import { Chalk } from 'chalk';
import { pick as pickUnsafe } from '../../library/model.js';
import { terminalSafe, withoutUnsafe } from '../../text/terminal-safe.js';
import type { AnswerValue } from '../../schema/common.js';
import type { Question } from '../../schema/questions.js';
import { messages } from '../../text/messages/index.js';
import { choicesProblem, inputText, isRequired, parseTyped, parseYesNo } from '../answer-input.js';
import { PromptInterrupted, WentBack, type MenuItem, type Prompter, type QuestionRequest, type TextStyle } from '../prompter.js';
import { PASTE_OFF, PASTE_ON, PasteJoiner } from './paste.js';
import * as widgets from './widgets.js';
import type { WidgetConfig, WidgetStyle } from './widgets.js';
import { wrap } from './wrap.js';

// The terminal face of the interview: the only place that knows about prompts, keys,
// pasting and the terminal's width. The interview command loads it lazily.

export interface InquirerPrompterOptions {
  input: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  output: NodeJS.WritableStream;
  language: string;
  color: boolean;
  /** The terminal's size now (it can change while the interview runs), for wrapping and paging. */
  columns?: () => number | undefined;
  rows?: () => number | undefined;
}

/** An optional select left without an answer; option values are never empty. */
const NO_ANSWER = '';

export function createInquirerPrompter(o: InquirerPrompterOptions): Prompter {
  const t = messages(o.language).interview;
  const chalk = new Chalk({ level: o.color ? 1 : 0 });
  const style = widgetStyle(chalk, o.color, t.keys);
  const input = terminalInput(o);
  // Help and paragraphs read best at most 100 columns wide; a question uses the whole line.
  const columns = () => Math.max(20, o.columns?.() ?? 80);
  const width = () => Math.min(columns(), 100);
  const pageSize = (count: number) => Math.min(count, Math.max(7, (o.rows?.() ?? 24) - 8));
  const clip = (s: string) => (s.length > width() - 8 ? s.slice(0, width() - 9) + '…' : s);
  // The message goes on lines of its own, broken between words, so the terminal never breaks one mid-word.
  const message = (text: string) => wrap(text, columns() - 1, '  ').replace(/^ {2}/, '');
  // The library's questions, options and help, and answers read back from a file, reach the terminal only through here.
  const pick = (texts: Parameters<typeof pickUnsafe>[0], language: string) => terminalSafe(pickUnsafe(texts, language));
  const say = (unsafe: string, style: TextStyle = 'body') => {
    const text = terminalSafe(unsafe, 'text');
    if (style === 'title') o.output.write(`\n${chalk.bold(text)}\n\n`);
    else if (style === 'heading') o.output.write(`\n${chalk.bold(text)}\n`);
    else if (style === 'muted') o.output.write(chalk.dim(wrap(text, width() - 2, '  ')) + '\n');
    else if (style === 'paragraph') o.output.write(wrap(text, width() - 2, '') + '\n');
    else o.output.write(text + '\n');
  };

  /** Run one widget: Esc (when allowed) rejects with WentBack, Ctrl-D or the end of input with PromptInterrupted. */
  const run = async <T>(start: (config: WidgetConfig, context: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream; signal: AbortSignal }) => Promise<T>, text: string, canGoBack = false): Promise<T> => {
    const controller = new AbortController();
    let why: 'back' | 'end' | undefined;
    const leave = (reason: 'back' | 'end') => {
      why = reason;
      controller.abort();
    };
    const ended = () => leave('end');
    input.on('end', ended);
    try {
      return await start({ message: message(terminalSafe(text)), style, onLeave: leave, canGoBack }, { input, output: o.output, signal: controller.signal });
    } catch (error) {
      if (error instanceof AbortPromptError && why === 'back') throw new WentBack();
      // SIGTERM or SIGHUP: the process is ending, and its signal handler says where the answers are (saved already).
      if (error instanceof Error && error.name === 'ExitPromptError' && /SIG(TERM|HUP)/.test(error.message)) return new Promise<never>(() => undefined);
      if (error instanceof AbortPromptError || (error instanceof Error && error.name === 'ExitPromptError')) throw new PromptInterrupted();
      throw error;
    } finally {
      input.off('end', ended);
    }
  };

  const askQuestion = (request: QuestionRequest): Promise<AnswerValue> => {
    const { question, initial, answered } = request;
    const text = pick(question.prompt, o.language);
    const back = request.canGoBack === true;
    switch (question.type) {
      case 'boolean':
        return run(
          (config, context) =>
            widgets.yesNo(
              { ...config, default: typeof initial === 'boolean' ? initial : undefined, parse: parseYesNo, words: { yes: t.yes, no: t.no, yesLetter: t.yesLetter, noLetter: t.noLetter, error: t.yesNoError } },
              context,
            ),
          text,
          back,
        );
      case 'select': {
        const choices: widgets.ChoiceItem[] = (question.options ?? []).map((opt) => ({ value: opt.value, name: pick(opt.label, o.language) }));
        if (!isRequired(question)) choices.push({ value: NO_ANSWER, name: t.noAnswer });
        const chosen = typeof initial === 'string' ? initial : initial === null && answered ? NO_ANSWER : undefined;
        return run(
          (config, context) => widgets.choice({ ...config, choices, default: chosen, pageSize: pageSize(choices.length), words: { chooseOne: t.chooseOne, disabled: t.disabledChoice, keys: t.keys } }, context),
          text,
          back,
        ).then((v) => (v === NO_ANSWER ? null : v));
      }
      case 'multiselect': {
        const ticked = Array.isArray(initial) ? initial : [];
        const choices = (question.options ?? []).map((opt) => ({ value: opt.value, name: pick(opt.label, o.language), checked: ticked.includes(opt.value) }));
        const validate = (values: string[]) => choicesProblem(question, values, o.language) ?? true;
        return run((config, context) => widgets.ticks({ ...config, choices, validate, pageSize: pageSize(choices.length), words: { keys: t.keys } }, context), text, back);
      }
      default:
        return typed(question, text, initial, answered, back);
    }
  };

  const typed = async (question: Question, text: string, initial: AnswerValue | undefined, answered: boolean, back: boolean): Promise<AnswerValue> => {
    const hint = question.type === 'list' ? ` (${t.listHint})` : question.type === 'date' ? ` (${t.dateHint})` : '';
    const validate = (value: string) => {
      const parsed = parseTyped(question, value, o.language);
      return parsed.ok ? true : parsed.message;
    };
    // What Enter accepts must be what was shown: an earlier answer without the controls (a document drops them anyway).
    const given = inputText(question, initial);
    const offered = given === undefined ? undefined : withoutUnsafe(given);
    const value = await run(
      (config, context) => widgets.text({ ...config, default: answered ? undefined : offered, prefill: answered ? offered : undefined, validate, words: { keys: t.keys } }, context),
      text + hint,
      back,
    );
    const parsed = parseTyped(question, value, o.language);
    return parsed.ok ? parsed.value : null;
  };

  return {
    ask(request) {
      // A blank line sets each question (its place, help and prompt) apart from the answer before.
      o.output.write('\n');
      if (request.progress) o.output.write(chalk.dim(t.progress(request.progress.n, request.progress.total)) + '\n');
      const help = request.question.help ? pick(request.question.help, o.language) : '';
      if (help) say(help, 'muted');
      if (request.because) say(request.because, 'muted');
      return askQuestion(request);
    },
    choose<T extends string>(text: string, items: readonly MenuItem<T>[], initial?: T) {
      o.output.write('\n');
      const choices: widgets.ChoiceItem[] = items.map((item) =>
        'separator' in item
          ? new Separator(chalk.bold(terminalSafe(item.separator)))
          : { value: item.value, name: clip(terminalSafe(item.label)), ...(item.disabled ? { disabled: terminalSafe(item.disabled) } : {}) },
      );
      return run(
        (config, context) => widgets.choice({ ...config, choices, default: initial, pageSize: pageSize(choices.length), words: { chooseOne: t.chooseOne, disabled: t.disabledChoice, keys: t.keys } }, context),
        text,
        true,
      ) as Promise<T>;
    },
    confirm(text, initial) {
      o.output.write('\n');
      return run(
        (config, context) => widgets.yesNo({ ...config, default: initial, parse: parseYesNo, words: { yes: t.yes, no: t.no, yesLetter: t.yesLetter, noLetter: t.noLetter, error: t.yesNoError } }, context),
        text,
      );
    },
    text(text, { initial, check }) {
      o.output.write('\n');
      return run((config, context) => widgets.text({ ...config, default: initial === undefined ? undefined : withoutUnsafe(initial), prefill: undefined, validate: (s) => check?.(s) ?? true, words: { keys: t.keys } }, context), text);
    },
    say,
    close() {
      input.close();
    },
  };
}

/**
 * The input the widgets read: the terminal's, with bracketed paste on so that a pasted
 * title spanning lines arrives as one line. A real terminal (a TTY) gets the joiner in
 * front of it; any other input stream (tests) is read as it is.
 */
function terminalInput(o: InquirerPrompterOptions): NodeJS.ReadableStream & { close(): void } {
  const source = o.input;
  if (source.isTTY !== true || typeof source.setRawMode !== 'function') return Object.assign(source, { close: () => undefined });
  const joiner = new PasteJoiner();
  o.output.write(PASTE_ON);
  source.pipe(joiner);
  // readline puts the terminal in raw mode through the stream it reads.
  return Object.assign(joiner, {
    isTTY: true,
    setRawMode: (mode: boolean) => source.setRawMode!(mode),
    close: () => {
      o.output.write(PASTE_OFF);
      source.unpipe(joiner);
      (source as NodeJS.ReadStream).pause?.();
    },
  });
}

/** Looks and key words for the widgets: colour on a terminal, plain marks without. */
function widgetStyle(chalk: InstanceType<typeof Chalk>, color: boolean, words: Readonly<Record<string, string>>): WidgetStyle {
  const same = (s: string) => s;
  return {
    prefix: { idle: color ? chalk.blue('?') : '?', done: color ? chalk.green('✔') : '✔' },
    bold: color ? chalk.bold : same,
    dim: color ? chalk.dim : same,
    highlight: color ? chalk.cyan : same,
    error: (s) => (color ? chalk.red(`> ${s}`) : `> ${s}`),
    answer: color ? chalk.cyan : same,
    keys: (keys) => keys.map(([key, action]) => `${chalk.bold(key)} ${chalk.dim(words[action] ?? action)}`).join(chalk.dim(' • ')),
  };
}
