import { Type, type Static } from '@sinclair/typebox';
import { AnswerValue, ClauseId, QuestionId, Slug, strictObject } from './common.js';

/** `clauses/scenarios/<name>.yaml`: a tender's answers and the clauses it must get. */
export const Scenario = strictObject(
  {
    name: Type.String({ minLength: 1 }),
    description: Type.Optional(Type.String()),
    template: Type.Optional(Slug),
    includeDrafts: Type.Optional(Type.Boolean()),
    answers: Type.Record(QuestionId, AnswerValue, { additionalProperties: false, description: 'answers by question id (camelCase, as in questions.yaml)' }),
    expect: strictObject({
      include: Type.Optional(Type.Array(ClauseId, { uniqueItems: true })),
      exclude: Type.Optional(Type.Array(ClauseId, { uniqueItems: true })),
      /** When true, `include` is the whole selection: anything else selected is a failure. */
      exactly: Type.Optional(Type.Boolean()),
    }),
  },
  'A scenario test: clauses/scenarios/<name>.yaml',
);
export type Scenario = Static<typeof Scenario>;
