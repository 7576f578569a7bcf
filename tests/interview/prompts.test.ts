// @inquirer/testing/vitest drives the prompts; the interview's own widgets are wrapped the same way.
import { screen } from '@inquirer/testing/vitest';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { PromptInterrupted, WentBack } from '../../src/interview/prompter.js';
import { PasteJoiner } from '../../src/interview/terminal/paste.js';
import { createInquirerPrompter } from '../../src/interview/terminal/prompts.js';
import { wrap } from '../../src/interview/terminal/wrap.js';
import { loadLibrary } from '../../src/library/load-library.js';
import type { AnswerValue } from '../../src/schema/common.js';
import type { Question } from '../../src/schema/questions.js';
import { REPO_ROOT } from '../helpers/cli.js';

vi.mock('../../src/interview/terminal/widgets.js', async (importOriginal) => {
  const { wrapPrompt } = await import('@inquirer/testing/vitest');
  const actual = await importOriginal<typeof import('../../src/interview/terminal/widgets.js')>();
  return { ...actual, yesNo: wrapPrompt(actual.yesNo), choice: wrapPrompt(actual.choice), ticks: wrapPrompt(actual.ticks), text: wrapPrompt(actual.text) };
});

const library = loadLibrary(join(REPO_ROOT, 'tests/fixtures/interview'));
const q = (id: string): Question => library.questions.get(id)!.question;

function prompter(language = 'en', columns = 80) {
  let printed = '';
  const output = new PassThrough();
  output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const p = createInquirerPrompter({ input: new PassThrough(), output, language, color: false, columns: () => columns, rows: () => 30 });
  return { p, printed: () => printed };
}

function ask(question: Question, language = 'en', initial?: AnswerValue, answered = false, more: { canGoBack?: boolean; progress?: { n: number; total: number } } = {}) {
  const { p, printed } = prompter(language);
  const answer = p.ask({ question, initial: initial ?? question.default, answered, ...more });
  return { answer, printed };
}

describe('yes/no questions: nothing answered for the officer', () => {
  it('without a default: (s/n), Enter records nothing and asks for an answer; si, sí and s are yes', async () => {
    const question: Question = { ...q('generatesData'), default: undefined };
    const { answer } = ask(question, 'ca');
    expect(screen.getScreen()).toBe("? L'empresa contractista recollirà o generarà dades? (s/n)");
    screen.keypress('enter');
    expect(screen.getScreen()).toBe("? L'empresa contractista recollirà o generarà dades? (s/n)\n> Responeu sí o no (s o n).");
    screen.type('si');
    screen.keypress('enter');
    await expect(answer).resolves.toBe(true);
    for (const typed of ['sí', 'Sí', 'S', 'yes']) {
      const again = ask(question, 'es');
      screen.type(typed);
      screen.keypress('enter');
      await expect(again.answer, typed).resolves.toBe(true);
    }
    const no = ask(question, 'es');
    screen.type('No');
    screen.keypress('enter');
    await expect(no.answer).resolves.toBe(false);
  });

  it('with a default: the capital letter is the suggestion, and Enter takes it', async () => {
    const first = ask(q('generatesData'), 'es');
    // The fixture has no Spanish texts: the question falls back to English, the letters are Spanish.
    expect(screen.getScreen()).toBe('? Will the contractor collect or generate data? (S/n)');
    screen.keypress('enter');
    await expect(first.answer).resolves.toBe(true);
    const second = ask(q('generatesData'), 'en', false);
    expect(screen.getScreen()).toMatch(/\(y\/N\)$/);
    screen.type('x');
    screen.keypress('enter');
    expect(screen.getScreen()).toContain('> Answer yes or no (y or n).');
    screen.keypress('backspace');
    screen.type('y');
    screen.keypress('enter');
    await expect(second.answer).resolves.toBe(true);
  });
});

describe('menus: nothing preselected without a default', () => {
  it('select without a default: no option marked, Enter asks for a choice; a number picks', async () => {
    const { answer } = ask(q('contractType'), 'ca');
    expect(screen.getScreen()).toBe(['? De quin tipus és el contracte?', '  1. Serveis', '  2. Obres', '↑↓ moure • ⏎ triar'].join('\n'));
    screen.keypress('enter');
    expect(screen.getScreen()).toContain('> Trieu una de les opcions: escriviu-ne el número, o moveu-vos amb ↑↓ i premeu Retorn.');
    screen.type('2');
    expect(screen.getScreen()).toContain('❯ 2. Obres');
    screen.keypress('enter');
    await expect(answer).resolves.toBe('works');
    expect(screen.getScreen()).toBe('✔ De quin tipus és el contracte? Obres');
  });

  it('select with a default: it is marked, and Enter takes it; ↓ from nothing goes to the first', async () => {
    const { answer } = ask(q('hosting'), 'ca');
    expect(screen.getScreen()).toBe(["? On s'allotjaran les dades?", "❯ 1. Per l'administració", '  2. En un servei al núvol', '↑↓ moure • ⏎ triar'].join('\n'));
    screen.keypress('enter');
    await expect(answer).resolves.toBe('authority');
    const none = ask(q('contractType'));
    screen.keypress('down');
    expect(screen.getScreen()).toContain('❯ 1. Services');
    screen.keypress('enter');
    await expect(none.answer).resolves.toBe('services');
  });

  it('select: an optional one can be left without an answer', async () => {
    const optional: Question = { ...q('contractType'), required: false };
    const { answer } = ask(optional);
    expect(screen.getScreen()).toContain('  3. (no answer)');
    screen.type('3');
    screen.keypress('enter');
    await expect(answer).resolves.toBeNull();
  });

  it('multiselect: checkboxes with numbers, the library message when too few are ticked', async () => {
    const { answer } = ask(q('dataKinds'), 'en', ['video'], true);
    expect(screen.getScreen()).toBe(['? Which kinds of data?', '❯◯ 1. Personal data', ' ◯ 2. Sensor readings', ' ◉ 3. Video', '↑↓ move • space choose • a all • i invert • ⏎ confirm'].join('\n'));
    screen.type('3');
    screen.keypress('enter');
    expect(screen.getScreen()).toContain('> Choose at least one kind of data.');
    screen.type('1');
    screen.keypress('down');
    screen.keypress('space');
    screen.keypress('enter');
    await expect(answer).resolves.toEqual(['personal', 'sensor']);
  });
});

describe('typed answers', () => {
  it('text: Enter accepts the suggestion; backspace drops it; the library message inline; an earlier answer is there to edit', async () => {
    const first = ask(q('authorityName'), 'ca');
    expect(screen.getScreen()).toBe('? Quina entitat pública licita el contracte? (City of Testville)');
    screen.keypress('backspace');
    screen.type('V');
    screen.keypress('enter');
    expect(screen.getScreen()).toBe("? Quina entitat pública licita el contracte? V\n> Escriviu el nom de l'administració (almenys 2 caràcters).");
    screen.type('ic');
    screen.keypress('enter');
    await expect(first.answer).resolves.toBe('Vic');

    const edit = ask(q('contractTitle'), 'en', 'Smart parking', true);
    expect(screen.getScreen()).toBe('? What is the title of the contract? Smart parking');
    screen.type(', phase 2');
    screen.keypress('enter');
    await expect(edit.answer).resolves.toBe('Smart parking, phase 2');
  });

  it('text: an optional one left blank is no answer', async () => {
    const { answer } = ask(q('contractReference'));
    screen.keypress('enter');
    await expect(answer).resolves.toBeNull();
  });

  it('numbers: typed as officers write them, checked inline; whole numbers where the question means them', async () => {
    const { answer } = ask(q('durationMonths'), 'ca');
    screen.type('dotze');
    screen.keypress('enter');
    expect(screen.getScreen()).toContain('> Escriviu un nombre, per exemple 24.');
    for (let i = 0; i < 5; i++) screen.keypress('backspace');
    screen.type('18,5');
    screen.keypress('enter');
    await expect(answer).resolves.toBe(18.5);
    const whole = ask({ ...q('durationMonths'), validation: { min: 1, max: 120, integer: true } }, 'es');
    screen.type('12,5');
    screen.keypress('enter');
    expect(screen.getScreen()).toContain('> Escriba un número entero, sin decimales, por ejemplo 24.');
    for (let i = 0; i < 4; i++) screen.keypress('backspace');
    screen.type('12');
    screen.keypress('enter');
    await expect(whole.answer).resolves.toBe(12);
  });

  it('date and list: the form in the question, each item checked', async () => {
    const date = ask(q('startDate'), 'es');
    expect(screen.getScreen()).toBe('? When does the contract start? (AAAA-MM-DD)');
    screen.type('31/01/2027');
    screen.keypress('enter');
    expect(screen.getScreen()).toContain('> Escriba la fecha como AAAA-MM-DD, por ejemplo 2027-01-31.');
    for (let i = 0; i < 10; i++) screen.keypress('backspace');
    screen.type('2027-01-31');
    screen.keypress('enter');
    await expect(date.answer).resolves.toBe('2027-01-31');

    const list = ask(q('cpvCodes'));
    screen.type('72000000-5, 4800');
    screen.keypress('enter');
    expect(screen.getScreen()).toContain('> Write CPV codes like 72000000-5.');
    screen.type('0000-8');
    screen.keypress('enter');
    await expect(list.answer).resolves.toEqual(['72000000-5', '48000000-8']);
  });
});

describe('around the questions', () => {
  it('says where the question stands, and Esc goes back when there is a question before', async () => {
    const { answer, printed } = ask(q('contractTitle'), 'es', undefined, false, { canGoBack: true, progress: { n: 2, total: 9 } });
    expect(printed()).toBe('\nPregunta 2 de 9\n');
    screen.keypress('escape');
    await expect(answer).rejects.toBeInstanceOf(WentBack);
    const first = ask(q('contractTitle'), 'en');
    screen.keypress('escape');
    screen.type('Parking');
    screen.keypress('enter');
    await expect(first.answer).resolves.toBe('Parking');
  });

  it('Ctrl-C and Ctrl-D at any prompt stop the interview (PromptInterrupted)', async () => {
    const { p } = prompter('en');
    const answer = p.ask({ question: q('contractTitle'), initial: undefined, answered: false });
    screen.keypress({ name: 'c', ctrl: true });
    await expect(answer).rejects.toBeInstanceOf(PromptInterrupted);
    const yes = p.confirm('Replace it?', false);
    screen.keypress({ name: 'c', ctrl: true });
    await expect(yes).rejects.toBeInstanceOf(PromptInterrupted);
    const eof = p.ask({ question: q('generatesData'), initial: undefined, answered: false });
    screen.keypress({ name: 'd', ctrl: true });
    await expect(eof).rejects.toBeInstanceOf(PromptInterrupted);
    const menu = p.choose('Menu', [{ value: 'a', label: 'A' }]);
    screen.keypress({ name: 'd', ctrl: true });
    await expect(menu).rejects.toBeInstanceOf(PromptInterrupted);
  });

  it('a menu with section separators and a disabled item that explains itself', async () => {
    const { p } = prompter('en');
    const choice = p.choose(
      'What would you like to do?',
      [{ separator: 'Section' }, { value: 'change', label: 'Change an answer' }, { value: 'build', label: 'Build the documents now', disabled: '(answer the remaining questions first)' }],
      'change',
    );
    expect(screen.getScreen()).toBe(['? What would you like to do?', ' Section', '❯ 1. Change an answer', '- 2. Build the documents now (answer the remaining questions first)', '↑↓ move • ⏎ choose • esc previous question'].join('\n'));
    screen.keypress('down');
    screen.keypress('enter');
    expect(screen.getScreen()).toContain('> Answer the remaining questions first.');
    screen.keypress('up');
    screen.keypress('enter');
    await expect(choice).resolves.toBe('change');
  });

  it('confirm and text', async () => {
    const { p } = prompter('ca');
    const replace = p.confirm('Substituir-lo?', false);
    expect(screen.getScreen()).toBe('? Substituir-lo? (s/N)');
    screen.keypress('enter');
    await expect(replace).resolves.toBe(false);
    const name = p.text('Fitxer?', { initial: 'a.yaml', check: (s: string) => (s === 'a.yaml' ? 'ja existeix' : undefined) });
    screen.keypress('enter');
    expect(screen.getScreen()).toContain('> ja existeix');
    screen.type('b.yaml');
    screen.keypress('enter');
    await expect(name).resolves.toBe('b.yaml');
  });

  it('on a narrow terminal, breaks a long question between words, never inside one', async () => {
    const { p } = prompter('en', 30);
    const answer = p.ask({ question: { ...q('contractTitle'), prompt: { en: 'What is the official title of the contract, as in the notice?' } }, initial: undefined, answered: false });
    expect(screen.getScreen()).toBe(['? What is the official title', '  of the contract, as in the', '  notice?'].join('\n'));
    screen.type('X');
    screen.keypress('enter');
    await expect(answer).resolves.toBe('X');
  });

  it('says section headers in bold-free text without colour, and wraps help', () => {
    const { p, printed } = prompter('en');
    p.say('2/6 Personal data', 'heading');
    p.say('Review your answers', 'title');
    p.say('plain\n  as it is');
    p.say('a paragraph long enough to be wrapped at the width of the terminal, which is eighty columns here', 'paragraph');
    expect(printed()).toBe(
      '\n2/6 Personal data\n\nReview your answers\n\nplain\n  as it is\na paragraph long enough to be wrapped at the width of the terminal, which is\neighty columns here\n',
    );
    expect(wrap('one two three four five', 12, '  ')).toBe('  one two\n  three four\n  five');
  });
});

describe('pasting', () => {
  async function through(chunks: string[]): Promise<string> {
    const joiner = new PasteJoiner();
    let out = '';
    joiner.on('data', (d: Buffer | string) => (out += d.toString()));
    Readable.from(chunks.map((c) => Buffer.from(c))).pipe(joiner);
    await new Promise((r) => joiner.on('end', r));
    return out;
  }

  it('joins the lines of a bracketed paste into one answer; typed keys and Enter pass as they are', async () => {
    expect(await through(['\x1b[200~Concessió del servei\r\nd’aparcament regulat\x1b[201~\r'])).toBe('Concessió del servei d’aparcament regulat\r');
    // Markers and a character cut across chunks, and a lone Esc passed at once.
    expect(await through(['ab\x1b[2', '00~line one\n', '\nline two\x1b[20', '1~\r', '\x1b'])).toBe('abline one line two\r\x1b');
    expect(await through(['Tab\tand\x1b[200~pasted\ttab\x1b[201~'])).toBe('Tab\tandpasted tab');
  });
});
