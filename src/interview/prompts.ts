import { checkbox, confirm, input, select, Separator } from '@inquirer/prompts';
import { Chalk } from 'chalk';
import { pick as pickUnsafe } from '../library/model.js';
import { terminalSafe, withoutUnsafe } from '../text/terminal-safe.js';
import type { AnswerValue } from '../schema/common.js';
import type { Question } from '../schema/questions.js';
import { choicesProblem, inputText, isRequired, parseTyped } from './answer-input.js';
import { PromptInterrupted, type MenuItem, type Prompter, type QuestionRequest, type TextStyle } from './prompter.js';
import { interviewTexts, type InterviewTexts } from './texts.js';

// The only module that imports @inquirer/prompts; the interview command loads it lazily.

export interface InquirerPrompterOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  language: string;
  color: boolean;
  /** Terminal size, for wrapping help text and paging long menus. */
  columns?: number;
  rows?: number;
}

/** An optional select left without an answer; option values are never empty. */
const NO_ANSWER = '';

export function createInquirerPrompter(o: InquirerPrompterOptions): Prompter {
  const t = interviewTexts(o.language);
  const chalk = new Chalk({ level: o.color ? 1 : 0 });
  const context = { input: o.input, output: o.output };
  const theme = baseTheme(t, chalk, o.color);
  const confirmTheme = { ...theme, keywords: { yes: t.yes, no: t.no, error: () => t.yesNoError } };
  const selectTheme = { ...theme, indexMode: 'number' as const, i18n: { disabledError: t.disabledChoice } };
  const width = Math.max(40, Math.min(o.columns ?? 80, 100));
  const pageSize = (count: number) => Math.min(count, Math.max(7, (o.rows ?? 24) - 8));
  const clip = (s: string) => (s.length > width - 8 ? s.slice(0, width - 9) + '…' : s);
  // The library's questions, options and help, and answers read back from a file, reach the terminal only through here.
  const pick = (texts: Parameters<typeof pickUnsafe>[0], language: string) => terminalSafe(pickUnsafe(texts, language));
  const say = (unsafe: string, style: TextStyle = 'body') => {
    const text = terminalSafe(unsafe, 'text');
    if (style === 'title') o.output.write(`\n${chalk.bold(text)}\n\n`);
    else if (style === 'heading') o.output.write(`\n${chalk.bold(text)}\n`);
    else if (style === 'muted') o.output.write(chalk.dim(wrap(text, width - 2, '  ')) + '\n');
    else if (style === 'paragraph') o.output.write(wrap(text, width - 2, '') + '\n');
    else o.output.write(text + '\n');
  };

  const askQuestion = (request: QuestionRequest): Promise<AnswerValue> => {
    const { question, initial, answered } = request;
    const message = pick(question.prompt, o.language);
    switch (question.type) {
      case 'boolean':
        return confirm({ message, default: typeof initial === 'boolean' ? initial : undefined, theme: confirmTheme }, context);
      case 'select': {
        const choices: { value: string; name: string }[] = (question.options ?? []).map((opt) => ({ value: opt.value, name: pick(opt.label, o.language) }));
        if (!isRequired(question)) choices.push({ value: NO_ANSWER, name: t.noAnswer });
        const chosen = typeof initial === 'string' ? initial : undefined;
        return select({ message, choices, default: chosen, pageSize: pageSize(choices.length), theme: selectTheme }, context).then((v) => (v === NO_ANSWER ? null : v));
      }
      case 'multiselect': {
        const ticked = Array.isArray(initial) ? initial : [];
        const choices = (question.options ?? []).map((opt) => ({ value: opt.value, name: pick(opt.label, o.language), checked: ticked.includes(opt.value) }));
        const validate = (selected: readonly { value: string }[]) => choicesProblem(question, selected.map((c) => c.value), o.language) ?? true;
        return checkbox({ message, choices, validate, pageSize: pageSize(choices.length), theme: selectTheme }, context);
      }
      default:
        return typed(question, message, initial, answered);
    }
  };

  const typed = async (question: Question, message: string, initial: AnswerValue | undefined, answered: boolean): Promise<AnswerValue> => {
    const hint = question.type === 'list' ? ` (${t.listHint})` : question.type === 'date' ? ` (${t.dateHint})` : '';
    const validate = (text: string) => {
      const parsed = parseTyped(question, text, o.language);
      return parsed.ok ? true : parsed.message;
    };
    const text = await input({ message: message + hint, default: safeDefault(inputText(question, initial)), prefill: answered ? 'editable' : 'tab', validate, theme }, context);
    const parsed = parseTyped(question, text, o.language);
    return parsed.ok ? parsed.value : null;
  };

  return {
    ask(request) {
      // A blank line sets each question (its help, then the prompt) apart from the answer before.
      o.output.write('\n');
      const help = request.question.help ? pick(request.question.help, o.language) : '';
      if (help) say(help, 'muted');
      return interruptible(askQuestion(request));
    },
    choose<T extends string>(message: string, items: readonly MenuItem<T>[], initial?: T) {
      o.output.write('\n');
      const choices = items.map((item) =>
        'separator' in item
          ? new Separator(chalk.bold(terminalSafe(item.separator)))
          : { value: item.value, name: clip(terminalSafe(item.label)), ...(item.disabled ? { disabled: terminalSafe(item.disabled) } : {}) },
      );
      return interruptible(select<T>({ message: terminalSafe(message), choices, default: initial, pageSize: pageSize(choices.length), theme: selectTheme }, context));
    },
    confirm(message, initial) {
      o.output.write('\n');
      return interruptible(confirm({ message: terminalSafe(message), default: initial, theme: confirmTheme }, context));
    },
    text(message, { initial, check }) {
      o.output.write('\n');
      return interruptible(input({ message: terminalSafe(message), default: safeDefault(initial), validate: (s) => check?.(s) ?? true, theme }, context));
    },
    say,
  };
}

/** Inquirer's key hints in the officer's language, and no colour where colour is off. */
function baseTheme(t: InterviewTexts, chalk: InstanceType<typeof Chalk>, color: boolean) {
  const keysHelpTip = (keys: [string, string][]) => keys.map(([key, action]) => `${chalk.bold(key)} ${chalk.dim(t.keys[action] ?? action)}`).join(chalk.dim(' • '));
  if (color) return { style: { keysHelpTip } };
  const same = (s: string) => s;
  return {
    prefix: { idle: '?', done: '✔' },
    style: {
      keysHelpTip,
      answer: same,
      message: same,
      error: (s: string) => `> ${s}`,
      defaultAnswer: (s: string) => `(${s})`,
      help: same,
      highlight: same,
      key: (s: string) => `<${s}>`,
      description: same,
      disabled: same,
    },
  };
}

async function interruptible<T>(prompt: Promise<T>): Promise<T> {
  try {
    return await prompt;
  } catch (error) {
    // Ctrl-C, or the terminal going away: inquirer's ExitPromptError.
    if (error instanceof Error && error.name === 'ExitPromptError') throw new PromptInterrupted();
    throw error;
  }
}

/** Wrap a paragraph to the terminal, indented, so help reads as a block under the question. */
export function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}

/** An answer offered for editing: what Enter accepts must be what was shown, without the controls (a document drops them anyway). */
function safeDefault(text: string | undefined): string | undefined {
  return text === undefined ? undefined : withoutUnsafe(text);
}
