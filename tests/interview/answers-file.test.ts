import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answersFileText } from '../../src/interview/answers-file.js';
import { readForResume } from '../../src/interview/resume.js';
import { loadAnswers } from '../../src/library/load-answers.js';
import { loadLibrary } from '../../src/library/load-library.js';
import type { AnswerValue } from '../../src/schema/common.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { testdir } from '../helpers/testdir.js';

const library = loadLibrary(join(REPO_ROOT, 'tests/fixtures/interview'));

function writeAndLoad(answers: Map<string, AnswerValue>, extra: { template?: string; language?: string } = {}) {
  const text = answersFileText({ library, language: extra.language ?? 'en', session: { answers, aside: new Map() }, date: '2027-03-01', ...(extra.template ? { template: extra.template } : {}) });
  const path = join(testdir(), 'answers.yaml');
  writeFileSync(path, text);
  return { text, path, loaded: loadAnswers(library, path, 'answers.yaml') };
}

describe('the answers file', () => {
  it('round-trips through the loader build uses, whatever the officer typed', async () => {
    const hostile: Map<string, AnswerValue> = new Map<string, AnswerValue>([
      ['authorityName', 'yes'],
      ['contractTitle', 'Title: with # hash, "quotes", \'apostrophes\' and {{ braces }}\nand a second line'],
      ['contractReference', '0412'],
      ['contractType', 'services'],
      ['durationMonths', 1.5],
      ['startDate', '2027-02-28'],
      ['generatesData', true],
      ['dataKinds', ['video']],
      ['cpvCodes', ['72000000-5']],
      ['hosting', 'authority'],
    ]);
    const { text, loaded } = writeAndLoad(hostile);
    expect(loaded.warnings).toEqual([]);
    expect(Object.fromEntries(loaded.answers)).toEqual(Object.fromEntries(hostile));
    // The header stays one comment line: nothing typed can end it early.
    expect(text.split('\n')[0]).toBe('# clausula answers: Title: with # hash, "quotes", \'apostrophes\' and {{ braces }} and a second line (0412)');
    expect(text).toContain('  authorityName: "yes"\n');
    expect(text).toContain('  contractReference: "0412"\n');
  });

  it('keeps the template of the file it resumed, and names the language', () => {
    const { text, loaded } = writeAndLoad(new Map([['authorityName', 'Ajuntament de Vic']]), { template: 'data-clauses', language: 'ca' });
    expect(text).toBe(`# clausula answers: untitled tender
# written by clausula interview on 2027-03-01

library: interview-fixture@1.2.0
language: ca
template: data-clauses
answers:
  # Les dades bàsiques
  authorityName: Ajuntament de Vic
`);
    expect(loaded.file).toEqual({ library: 'interview-fixture@1.2.0', language: 'ca', template: 'data-clauses', answers: { authorityName: 'Ajuntament de Vic' } });
  });

  it('writes only answers of questions that are asked, in question order', () => {
    const answers = new Map<string, AnswerValue>([
      ['breachHours', 24],
      ['generatesData', false],
      ['authorityName', 'Ajuntament de Vic'],
      ['dataKinds', ['personal']],
    ]);
    const { text } = writeAndLoad(answers);
    expect(text.slice(text.indexOf('\nanswers:'))).toBe('\nanswers:\n  # The basics\n  authorityName: Ajuntament de Vic\n  # The data\n  generatesData: false\n');
  });
});

describe('reading a file to resume', () => {
  it('keeps blanks as asked, asks again what does not fit, ignores what is not a question', () => {
    const path = join(
      testdir({
        'a.yaml': [
          'library: interview-fixture@1.0.0',
          'language: ca',
          'template: data-clauses',
          'answers:',
          '  authorityName: Ajuntament de Vic',
          '  contractReference:',
          '  contractType: building',
          '  durationMonths: "twelve"',
          '  generatesDta: true',
          '',
        ].join('\n'),
      }),
      'a.yaml',
    );
    const resumed = readForResume(library, path, 'a.yaml', 'en');
    expect(Object.fromEntries(resumed.session.answers)).toEqual({ authorityName: 'Ajuntament de Vic', contractReference: null });
    expect(resumed).toMatchObject({ language: 'ca', template: 'data-clauses', release: 'interview-fixture@1.0.0' });
    expect(resumed.rejected.map((f) => `${f.start.line}:${f.start.column} ${f.ruleId}`)).toEqual(['7:17 unknown-option', '8:19 answer-type']);
    expect(resumed.ignored.map((f) => `${f.start.line}:${f.start.column} ${f.ruleId} ${f.fix}`)).toEqual(['9:3 unknown-question volíeu dir generatesData?']);
    expect(Object.fromEntries(resumed.invalid)).toEqual({ contractType: 'building', durationMonths: 'twelve' });
  });

  it('writes back, at their place, the answers that do not validate until they are replaced', () => {
    const path = join(testdir({ 'a.yaml': 'answers:\n  durationMonths: "twelve"\n  authorityName: Ajuntament de Vic\n  contractType: building\n' }), 'a.yaml');
    const resumed = readForResume(library, path, 'a.yaml', 'en');
    const text = (invalid: ReadonlyMap<string, AnswerValue>) => answersFileText({ library, language: 'en', session: resumed.session, date: '2027-03-01', invalid });
    expect(text(resumed.invalid).slice(text(resumed.invalid).indexOf('\nanswers:'))).toBe(
      '\nanswers:\n  # The basics\n  authorityName: Ajuntament de Vic\n  contractType: building\n  durationMonths: twelve\n',
    );
    resumed.session.answers.set('contractType', 'works');
    resumed.invalid.delete('contractType');
    expect(text(resumed.invalid)).toContain('  contractType: works\n  durationMonths: twelve\n');
  });

  it('refuses, untouched, a file that is not an answers file', () => {
    const dir = testdir({ 'notes.yaml': 'shopping: [milk]\n', 'broken.yaml': 'answers: [\n' });
    expect(() => readForResume(library, join(dir, 'notes.yaml'), 'notes.yaml', 'en')).toThrow('notes.yaml is not an answers file, so the interview leaves it alone');
    expect(() => readForResume(library, join(dir, 'broken.yaml'), 'broken.yaml', 'en')).toThrow('cannot read the answers file broken.yaml');
  });
});
