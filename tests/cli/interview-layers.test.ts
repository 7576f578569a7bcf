// @inquirer/testing/vitest first: the interview's prompts then read keys from `screen`.
import { screen } from '@inquirer/testing/vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { layerOver } from '../helpers/layers.js';
import { testdir } from '../helpers/testdir.js';

vi.mock('../../src/interview/terminal/widgets.js', async (importOriginal) => {
  const { wrapPrompt } = await import('@inquirer/testing/vitest');
  const actual = await importOriginal<typeof import('../../src/interview/terminal/widgets.js')>();
  return { ...actual, yesNo: wrapPrompt(actual.yesNo), choice: wrapPrompt(actual.choice), ticks: wrapPrompt(actual.ticks), text: wrapPrompt(actual.text) };
});

const BASE = join(REPO_ROOT, 'tests/fixtures/interview');

/** A city's questions over the interview fixture: a default of its own, and a question of its own at the end of a base section. */
const QUESTIONS = `sections:
  - id: basics
    overrides: 1.2.0
    questions:
      - id: authorityName
        overrides: 1.2.0
        default: Ajuntament de Girona
      - id: cityRegister
        type: boolean
        required: false
        label: { en: the city register, ca: el registre municipal }
        prompt: { en: Will the data be entered in the city's register?, ca: Les dades s'inscriuran al registre municipal? }
`;

async function enter(text: string, typed = ''): Promise<void> {
  await screen.next();
  expect(screen.getScreen()).toContain(text);
  if (typed) screen.type(typed);
  screen.keypress('enter');
}

describe('clausula interview on a library over a base', () => {
  it("asks the merged questions: the city's default, and its own question in the base's section", async () => {
    const city = layerOver(BASE, { 'clauses/questions.yaml': QUESTIONS }, { id: 'girona', range: '^1.2.0' });
    const cwd = testdir();
    const run = runCli(['--library', city, 'interview', 'tender.yaml'], { cwd, tty: true, env: { SOURCE_DATE_EPOCH: '1800000000', LANG: 'en_GB.UTF-8' } });
    await enter('Which public body is tendering the contract? (Ajuntament de Girona)');
    await enter('What is the title of the contract?', 'Smart parking');
    await enter('What is the contract reference?', 'EXP-7');
    await enter('Which type of contract is it?', '2');
    await enter('How many months will the contract last?', '24');
    await enter('When does the contract start? (YYYY-MM-DD)');
    await enter("Will the data be entered in the city's register?", 'y');
    await enter('Will the contractor collect or generate data? (Y/n)', 'n');
    await enter('Which CPV codes apply? (separate several with commas)', '72000000-5');
    await screen.next();
    expect(screen.getScreen()).toContain('What would you like to do?');
    screen.keypress('up');
    screen.keypress('enter');
    const r = await run;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const saved = readFileSync(join(cwd, 'tender.yaml'), 'utf8');
    expect(saved).toContain('library: girona@1.0.0\n');
    expect(saved).toContain('  authorityName: Ajuntament de Girona\n');
    expect(saved).toContain('  startDate:\n  cityRegister: true\n');
  });
});
