import type { AnswerValue } from '../schema/common.js';
import type { Question } from '../schema/questions.js';

/** One question to put to the officer. */
export interface QuestionRequest {
  question: Question;
  /** What to offer: the officer's earlier answer, else the library's default. */
  initial: AnswerValue | undefined;
  /** Whether `initial` is the officer's own earlier answer (offered for editing) rather than a default. */
  answered: boolean;
}

export type MenuItem<T extends string> = { value: T; label: string; disabled?: string } | { separator: string };

/** title and heading: bold lines; paragraph: wrapped text; muted: wrapped, indented and dim (help); body: as it is. */
export type TextStyle = 'title' | 'heading' | 'paragraph' | 'muted' | 'body';

/**
 * Everything the interview asks of the terminal. The real one wraps @inquirer/prompts
 * (prompts.ts); tests script it. Every method that waits for the officer rejects with
 * PromptInterrupted when they press Ctrl-C.
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
}

/** The officer pressed Ctrl-C (or the terminal closed) at a prompt. */
export class PromptInterrupted extends Error {
  constructor() {
    super('the interview was interrupted');
    this.name = 'PromptInterrupted';
  }
}
