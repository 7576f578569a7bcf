import type { AnswerValue } from '../../src/schema/common.js';
import { PromptInterrupted, type MenuItem, type Prompter, type QuestionRequest, type TextStyle } from '../../src/interview/prompter.js';

/** One expected exchange with the officer, in order. */
export type Step =
  | { ask: string; answer: AnswerValue; offered?: AnswerValue | undefined }
  | { choose: string }
  | { confirm: boolean }
  | { text: string }
  | { interrupt: true };

export type Event =
  | { kind: 'ask'; id: string; initial: AnswerValue | undefined; answered: boolean; because?: string }
  | { kind: 'choose'; message: string; items: MenuItem<string>[]; initial: string | undefined }
  | { kind: 'confirm'; message: string }
  | { kind: 'text'; message: string; initial: string | undefined }
  | { kind: 'say'; text: string; style: TextStyle };

/**
 * A prompter that plays a script and records what the interview did. A call that does
 * not match the next step fails the test with both in the message.
 */
export function scriptedPrompter(steps: Step[]): Prompter & { events: Event[]; remaining: () => Step[] } {
  const queue = [...steps];
  const events: Event[] = [];
  const next = (what: string): Step => {
    const step = queue.shift();
    if (!step) throw new Error(`the script has ended, but the interview asked: ${what}`);
    if ('interrupt' in step) throw new PromptInterrupted();
    return step;
  };
  return {
    events,
    remaining: () => [...queue],
    async ask(request: QuestionRequest) {
      const id = request.question.id;
      events.push({ kind: 'ask', id, initial: request.initial, answered: request.answered, ...(request.because ? { because: request.because } : {}) });
      const step = next(`question ${id}`);
      if (!('ask' in step) || step.ask !== id) throw new Error(`expected ${JSON.stringify(step)}, but the interview asked question ${id}`);
      if ('offered' in step && JSON.stringify(step.offered) !== JSON.stringify(request.initial)) {
        throw new Error(`question ${id} offered ${JSON.stringify(request.initial)}, expected ${JSON.stringify(step.offered)}`);
      }
      return step.answer;
    },
    async choose<T extends string>(message: string, items: readonly MenuItem<T>[], initial?: T) {
      events.push({ kind: 'choose', message, items: [...items], initial });
      const step = next(`menu "${message}"`);
      if (!('choose' in step)) throw new Error(`expected ${JSON.stringify(step)}, but the interview showed the menu "${message}"`);
      const item = items.find((i) => 'value' in i && i.value === step.choose);
      if (!item || !('value' in item)) throw new Error(`the menu "${message}" has no item ${step.choose}`);
      if (item.disabled) throw new Error(`the item ${step.choose} of "${message}" is disabled: ${item.disabled}`);
      return item.value;
    },
    async confirm(message: string) {
      events.push({ kind: 'confirm', message });
      const step = next(`confirm "${message}"`);
      if (!('confirm' in step)) throw new Error(`expected ${JSON.stringify(step)}, but the interview asked to confirm "${message}"`);
      return step.confirm;
    },
    async text(message: string, options: { initial?: string; check?: (text: string) => string | undefined }) {
      events.push({ kind: 'text', message, initial: options.initial });
      const step = next(`text "${message}"`);
      if (!('text' in step)) throw new Error(`expected ${JSON.stringify(step)}, but the interview asked for text "${message}"`);
      const problem = options.check?.(step.text);
      if (problem) throw new Error(`"${step.text}" was refused: ${problem}`);
      return step.text;
    },
    say(text: string, style: TextStyle = 'body') {
      events.push({ kind: 'say', text, style });
    },
  };
}

/** The question ids asked, in order. */
export function asked(events: readonly Event[]): string[] {
  return events.flatMap((e) => (e.kind === 'ask' ? [e.id] : []));
}
