import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invocation, shellQuote } from '../../src/cli/invocation.js';
import { choicesProblem, inputText, parseTyped, parseYesNo } from '../../src/interview/answer-input.js';
import { answersLanguage, localeLanguages } from '../../src/interview/language.js';
import { draftName, freeName, suggestedName, today } from '../../src/interview/save.js';
import { messages } from '../../src/text/messages/index.js';
import { loadLibrary } from '../../src/library/load-library.js';
import type { Question } from '../../src/schema/questions.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { testdir } from '../helpers/testdir.js';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';

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

  it("clausula's own messages when the library has none, in each language", () => {
    const base = { label: { en: 'x' }, prompt: { en: 'x?' } };
    const num = (validation: Question['validation']): Question => ({ ...base, id: 'n', type: 'number', validation });
    expect(parseTyped(num({ min: 1 }), '0', 'en')).toEqual({ ok: false, message: 'Give a number of at least 1.' });
    expect(parseTyped(num({ max: 9 }), '10', 'es')).toEqual({ ok: false, message: 'Indique un número igual o inferior a 9.' });
    expect(parseTyped(num({ min: 1, max: 9 }), '10', 'ca')).toEqual({ ok: false, message: 'Indiqueu un nombre entre 1 i 9.' });
    const text = (validation: Question['validation']): Question => ({ ...base, id: 't', type: 'text', validation });
    expect(parseTyped(text({ minLength: 3 }), 'ab', 'en')).toEqual({ ok: false, message: 'Write at least 3 characters.' });
    expect(parseTyped(text({ maxLength: 3 }), 'abcd', 'ca')).toEqual({ ok: false, message: 'Escriviu com a màxim 3 caràcters.' });
    expect(parseTyped(text({ pattern: '^[A-Z]+$' }), 'abc', 'es')).toEqual({ ok: false, message: '«abc» no tiene la forma esperada.' });
    const list = (validation: Question['validation']): Question => ({ ...base, id: 'l', type: 'list', validation });
    expect(parseTyped(list({ pattern: '^\\d+$' }), '1, x', 'en')).toEqual({ ok: false, message: '“x” does not have the expected form.' });
    expect(parseTyped(list({ min: 2 }), '1', 'en')).toEqual({ ok: false, message: 'Choose at least 2.' });
    expect(parseTyped(list({ max: 1 }), '1, 2', 'ca')).toEqual({ ok: false, message: 'Trieu només una opció.' });
    const multi: Question = { ...base, id: 'm', type: 'multiselect', options: ['a', 'b', 'c'].map((value) => ({ value, label: { en: value } })), validation: { max: 2 } };
    expect(choicesProblem(multi, ['a', 'b', 'c'], 'es')).toBe('Elija como máximo 2 opciones.');
    expect(choicesProblem({ ...multi, validation: { min: 1 } }, [], 'en')).toBe('Choose at least one.');
  });

  it('offers earlier answers as editable text', () => {
    expect(inputText(q('cpvCodes'), ['72000000-5', '48000000-8'])).toBe('72000000-5, 48000000-8');
    expect(inputText(q('durationMonths'), 24)).toBe('24');
    expect(inputText(q('contractReference'), null)).toBeUndefined();
  });

  it('has every word of the interview in ca, es and en', () => {
    expect(messages('ca').interview.saveAndQuit).toBe('Desar i sortir');
    expect(messages('es').interview.reviewTitle).toBe('Revise sus respuestas');
    expect(messages('fr').interview.buildNow).toBe('Build the documents now');
    // Every message of the catalogue is there in every language, and says something.
    for (const language of ['ca', 'es', 'en']) {
      for (const [area, texts] of Object.entries(messages(language))) {
        for (const [key, value] of Object.entries(texts)) {
          const text = typeof value === 'function' ? (value as (...a: unknown[]) => string)(2, 7, 'x.yaml') : typeof value === 'string' ? value : JSON.stringify(value);
          expect(text.length, `${language} ${area}.${key}`).toBeGreaterThan(0);
        }
      }
    }
    // A language clausula does not speak falls back to English; a regional one to its language.
    expect(messages('fr').interview.yes).toBe('Yes');
    expect(messages('ca-ES').interview.no).toBe('No');
    expect(messages('es-ES').interview.required).toBe('Esta pregunta necesita una respuesta.');
  });

  it('whole numbers where the question means them', () => {
    const months: Question = { ...q('durationMonths'), validation: { min: 1, max: 120, integer: true } };
    expect(parseTyped(months, '12,5', 'es')).toEqual({ ok: false, message: 'Escriba un número entero, sin decimales, por ejemplo 24.' });
    expect(parseTyped(months, '12', 'es')).toEqual({ ok: true, value: 12 });
  });

  it('yes and no as officers type them, in any language, any case, with or without the accent', () => {
    for (const yes of ['s', 'S', 'si', 'Si', 'sí', 'SÍ', 'y', 'yes', 'Yes', ' sí ']) expect(parseYesNo(yes), yes).toBe(true);
    for (const no of ['n', 'N', 'no', 'No', 'NO']) expect(parseYesNo(no), no).toBe(false);
    for (const neither of ['', 'x', 'sip', 'nope', 'oui', '1']) expect(parseYesNo(neither), neither).toBeUndefined();
  });
});

describe('the interview language', () => {
  const env = (LANG?: string, more: Record<string, string> = {}) => ({ LANG, ...more });
  const file = (language: string | undefined) => ({ language, display: 'tender.yaml' });
  it('--lang, else the file, else (interview) the locale, else the library default', () => {
    expect(answersLanguage(library, { option: 'ca', file: file('en'), env: env('en_GB.UTF-8'), useLocale: true })).toBe('ca');
    expect(answersLanguage(library, { option: undefined, file: file('ca'), env: env('en_GB.UTF-8'), useLocale: true })).toBe('ca');
    expect(answersLanguage(library, { option: undefined, file: undefined, env: env('ca_ES.UTF-8'), useLocale: true })).toBe('ca');
    expect(answersLanguage(library, { option: undefined, file: undefined, env: env('ca_ES.UTF-8'), useLocale: false })).toBe('en');
    expect(answersLanguage(library, { option: undefined, file: undefined, env: env('es_ES.UTF-8'), useLocale: true })).toBe('en');
    expect(answersLanguage(library, { option: undefined, file: undefined, env: env('en_US.UTF-8', { LC_ALL: 'ca_ES.UTF-8' }), useLocale: true })).toBe('ca');
    // Said in the language asked for, which the officer reads.
    expect(() => answersLanguage(library, { option: 'es', file: undefined, env: {}, useLocale: true })).toThrow('la biblioteca no tiene textos en es');
  });

  it('an answers file in a language the library lacks says so, instead of switching', () => {
    expect(() => answersLanguage(library, { option: undefined, file: file('fr'), env: env('C.UTF-8'), useLocale: true })).toThrow('tender.yaml is in fr, which this library has no texts for (it has en, ca)');
    expect(() => answersLanguage(library, { option: undefined, file: file('es'), env: env('C.UTF-8'), useLocale: false })).toThrow('tender.yaml está en es, y esta biblioteca no tiene textos en esa lengua (tiene en, ca)');
    // --lang overrides it: the officer chose.
    expect(answersLanguage(library, { option: 'en', file: file('fr'), env: {}, useLocale: false })).toBe('en');
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

  it('the draft is named by the day', () => {
    expect(draftName('2027-03-01')).toBe('clausula-draft-2027-03-01.yaml');
  });

  it('free names, suggested names and the resume command', () => {
    const dir = testdir({ 'tender.docx': 'x', 'tender-2.docx': 'x' });
    expect(freeName(join(dir, 'tender.docx'))).toBe(join(dir, 'tender-3.docx'));
    expect(freeName(join(dir, 'other.docx'))).toBe(join(dir, 'other.docx'));
    expect(suggestedName('EXP-2026/0412', 'Anything')).toBe('exp-2026-0412.yaml');
    expect(suggestedName(null, 'Concessió del servei d’aparcament')).toBe('concessio-del-servei-d-aparcament.yaml');
    expect(suggestedName(undefined, undefined)).toBe('tender.yaml');
    expect(shellQuote("my tender's answers.yaml")).toBe(`'my tender'\\''s answers.yaml'`);
    expect(shellQuote('tender.yaml')).toBe('tender.yaml');
  });

  it('printed commands start as the user can run them: clausula on PATH, npx clausula from npx or node_modules, else node and the path', () => {
    const dir = testdir();
    // A global install: PATH holds a `clausula` that is this very program.
    const program = join(dir, 'lib/node_modules/clausula/bin/clausula.js');
    mkdirSync(join(dir, 'lib/node_modules/clausula/bin'), { recursive: true });
    mkdirSync(join(dir, 'bin'));
    writeFileSync(program, '');
    chmodSync(program, 0o755);
    symlinkSync(program, join(dir, 'bin/clausula'));
    expect(invocation(program, { PATH: join(dir, 'bin') }, dir)).toBe('clausula');
    // The same program started by npx, or from a project's node_modules, without it on PATH.
    expect(invocation(program, { PATH: '/usr/bin' }, dir)).toBe('npx clausula');
    expect(invocation(join(dir, 'clone/bin/clausula.js'), { PATH: '/usr/bin', npm_command: 'exec' }, dir)).toBe('npx clausula');
    // A clone run with node: node and the path, as typed from here.
    expect(invocation(join(dir, 'clone/bin/clausula.js'), { PATH: '/usr/bin' }, dir)).toBe('node clone/bin/clausula.js');
    expect(invocation('/elsewhere/my tools/bin/clausula.js', { PATH: '' }, dir)).toBe(`node '/elsewhere/my tools/bin/clausula.js'`);
    expect(invocation(undefined, {}, dir)).toBe('clausula');
  });
});
