import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInterview } from '../../src/interview/flow.js';
import type { AnswerState } from '../../src/interview/state.js';
import { conflicts } from '../../src/library/consistency.js';
import { loadAnswers } from '../../src/library/load-answers.js';
import { loadLibrary } from '../../src/library/load-library.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { lintDir } from '../helpers/lint.js';
import { asked, scriptedPrompter, type Step } from '../helpers/scripted-prompter.js';
import { fixtureCopy } from '../helpers/testdir.js';

// The interview fixture with one consistency rule: personal data among the kinds of data
// and no processing of personal data contradict each other.
const RULE = `        when: generatesData
        follows:
          - if: '"personal" in dataKinds'
            answer: true
            conflict:
              en: You ticked personal data, but said none are processed.
              ca: Heu marcat dades personals, però heu dit que no se'n tracten.`;

function withRule(rule = RULE): string {
  const dir = fixtureCopy('interview');
  const file = join(dir, 'clauses/questions.yaml');
  const text = readFileSync(file, 'utf8');
  const before = `      - id: processesPersonalData\n        type: boolean\n        when: '"personal" in dataKinds'`;
  expect(text).toContain(before);
  writeFileSync(file, text.replace(before, `      - id: processesPersonalData\n        type: boolean\n${rule}`));
  return dir;
}

const start: Step[] = [
  { ask: 'authorityName', answer: 'Ajuntament de Girona' },
  { ask: 'contractTitle', answer: 'Smart parking' },
  { ask: 'contractReference', answer: 'EXP-7' },
  { ask: 'contractType', answer: 'services' },
  { ask: 'durationMonths', answer: 24 },
  { ask: 'startDate', answer: '2027-01-31' },
  { ask: 'generatesData', answer: true },
  { ask: 'dataKinds', answer: ['personal', 'video'] },
];
const end: Step[] = [
  { ask: 'cpvCodes', answer: [] },
  { ask: 'hosting', answer: 'cloud' },
];

async function interview(dir: string, steps: Step[], language = 'en') {
  const library = loadLibrary(dir);
  const answers: AnswerState = new Map();
  const prompter = scriptedPrompter(steps);
  await runInterview({ library, language, session: { answers, aside: new Map() }, prompter });
  expect(prompter.remaining()).toEqual([]);
  const says = prompter.events.flatMap((e) => (e.kind === 'say' ? [e.text] : []));
  return { answers, events: prompter.events, says };
}

describe('consistency rules declared in the library', () => {
  it('pre-fills the answer that follows, and says why', async () => {
    const { events, answers } = await interview(withRule(), [...start, { ask: 'processesPersonalData', answer: true, offered: true }, ...end, { ask: 'breachHours', answer: 24 }, { choose: 'save' }]);
    expect(events.find((e) => e.kind === 'ask' && e.id === 'processesPersonalData')).toMatchObject({
      initial: true,
      answered: false,
      because: 'Suggested because the kinds of data include “Personal data”.',
    });
    expect(answers.get('processesPersonalData')).toBe(true);
  });

  it('without the answer it follows from, the question has no suggestion: no silent yes', async () => {
    const steps: Step[] = [...start.slice(0, 7), { ask: 'dataKinds', answer: ['sensor'] }, { ask: 'processesPersonalData', answer: false, offered: undefined }, ...end, { choose: 'save' }];
    const { events } = await interview(withRule(), steps);
    expect(events.find((e) => e.kind === 'ask' && e.id === 'processesPersonalData')).not.toHaveProperty('because');
  });

  it('an answer against the rule: says what conflicts and lets the officer change either answer', async () => {
    const { says, answers, events } = await interview(withRule(), [
      ...start,
      { ask: 'processesPersonalData', answer: false },
      { choose: 'processesPersonalData' },
      { ask: 'processesPersonalData', answer: true },
      ...end,
      { ask: 'breachHours', answer: 24 },
      { choose: 'save' },
    ]);
    expect(says).toContain('⚠ You ticked personal data, but said none are processed.');
    const menu = events.find((e) => e.kind === 'choose' && e.message === 'Which answer do you want to change?');
    expect(menu).toMatchObject({
      initial: 'processesPersonalData',
      items: [
        { value: 'processesPersonalData', label: 'Personal data processed for the authority: No' },
        { value: 'dataKinds', label: 'The kinds of data: Personal data and Video' },
        { value: '', label: 'Keep both as they are' },
      ],
    });
    expect(answers.get('processesPersonalData')).toBe(true);
    expect(says.filter((s) => s.startsWith('⚠'))).toHaveLength(1);
  });

  it('changing the other answer settles it too; keeping both is asked once and the review still marks it', async () => {
    const changed = await interview(withRule(), [
      ...start,
      { ask: 'processesPersonalData', answer: false },
      { choose: 'dataKinds' },
      { ask: 'dataKinds', answer: ['video'] },
      ...end,
      { choose: 'save' },
    ]);
    expect(changed.answers.get('dataKinds')).toEqual(['video']);
    expect(changed.says.some((s) => s.includes('contradict'))).toBe(false);

    const kept = await interview(
      withRule(),
      [...start, { ask: 'processesPersonalData', answer: false }, { choose: '' }, ...end, { choose: 'save' }],
      'ca',
    );
    expect(asked(kept.events).filter((id) => id === 'processesPersonalData')).toHaveLength(1);
    const review = kept.says.indexOf('Reviseu les respostes');
    expect(kept.says.slice(review)).toEqual(
      expect.arrayContaining(["⚠ Heu marcat dades personals, però heu dit que no se'n tracten.", 'Hi ha un parell de respostes que es contradiuen (marcat amb ⚠ a dalt).']),
    );
  });

  it('build and explain read it from an answers file: a warning at the answer, in the answers’ language', () => {
    const dir = withRule();
    const file = join(dir, 'answers.yaml');
    writeFileSync(
      file,
      'library: interview-fixture@1.2.0\nlanguage: ca\nanswers:\n  authorityName: Ajuntament de Girona\n  contractTitle: Aparcament\n  contractType: services\n  durationMonths: 12\n  generatesData: true\n  dataKinds: [personal]\n  processesPersonalData: false\n  hosting: cloud\n',
    );
    const library = loadLibrary(dir);
    const loaded = loadAnswers(library, file, 'answers.yaml');
    expect(loaded.warnings.map((w) => [w.ruleId, w.start.line, w.start.column, w.message, w.fix])).toEqual([
      [
        'answer-conflict',
        10,
        26,
        "respostes contradictòries: Heu marcat dades personals, però heu dit que no se'n tracten.",
        'canvieu una de les dues respostes, o executeu clausula interview answers.yaml per revisar-les',
      ],
    ]);
    expect(conflicts(library, new Map<string, string[] | boolean>([['generatesData', true], ['dataKinds', ['personal']], ['processesPersonalData', true]]))).toEqual([]);
  });

  it('lint checks each rule: its condition, that it reads only earlier questions, and its answer', () => {
    const dir = withRule(`        when: generatesData
        follows:
          - if: '"persnal" in dataKinds'
            answer: true
            conflict: { en: a, ca: b }
          - if: hosting == "cloud"
            answer: true
            conflict: { en: a, ca: b }
          - if: generatesData
            answer: maybe
            conflict: { en: a }`);
    // (dataKinds is no longer read by a condition here: a rule is not a use.)
    const rows = lintDir(dir).filter((r) => r.file === 'clauses/questions.yaml' && r.ruleId !== 'unused-question');
    expect(rows.map((r) => [r.ruleId, r.line, r.column, r.message])).toEqual([
      ['unknown-option', 72, 18, '"persnal" is not an option of dataKinds'],
      ['question-order', 75, 17, 'a rule of processesPersonalData depends on hosting, which is asked after it'],
      ['answer-invalid', 79, 21, 'the answer that follows is not an answer to processesPersonalData: processesPersonalData must be true or false, not the text "maybe"'],
      ['missing-translation', 80, expect.any(Number), expect.stringContaining('the conflict message of rule 3 of processesPersonalData')],
    ]);
  });
});

describe('the shipped library declares its contradictions', () => {
  const library = loadLibrary(REPO_ROOT);
  const base = { generatesData: true, processesPersonalData: false } as const;
  it('personal data ticked but not processed, health data but no special category', () => {
    const found = (answers: Record<string, boolean | string[]>) => conflicts(library, new Map(Object.entries(answers))).map((c) => c.entry.question.id);
    expect(found({ ...base, dataKinds: ['personal', 'sensor'] })).toEqual(['processesPersonalData']);
    expect(found({ ...base, dataKinds: ['sensor'] })).toEqual([]);
    expect(found({ generatesData: true, processesPersonalData: true, specialCategoryData: false, dataKinds: ['health-social'] })).toEqual(['specialCategoryData']);
  });
});
