import { Type, type Static } from '@sinclair/typebox';
import { AnswerValue, Localized, QuestionId, Slug, StringEnum, strictObject } from './common.js';

export const questionTypes = ['boolean', 'select', 'multiselect', 'text', 'number', 'date', 'list'] as const;
export const QuestionType = StringEnum(questionTypes);
export type QuestionType = (typeof questionTypes)[number];

export const QuestionOption = strictObject({
  value: Type.String({ pattern: '^[a-z0-9][a-z0-9.-]*$', description: 'an option value in lower case, such as cloud-saas' }),
  label: Localized,
});
export type QuestionOption = Static<typeof QuestionOption>;

export const Validation = strictObject({
  min: Type.Optional(Type.Number()),
  max: Type.Optional(Type.Number()),
  minLength: Type.Optional(Type.Integer({ minimum: 0 })),
  maxLength: Type.Optional(Type.Integer({ minimum: 1 })),
  pattern: Type.Optional(Type.String({ minLength: 1 })),
  message: Type.Optional(Localized),
});
export type Validation = Static<typeof Validation>;

export const Question = strictObject({
  id: QuestionId,
  type: QuestionType,
  /** Short name, used in the tender-profile annex and in conditions read aloud. */
  label: Localized,
  /** The question as the interview asks it. */
  prompt: Localized,
  help: Type.Optional(Localized),
  /** For boolean questions: the statement that holds when the answer is yes, in plain words. */
  fact: Type.Optional(Localized),
  options: Type.Optional(Type.Array(QuestionOption, { minItems: 1 })),
  default: Type.Optional(AnswerValue),
  required: Type.Optional(Type.Boolean()),
  when: Type.Optional(Type.String({ minLength: 1 })),
  validation: Type.Optional(Validation),
});
export type Question = Static<typeof Question>;

export const Section = strictObject({
  id: Slug,
  title: Localized,
  intro: Type.Optional(Localized),
  questions: Type.Array(Question, { minItems: 1 }),
});
export type Section = Static<typeof Section>;

/** `clauses/questions.yaml`: the interview, in sections. */
export const QuestionsFile = strictObject(
  {
    sections: Type.Array(Section, { minItems: 1 }),
  },
  'The interview: clauses/questions.yaml',
);
export type QuestionsFile = Static<typeof QuestionsFile>;
