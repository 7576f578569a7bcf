import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadAnswers } from '../../src/library/load-answers.js';
import { loadLibrary } from '../../src/library/load-library.js';
import { pick, releaseOf } from '../../src/library/model.js';
import { BIN, REPO_ROOT } from '../helpers/cli.js';
import { testdir } from '../helpers/testdir.js';
import { hasTmux, Terminal } from '../helpers/tmux.js';

// The built binary in a real pseudo-terminal, on the shipped library: what an officer does.
const library = loadLibrary(REPO_ROOT);
// The release the answers file names: the shipped library's, whichever it is.
const RELEASE = releaseOf(library);
const prompt = (id: string, language: string) => pick(library.questions.get(id)!.question.prompt, language);

/** How to answer one question: text to type, option numbers to pick or tick, or y/n. Nothing = Enter (the suggestion). */
type Answer = { id: string; type?: string; pick?: number; tick?: number[]; yes?: boolean };

// SOURCE_DATE_EPOCH: the header's date is 2027-01-15.
const env = (LANG: string) => ({ LANG, SOURCE_DATE_EPOCH: '1800000000' });

const terminals: Terminal[] = [];
afterEach(() => {
  for (const t of terminals.splice(0)) t.close();
});

function open(args: string, cwd: string, LANG: string): Terminal {
  return run(`${process.execPath} ${BIN} ${args}`, cwd, LANG);
}

/** A command line as the officer types it. */
function run(command: string, cwd: string, LANG: string): Terminal {
  const t = new Terminal(command, { cwd, env: env(LANG) });
  terminals.push(t);
  return t;
}

/** Answer each question when its prompt is waiting, with the fewest keys it takes. Returns the keys pressed. */
async function answer(t: Terminal, plan: Answer[], language: string): Promise<number> {
  let keys = 0;
  for (const a of plan) {
    await t.waitForPrompt(prompt(a.id, language));
    if (a.pick !== undefined) {
      t.type(String(a.pick));
      await t.waitFor((s) => new RegExp(`^❯ ${a.pick}\\. `, 'm').test(s.slice(s.lastIndexOf('? '))));
      keys += 1;
    }
    for (const n of a.tick ?? []) {
      t.type(String(n));
      keys += 1;
    }
    if (a.tick) await t.waitFor((s) => (s.slice(s.lastIndexOf('? ')).match(/◉/g) ?? []).length === a.tick!.length);
    if (a.yes !== undefined) {
      t.type(a.yes ? 'y' : 'n');
      keys += 1;
    }
    if (a.type !== undefined) {
      t.type(a.type);
      keys += a.type.length;
    }
    t.press('Enter');
    keys += 1;
  }
  return keys;
}

/** The whole shipped interview, every door but bespoke software open. */
const contract: Answer[] = [
  { id: 'authorityName' },
  { id: 'contractTitle', type: 'Smart parking concession' },
  { id: 'contractReference', type: 'EXP-2026-0412' },
  { id: 'contractType', pick: 4 },
  { id: 'cpvCodes', type: '98351000-8, 63712400-7' },
  { id: 'contractDurationMonths', type: '120' },
  { id: 'dataContact' },
];
const rest: Answer[] = [
  { id: 'generatesData' },
  { id: 'dataKinds', tick: [2, 3] },
  { id: 'dataDeliveryFrequency', pick: 1 },
  { id: 'publicRecords' },
  { id: 'processesPersonalData', yes: true },
  { id: 'specialCategoryData', yes: false },
  { id: 'largeScaleProcessing', yes: true },
  { id: 'thirdCountryTransfer' },
  { id: 'subcontractorsProcessData', yes: true },
  { id: 'hosting', pick: 3 },
  { id: 'ensCategory', pick: 3 },
  { id: 'breachNotificationHours' },
  { id: 'iotDevices', yes: true },
  { id: 'cityPlatformIntegration', yes: true },
  { id: 'platformName', type: 'Sentilo' },
  { id: 'aiSystem' },
  { id: 'softwareDevelopment' },
  { id: 'openDataCandidate' },
  { id: 'openDataLicence' },
  { id: 'openDataPortal' },
  { id: 'handoverDays', type: '60' },
  { id: 'penaltiesAsSpecialConditions' },
];

const expectedAnswers = {
  authorityName: 'Ajuntament de Barcelona',
  contractTitle: 'Smart parking concession',
  contractReference: 'EXP-2026-0412',
  contractType: 'service-concession',
  cpvCodes: ['98351000-8', '63712400-7'],
  contractDurationMonths: 120,
  dataContact: 'Oficina Municipal de Dades',
  generatesData: true,
  dataKinds: ['personal', 'sensor'],
  dataDeliveryFrequency: 'real-time',
  publicRecords: false,
  processesPersonalData: true,
  specialCategoryData: false,
  largeScaleProcessing: true,
  thirdCountryTransfer: false,
  subcontractorsProcessData: true,
  hosting: 'cloud-saas',
  ensCategory: 'medium',
  breachNotificationHours: 24,
  iotDevices: true,
  cityPlatformIntegration: true,
  platformName: 'Sentilo',
  aiSystem: 'none',
  softwareDevelopment: false,
  openDataCandidate: true,
  openDataLicence: 'cc-by-4.0',
  openDataPortal: 'Open Data BCN',
  handoverDays: 60,
  penaltiesAsSpecialConditions: true,
};

async function saveAndQuit(t: Terminal, menu: string, save: string): Promise<void> {
  await t.waitForPrompt(menu);
  t.type('2');
  await t.waitFor(`❯ 2. ${save}`);
  t.press('Enter');
}

describe.skipIf(!hasTmux)(`clausula interview in a real terminal${hasTmux ? '' : ' (skipped: tmux is not installed)'}`, () => {
  it('answers the whole shipped interview, every question once, and writes the file build reads', async () => {
    const cwd = testdir();
    const t = open(`interview ${join(cwd, 'tender.yaml')}`, cwd, 'en_GB.UTF-8');
    const keys = await answer(t, [...contract, ...rest], 'en');
    await saveAndQuit(t, 'What would you like to do?', 'Save and quit');
    const screen = await t.waitFor('[exit 0]');

    expect(screen).toContain('\n1/7 The contract\n');
    expect(screen).toContain('\n7/7 Handover, exit and enforcement\n');
    expect(screen).toContain('Answers saved in tender.yaml.');
    // Each asked question was prompted exactly once; the skipped one never.
    for (const a of [...contract, ...rest]) expect(screen.split(`✔ ${prompt(a.id, 'en')}`).length - 1, a.id).toBe(1);
    expect(screen).not.toContain(prompt('softwareLicence', 'en'));
    // No keystroke beyond what the answers themselves take: one Enter a question, plus the typing and picking.
    const typed = [...contract, ...rest].reduce((n, a) => n + (a.type?.length ?? 0) + (a.pick ? 1 : 0) + (a.tick?.length ?? 0) + (a.yes !== undefined ? 1 : 0), 0);
    expect(keys).toBe(contract.length + rest.length + typed);

    const text = readFileSync(join(cwd, 'tender.yaml'), 'utf8');
    expect(text.split('\n').slice(0, 2)).toEqual(['# clausula answers: Smart parking concession (EXP-2026-0412)', '# written by clausula interview on 2027-01-15']);
    expect(parse(text)).toEqual({ library: RELEASE, language: 'en', answers: expectedAnswers });
    expect(Object.keys(parse(text).answers)).toEqual(Object.keys(expectedAnswers));
    const loaded = loadAnswers(library, join(cwd, 'tender.yaml'), 'tender.yaml');
    expect(loaded.warnings).toEqual([]);
  }, 60_000);

  it('Ctrl-C mid-way saves the answers and prints the command that resumes; resuming asks only the rest', async () => {
    const cwd = testdir();
    const first = open('interview answers.yaml', cwd, 'ca_ES.UTF-8');
    await answer(first, contract.slice(0, 4), 'ca');
    await first.waitForPrompt(prompt('cpvCodes', 'ca'));
    first.type('9835');
    first.press('C-c');
    const stopped = await first.waitFor('[exit 130]');
    expect(stopped).toContain(`Aturat. Les respostes donades fins ara s'han desat a answers.yaml.\nPer continuar on ho heu deixat, executeu:\n  node ${BIN} interview answers.yaml\n`);
    expect(parse(readFileSync(join(cwd, 'answers.yaml'), 'utf8'))).toEqual({
      library: RELEASE,
      language: 'ca',
      answers: { authorityName: 'Ajuntament de Barcelona', contractTitle: 'Smart parking concession', contractReference: 'EXP-2026-0412', contractType: 'service-concession' },
    });

    // The printed command, exactly as printed: it runs.
    const command = /executeu:\n {2}(.+)\n/.exec(stopped)![1]!;
    const second = run(command, cwd, 'en_GB.UTF-8');
    const resumed = await second.waitForPrompt(prompt('cpvCodes', 'ca'));
    expect(resumed).toContain('Continuem amb answers.yaml: 4 respostes ja donades.');
    expect(resumed).not.toContain(prompt('authorityName', 'ca'));
    await answer(second, [...contract.slice(4), ...rest], 'ca');
    await saveAndQuit(second, 'Què voleu fer?', 'Desar i sortir');
    await second.waitFor('[exit 0]');
    expect(parse(readFileSync(join(cwd, 'answers.yaml'), 'utf8'))).toEqual({ library: RELEASE, language: 'ca', answers: expectedAnswers });
  }, 60_000);
});
