import { describe, expect, test } from 'vitest';
import { describeCondition, joinWords } from '../../src/expr/describe.js';
import { parseCondition } from '../../src/expr/parse.js';
import { questions } from './questions.js';

function words(text: string | undefined, language: string): string {
  if (text === undefined) return describeCondition(undefined, questions, language);
  const result = parseCondition(text);
  if (!result.ok) throw new Error(`${text}: ${result.error.message}`);
  return describeCondition(result.expr, questions, language);
}

describe('conditions in plain words, from the questions’ facts, labels and option labels', () => {
  test.each<[string | undefined, { en: string; es: string; ca: string }]>([
    [undefined, { en: 'Always applies.', es: 'Se aplica siempre.', ca: "S'aplica sempre." }],
    [
      'processesPersonalData',
      {
        en: 'Applies when the contractor processes personal data for the authority.',
        es: 'Se aplica cuando el contratista trate datos personales por cuenta de la administración.',
        ca: "S'aplica quan el contractista tracti dades personals per compte de l'administració.",
      },
    ],
    [
      // The issue's own example.
      'processesPersonalData and ensCategory in ["medium", "high"]',
      {
        en: 'Applies when the contractor processes personal data for the authority and ENS category is “Medium” or “High”.',
        es: 'Se aplica cuando el contratista trate datos personales por cuenta de la administración y categoría ENS sea «Media» o «Alta».',
        ca: "S'aplica quan el contractista tracti dades personals per compte de l'administració i categoria ENS sigui «Mitjana» o «Alta».",
      },
    ],
    [
      // No fact: the label, which keeps an acronym's capitals.
      'iotDevices',
      {
        en: 'Applies when the answer to “IoT devices” is yes.',
        es: 'Se aplica cuando la respuesta a «dispositivos IoT» sea sí.',
        ca: "S'aplica quan la resposta a «dispositius IoT» sigui sí.",
      },
    ],
    [
      'not processesPersonalData',
      {
        en: 'Applies when it is not the case that the contractor processes personal data for the authority.',
        es: 'Se aplica cuando no es cierto que el contratista trate datos personales por cuenta de la administración.',
        ca: "S'aplica quan no és cert que el contractista tracti dades personals per compte de l'administració.",
      },
    ],
    ['contractType == "works"', { en: 'Applies when the contract type is “Works”.', es: 'Se aplica cuando el tipo de contrato sea «Obras».', ca: "S'aplica quan el tipus de contracte sigui «Obres»." }],
    ['"works" != contractType', { en: 'Applies when the contract type is not “Works”.', es: 'Se aplica cuando el tipo de contrato no sea «Obras».', ca: "S'aplica quan el tipus de contracte no sigui «Obres»." }],
    ['not (contractType == "works")', { en: 'Applies when the contract type is not “Works”.', es: 'Se aplica cuando el tipo de contrato no sea «Obras».', ca: "S'aplica quan el tipus de contracte no sigui «Obres»." }],
    ['not (contractType != "works")', { en: 'Applies when the contract type is “Works”.', es: 'Se aplica cuando el tipo de contrato sea «Obras».', ca: "S'aplica quan el tipus de contracte sigui «Obres»." }],
    [
      'contractType in ["services", "supplies"]',
      {
        en: 'Applies when the contract type is “Services” or “Supplies”.',
        es: 'Se aplica cuando el tipo de contrato sea «Servicios» o «Suministros».',
        ca: "S'aplica quan el tipus de contracte sigui «Serveis» o «Subministraments».",
      },
    ],
    [
      '"health-social" in dataKinds',
      {
        en: 'Applies when the kinds of data include “Health and social”.',
        es: 'Se aplica cuando entre los tipos de datos figure «Salud y sociales».',
        ca: "S'aplica quan entre els tipus de dades hi hagi «Salut i socials».",
      },
    ],
    [
      'not ("sensor" in dataKinds)',
      {
        en: 'Applies when it is not the case that the kinds of data include “Sensor readings”.',
        es: 'Se aplica cuando no es cierto que entre los tipos de datos figure «Lecturas de sensores».',
        ca: "S'aplica quan no és cert que entre els tipus de dades hi hagi «Lectures de sensors».",
      },
    ],
    ['contractDurationMonths >= 24', { en: 'Applies when the duration in months is at least 24.', es: 'Se aplica cuando la duración en meses sea como mínimo 24.', ca: "S'aplica quan la durada en mesos sigui com a mínim 24." }],
    ['contractDurationMonths <= 24', { en: 'Applies when the duration in months is at most 24.', es: 'Se aplica cuando la duración en meses sea como máximo 24.', ca: "S'aplica quan la durada en mesos sigui com a màxim 24." }],
    // The question goes first: `24 < x` reads as `x > 24`.
    ['24 < contractDurationMonths', { en: 'Applies when the duration in months is more than 24.', es: 'Se aplica cuando la duración en meses sea superior a 24.', ca: "S'aplica quan la durada en mesos sigui superior a 24." }],
    // Numbers with the language's separators.
    [
      'contractDurationMonths < 1234.5',
      { en: 'Applies when the duration in months is less than 1,234.5.', es: 'Se aplica cuando la duración en meses sea inferior a 1.234,5.', ca: "S'aplica quan la durada en mesos sigui inferior a 1.234,5." },
    ],
    [
      'generatesData == false',
      { en: 'Applies when the answer to “data generated” is no.', es: 'Se aplica cuando la respuesta a «datos generados» sea no.', ca: "S'aplica quan la resposta a «dades generades» sigui no." },
    ],
    ['generatesData == true', { en: 'Applies when the contractor generates data.', es: 'Se aplica cuando el contratista genere datos.', ca: "S'aplica quan el contractista generi dades." }],
    [
      'generatesData and iotDevices and processesPersonalData',
      {
        en: 'Applies when the contractor generates data, the answer to “IoT devices” is yes and the contractor processes personal data for the authority.',
        es: 'Se aplica cuando el contratista genere datos, la respuesta a «dispositivos IoT» sea sí y el contratista trate datos personales por cuenta de la administración.',
        ca: "S'aplica quan el contractista generi dades, la resposta a «dispositius IoT» sigui sí i el contractista tracti dades personals per compte de l'administració.",
      },
    ],
    [
      // Mixed and/or keep their grouping in brackets.
      '(generatesData or iotDevices) and processesPersonalData',
      {
        en: 'Applies when (the contractor generates data or the answer to “IoT devices” is yes) and the contractor processes personal data for the authority.',
        es: 'Se aplica cuando (el contratista genere datos o la respuesta a «dispositivos IoT» sea sí) y el contratista trate datos personales por cuenta de la administración.',
        ca: "S'aplica quan (el contractista generi dades o la resposta a «dispositius IoT» sigui sí) i el contractista tracti dades personals per compte de l'administració.",
      },
    ],
    [
      'not (generatesData or iotDevices)',
      {
        en: 'Applies when it is not the case that (the contractor generates data or the answer to “IoT devices” is yes).',
        es: 'Se aplica cuando no es cierto que (el contratista genere datos o la respuesta a «dispositivos IoT» sea sí).',
        ca: "S'aplica quan no és cert que (el contractista generi dades o la resposta a «dispositius IoT» sigui sí).",
      },
    ],
    [
      'startDate < endDate',
      { en: 'Applies when the start date is less than the end date.', es: 'Se aplica cuando la fecha de inicio sea inferior a la fecha de fin.', ca: "S'aplica quan la data d'inici sigui inferior a la data de fi." },
    ],
    [
      // A text answer tested against a list answer: both are values, not yes/no facts.
      'contractTitle in cpvCodes',
      { en: 'Applies when the CPV codes include the contract title.', es: 'Se aplica cuando entre los códigos CPV figure el título del contrato.', ca: "S'aplica quan entre els codis CPV hi hagi el títol del contracte." },
    ],
    ['"72000000-5" in cpvCodes', { en: 'Applies when the CPV codes include “72000000-5”.', es: 'Se aplica cuando entre los códigos CPV figure «72000000-5».', ca: "S'aplica quan entre els codis CPV hi hagi «72000000-5»." }],
    // A name that is not a question is shown as written (lint reports it).
    ['unknownQ == "x"', { en: 'Applies when unknownQ is “x”.', es: 'Se aplica cuando unknownQ sea «x».', ca: "S'aplica quan unknownQ sigui «x»." }],
  ])('%s', (text, expected) => {
    expect({ en: words(text, 'en'), es: words(text, 'es'), ca: words(text, 'ca') }).toEqual(expected);
  });

  test('a language without phrases falls back to English, and so do texts missing in it', () => {
    expect(words('contractType == "works"', 'fr')).toBe('Applies when the contract type is “Works”.');
  });
});

describe('joinWords', () => {
  test.each<[string[], string, string, string]>([
    [[], 'and', 'en', ''],
    [['a'], 'and', 'en', 'a'],
    [['a', 'b'], 'and', 'en', 'a and b'],
    [['a', 'b', 'c'], 'i', 'ca', 'a, b i c'],
    // Spanish writes "e" for "y" before an /i/ sound, "u" for "o" before an /o/ sound.
    [['agua', 'industria'], 'y', 'es', 'agua e industria'],
    [['agua', 'historia'], 'y', 'es', 'agua e historia'],
    [['agua', 'hielo'], 'y', 'es', 'agua y hielo'],
    [['siete', 'ocho'], 'o', 'es', 'siete u ocho'],
    [['mujer', 'hombre'], 'o', 'es', 'mujer u hombre'],
    [['Serveis', 'Obres'], 'o', 'ca', 'Serveis o Obres'],
  ])('%j %s %s', (items, word, language, expected) => {
    expect(joinWords(items, word, language)).toBe(expected);
  });
});
