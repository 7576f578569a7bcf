import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectClauses } from '../../src/assemble/select.js';
import { labelOf } from '../../src/interview/review.js';
import { askedEntries, questionnaire } from '../../src/interview/state.js';
import { messages } from '../../src/text/messages/index.js';
import { loadAnswers } from '../../src/library/load-answers.js';
import { loadLibrary } from '../../src/library/load-library.js';
import { pick } from '../../src/library/model.js';
import type { AnswerValue } from '../../src/schema/common.js';
import type { Question } from '../../src/schema/questions.js';
import { axeViolations, launchChromium, noChromium, startServe, type ServeProcess } from '../helpers/browser.js';
import { REPO_ROOT, spawnCli } from '../helpers/cli.js';
import { testdir } from '../helpers/testdir.js';

/// <reference lib="dom" />
// The web interview in a real Chromium, against `clausula serve` as an officer starts it, on
// the shipped library. Questions are found by id and the expected words taken from the library
// and the engine, so the tests follow the library as its maintainers change it.

const library = loadLibrary(REPO_ROOT);
const q = questionnaire(library);
const question = (id: string): Question => library.questions.get(id)!.question;
/** An example's answers, with multiple choices in the order of their options (as the page writes them). */
const example = (name: string): Map<string, AnswerValue> =>
  new Map(
    [...loadAnswers(library, join(REPO_ROOT, 'examples', name), name).answers].map(([id, v]) => {
      const options = question(id).options?.map((o) => o.value);
      return [id, Array.isArray(v) && question(id).type === 'multiselect' && options ? options.filter((o) => v.includes(o)) : v];
    }),
  );

if (noChromium) console.warn(`tests/web/browser.test.ts: ${noChromium}`);

describe.skipIf(noChromium !== undefined)('the web interview in Chromium', () => {
  let browser: Browser;
  const servers: ServeProcess[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const s of servers) await s.stop();
    await browser?.close();
  });

  async function open(args: string[], files: Record<string, string> = {}) {
    const dir = testdir(files);
    const serve = await startServe([...args, '--port', '0', '--no-open'], { cwd: dir });
    servers.push(serve);
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    // Nothing is asked of any other place than the server: no CDN, no font, no network at all.
    const elsewhere: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(`http://127.0.0.1:${serve.port}/`)) elsewhere.push(r.url());
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(serve.url);
    await page.waitForSelector('form.question, #page-heading');
    return { dir, serve, page, context, errors, elsewhere };
  }

  it('walks a whole tender in Spanish: every answer saved, the clauses explain gives, every document verify accepts', { timeout: 180_000 }, async () => {
    const { dir, page, errors, elsewhere } = await open(['licitacion.yaml', '--lang', 'es']);
    const t = messages('es').serve.page;
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    expect(await page.textContent('button[data-action="next"]')).toBe(`${t.next} →`);
    // The token has been exchanged for the cookie, and is gone from the address bar.
    expect(page.url()).not.toContain('token');
    const target = example('social-services.yaml');
    const visited = await walk(page, target, answerWithMouse);
    const saved = loadAnswers(library, join(dir, 'licitacion.yaml'), 'licitacion.yaml');
    expect(saved.file.language).toBe('es');
    expect(Object.fromEntries(saved.answers)).toEqual(Object.fromEntries(target));
    expect(visited).toEqual(askedEntries(q, saved.answers).map((e) => e.question.id));

    // The review lists every answer given.
    expect(await page.textContent('#page-heading')).toBe(messages('es').interview.reviewTitle);
    expect(await page.$$eval('dd[data-question]', (dds) => dds.map((d) => d.getAttribute('data-question')))).toEqual(visited);

    await page.click('a[data-action="clauses"]');
    await page.waitForSelector('li[data-clause]');
    const expected = selectClauses(library.clauses.map((c) => c.value), saved.answers).included;
    const listed = await page.$$eval('li[data-clause]', (lis) => lis.map((li) => li.getAttribute('data-clause')!));
    expect([...listed].sort()).toEqual([...expected].sort());
    // Each with its plain-words reason, never an empty one.
    expect(await page.$$eval('li[data-clause] .reason', (r) => r.filter((x) => (x.textContent ?? '').trim() === '').length)).toBe(0);

    const templates = await page.$$eval('li[data-template]', (lis) => lis.map((li) => li.getAttribute('data-template')!));
    expect(templates.length).toBeGreaterThanOrEqual(1);
    for (const template of templates) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`li[data-template="${template}"] a[data-format="docx"]`)]);
      expect(download.suggestedFilename()).toBe(`licitacion.${template}.docx`);
      const file = join(dir, download.suggestedFilename());
      await download.saveAs(file);
      const verified = spawnCli(['verify', file]);
      expect(verified.stderr).toBe('');
      expect(verified.code, verified.stdout).toBe(0);
    }
    expect(errors).toEqual([]);
    expect(elsewhere).toEqual([]);
  });

  it('walks a whole tender in Catalan with the keyboard alone, down to the downloaded documents', { timeout: 180_000 }, async () => {
    const { dir, page, errors } = await open(['licitacio.yaml', '--lang', 'ca']);
    expect(await page.getAttribute('html', 'lang')).toBe('ca');
    const target = example('smart-parking.yaml');
    await walk(page, target, answerWithKeyboard);
    const saved = loadAnswers(library, join(dir, 'licitacio.yaml'), 'licitacio.yaml');
    expect(saved.file.language).toBe('ca');
    expect(Object.fromEntries(saved.answers)).toEqual(Object.fromEntries(target));

    // From the review, Tab reaches "clauses and documents", and from there each download.
    await tabTo(page, 'a[data-action="clauses"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('li[data-clause]');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('page-heading');
    await tabTo(page, 'a[data-format="docx"]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(spawnCli(['verify', file]).code).toBe(0);
    expect(errors).toEqual([]);
  });

  it('shows and hides questions as answers change (skip logic), says what a change sets aside before and after, and brings it back', { timeout: 120_000 }, async () => {
    const contract = [...example('smart-parking.yaml')].filter(([id]) => library.questions.get(id)!.sectionIndex === 0);
    const { dir, page } = await open(['t.yaml'], { 't.yaml': answersFile('es', new Map(contract)) });
    const file = () => readFileSync(join(dir, 't.yaml'), 'utf8');
    await page.goto(page.url().replace(/#.*$/, '') + '#/q/generatesData');
    await page.waitForSelector('form[data-question="generatesData"]');

    const withData = askedEntries(q, new Map<string, AnswerValue>([...contract, ['generatesData', true]])).map((e) => e.question.id);
    const without = askedEntries(q, new Map<string, AnswerValue>([...contract, ['generatesData', false]])).map((e) => e.question.id);
    expect(without.length).toBeLessThan(withData.length);
    const firstData = withData[withData.indexOf('generatesData') + 1]!;
    const afterIt = without[without.indexOf('generatesData') + 1]!;
    const firstDataValue = example('smart-parking.yaml').get(firstData)!;
    const t = messages('es').interview;

    // Yes, and the first question it brings in answered.
    await answerWithMouse(page, 'generatesData', true);
    await answerWithMouse(page, firstData, firstDataValue);
    await page.waitForSelector(`form[data-question="${withData[withData.indexOf(firstData) + 1]}"]`);

    // Choosing No says, before Next, that the answer just given is set aside; nothing is saved until Next.
    await page.goto(page.url().replace(/#.*$/, '') + '#/q/generatesData');
    await page.waitForSelector('form[data-question="generatesData"]');
    expect(await page.textContent('#q-aside')).toBe('');
    await page.check('form[data-question="generatesData"] input[value="false"]');
    const warning = t.dropping(labelOf(library.questions.get(firstData)!, 'es'));
    expect(await page.textContent('#q-aside')).toBe(warning);
    expect(await page.getAttribute('#q-aside', 'aria-live')).toBe('polite');
    await page.check('form[data-question="generatesData"] input[value="true"]');
    expect(await page.textContent('#q-aside')).toBe('');
    expect(file()).toContain('generatesData: true');

    await answerWithMouse(page, 'generatesData', false);
    await page.waitForSelector(`form[data-question="${afterIt}"]`);
    expect(await page.textContent('#notice')).toBe(warning);
    expect(await page.textContent('#status')).toContain(warning);
    expect(file()).toMatch(new RegExp(`\\nsetAside:\\n  ${firstData}: `));
    expect(loadAnswers(library, join(dir, 't.yaml'), 't.yaml').answers.has(firstData)).toBe(false);
    expect(await page.textContent('#q-progress')).toBe(t.progress(without.indexOf('generatesData') + 2, without.length));
    expect(await page.textContent('#nav-progress')).toBe(messages('es').serve.answeredOf(contract.length + 1, without.length));
    for (const hidden of withData.filter((id) => !without.includes(id))) {
      await page.goto(page.url().replace(/#.*$/, '') + `#/review`);
      await page.waitForSelector('#page-heading');
      expect(await page.$(`dd[data-question="${hidden}"]`), hidden).toBeNull();
    }

    // Yes brings them back, right after the question, with the answer given before.
    await page.goto(page.url().replace(/#.*$/, '') + '#/q/generatesData');
    await page.waitForSelector('form[data-question="generatesData"]');
    await answerWithMouse(page, 'generatesData', true);
    await page.waitForSelector(`form[data-question="${firstData}"]`);
    expect(await page.textContent('#notice')).toBe(t.restored(labelOf(library.questions.get(firstData)!, 'es')));
    expect(await page.textContent('#q-progress')).toBe(t.progress(withData.indexOf('generatesData') + 2, withData.length));
    expect(loadAnswers(library, join(dir, 't.yaml'), 't.yaml').answers.get(firstData)).toEqual(firstDataValue);
    expect(file()).not.toContain('setAside');
  });

  it('goes back to any answer, and the review changes it', { timeout: 90_000 }, async () => {
    const { dir, page } = await open(['t.yaml', '--lang', 'es']);
    await answerWithMouse(page, 'authorityName', 'Ajuntament de Girona');
    await page.waitForSelector('form[data-question="contractTitle"]');
    await answerWithMouse(page, 'contractTitle', 'Servicio de recogida de residuos');
    await page.waitForSelector('form:not([data-question="contractTitle"])');

    await page.click('button[data-action="back"]');
    await page.waitForSelector('form[data-question="contractTitle"]');
    expect(await page.inputValue('#q-answer')).toBe('Servicio de recogida de residuos');
    await page.click('button[data-action="back"]');
    await page.waitForSelector('form[data-question="authorityName"]');
    expect(await page.inputValue('#q-answer')).toBe('Ajuntament de Girona');
    // The first question has nowhere to go back to.
    expect(await page.$('button[data-action="back"]')).toBeNull();

    await page.click('nav a[href="#/review"]');
    await page.waitForSelector('#page-heading');
    expect(await page.textContent('dd[data-question="authorityName"] .answer')).toBe('Ajuntament de Girona');
    expect(await page.textContent('dd[data-question="contractType"] .answer')).toBe(messages('es').interview.notAnswered);
    expect(await page.getAttribute('dd[data-question="authorityName"] a.change', 'aria-label')).toBe(messages('es').serve.change(pick(question('authorityName').label, 'es')));
    await page.click('dd[data-question="authorityName"] a.change');
    await page.waitForSelector('form[data-question="authorityName"]');
    await answerWithMouse(page, 'authorityName', 'Ajuntament de Tarragona');
    await page.waitForSelector('form[data-question="contractTitle"]');
    expect(loadAnswers(library, join(dir, 't.yaml'), 't.yaml').answers.get('authorityName')).toBe('Ajuntament de Tarragona');
  });

  it('resumes after a reload, and from the printed address in a new browser, at the question the file leaves unanswered', { timeout: 90_000 }, async () => {
    const { dir, page, serve } = await open(['t.yaml', '--lang', 'ca']);
    const target = example('smart-parking.yaml');
    const first = askedEntries(q, new Map()).slice(0, 3);
    for (const [n, entry] of first.entries()) {
      await answerWithMouse(page, entry.question.id, target.get(entry.question.id) ?? null);
      await page.waitForSelector(`form[data-question="${askedEntries(q, target)[n + 1]!.question.id}"]`);
    }
    const here = await page.getAttribute('form.question', 'data-question');
    await page.reload();
    await page.waitForSelector('form.question');
    expect(await page.getAttribute('form.question', 'data-question')).toBe(here);
    expect(loadAnswers(library, join(dir, 't.yaml'), 't.yaml').answers.size).toBe(3);

    // Closing everything loses nothing: a fresh browser on the printed address resumes, in the file's language.
    const other = await browser.newContext();
    const page2 = await other.newPage();
    await page2.goto(serve.url);
    await page2.waitForSelector('form.question');
    expect(await page2.getAttribute('html', 'lang')).toBe('ca');
    expect(await page2.getAttribute('form.question', 'data-question')).toBe(askedEntries(q, target)[3]!.question.id);
    expect(await page2.textContent('h2.prompt')).toContain(pick(question(askedEntries(q, target)[3]!.question.id).prompt, 'ca'));
    await other.close();
  });

  it('says at the question why an answer does not fit, and shows what the file holds that does not', { timeout: 90_000 }, async () => {
    const id = q.entries.find((e) => e.question.type === 'number' && e.question.when === undefined)!.question.id;
    const { dir, page } = await open(['t.yaml'], { 't.yaml': `language: es\nanswers:\n  ${id}: doce\n` });
    await page.goto(page.url().replace(/#.*$/, '') + `#/q/${id}`);
    await page.waitForSelector(`form[data-question="${id}"]`);
    expect(await page.textContent('#q-invalid')).toBe(messages('es').serve.invalidInFile('doce', messages('es').interview.notANumber));
    expect(await page.getAttribute('#q-answer', 'aria-describedby')).toContain('q-invalid');

    const before = readFileSync(join(dir, 't.yaml'), 'utf8');
    await page.fill('#q-answer', 'veinticuatro');
    await page.click('button[data-action="next"]');
    await page.waitForSelector('#q-error[role="alert"]:not([hidden])');
    // The first number question asks for whole numbers (months): typed, its message says so.
    expect(await page.textContent('#q-error')).toBe(messages('es').interview.notAWholeNumber);
    expect(await page.getAttribute('#q-answer', 'aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q-answer');
    expect(readFileSync(join(dir, 't.yaml'), 'utf8')).toBe(before);

    // A required question left empty says so too.
    await page.fill('#q-answer', '');
    await page.click('button[data-action="next"]');
    await page.waitForFunction((words) => document.querySelector('#q-error')?.textContent === words, messages('es').interview.required);
  });

  it('switches language, the page and the questions at once, and the answers file keeps it', { timeout: 90_000 }, async () => {
    const { dir, page } = await open(['t.yaml', '--lang', 'ca']);
    expect(await page.textContent('h2.prompt')).toBe(pick(question('authorityName').prompt, 'ca'));
    await page.click('button[data-language="en"]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.textContent('h2.prompt')).toBe(pick(question('authorityName').prompt, 'en'));
    expect(await page.textContent('button[data-action="next"]')).toBe(`${messages('en').serve.page.next} →`);
    expect(await page.getAttribute('button[data-language="en"]', 'aria-pressed')).toBe('true');
    expect(readFileSync(join(dir, 't.yaml'), 'utf8')).toContain('\nlanguage: en\n');
  });

  it('joins a title pasted over several lines into one answer', { timeout: 60_000 }, async () => {
    const { dir, page } = await open(['t.yaml', '--lang', 'es']);
    await page.goto(page.url().replace(/#.*$/, '') + '#/q/contractTitle');
    await page.waitForSelector('form[data-question="contractTitle"]');
    await page.focus('#q-answer');
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', 'Servicio de recogida\r\nde residuos urbanos\n');
      document.querySelector('#q-answer')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    expect(await page.inputValue('#q-answer')).toBe('Servicio de recogida de residuos urbanos');
    await page.keyboard.press('Enter');
    await page.waitForSelector('form:not([data-question="contractTitle"])');
    expect(loadAnswers(library, join(dir, 't.yaml'), 't.yaml').answers.get('contractTitle')).toBe('Servicio de recogida de residuos urbanos');
  });

  it('comes in through the page serve opens the browser on, and stays in across reloads', { timeout: 60_000 }, async () => {
    const dir = testdir();
    const record = join(dir, 'opened.txt');
    writeFileSync(join(dir, 'browser.sh'), `#!/bin/sh\nprintf '%s' "$1" > '${record}'\n`);
    chmodSync(join(dir, 'browser.sh'), 0o755);
    const serve = await startServe(['t.yaml', '--port', '0', '--lang', 'es'], { cwd: dir, env: { BROWSER: join(dir, 'browser.sh') } });
    servers.push(serve);
    await expect.poll(() => existsSync(record) && readFileSync(record, 'utf8') !== '').toBe(true);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(readFileSync(record, 'utf8'));
    await page.waitForSelector('form[data-question="authorityName"]');
    expect(page.url()).toBe(`http://127.0.0.1:${serve.port}/#/q/authorityName`);
    await page.reload();
    await page.waitForSelector('form[data-question="authorityName"]');
    await answerWithMouse(page, 'authorityName', 'Ajuntament de Lleida');
    await page.waitForSelector('form[data-question="contractTitle"]');
    expect(readFileSync(join(dir, 't.yaml'), 'utf8')).toContain('authorityName: Ajuntament de Lleida');
    await context.close();
  });

  it('gives every control the name and description a screen reader reads', { timeout: 60_000 }, async () => {
    const { page } = await open(['t.yaml', '--lang', 'es']);
    const prompt = pick(question('authorityName').prompt, 'es');
    const box = page.getByRole('textbox', { name: prompt, exact: true });
    expect(await box.count()).toBe(1);
    const described = await box.evaluate((input) => (input.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
    expect(described).toContain(pick(question('authorityName').help, 'es'));
    expect(await page.getByRole('button', { name: `${messages('es').serve.page.next} →` }).count()).toBe(1);
    expect(await page.getByRole('navigation').getByRole('list', { name: messages('es').serve.page.sectionsLabel }).count()).toBe(1);
    expect(await page.getByRole('group', { name: `${messages('es').serve.page.languageLabel}:` }).getByRole('button', { name: 'Español', pressed: true }).count()).toBe(1);
    await answerWithMouse(page, 'authorityName', 'Ajuntament de Vic');
    await page.waitForSelector('form[data-question="contractTitle"]');
    await page.goto(page.url().replace(/#.*$/, '') + '#/q/generatesData');
    const group = page.getByRole('group', { name: pick(question('generatesData').prompt, 'es') });
    await group.waitFor();
    expect(await group.getByRole('radio', { name: messages('es').interview.yes }).count()).toBe(1);
    expect(await group.getByRole('radio', { name: messages('es').interview.no }).count()).toBe(1);
    // Tab order: the options, then Back, then Next.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('answer');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('back');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('next');
  });

  it('meets WCAG 2.1 AA as axe-core checks it, on every kind of page', { timeout: 120_000 }, async () => {
    const { page } = await open(['t.yaml'], { 't.yaml': readFileSync(join(REPO_ROOT, 'examples/social-services.yaml'), 'utf8') });
    const seen = new Set<string>();
    const check = async (where: string) => {
      const violations = await axeViolations(page);
      expect(violations, `${where}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
    };
    // One question of each type, then the review and the clauses.
    for (const entry of askedEntries(q, example('social-services.yaml'))) {
      if (seen.has(entry.question.type)) continue;
      seen.add(entry.question.type);
      await page.goto(page.url().replace(/#.*$/, '') + `#/q/${entry.question.id}`);
      await page.waitForSelector(`form[data-question="${entry.question.id}"]`);
      await check(entry.question.id);
    }
    // With a message showing.
    await page.goto(page.url().replace(/#.*$/, '') + '#/q/contractTitle');
    await page.waitForSelector('form[data-question="contractTitle"]');
    await page.fill('#q-answer', '');
    await page.click('button[data-action="next"]');
    await page.waitForSelector('#q-error:not([hidden])');
    await check('a validation message');
    await page.goto(page.url().replace(/#.*$/, '') + '#/review');
    await page.waitForSelector('#page-heading');
    await check('the review');
    await page.goto(page.url().replace(/#.*$/, '') + '#/clauses');
    await page.waitForSelector('li[data-clause]');
    await check('the clauses and documents');
  });
});

/** Answer every question the page asks, in order, until the review; returns the ids asked. */
async function walk(page: Page, answers: ReadonlyMap<string, AnswerValue>, give: (page: Page, id: string, value: AnswerValue) => Promise<void>): Promise<string[]> {
  const visited: string[] = [];
  for (;;) {
    await page.waitForSelector('form.question, #page-heading');
    const form = await page.$('form.question');
    if (!form) return visited;
    const id = (await form.getAttribute('data-question'))!;
    if (visited.includes(id)) throw new Error(`asked ${id} twice`);
    visited.push(id);
    await give(page, id, answers.has(id) ? answers.get(id)! : fallback(library.questions.get(id)!.question));
    await page.waitForFunction(
      (asked) => !document.querySelector(`form[data-question="${asked}"]`) || !document.querySelector('#q-error')?.hasAttribute('hidden'),
      id,
    );
    const problem = await page.$('#q-error:not([hidden])');
    if (problem) throw new Error(`${id} was refused: ${await problem.textContent()}`);
  }
}

/** An answer for a question the example leaves out: its suggestion, else none where none is needed, else the first option. */
function fallback(question: Question): AnswerValue {
  if (question.default !== undefined) return question.default;
  if (question.required === false) return null;
  if (question.type === 'boolean') return false;
  if (question.type === 'select') return question.options![0]!.value;
  if (question.type === 'multiselect') return [question.options![0]!.value];
  if (question.type === 'number') return question.validation?.min ?? 1;
  return 'Prova';
}

function asText(value: AnswerValue): string {
  if (value === null) return '';
  return Array.isArray(value) ? value.join(', ') : String(value);
}

function choiceValues(value: AnswerValue): string[] {
  if (value === null) return [''];
  return Array.isArray(value) ? value : [String(value)];
}

/** Click the options, or fill the box, then Next. */
async function answerWithMouse(page: Page, id: string, value: AnswerValue): Promise<void> {
  const form = `form[data-question="${id}"]`;
  await page.waitForSelector(form);
  const type = question(id).type;
  if (type === 'boolean' || type === 'select') await page.check(`${form} input[name="answer"][value="${choiceValues(value)[0]}"]`);
  else if (type === 'multiselect') {
    for (const box of await page.$$(`${form} input[name="answer"]`)) {
      const want = choiceValues(value).includes((await box.getAttribute('value'))!);
      if ((await box.isChecked()) !== want) await box.click();
    }
  } else await page.fill(`${form} #q-answer`, asText(value));
  await page.click(`${form} button[data-action="next"]`);
}

/** What a keyboard user does: the focus is already on the question; arrows or Space choose, typing fills, Enter answers. */
async function answerWithKeyboard(page: Page, id: string, value: AnswerValue): Promise<void> {
  const form = `form[data-question="${id}"]`;
  await page.waitForSelector(form);
  const focused = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name);
  if (focused !== 'answer') throw new Error(`the focus is not on the answer of ${id}`);
  const type = question(id).type;
  const options = await page.$$eval(`${form} input[name="answer"]`, (inputs) => (inputs as HTMLInputElement[]).map((i) => ({ value: i.value, checked: i.checked, focused: i === document.activeElement })));
  if (type === 'boolean' || type === 'select') {
    const want = options.findIndex((o) => o.value === choiceValues(value)[0]);
    let at = options.findIndex((o) => o.focused);
    if (!options[want]!.checked) {
      if (at === want) await page.keyboard.press('Space');
      // An arrow moves to the next option and chooses it.
      while (at !== want) {
        await page.keyboard.press('ArrowDown');
        at = (at + 1) % options.length;
      }
    }
  } else if (type === 'multiselect') {
    for (const [n, option] of options.entries()) {
      if (n > 0) await page.keyboard.press('Tab');
      if (option.checked !== choiceValues(value).includes(option.value)) await page.keyboard.press('Space');
    }
  } else {
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    if (asText(value) !== '') await page.keyboard.type(asText(value));
  }
  await page.keyboard.press('Enter');
}

/** Press Tab until the focus is on the element; fails if it never gets there (it could not be reached by keyboard). */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let n = 0; n < 80; n++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

function answersFile(language: string, answers: ReadonlyMap<string, AnswerValue>): string {
  const lines = [...answers].map(([id, v]) => `  ${id}: ${JSON.stringify(v)}`);
  return `language: ${language}\nanswers:\n${lines.join('\n')}\n`;
}

