import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answersFileText } from '../../src/interview/answers-file.js';
import { runInterview } from '../../src/interview/flow.js';
import type { Prompter, QuestionRequest } from '../../src/interview/prompter.js';
import { loadAnswers } from '../../src/library/load-answers.js';
import { loadLibrary } from '../../src/library/load-library.js';
import { answerProblem, missingRequired } from '../../src/library/validate-answers.js';
import type { AnswerValue } from '../../src/schema/common.js';
import type { Question } from '../../src/schema/questions.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { testdir } from '../helpers/testdir.js';

const library = loadLibrary(REPO_ROOT);
const allIds = [...library.questions.keys()];

/** The choices that open the questions asked only for them (an AI system; a cloud service). */
const OPENING: Record<string, AnswerValue> = { aiSystem: 'high-risk', hosting: 'cloud-saas' };

/** A valid answer that takes the fewest keystrokes: the default when there is one (Enter). */
function quickAnswer(q: Question, yes: boolean): AnswerValue {
  if (q.type === 'boolean') return yes;
  if (yes && OPENING[q.id] !== undefined) return OPENING[q.id]!;
  if (q.default !== undefined && q.default !== null && !(q.type === 'select' && q.id === 'ensCategory' && !yes)) return q.default;
  switch (q.type) {
    case 'select':
      return yes ? q.options![0]!.value : q.options![q.options!.length - 1]!.value;
    case 'multiselect':
      return [q.options![0]!.value];
    case 'number':
      return q.validation?.min ?? 1;
    case 'date':
      return '2027-01-31';
    case 'list':
      return ['72000000-5'];
    default:
      return q.required === false ? null : 'Sample answer';
  }
}

/** A prompter that answers at once and counts every prompt it is shown. */
function countingPrompter(yes: boolean) {
  const asks = new Map<string, number>();
  let menus = 0;
  const prompter: Prompter = {
    async ask({ question }: QuestionRequest) {
      asks.set(question.id, (asks.get(question.id) ?? 0) + 1);
      const answer = quickAnswer(question, yes);
      expect(answerProblem(question, answer, 'en'), question.id).toBeUndefined();
      return answer;
    },
    async choose<T extends string>(): Promise<T> {
      menus++;
      return 'save' as T;
    },
    async confirm() {
      throw new Error('no confirmation is needed');
    },
    async text() {
      throw new Error('no free text is needed');
    },
    say() {},
  };
  return { prompter, asks, menus: () => menus };
}

describe('the interview of the shipped library', () => {
  it('has questions to ask', () => {
    expect(library.questions.size).toBeGreaterThanOrEqual(25);
    expect(library.findings.filter((f) => f.file === 'clauses/questions.yaml')).toEqual([]);
  });

  it('asks every question exactly once when every condition opens, then one menu, and nothing else', async () => {
    const { prompter, asks, menus } = countingPrompter(true);
    const answers = new Map<string, AnswerValue>();
    expect(await runInterview({ library, language: 'en', session: { answers, aside: new Map() }, prompter })).toBe('save');
    expect([...asks.keys()].sort()).toEqual([...allIds].sort());
    expect([...asks.values()].every((n) => n === 1)).toBe(true);
    expect(menus()).toBe(1);
    expect(missingRequired(library, answers)).toEqual([]);

    // The file it writes is one `build` reads without a single warning.
    const dir = testdir();
    const path = join(dir, 'answers.yaml');
    writeFileSync(path, answersFileText({ library, language: 'en', session: { answers, aside: new Map() }, date: '2027-03-01' }));
    const loaded = loadAnswers(library, path, 'answers.yaml');
    expect(loaded.warnings).toEqual([]);
    expect(Object.fromEntries(loaded.answers)).toEqual(Object.fromEntries([...answers].filter(([, v]) => v !== null)));
  });

  it('never prompts a skipped question: with the doors closed, only what is asked is prompted, once', async () => {
    const { prompter, asks, menus } = countingPrompter(false);
    const answers = new Map<string, AnswerValue>();
    await runInterview({ library, language: 'ca', session: { answers, aside: new Map() }, prompter });
    const skipped = allIds.filter((id) => !asks.has(id));
    expect(skipped.length).toBeGreaterThan(5);
    expect(skipped).toContain('dataKinds');
    expect(skipped).toContain('specialCategoryData');
    expect([...asks.values()].every((n) => n === 1)).toBe(true);
    expect([...answers.keys()].sort()).toEqual([...asks.keys()].sort());
    expect(menus()).toBe(1);
  });

  it('a resumed complete file asks nothing: straight to the review', async () => {
    const first = countingPrompter(true);
    const answers = new Map<string, AnswerValue>();
    await runInterview({ library, language: 'es', session: { answers, aside: new Map() }, prompter: first.prompter });
    const again = countingPrompter(true);
    await runInterview({ library, language: 'es', session: { answers, aside: new Map() }, prompter: again.prompter });
    expect(again.asks.size).toBe(0);
    expect(again.menus()).toBe(1);
  });
});
