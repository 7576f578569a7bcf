import type { QuestionLookup } from '../../src/expr/check.js';
import type { Question } from '../../src/schema/questions.js';

const option = (value: string, en: string, es: string, ca: string) => ({ value, label: { en, es, ca } });

/** One question of every type, labelled in ca/es/en as the shipped library labels them. */
export const questionList: Question[] = [
  {
    id: 'processesPersonalData',
    type: 'boolean',
    label: { en: 'Personal data processed', es: 'Tratamiento de datos personales', ca: 'Tractament de dades personals' },
    prompt: { en: '?', es: '?', ca: '?' },
    fact: {
      en: 'the contractor processes personal data for the authority',
      es: 'el contratista trate datos personales por cuenta de la administración',
      ca: "el contractista tracti dades personals per compte de l'administració",
    },
  },
  {
    id: 'generatesData',
    type: 'boolean',
    label: { en: 'Data generated', es: 'Datos generados', ca: 'Dades generades' },
    prompt: { en: '?', es: '?', ca: '?' },
    fact: { en: 'the contractor generates data', es: 'el contratista genere datos', ca: 'el contractista generi dades' },
  },
  {
    // No fact: conditions fall back to "the answer to … is yes".
    id: 'iotDevices',
    type: 'boolean',
    label: { en: 'IoT devices', es: 'Dispositivos IoT', ca: 'Dispositius IoT' },
    prompt: { en: '?', es: '?', ca: '?' },
  },
  {
    id: 'contractType',
    type: 'select',
    label: { en: 'The contract type', es: 'El tipo de contrato', ca: 'El tipus de contracte' },
    prompt: { en: '?', es: '?', ca: '?' },
    options: [option('services', 'Services', 'Servicios', 'Serveis'), option('supplies', 'Supplies', 'Suministros', 'Subministraments'), option('works', 'Works', 'Obras', 'Obres')],
  },
  {
    id: 'ensCategory',
    type: 'select',
    label: { en: 'ENS category', es: 'Categoría ENS', ca: 'Categoria ENS' },
    prompt: { en: '?', es: '?', ca: '?' },
    options: [option('none', 'None', 'Ninguna', 'Cap'), option('basic', 'Basic', 'Básica', 'Bàsica'), option('medium', 'Medium', 'Media', 'Mitjana'), option('high', 'High', 'Alta', 'Alta')],
  },
  {
    id: 'dataKinds',
    type: 'multiselect',
    when: 'generatesData',
    label: { en: 'The kinds of data', es: 'Los tipos de datos', ca: 'Els tipus de dades' },
    prompt: { en: '?', es: '?', ca: '?' },
    options: [
      option('operational', 'Operational', 'Operativos', 'Operatives'),
      option('personal', 'Personal', 'Personales', 'Personals'),
      option('sensor', 'Sensor readings', 'Lecturas de sensores', 'Lectures de sensors'),
      option('health-social', 'Health and social', 'Salud y sociales', 'Salut i socials'),
    ],
  },
  {
    id: 'contractDurationMonths',
    type: 'number',
    label: { en: 'The duration in months', es: 'La duración en meses', ca: 'La durada en mesos' },
    prompt: { en: '?', es: '?', ca: '?' },
    validation: { min: 1, max: 120 },
  },
  {
    id: 'renewalMonths',
    type: 'number',
    required: false,
    label: { en: 'The renewal in months', es: 'La prórroga en meses', ca: 'La pròrroga en mesos' },
    prompt: { en: '?', es: '?', ca: '?' },
  },
  {
    id: 'startDate',
    type: 'date',
    label: { en: 'The start date', es: 'La fecha de inicio', ca: "La data d'inici" },
    prompt: { en: '?', es: '?', ca: '?' },
  },
  {
    id: 'endDate',
    type: 'date',
    label: { en: 'The end date', es: 'La fecha de fin', ca: 'La data de fi' },
    prompt: { en: '?', es: '?', ca: '?' },
  },
  {
    id: 'authorityName',
    type: 'text',
    label: { en: 'The authority', es: 'La administración', ca: "L'administració" },
    prompt: { en: '?', es: '?', ca: '?' },
  },
  {
    id: 'contractTitle',
    type: 'text',
    label: { en: 'The contract title', es: 'El título del contrato', ca: 'El títol del contracte' },
    prompt: { en: '?', es: '?', ca: '?' },
  },
  {
    id: 'cpvCodes',
    type: 'list',
    required: false,
    label: { en: 'The CPV codes', es: 'Los códigos CPV', ca: 'Els codis CPV' },
    prompt: { en: '?', es: '?', ca: '?' },
  },
];

export function lookupOf(questions: readonly Question[]): QuestionLookup {
  return new Map(questions.map((question) => [question.id, { question }]));
}

export const questions = lookupOf(questionList);
