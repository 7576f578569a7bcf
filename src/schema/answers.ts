import { Type, type Static } from '@sinclair/typebox';
import { AnswerValue, LanguageCode, QuestionId, strictObject } from './common.js';

/** An answers file, written by `interview` and read by `build`, `explain` and scenarios. */
export const AnswersFile = strictObject(
  {
    library: Type.Optional(
      Type.String({
        pattern: '^[a-z0-9][a-z0-9-]*@[0-9A-Za-z.+-]+$',
        description: 'the library id and release, such as bcn-data-clauses@1.0.0',
      }),
    ),
    language: Type.Optional(LanguageCode),
    template: Type.Optional(Type.String({ minLength: 1 })),
    answers: Type.Record(QuestionId, AnswerValue, { additionalProperties: false, description: 'answers by question id (camelCase, as in questions.yaml)' }),
    setAside: Type.Optional(
      Type.Record(QuestionId, AnswerValue, {
        additionalProperties: false,
        description: 'answers the interview set aside because a later answer made their questions unasked; they come back if the questions are asked again; build ignores them',
      }),
    ),
  },
  'A tender profile: the answers to the interview',
);
export type AnswersFile = Static<typeof AnswersFile>;
