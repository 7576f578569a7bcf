import type { AnswerValue } from '../schema/common.js';
import type { Question } from '../schema/questions.js';

/** One question to put to the officer. */
export interface QuestionRequest {
  question: Question;
  /** What to offer: the officer's earlier answer, else the library's default. */
  initial: AnswerValue | undefined;
  /** Whether `initial` is the officer's own earlier answer (offered for editing) rather than a default. */
  answered: boolean;
  /** Why `initial` is suggested when it follows from another answer rather than the library's default: shown with it. */
  because?: string;
  /** Where the question stands: "question 12 of 30". */
  progress?: { n: number; total: number };
  /** Whether there is a question to go back to (Esc). */
  canGoBack?: boolean;
}

export type MenuItem<T extends string> = { value: T; label: string; disabled?: string } | { separator: string };

/** title and heading: bold lines; paragraph: wrapped text; muted: wrapped, indented and dim (help); body: as it is. */
export type TextStyle = 'title' | 'heading' | 'paragraph' | 'muted' | 'body';

/**
 * Everything the interview asks of the terminal. The real one wraps @inquirer/prompts
 * (terminal/prompts.ts); tests script it. Every method that waits for the officer rejects
 * with PromptInterrupted when they press Ctrl-C or Ctrl-D (or the input ends), and `ask`
 * with WentBack when they press Esc to return to the previous question.
 */
export interface Prompter {
  /** Ask a question of the library; resolves to a valid answer, or null when an optional one is left blank. */
  ask(request: QuestionRequest): Promise<AnswerValue>;
  /** Choose one item of a menu. */
  choose<T extends string>(message: string, items: readonly MenuItem<T>[], initial?: T): Promise<T>;
  confirm(message: string, initial: boolean): Promise<boolean>;
  /** Free text, with a check that returns a message when the text will not do. */
  text(message: string, options: { initial?: string; check?: (text: string) => string | undefined }): Promise<string>;
  /** Show text that is not a question: section headers, the review. */
  say(text: string, style?: TextStyle): void;
  /** Done with the terminal: give the input back. */
  close?(): void;
}

/** The officer pressed Esc at a question: back to the one before. */
export class WentBack extends Error {
  constructor() {
    super('back to the previous question');
    this.name = 'WentBack';
  }
}

/** The officer pressed Ctrl-C or Ctrl-D (or the input ended) at a prompt. */
export class PromptInterrupted extends Error {
  constructor() {
    super('the interview was interrupted');
    this.name = 'PromptInterrupted';
  }
}
