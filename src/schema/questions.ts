import { Type, type Static } from '@sinclair/typebox';
import { AnswerValue, Localized, QuestionId, requiredUnless, Semver, Slug, StringEnum, strictObject } from './common.js';

export const questionTypes = ['boolean', 'select', 'multiselect', 'text', 'number', 'date', 'list'] as const;
export const QuestionType = StringEnum(questionTypes);
export type QuestionType = (typeof questionTypes)[number];

export const QuestionOption = strictObject({
  value: Type.String({ pattern: '^[a-z0-9][a-z0-9.-]*$', description: 'an option value in lower case, such as cloud-saas' }),
  label: Localized,
});
export type QuestionOption = Static<typeof QuestionOption>;

export const validationFormats = ['cpv'] as const;

export const Validation = strictObject({
  min: Type.Optional(Type.Number()),
  max: Type.Optional(Type.Number()),
  /** For number questions: only whole numbers (months, days, hours). */
  integer: Type.Optional(Type.Boolean()),
  /** A known kind of code, checked beyond a pattern: `cpv` (a CPV code of one of the vocabulary's divisions). */
  format: Type.Optional(StringEnum(validationFormats)),
  minLength: Type.Optional(Type.Integer({ minimum: 0 })),
  maxLength: Type.Optional(Type.Integer({ minimum: 1 })),
  pattern: Type.Optional(Type.String({ minLength: 1 })),
  message: Type.Optional(Localized),
});
export type Validation = Static<typeof Validation>;

/**
 * An answer that follows from earlier ones: while `if` holds for the answers given, the
 * interview suggests `answer`, and any other answer is a contradiction that the interview,
 * build and explain name with `conflict`.
 */
export const FollowsRule = strictObject(
  {
    if: Type.String({ minLength: 1, description: 'a condition over earlier answers, such as \'"personal" in dataKinds\'' }),
    answer: AnswerValue,
    conflict: Localized,
  },
  'an answer that follows from earlier answers: if, answer, conflict (what to tell the officer when they answer otherwise)',
);
export type FollowsRule = Static<typeof FollowsRule>;

const questionFields = {
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
  /** Answers that follow from earlier answers: suggested, and checked for contradictions. */
  follows: Type.Optional(Type.Array(FollowsRule, { minItems: 1 })),
  validation: Type.Optional(Validation),
};

/** A question as the interview asks it: written in full, or completed from the base. */
export const Question = strictObject(questionFields);
export type Question = Static<typeof Question>;

/**
 * In a library that extends a base: a question with a base question's id, saying which base
 * release it adapts (`overrides`), and only the fields it changes. Options are merged by
 * value: a new value adds an option, a base value relabels it.
 */
export type QuestionPatch = Partial<Omit<Question, 'id'>> & { id: string; overrides: string };
/** A question as a questions.yaml file holds it. */
export type QuestionInFile = (Question & { overrides?: undefined }) | QuestionPatch;

const QuestionInFileSchema = requiredUnless<Question & { overrides?: undefined }, QuestionPatch>(
  strictObject({ ...questionFields, overrides: Type.Optional(Semver) }, 'a question; with overrides: <base release>, only the fields that change a base question'),
  'overrides',
  ['id'],
);

const sectionFields = {
  id: Slug,
  title: Localized,
  intro: Type.Optional(Localized),
};

/** A section of the interview as every command sees it. */
export interface Section {
  id: string;
  title: Localized;
  intro?: Localized;
  questions: Question[];
}

/**
 * In a library that extends a base: a section with a base section's id, saying which base
 * release it adapts, with what it changes (title, intro) and the questions it adds or adapts.
 */
export type SectionPatch = { id: string; overrides: string; title?: Localized; intro?: Localized; questions?: QuestionInFile[] };
export type SectionInFile = { id: string; title: Localized; intro?: Localized; overrides?: undefined; questions: QuestionInFile[] } | SectionPatch;

const SectionInFileSchema = requiredUnless<SectionInFile, SectionPatch>(
  strictObject(
    { ...sectionFields, overrides: Type.Optional(Semver), questions: Type.Array(QuestionInFileSchema, { minItems: 1 }) },
    'a section of the interview; with overrides: <base release>, what changes in a base section',
  ),
  'overrides',
  ['id'],
);

/** `clauses/questions.yaml`: the interview, in sections. */
export const QuestionsFile = strictObject(
  {
    sections: Type.Array(SectionInFileSchema, { minItems: 1 }),
  },
  'The interview: clauses/questions.yaml',
);
export type QuestionsFile = { sections: SectionInFile[] };
