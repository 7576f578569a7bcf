import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answersFileText } from '../../src/interview/answers-file.js';
import { runInterview } from '../../src/interview/flow.js';
import { PromptInterrupted } from '../../src/interview/prompter.js';
import type { AnswerState } from '../../src/interview/state.js';
import { loadLibrary } from '../../src/library/load-library.js';
import type { AnswerValue } from '../../src/schema/common.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { asked, scriptedPrompter, type Step } from '../helpers/scripted-prompter.js';

const library = loadLibrary(join(REPO_ROOT, 'tests/fixtures/interview'));
const file = (answers: AnswerState, language = 'en') => answersFileText({ library, language, session: { answers, aside: new Map() }, date: '2027-03-01' });

/** Every question of the fixture answered, personal data included. */
const everything: Step[] = [
  { ask: 'authorityName', answer: 'Ajuntament de Girona', offered: 'City of Testville' },
  { ask: 'contractTitle', answer: 'Smart parking', offered: undefined },
  { ask: 'contractReference', answer: 'EXP-7' },
  { ask: 'contractType', answer: 'works' },
  { ask: 'durationMonths', answer: 24 },
  { ask: 'startDate', answer: '2027-01-31' },
  { ask: 'generatesData', answer: true, offered: true },
  { ask: 'dataKinds', answer: ['personal', 'video'] },
  { ask: 'processesPersonalData', answer: true },
  { ask: 'cpvCodes', answer: ['72000000-5', '48000000-8'] },
  { ask: 'hosting', answer: 'cloud', offered: 'authority' },
  { ask: 'breachHours', answer: 48, offered: 24 },
];

async function interview(steps: Step[], answers: AnswerState = new Map(), startAtReview = false) {
  const prompter = scriptedPrompter(steps);
  const outcome = await runInterview({ library, language: 'en', session: { answers, aside: new Map() }, prompter, startAtReview });
  expect(prompter.remaining()).toEqual([]);
  return { outcome, answers, events: prompter.events };
}

describe('the interview flow', () => {
  it('asks every question once, in order, and writes the exact answers file', async () => {
    const { outcome, answers, events } = await interview([...everything, { choose: 'save' }]);
    expect(outcome).toBe('save');
    expect(asked(events)).toEqual(everything.map((s) => ('ask' in s ? s.ask : '')));
    expect(file(answers)).toBe(`# clausula answers: Smart parking (EXP-7)
# written by clausula interview on 2027-03-01

library: interview-fixture@1.2.0
language: en
answers:
  # The basics
  authorityName: Ajuntament de Girona
  contractTitle: Smart parking
  contractReference: EXP-7
  contractType: works
  durationMonths: 24
  startDate: 2027-01-31
  # The data
  generatesData: true
  dataKinds: [personal, video]
  processesPersonalData: true
  cpvCodes: [72000000-5, 48000000-8]
  # Security
  hosting: cloud
  breachHours: 48
`);
  });

  it('shows each section with its progress and intro when it starts', async () => {
    const { events } = await interview([...everything, { choose: 'build' }]);
    const headings = events.flatMap((e) => (e.kind === 'say' && e.style === 'heading' ? [e.text] : []));
    expect(headings).toEqual(['1/3 The basics', '2/3 The data', '3/3 Security']);
    expect(events).toContainEqual({ kind: 'say', text: 'Who is buying what, and for how long.', style: 'paragraph' });
    const firstAsk = events.findIndex((e) => e.kind === 'ask');
    expect(events.slice(0, firstAsk).map((e) => e.kind === 'say' && e.text)).toEqual(['1/3 The basics', 'Who is buying what, and for how long.']);
  });

  it('skips the questions whose condition does not hold, and keeps blanks of optional questions', async () => {
    const { answers, events } = await interview([
      { ask: 'authorityName', answer: 'Ajuntament de Girona' },
      { ask: 'contractTitle', answer: 'Street cleaning' },
      { ask: 'contractReference', answer: null },
      { ask: 'contractType', answer: 'services' },
      { ask: 'durationMonths', answer: 12 },
      { ask: 'startDate', answer: null },
      { ask: 'generatesData', answer: false },
      { ask: 'cpvCodes', answer: null },
      { choose: 'save' },
    ]);
    expect(asked(events)).not.toContain('dataKinds');
    expect(file(answers)).toBe(`# clausula answers: Street cleaning
# written by clausula interview on 2027-03-01

library: interview-fixture@1.2.0
language: en
answers:
  # The basics
  authorityName: Ajuntament de Girona
  contractTitle: Street cleaning
  contractReference:
  contractType: services
  durationMonths: 12
  startDate:
  # The data
  generatesData: false
  cpvCodes:
`);
  });

  it('re-reads the conditions after every answer: a chain opens as it is answered', async () => {
    const { events } = await interview([
      ...everything.slice(0, 7),
      { ask: 'dataKinds', answer: ['sensor'] },
      { ask: 'cpvCodes', answer: null },
      { ask: 'hosting', answer: 'authority' },
      { choose: 'save' },
    ]);
    expect(asked(events)).not.toContain('processesPersonalData');
    expect(asked(events)).not.toContain('breachHours');
  });

  it('changes an answer: answers it makes unasked are named first and set aside, and come back when it is switched back', async () => {
    const session = { answers: new Map<string, AnswerValue>(), aside: new Map<string, AnswerValue>() };
    const prompter = scriptedPrompter([
      ...everything,
      // Personal data no longer: processesPersonalData and breachHours would go; the officer is told, and keeps the change.
      { choose: 'change' },
      { choose: 'dataKinds' },
      { ask: 'dataKinds', answer: ['sensor'], offered: ['personal', 'video'] },
      { confirm: true },
      // Back to personal data: both come back with their answers; nothing is asked again.
      { choose: 'change' },
      { choose: 'dataKinds' },
      { ask: 'dataKinds', answer: ['sensor', 'personal'], offered: ['sensor'] },
      // A change that asks nothing more, then leaving the list without changing.
      { choose: 'change' },
      { choose: 'contractTitle' },
      { ask: 'contractTitle', answer: 'Smart parking, phase 2', offered: 'Smart parking' },
      { choose: 'change' },
      { choose: '' },
      { choose: 'build' },
    ]);
    const outcome = await runInterview({ library, language: 'en', session, prompter });
    expect(prompter.remaining()).toEqual([]);
    expect(outcome).toBe('build');
    expect(Object.fromEntries(session.answers)).toEqual({
      authorityName: 'Ajuntament de Girona',
      contractTitle: 'Smart parking, phase 2',
      contractReference: 'EXP-7',
      contractType: 'works',
      durationMonths: 24,
      startDate: '2027-01-31',
      generatesData: true,
      dataKinds: ['sensor', 'personal'],
      processesPersonalData: true,
      cpvCodes: ['72000000-5', '48000000-8'],
      hosting: 'cloud',
      breachHours: 48,
    });
    expect(session.aside.size).toBe(0);
    const said = prompter.events.flatMap((e) => (e.kind === 'say' && e.style === 'muted' ? [e.text] : []));
    expect(said).toContain(
      'With this answer these questions no longer apply, and their answers are set aside: Personal data processed for the authority; The breach notification period (hours). They come back if you change this answer back.',
    );
    expect(said).toContain('Your earlier answers are back: Personal data processed for the authority; The breach notification period (hours).');
    // The changed question is offered first in the list the next time.
    const lists = prompter.events.filter((e) => e.kind === 'choose' && e.message === 'Which answer do you want to change?');
    expect(lists.map((e) => e.kind === 'choose' && e.initial)).toEqual([undefined, 'dataKinds', 'dataKinds', 'contractTitle']);
    // The review between the two changes showed the answers without the set-aside ones.
    const reviews = prompter.events.flatMap((e) => (e.kind === 'say' && e.text.startsWith('1/3 The basics\n') ? [e.text] : []));
    expect(reviews[1]).not.toContain('personal data processed');
    expect(reviews[1]).toContain('  The kinds of data: Sensor readings');
  });

  it('a change whose warning the officer declines keeps the old answer and everything that hangs on it', async () => {
    const { answers } = await interview([...everything, { choose: 'change' }, { choose: 'generatesData' }, { ask: 'generatesData', answer: false, offered: true }, { confirm: false }, { choose: 'save' }]);
    expect(answers.get('generatesData')).toBe(true);
    expect(answers.get('dataKinds')).toEqual(['personal', 'video']);
  });

  it('switching the first question of a chain off sets the whole chain aside at once; the answers file keeps it under setAside', async () => {
    const session = { answers: new Map<string, AnswerValue>(), aside: new Map<string, AnswerValue>() };
    const prompter = scriptedPrompter([...everything, { choose: 'change' }, { choose: 'generatesData' }, { ask: 'generatesData', answer: false, offered: true }, { confirm: true }, { choose: 'save' }]);
    await runInterview({ library, language: 'en', session, prompter });
    expect([...session.answers.keys()]).toEqual(['authorityName', 'contractTitle', 'contractReference', 'contractType', 'durationMonths', 'startDate', 'generatesData', 'cpvCodes']);
    expect(Object.fromEntries(session.aside)).toEqual({ dataKinds: ['personal', 'video'], processesPersonalData: true, hosting: 'cloud', breachHours: 48 });
    const text = answersFileText({ library, language: 'en', session, date: '2027-03-01' });
    expect(text).toContain('# Answers to questions no longer asked; they come back if those questions are asked again. build ignores them.\nsetAside:\n  dataKinds: [personal, video]\n  processesPersonalData: true\n  hosting: cloud\n  breachHours: 48\n');
  });

  it('shows the review by section with answers as the document prints them', async () => {
    const { events } = await interview([...everything, { choose: 'save' }]);
    const review = events.find((e) => e.kind === 'say' && e.text.startsWith('1/3 The basics\n'));
    expect(review && review.kind === 'say' && review.text).toBe(
      [
        '1/3 The basics',
        '  The contracting authority: Ajuntament de Girona',
        '  The contract title: Smart parking',
        '  The contract reference: EXP-7',
        '  The contract type: Works',
        '  The duration in months: 24',
        '  The start date: 31 January 2027',
        '',
        '2/3 The data',
        '  Data generated by the contractor: Yes',
        '  The kinds of data: Personal data and Video',
        "  Personal data processed for the authority: Yes",
        '  The CPV codes: 72000000-5 and 48000000-8',
        '',
        '3/3 Security',
        '  Where the data are hosted: In a cloud service',
        '  The breach notification period (hours): 48',
      ].join('\n'),
    );
    const menu = events.find((e) => e.kind === 'choose');
    expect(menu).toEqual({
      kind: 'choose',
      message: 'What would you like to do?',
      items: [
        { value: 'change', label: 'Change an answer' },
        { value: 'save', label: 'Save and quit' },
        { value: 'build', label: 'Build the documents now' },
      ],
      initial: 'build',
    });
  });

  it('resumes: asks only what is missing, offering nothing already answered again', async () => {
    const answers: AnswerState = new Map<string, AnswerValue>([
      ['authorityName', 'Ajuntament de Girona'],
      ['contractTitle', 'Smart parking'],
      ['contractReference', null],
      ['contractType', 'works'],
      ['generatesData', true],
      ['dataKinds', ['video']],
    ]);
    const { events } = await interview(
      [
        { ask: 'durationMonths', answer: 36 },
        { ask: 'startDate', answer: null },
        { ask: 'cpvCodes', answer: null },
        { ask: 'hosting', answer: 'authority' },
        { choose: 'save' },
      ],
      answers,
    );
    expect(asked(events)).toEqual(['durationMonths', 'startDate', 'cpvCodes', 'hosting']);
    // Sections already complete are not announced.
    expect(events.filter((e) => e.kind === 'say' && e.style === 'heading').map((e) => e.kind === 'say' && e.text)).toEqual(['1/3 The basics', '2/3 The data', '3/3 Security']);
  });

  it('drops answers of a resumed file that are not asked for its other answers', async () => {
    const answers: AnswerState = new Map<string, AnswerValue>([
      ['generatesData', false],
      ['dataKinds', ['personal']],
      ['processesPersonalData', true],
      ['breachHours', 24],
    ]);
    await interview([{ choose: 'save' }], answers, true);
    expect([...answers.keys()]).toEqual(['generatesData']);
  });

  it('--review goes straight to the review; missing answers are offered first and block the build', async () => {
    const answers: AnswerState = new Map<string, AnswerValue>([
      ['authorityName', 'Ajuntament de Girona'],
      ['contractTitle', 'Smart parking'],
      ['generatesData', false],
    ]);
    const { events } = await interview(
      [
        { choose: 'answer' },
        { ask: 'contractReference', answer: null },
        { ask: 'contractType', answer: 'services' },
        { ask: 'durationMonths', answer: 6 },
        { ask: 'startDate', answer: null },
        { ask: 'cpvCodes', answer: null },
        { choose: 'build' },
      ],
      answers,
      true,
    );
    expect(events[0]).toEqual({ kind: 'say', text: 'Review your answers', style: 'title' });
    const first = events.find((e) => e.kind === 'choose');
    expect(first).toMatchObject({
      items: [
        { value: 'answer', label: 'Answer the 5 remaining questions' },
        { value: 'change', label: 'Change an answer' },
        { value: 'save', label: 'Save and quit' },
        { value: 'build', label: 'Build the documents now', disabled: '(answer the remaining questions first)' },
      ],
      initial: 'answer',
    });
    const review = events.find((e) => e.kind === 'say' && e.text.startsWith('1/3 The basics\n'));
    expect(review && review.kind === 'say' && review.text).toContain('  The contract type: not answered yet\n');
  });

  it('a change asks only what it brings in, not what was missing already', async () => {
    const answers: AnswerState = new Map<string, AnswerValue>([
      ['authorityName', 'Ajuntament de Girona'],
      ['generatesData', false],
    ]);
    const { events } = await interview(
      [
        { choose: 'change' },
        { choose: 'generatesData' },
        { ask: 'generatesData', answer: true, offered: false },
        { ask: 'dataKinds', answer: ['sensor'] },
        { ask: 'hosting', answer: 'cloud' },
        { choose: 'save' },
      ],
      answers,
      true,
    );
    expect(asked(events)).toEqual(['generatesData', 'dataKinds', 'hosting']);
    const menus = events.filter((e) => e.kind === 'choose' && e.message === 'What would you like to do?');
    // The title, reference, type, duration, start date and CPV codes: still to answer, before and after.
    expect(menus.map((m) => m.kind === 'choose' && m.items[0])).toEqual([
      { value: 'answer', label: 'Answer the 6 remaining questions' },
      { value: 'answer', label: 'Answer the 6 remaining questions' },
    ]);
  });

  it('stops at Ctrl-C with every answer given so far kept', async () => {
    const answers: AnswerState = new Map();
    const prompter = scriptedPrompter([...everything.slice(0, 4), { interrupt: true }]);
    await expect(runInterview({ library, language: 'en', session: { answers, aside: new Map() }, prompter })).rejects.toBeInstanceOf(PromptInterrupted);
    expect(Object.fromEntries(answers)).toEqual({ authorityName: 'Ajuntament de Girona', contractTitle: 'Smart parking', contractReference: 'EXP-7', contractType: 'works' });
  });

  it('never asks a question twice in a row, even when a required one comes back blank', async () => {
    const { events } = await interview([
      { ask: 'authorityName', answer: null },
      ...everything.slice(1),
      { choose: 'answer' },
      { ask: 'authorityName', answer: 'Ajuntament de Girona' },
      { choose: 'save' },
    ]);
    expect(asked(events).filter((id) => id === 'authorityName')).toHaveLength(2);
  });

  it('speaks the language it is given, headers and review included', async () => {
    const prompter = scriptedPrompter([...everything, { choose: 'save' }]);
    await runInterview({ library, language: 'ca', session: { answers: new Map(), aside: new Map() }, prompter });
    const says = prompter.events.flatMap((e) => (e.kind === 'say' ? [e.text] : []));
    expect(says).toContain('1/3 Les dades bàsiques');
    expect(says).toContain('Reviseu les respostes');
    expect(says.find((s) => s.startsWith('1/3') && s.includes('\n'))).toContain("  L'administració contractant: Ajuntament de Girona");
    expect(prompter.events.find((e) => e.kind === 'choose')).toMatchObject({ message: 'Què voleu fer?' });
  });
});
