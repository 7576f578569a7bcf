// @inquirer/testing/vitest first: the interview's prompts then read keys from `screen`.
import { screen } from '@inquirer/testing/vitest';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { REPO_ROOT, runCli, spawnCli, type CliResult } from '../helpers/cli.js';
import { fixtureCopy, testdir } from '../helpers/testdir.js';

vi.mock('../../src/interview/terminal/widgets.js', async (importOriginal) => {
  const { wrapPrompt } = await import('@inquirer/testing/vitest');
  const actual = await importOriginal<typeof import('../../src/interview/terminal/widgets.js')>();
  return { ...actual, yesNo: wrapPrompt(actual.yesNo), choice: wrapPrompt(actual.choice), ticks: wrapPrompt(actual.ticks), text: wrapPrompt(actual.text) };
});

const LIBRARY = join(REPO_ROOT, 'tests/fixtures/interview');
const env = { SOURCE_DATE_EPOCH: '1800000000', LANG: 'en_GB.UTF-8' }; // 2027-01-15

/** Start the interview in-process on a fake terminal; keys go through `screen`. */
function start(args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<CliResult> {
  return runCli(['--library', LIBRARY, 'interview', ...args], { cwd: options.cwd, tty: true, env: { ...env, ...options.env } });
}

/** Wait for the next prompt and check it is the one expected. */
async function prompt(text: string): Promise<void> {
  await screen.next();
  expect(screen.getScreen()).toContain(text);
}

async function enter(text: string, typed = ''): Promise<void> {
  await prompt(text);
  if (typed) screen.type(typed);
  screen.keypress('enter');
}

/** The fixture's questions up to and including the start date. */
async function answerBasics(startDate = ''): Promise<void> {
  await enter('Which public body is tendering the contract? (City of Testville)');
  await enter('What is the title of the contract?', 'Smart parking');
  await enter('What is the contract reference?', 'EXP-7');
  await enter('Which type of contract is it?', '2');
  await enter('How many months will the contract last?', '24');
  await enter('When does the contract start? (YYYY-MM-DD)', startDate);
}

/** The fixture's questions with data, personal data among them: clauses then apply. */
async function answerWithData(startDate = ''): Promise<void> {
  await answerBasics(startDate);
  await enter('Will the contractor collect or generate data? (Y/n)');
  await prompt('Which kinds of data?');
  screen.keypress('space');
  screen.keypress('enter');
  await enter("Will the contractor process personal data on the authority's behalf?", 'y');
  await enter('Which CPV codes apply?');
  await enter('Where will the data be hosted?');
  await enter('Within how many hours must a breach be notified? (24)');
}

describe('clausula interview --help', () => {
  it('documents the command and its options', () => {
    const r = spawnCli(['interview', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: clausula interview [options] [answers]');
    expect(r.stdout).toContain('--review');
    expect(r.stdout).toContain('--lang <language>');
    expect(spawnCli(['--help']).stdout).toMatch(/^  interview \[options\] \[answers\]/m);
  });
});

describe('clausula interview without a terminal', () => {
  it('refuses with exit 2 and points to clausula build', async () => {
    const r = await runCli(['interview', 'tender.yaml'], { env: { LANG: 'en_GB.UTF-8' } });
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'clausula: error: clausula interview asks questions, so it needs an interactive terminal; its input or output here is a pipe or a file (CI, a script)\n' +
        'How to fix: to make the documents from an answers file without any questions, run: clausula build tender.yaml\n',
    });
  });

  it('refuses when run by the binary with pipes', () => {
    const r = spawnCli(['interview'], { input: '' });
    expect(r.code).toBe(2);
    // In the library's language (Catalan) without a locale; the command as npx runs it.
    expect(r.stderr).toContain('clausula interview fa preguntes, així que necessita un terminal interactiu');
    expect(r.stderr).toContain('executeu: npx clausula build ANSWERS.yaml');
  });
});

describe('clausula interview on a terminal', () => {
  it('asks, reviews, saves the named file and says how to build', async () => {
    const cwd = testdir();
    const run = start(['tender.yaml'], { cwd });
    await answerBasics();
    await enter('Will the contractor collect or generate data? (Y/n)', 'n');
    await enter('Which CPV codes apply? (separate several with commas)', '72000000-5');
    await prompt('What would you like to do?');
    expect(screen.getScreen()).toContain('❯ 3. Build the documents now');
    screen.keypress('up');
    screen.keypress('enter');
    const r = await run;
    expect(r.code).toBe(0);
    expect(readFileSync(join(cwd, 'tender.yaml'), 'utf8')).toBe(`# clausula answers: Smart parking (EXP-7)
# written by clausula interview on 2027-01-15

library: interview-fixture@1.2.0
language: en
answers:
  # The basics
  authorityName: City of Testville
  contractTitle: Smart parking
  contractReference: EXP-7
  contractType: works
  durationMonths: 24
  startDate:
  # The data
  generatesData: false
  cpvCodes: [72000000-5]
`);
    expect(r.stdout).toContain('\n1/3 The basics\n');
    expect(r.stdout).toContain('  The full official name.\n');
    expect(r.stdout).toContain('\nReview your answers\n\n1/3 The basics\n  The contracting authority: City of Testville\n');
    expect(r.stdout).toContain(`\nAnswers saved in tender.yaml.\nTo build the documents later, run:\n  clausula --library ${LIBRARY} build tender.yaml\n`);
  });

  it('speaks the language of LANG when the library has it', async () => {
    const cwd = testdir();
    const run = start(['tender.yaml'], { cwd, env: { LANG: 'ca_ES.UTF-8' } });
    await prompt('Quina entitat pública licita el contracte?');
    screen.keypress({ name: 'c', ctrl: true });
    const r = await run;
    expect(r.code).toBe(130);
    expect(r.stdout).toContain('1/3 Les dades bàsiques');
    expect(r.stderr).toBe("Aturat. No s'ha respost res, així que no s'ha desat res.\nPer continuar on ho heu deixat, executeu:\n  clausula --library " + LIBRARY + ' interview tender.yaml\n');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('Ctrl-C without a file saves a draft that replaces nothing, and resuming it asks only the rest', async () => {
    const cwd = testdir({ 'clausula-draft-2027-01-15.yaml': 'not mine to replace\n' });
    const run = start([], { cwd });
    await enter('Which public body is tendering the contract?', '');
    await enter('What is the title of the contract?', 'Smart parking');
    await prompt('What is the contract reference?');
    screen.keypress({ name: 'c', ctrl: true });
    const r = await run;
    expect(r.code).toBe(130);
    expect(r.stderr).toBe(
      `Stopped. Your answers so far are saved in clausula-draft-2027-01-15-2.yaml.\nTo carry on where you left off, run:\n  clausula --library ${LIBRARY} interview clausula-draft-2027-01-15-2.yaml\n`,
    );
    expect(readFileSync(join(cwd, 'clausula-draft-2027-01-15.yaml'), 'utf8')).toBe('not mine to replace\n');
    const draft = readFileSync(join(cwd, 'clausula-draft-2027-01-15-2.yaml'), 'utf8');
    expect(draft.slice(draft.indexOf('\nanswers:'))).toBe('\nanswers:\n  # The basics\n  authorityName: City of Testville\n  contractTitle: Smart parking\n');

    const resumed = start(['clausula-draft-2027-01-15-2.yaml'], { cwd });
    await prompt('What is the contract reference?');
    screen.keypress({ name: 'c', ctrl: true });
    const again = await resumed;
    expect(again.code).toBe(130);
    expect(again.stdout).toContain('Carrying on with clausula-draft-2027-01-15-2.yaml: 2 answers already given.');
    expect(again.stderr).toContain('saved in clausula-draft-2027-01-15-2.yaml.');
  });

  it('without a file, asks where to save at the end, never an existing file', async () => {
    const cwd = testdir({ 'exp-7.yaml': 'someone else’s\n' });
    const run = start([], { cwd });
    await answerBasics();
    await enter('Will the contractor collect or generate data?', 'n');
    await enter('Which CPV codes apply?');
    await prompt('What would you like to do?');
    screen.keypress('up');
    screen.keypress('enter');
    await prompt('Save the answers in which file? (exp-7-2.yaml)');
    screen.type('exp-7');
    screen.keypress('enter');
    expect(screen.getScreen()).toContain('> That file already exists; choose another name.');
    screen.type('-final');
    screen.keypress('enter');
    const r = await run;
    expect(r.code).toBe(0);
    expect(readFileSync(join(cwd, 'exp-7.yaml'), 'utf8')).toBe('someone else’s\n');
    expect(readFileSync(join(cwd, 'exp-7-final.yaml'), 'utf8')).toContain('  contractReference: EXP-7\n');
  });

  it('--review opens the review of a resumed file; changing an answer asks what it brings in; the file is rewritten', async () => {
    const cwd = testdir({
      'tender.yaml': [
        'language: en',
        'answers:',
        '  authorityName: City of Testville',
        '  contractTitle: Smart parking',
        '  contractReference: EXP-7',
        '  contractType: works',
        '  durationMonths: 24',
        '  startDate:',
        '  generatesData: false',
        '  cpvCodes:',
        '',
      ].join('\n'),
    });
    const run = start(['tender.yaml', '--review'], { cwd });
    await prompt('What would you like to do?');
    screen.type('1');
    screen.keypress('enter');
    await prompt('Which answer do you want to change?');
    screen.type('Data generated');
    screen.keypress('enter');
    await enter('Will the contractor collect or generate data? (y/N)', 'y');
    await prompt('Which kinds of data?');
    screen.keypress('down');
    screen.keypress('space');
    screen.keypress('enter');
    await enter('Where will the data be hosted?');
    await prompt('What would you like to do?');
    screen.keypress('up');
    screen.keypress('enter');
    const r = await run;
    expect(r.code).toBe(0);
    const text = readFileSync(join(cwd, 'tender.yaml'), 'utf8');
    expect(text.slice(text.indexOf('  # The data'))).toBe('  # The data\n  generatesData: true\n  dataKinds: [sensor]\n  cpvCodes:\n  # Security\n  hosting: authority\n');
    expect(r.stdout).not.toContain('Which public body');
  });

  it('asks again, with a warning at its position, an answer of a resumed file that does not fit', async () => {
    const cwd = testdir({ 'tender.yaml': 'answers:\n  authorityName: City of Testville\n  contractTitle: Smart parking\n  contractTypo: works\n  contractType: building\n' });
    const run = start(['tender.yaml'], { cwd });
    await prompt('What is the contract reference?');
    screen.keypress({ name: 'c', ctrl: true });
    const r = await run;
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('tender.yaml:4:3: warning: "contractTypo" is not a question of this library; the answer is ignored (did you mean contractType?)\n');
    expect(r.stderr).toContain('tender.yaml:5:17: warning: "building" is not an option of contractType (it will be asked again)\n');
  });

  it('leaves a resumed file alone when Ctrl-C comes before anything changed', async () => {
    const original = '# my own notes\nanswers:\n  authorityName: City of Testville   # as in the file\n';
    const cwd = testdir({ 'tender.yaml': original });
    const before = statSync(join(cwd, 'tender.yaml')).mtimeMs;
    const run = start(['tender.yaml'], { cwd });
    await prompt('What is the title of the contract?');
    screen.keypress({ name: 'c', ctrl: true });
    expect((await run).code).toBe(130);
    expect(readFileSync(join(cwd, 'tender.yaml'), 'utf8')).toBe(original);
    expect(statSync(join(cwd, 'tender.yaml')).mtimeMs).toBe(before);
  });

  it('refuses a library whose questions cannot be read, naming the problem', async () => {
    const lib = fixtureCopy('interview', { 'clauses/questions.yaml': 'sections: [\n' });
    const r = await runCli(['--library', lib, 'interview', 'tender.yaml'], { cwd: lib, tty: true, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('has no questions that can be read');
    expect(r.stderr).toContain('clauses/questions.yaml:');
    expect(r.stdout).toBe('');
  });

  it('refuses to touch a file that is not an answers file', async () => {
    const cwd = testdir();
    writeFileSync(join(cwd, 'notes.yaml'), 'shopping: [milk]\n');
    const r = await start(['notes.yaml'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('notes.yaml is not an answers file, so the interview leaves it alone');
    expect(readFileSync(join(cwd, 'notes.yaml'), 'utf8')).toBe('shopping: [milk]\n');
  });

  it('checks the folder of the answers file before the first question', async () => {
    const cwd = testdir();
    const r = await start(['no/such/folder/tender.yaml'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot write no/such/folder/tender.yaml: the folder no/such/folder does not exist');
    expect(r.stdout).toBe('');
  });

  it('loses nothing when the file cannot be written at the end: the answers go to a draft', async () => {
    const cwd = testdir();
    mkdirSync(join(cwd, 'sub'));
    const run = start(['sub/tender.yaml'], { cwd });
    await answerBasics();
    await enter('Will the contractor collect or generate data?', 'n');
    await enter('Which CPV codes apply?');
    await prompt('What would you like to do?');
    rmSync(join(cwd, 'sub'), { recursive: true });
    screen.keypress('up');
    screen.keypress('enter');
    const r = await run;
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'clausula: error: cannot write sub/tender.yaml: the folder sub does not exist\n' +
        `How to fix: Your answers are kept in clausula-draft-2027-01-15.yaml. To carry on where you left off, run: clausula --library ${LIBRARY} interview clausula-draft-2027-01-15.yaml\n`,
    );
    expect(readFileSync(join(cwd, 'clausula-draft-2027-01-15.yaml'), 'utf8')).toContain('  contractTitle: Smart parking\n');
  });

  it('Ctrl-C at the question about replacing the document: the answers are saved, and the build command given', async () => {
    const cwd = testdir({ 'tender.docx': 'edited' });
    const run = start(['tender.yaml'], { cwd });
    await answerWithData();
    await enter('What would you like to do?');
    await prompt('tender.docx already exists. Replace it?');
    screen.keypress({ name: 'c', ctrl: true });
    const r = await run;
    expect(r.code).toBe(130);
    expect(r.stdout).toContain('Answers saved in tender.yaml.');
    expect(r.stderr).toBe(`\nTo build the documents later, run:\n  clausula --library ${LIBRARY} build tender.yaml\n`);
    expect(readFileSync(join(cwd, 'tender.docx'), 'utf8')).toBe('edited');
  });

  it('says so when no clause applies, instead of writing an empty document', async () => {
    const cwd = testdir();
    const run = start(['tender.yaml'], { cwd });
    await answerBasics();
    await enter('Will the contractor collect or generate data?', 'n');
    await enter('Which CPV codes apply?');
    await enter('What would you like to do?');
    const r = await run;
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('Answers saved in tender.yaml.');
    expect(r.stderr).toContain('clausula: error: no clause of the library applies to these answers, so there is no document to write');
    expect(readdirSync(cwd)).toEqual(['tender.yaml']);
  });

  it('builds the document right away through clausula build, asking before replacing one', async () => {
    const cwd = testdir({ 'tender.docx': 'the officer’s edited copy' });
    const run = start(['tender.yaml'], { cwd });
    await answerWithData('2027-04-01');
    await prompt('What would you like to do?');
    screen.keypress('enter');
    await enter('tender.docx already exists. Replace it? (y/N)');
    const r = await run;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Building the documents…\nWrote tender-2.docx: ');
    expect(readFileSync(join(cwd, 'tender.docx'), 'utf8')).toBe('the officer’s edited copy');
    expect(readFileSync(join(cwd, 'tender-2.docx')).subarray(0, 2).toString()).toBe('PK');
  });
});
