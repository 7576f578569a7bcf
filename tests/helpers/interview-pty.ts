import { afterEach } from 'vitest';
import { loadLibrary } from '../../src/library/load-library.js';
import { pick } from '../../src/library/model.js';
import { BIN, REPO_ROOT } from './cli.js';
import { Terminal } from './tmux.js';

/** The shipped interview driven through a real pseudo-terminal, as an officer answers it. */

export const library = loadLibrary(REPO_ROOT);
export const prompt = (id: string, language: string) => pick(library.questions.get(id)!.question.prompt, language);

/** How to answer one question: text to type, option numbers to pick or tick, or y/n. Nothing = Enter (the suggestion). */
export type Answer = { id: string; type?: string; pick?: number; tick?: number[]; yes?: boolean };

// SOURCE_DATE_EPOCH: the header's date is 2027-01-15.
const env = (LANG: string) => ({ LANG, SOURCE_DATE_EPOCH: '1800000000' });

const terminals: Terminal[] = [];
afterEach(() => {
  for (const t of terminals.splice(0)) t.close();
});

/** clausula, as built, with these arguments. */
export function open(args: string, cwd: string, LANG: string, size: { width?: number; height?: number } = {}): Terminal {
  return run(`${process.execPath} ${BIN} ${args}`, cwd, LANG, size);
}

/** A command line as the officer types it. */
export function run(command: string, cwd: string, LANG: string, size: { width?: number; height?: number } = {}): Terminal {
  const t = new Terminal(command, { cwd, env: env(LANG), ...size });
  terminals.push(t);
  return t;
}

/** Answer each question when its prompt is waiting, with the fewest keys it takes. Returns the keys pressed. */
export async function answer(t: Terminal, plan: Answer[], language: string): Promise<number> {
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

/** Pick an item of the menu waiting at `menu` by its number, once it is marked, and press Enter. */
export async function chooseItem(t: Terminal, menu: string, n: number, label: string): Promise<void> {
  await t.waitForPrompt(menu);
  t.type(String(n));
  await t.waitFor(`❯ ${n}. ${label}`);
  t.press('Enter');
}

/** The first section of the shipped interview, nothing taken from a suggestion a city would not share. */
export const contract: Answer[] = [
  { id: 'authorityName', type: 'Ajuntament de Girona' },
  { id: 'contractTitle', type: 'Smart parking concession' },
  { id: 'contractReference', type: 'EXP-2026-0412' },
  { id: 'contractType', pick: 4 },
  { id: 'cpvCodes', type: '98351000-8, 63712400-7' },
  { id: 'contractDurationMonths', type: '120' },
  { id: 'dataContact', type: 'Oficina de Dades' },
];

/** The rest, every door but bespoke software open. */
export const rest: Answer[] = [
  { id: 'generatesData' },
  { id: 'dataKinds', tick: [2, 3] },
  { id: 'dataDeliveryFrequency', pick: 1 },
  { id: 'operatorSectors', tick: [4] },
  { id: 'thirdPartyDataSources' },
  { id: 'dataManagementPlan' },
  { id: 'publicRecords' },
  // Personal data are ticked: yes follows, and Enter takes it.
  { id: 'processesPersonalData' },
  { id: 'contractorControllerRole' },
  { id: 'processingPurpose', type: 'control parking time in the regulated zone' },
  { id: 'processingOperations', tick: [2, 4] },
  { id: 'personalDataTypes', tick: [2, 3] },
  { id: 'dataSubjectCategories', tick: [2] },
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
  { id: 'digitalServicesForPeople' },
  { id: 'openDataCandidate' },
  { id: 'openDataLicence' },
  { id: 'openDataPortal', type: 'Dades obertes de Catalunya' },
  { id: 'handoverDays', type: '60' },
  { id: 'sourceCodeEscrow' },
  { id: 'penaltiesAsSpecialConditions' },
  { id: 'greenIctCondition' },
];

export const expectedAnswers = {
  authorityName: 'Ajuntament de Girona',
  contractTitle: 'Smart parking concession',
  contractReference: 'EXP-2026-0412',
  contractType: 'service-concession',
  cpvCodes: ['98351000-8', '63712400-7'],
  contractDurationMonths: 120,
  dataContact: 'Oficina de Dades',
  generatesData: true,
  dataKinds: ['personal', 'sensor'],
  dataDeliveryFrequency: 'real-time',
  operatorSectors: ['parking'],
  thirdPartyDataSources: false,
  dataManagementPlan: true,
  publicRecords: false,
  processesPersonalData: true,
  contractorControllerRole: 'none',
  processingPurpose: 'control parking time in the regulated zone',
  processingOperations: ['recording', 'storage'],
  personalDataTypes: ['contact', 'vehicles'],
  dataSubjectCategories: ['users'],
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
  digitalServicesForPeople: false,
  openDataCandidate: true,
  openDataLicence: 'cc-by-4.0',
  openDataPortal: 'Dades obertes de Catalunya',
  handoverDays: 60,
  sourceCodeEscrow: false,
  penaltiesAsSpecialConditions: true,
  greenIctCondition: true,
};

export async function saveAndQuit(t: Terminal, menu: string, save: string): Promise<void> {
  await chooseItem(t, menu, 2, save);
}
