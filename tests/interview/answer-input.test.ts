import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { choicesProblem, inputText, parseTyped } from '../../src/interview/answer-input.js';
import { interviewLanguage, localeLanguages } from '../../src/interview/language.js';
import { buildCommand, freeName, resumeCommand, saveDraft, suggestedName, today } from '../../src/interview/save.js';
import { interviewTexts } from '../../src/interview/texts.js';
import { loadLibrary } from '../../src/library/load-library.js';
import type { Question } from '../../src/schema/questions.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { testdir } from '../helpers/testdir.js';
import { readFileSync, readdirSync } from 'node:fs';

const library = loadLibrary(join(REPO_ROOT, 'tests/fixtures/interview'));
const q = (id: string): Question => library.questions.get(id)!.question;

describe('reading what the officer typed', () => {
  it('numbers: either decimal mark, spaces ignored; the library message when out of range', () => {
    expect(parseTyped(q('durationMonths'), ' 24 ', 'en')).toEqual({ ok: true, value: 24 });
    expect(parseTyped(q('durationMonths'), '1,5', 'ca')).toEqual({ ok: true, value: 1.5 });
    expect(parseTyped(q('durationMonths'), '2.5', 'ca')).toEqual({ ok: true, value: 2.5 });
    expect(parseTyped(q('durationMonths'), 'twelve', 'en')).toEqual({ ok: false, message: 'Write a number, for example 24.' });
    expect(parseTyped(q('durationMonths'), '200', 'ca')).toEqual({ ok: false, message: 'Indiqueu un nombre de mesos entre 1 i 120.' });
    expect(parseTyped(q('durationMonths'), '', 'es')).toEqual({ ok: false, message: 'Esta pregunta necesita una respuesta.' });
    // Without a library message, clausula's own, in the language.
    expect(parseTyped(q('breachHours'), '100', 'ca')).toEqual({ ok: false, message: 'Indiqueu un nombre entre 1 i 72.' });
  });

  it('dates: YYYY-MM-DD that exist on the calendar; optional ones may stay blank', () => {
    expect(parseTyped(q('startDate'), '2027-01-31', 'en')).toEqual({ ok: true, value: '2027-01-31' });
    expect(parseTyped(q('startDate'), '2027-02-30', 'en')).toEqual({ ok: false, message: 'Write the date as YYYY-MM-DD, for example 2027-01-31.' });
    expect(parseTyped(q('startDate'), '31/01/2027', 'es')).toEqual({ ok: false, message: 'Escriba la fecha como AAAA-MM-DD, por ejemplo 2027-01-31.' });
    expect(parseTyped(q('startDate'), '  ', 'en')).toEqual({ ok: true, value: null });
  });

  it('lists: comma-separated, each item checked', () => {
    expect(parseTyped(q('cpvCodes'), '72000000-5, 48000000-8,', 'en')).toEqual({ ok: true, value: ['72000000-5', '48000000-8'] });
    expect(parseTyped(q('cpvCodes'), '72000000-5, 4800', 'en')).toEqual({ ok: false, message: 'Write CPV codes like 72000000-5.' });
    expect(parseTyped(q('cpvCodes'), '', 'en')).toEqual({ ok: true, value: null });
  });

  it('text: trimmed; required ones need something; length checked', () => {
    expect(parseTyped(q('authorityName'), '  Ajuntament de Vic ', 'en')).toEqual({ ok: true, value: 'Ajuntament de Vic' });
    expect(parseTyped(q('authorityName'), 'V', 'ca')).toEqual({ ok: false, message: "Escriviu el nom de l'administració (almenys 2 caràcters)." });
    expect(parseTyped(q('contractTitle'), '', 'en')).toEqual({ ok: false, message: 'This question needs an answer.' });
    expect(parseTyped(q('contractReference'), '', 'en')).toEqual({ ok: true, value: null });
  });

  it('choices: the count checked with the library message', () => {
    expect(choicesProblem(q('dataKinds'), [], 'ca')).toBe('Trieu almenys un tipus de dades.');
    expect(choicesProblem(q('dataKinds'), ['video'], 'ca')).toBeUndefined();
  });

  it('offers earlier answers as editable text', () => {
    expect(inputText(q('cpvCodes'), ['72000000-5', '48000000-8'])).toBe('72000000-5, 48000000-8');
    expect(inputText(q('durationMonths'), 24)).toBe('24');
    expect(inputText(q('contractReference'), null)).toBeUndefined();
  });

  it('has every word of the interview in ca, es and en', () => {
    const keys = (o: object) => Object.keys(o).sort();
    expect(keys(interviewTexts('ca'))).toEqual(keys(interviewTexts('en')));
    expect(keys(interviewTexts('es'))).toEqual(keys(interviewTexts('en')));
    expect(interviewTexts('ca').saveAndQuit).toBe('Desar i sortir');
    expect(interviewTexts('es').reviewTitle).toBe('Revise sus respuestas');
    expect(interviewTexts('fr').buildNow).toBe('Build the document now');
  });
});

describe('the interview language', () => {
  const env = (LANG?: string, more: Record<string, string> = {}) => ({ LANG, ...more });
  it('--lang, else the file, else the locale, else the library default', () => {
    expect(interviewLanguage(library, { option: 'ca', file: 'en', env: env('en_GB.UTF-8') })).toBe('ca');
    expect(interviewLanguage(library, { option: undefined, file: 'ca', env: env('en_GB.UTF-8') })).toBe('ca');
    expect(interviewLanguage(library, { option: undefined, file: undefined, env: env('ca_ES.UTF-8') })).toBe('ca');
    expect(interviewLanguage(library, { option: undefined, file: undefined, env: env('es_ES.UTF-8') })).toBe('en');
    expect(interviewLanguage(library, { option: undefined, file: 'fr', env: env('C.UTF-8') })).toBe('en');
    expect(interviewLanguage(library, { option: undefined, file: undefined, env: env('en_US.UTF-8', { LC_ALL: 'ca_ES.UTF-8' }) })).toBe('ca');
    expect(() => interviewLanguage(library, { option: 'es', file: undefined, env: {} })).toThrow('the library has no es texts');
  });

  it('reads locale names as POSIX writes them', () => {
    expect(localeLanguages({ LANG: 'ca_ES.UTF-8' })).toEqual(['ca-ES', 'ca']);
    expect(localeLanguages({ LANG: 'ca_ES@valencia' })).toEqual(['ca-ES', 'ca']);
    expect(localeLanguages({ LANG: 'es' })).toEqual(['es']);
    expect(localeLanguages({ LANG: 'C' })).toEqual([]);
    expect(localeLanguages({ LANG: 'POSIX' })).toEqual([]);
    expect(localeLanguages({ LC_MESSAGES: 'en_GB', LANG: 'ca_ES' })).toEqual(['en-GB', 'en']);
  });
});

describe('saving', () => {
  it('dates: SOURCE_DATE_EPOCH when set', () => {
    expect(today({ SOURCE_DATE_EPOCH: '1800000000' })).toBe('2027-01-15');
    expect(today({}, new Date(2027, 0, 5, 23, 59))).toBe('2027-01-05');
  });

  it('drafts never replace a different file; the same draft is reused', async () => {
    const dir = testdir({ 'clausula-draft-2027-03-01.yaml': 'the officer’s notes\n' });
    const first = await saveDraft(dir, '2027-03-01', 'answers: {}\n');
    expect(first).toBe(join(dir, 'clausula-draft-2027-03-01-2.yaml'));
    expect(await saveDraft(dir, '2027-03-01', 'answers: {}\n')).toBe(first);
    expect(await saveDraft(dir, '2027-03-01', 'answers: { a: 1 }\n')).toBe(join(dir, 'clausula-draft-2027-03-01-3.yaml'));
    expect(readFileSync(join(dir, 'clausula-draft-2027-03-01.yaml'), 'utf8')).toBe('the officer’s notes\n');
    expect(readdirSync(dir).sort()).toEqual(['clausula-draft-2027-03-01-2.yaml', 'clausula-draft-2027-03-01-3.yaml', 'clausula-draft-2027-03-01.yaml']);
  });

  it('free names, suggested names and the resume command', () => {
    const dir = testdir({ 'tender.docx': 'x', 'tender-2.docx': 'x' });
    expect(freeName(join(dir, 'tender.docx'))).toBe(join(dir, 'tender-3.docx'));
    expect(freeName(join(dir, 'other.docx'))).toBe(join(dir, 'other.docx'));
    expect(suggestedName('EXP-2026/0412', 'Anything')).toBe('exp-2026-0412.yaml');
    expect(suggestedName(null, 'Concessió del servei d’aparcament')).toBe('concessio-del-servei-d-aparcament.yaml');
    expect(suggestedName(undefined, undefined)).toBe('tender.yaml');
    expect(resumeCommand('tender.yaml', undefined)).toBe('clausula interview tender.yaml');
    expect(resumeCommand("my tender's answers.yaml", '../my lib')).toBe(`clausula --library '../my lib' interview 'my tender'\\''s answers.yaml'`);
    expect(resumeCommand(undefined, undefined)).toBe('clausula interview');
    expect(buildCommand('a b.yaml', 'lib')).toBe("clausula --library lib build 'a b.yaml'");
  });
});
