// @inquirer/testing/vitest must come first: it replaces the prompts with ones it drives.
import { screen } from '@inquirer/testing/vitest';
import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { createInquirerPrompter } from '../../src/interview/terminal/prompts.js';

vi.mock('../../src/interview/terminal/widgets.js', async (importOriginal) => {
  const { wrapPrompt } = await import('@inquirer/testing/vitest');
  const actual = await importOriginal<typeof import('../../src/interview/terminal/widgets.js')>();
  return { ...actual, yesNo: wrapPrompt(actual.yesNo), choice: wrapPrompt(actual.choice), ticks: wrapPrompt(actual.ticks), text: wrapPrompt(actual.text) };
});
import type { Question } from '../../src/schema/questions.js';

/**
 * The interview's face of terminal spoofing (the commands' is in terminal.test.ts): a library's
 * prompts, help and option labels, and an answer read back from a file, reach the officer's
 * terminal without acting on it.
 */

const HOSTILE = '\u001b[2J\u001b[H\u001b]0;pwned\u0007\u009b8m\u202eevil';
const ACTING = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function prompter() {
  let printed = '';
  const output = new PassThrough();
  output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const p = createInquirerPrompter({ input: new PassThrough(), output, language: 'en', color: false, columns: () => 80, rows: () => 30 });
  return { p, printed: () => printed };
}

describe("the library's words in the interview", () => {
  it('a select question: prompt, help and labels shown with stand-ins, the answer still the option chosen', async () => {
    const question = {
      id: 'hosting',
      type: 'select',
      label: { en: 'hosting' },
      prompt: { en: `Where is it hosted? ${HOSTILE}` },
      help: { en: `Help ${HOSTILE}` },
      options: [
        { value: 'cloud', label: { en: `Cloud ${HOSTILE}` } },
        { value: 'none', label: { en: 'None' } },
      ],
    } as unknown as Question;
    const { p, printed } = prompter();
    const answer = p.ask({ question, initial: undefined, answered: false });
    const shown = screen.getScreen() + printed();
    expect(ACTING.exec(shown)).toBeNull();
    expect(shown).toContain('Where is it hosted? ␛[2J␛[H␛]0;pwned␇');
    expect(shown).toContain('Cloud ␛[2J');
    expect(printed()).toContain('Help ␛[2J');
    screen.type('1');
    screen.keypress('enter');
    await expect(answer).resolves.toBe('cloud');
  });

  it("a text answer read back from a file is offered without its controls, so Enter keeps what was shown", async () => {
    const question = { id: 'authorityName', type: 'text', label: { en: 'the authority' }, prompt: { en: 'Which body?' } } as unknown as Question;
    const { p } = prompter();
    const answer = p.ask({ question, initial: `Council${HOSTILE}`, answered: true });
    expect(ACTING.exec(screen.getScreen())).toBeNull();
    screen.keypress('enter');
    await expect(answer).resolves.toBe('Council[2J[H]0;pwned8mevil');
  });
});
