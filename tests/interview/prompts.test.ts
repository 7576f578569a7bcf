// @inquirer/testing/vitest must come first: it replaces the prompts with ones it drives.
import { screen } from '@inquirer/testing/vitest';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PromptInterrupted } from '../../src/interview/prompter.js';
import { createInquirerPrompter, wrap } from '../../src/interview/prompts.js';
import { loadLibrary } from '../../src/library/load-library.js';
import type { AnswerValue } from '../../src/schema/common.js';
import type { Question } from '../../src/schema/questions.js';
import { REPO_ROOT } from '../helpers/cli.js';

const library = loadLibrary(join(REPO_ROOT, 'tests/fixtures/interview'));
const q = (id: string): Question => library.questions.get(id)!.question;

function prompter(language = 'en') {
  let printed = '';
  const output = new PassThrough();
  output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const p = createInquirerPrompter({ input: new PassThrough(), output, language, color: false, columns: 80, rows: 30 });
  return { p, printed: () => printed };
}

function ask(question: Question, language = 'en', initial?: AnswerValue, answered = false) {
  const { p, printed } = prompter(language);
  const answer = p.ask({ question, initial: initial ?? question.default, answered });
  return { answer, printed };
}

describe('each kind of question, as the officer sees it', () => {
  it('boolean: a yes/no question in the language, default offered, help shown with it', async () => {
    const { answer, printed } = ask(q('generatesData'), 'ca');
    expect(screen.getScreen()).toBe("? L'empresa contractista recollirà o generarà dades? (S/n)");
    screen.type('x');
    screen.keypress('enter'); // confirm checks at once: no render to wait for
    expect(screen.getScreen()).toContain('> Responeu s (sí) o n (no).');
    screen.keypress('backspace');
    screen.type('n');
    screen.keypress('enter');
    await expect(answer).resolves.toBe(false);
    expect(printed()).toBe('\n');

    const withHelp = ask(q('authorityName'));
    expect(withHelp.printed()).toBe('\n  The full official name.\n');
    screen.keypress('enter');
    await expect(withHelp.answer).resolves.toBe('City of Testville');
  });

  it('boolean: Enter takes the default; s means sí', async () => {
    const first = ask(q('generatesData'), 'es');
    screen.keypress('enter');
    await expect(first.answer).resolves.toBe(true);
    const second = ask(q('generatesData'), 'es', false);
    expect(screen.getScreen()).toMatch(/\(s\/N\)$/);
    screen.type('s');
    screen.keypress('enter');
    await expect(second.answer).resolves.toBe(true);
  });

  it('select: numbered option labels, keys explained in the language, the default highlighted', async () => {
    const { answer } = ask(q('hosting'), 'ca');
    expect(screen.getScreen()).toBe(["? On s'allotjaran les dades?", "❯ 1. Per l'administració", '  2. En un servei al núvol', '', '↑↓ moure • ⏎ triar'].join('\n'));
    screen.type('2');
    screen.keypress('enter');
    await expect(answer).resolves.toBe('cloud');
    expect(screen.getScreen()).toBe("✔ On s'allotjaran les dades? En un servei al núvol");
  });

  it('select: an optional one can be left without an answer', async () => {
    const optional: Question = { ...q('contractType'), required: false };
    const { answer } = ask(optional);
    expect(screen.getScreen()).toContain('  3. (no answer)');
    screen.keypress('up');
    screen.keypress('enter');
    await expect(answer).resolves.toBeNull();
  });

  it('multiselect: checkboxes with labels, the library message when too few are ticked', async () => {
    const { answer } = ask(q('dataKinds'), 'en', ['video'], true);
    expect(screen.getScreen()).toBe(['? Which kinds of data?', '❯◯ Personal data', ' ◯ Sensor readings', ' ◉ Video', '', '↑↓ move • space choose • a all • i invert • ⏎ confirm'].join('\n'));
    screen.keypress('down');
    screen.keypress('down');
    screen.keypress('space');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('> Choose at least one kind of data.');
    screen.keypress('up');
    screen.keypress('space');
    screen.keypress('up');
    screen.keypress('space');
    screen.keypress('enter');
    await expect(answer).resolves.toEqual(['personal', 'sensor']);
  });

  it('text: Enter accepts the suggestion; the library message inline; an earlier answer is there to edit', async () => {
    const first = ask(q('authorityName'), 'ca');
    expect(screen.getScreen()).toBe('? Quina entitat pública licita el contracte? (City of Testville)');
    screen.keypress('backspace'); // clears the suggestion
    screen.type('V');
    screen.keypress('enter');
    await screen.next();
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

  it('number: typed as officers write it, checked inline', async () => {
    const { answer } = ask(q('durationMonths'), 'ca');
    screen.type('dotze');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('> Escriviu un nombre, per exemple 24.');
    for (let i = 0; i < 5; i++) screen.keypress('backspace');
    screen.type('200');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('> Indiqueu un nombre de mesos entre 1 i 120.');
    for (let i = 0; i < 3; i++) screen.keypress('backspace');
    screen.type('18,5');
    screen.keypress('enter');
    await expect(answer).resolves.toBe(18.5);
  });

  it('number: the default is offered', async () => {
    const { answer } = ask(q('breachHours'));
    expect(screen.getScreen()).toBe('? Within how many hours must a breach be notified? (24)');
    screen.keypress('enter');
    await expect(answer).resolves.toBe(24);
  });

  it('date: YYYY-MM-DD, with the form in the question', async () => {
    const { answer } = ask(q('startDate'), 'es');
    expect(screen.getScreen()).toBe('? When does the contract start? (AAAA-MM-DD)');
    screen.type('31/01/2027');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('> Escriba la fecha como AAAA-MM-DD, por ejemplo 2027-01-31.');
    for (let i = 0; i < 10; i++) screen.keypress('backspace');
    screen.type('2027-01-31');
    screen.keypress('enter');
    await expect(answer).resolves.toBe('2027-01-31');
  });

  it('list: comma-separated values in one line, each checked', async () => {
    const { answer } = ask(q('cpvCodes'));
    expect(screen.getScreen()).toBe('? Which CPV codes apply? (separate several with commas)');
    screen.type('72000000-5, 4800');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('> Write CPV codes like 72000000-5.');
    screen.type('0000-8');
    screen.keypress('enter');
    await expect(answer).resolves.toEqual(['72000000-5', '48000000-8']);
  });
});

describe('menus, confirmations and text', () => {
  it('a menu with section separators and a disabled item that explains itself', async () => {
    const { p } = prompter('en');
    const choice = p.choose(
      'What would you like to do?',
      [{ separator: 'Section' }, { value: 'change', label: 'Change an answer' }, { value: 'build', label: 'Build the document now', disabled: '(answer the remaining questions first)' }],
      'change',
    );
    expect(screen.getScreen()).toBe(['? What would you like to do?', ' Section', '❯ 1. Change an answer', '- 2. Build the document now (answer the remaining questions first)', '', '↑↓ move • ⏎ choose'].join('\n'));
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
    const name = p.text('Fitxer?', { initial: 'a.yaml', check: (s) => (s === 'a.yaml' ? 'ja existeix' : undefined) });
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('> ja existeix');
    screen.type('b.yaml');
    screen.keypress('enter');
    await expect(name).resolves.toBe('b.yaml');
  });

  it('Ctrl-C at any prompt becomes PromptInterrupted', async () => {
    const { p } = prompter('en');
    const answer = p.ask({ question: q('contractTitle'), initial: undefined, answered: false });
    screen.keypress({ name: 'c', ctrl: true });
    await expect(answer).rejects.toBeInstanceOf(PromptInterrupted);
    const menu = p.choose('Menu', [{ value: 'a', label: 'A' }]);
    screen.keypress({ name: 'c', ctrl: true });
    await expect(menu).rejects.toBeInstanceOf(PromptInterrupted);
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
