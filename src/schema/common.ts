import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { NOT_BLANK, SEMVER } from './descriptions.js';

/** A language code: `ca`, `es`, `en`, or a regional variant such as `pt-BR`. */
export const LanguageCode = Type.String({
  pattern: '^[a-z]{2,3}(-[A-Z]{2})?$',
  description: 'a language code such as ca, es or en',
});

/** Text written once per library language. Lint checks that every language is present. */
// `pattern: \S` rather than minLength: it also refuses blank texts, and finds its answer at the first
// character instead of counting every character of a long clause text.
export function localizedText(description: string) {
  return Type.Record(LanguageCode, Type.String({ pattern: '\\S', description: NOT_BLANK }), { description, additionalProperties: false });
}
export const Localized = localizedText('one text per language, for example { ca: …, es: …, en: … }');
export type Localized = Static<typeof Localized>;

export const Semver = Type.String({
  pattern:
    '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$',
  description: SEMVER,
});

export const ClauseId = Type.String({
  pattern: '^[a-z][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)+$',
  description: 'a clause id: its category, a dot and a name in lower-case words joined by hyphens, such as ownership.generated-data',
});

export const QuestionId = Type.String({
  pattern: '^[a-z][A-Za-z0-9]*$',
  description: 'a question id in camelCase, such as processesPersonalData',
});

export const Slug = Type.String({
  pattern: '^[a-z0-9][a-z0-9-]*$',
  description: 'lower-case words joined by hyphens, such as personal-data',
});

export const IsoDate = Type.String({
  pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$',
  description: 'a date written YYYY-MM-DD',
});

export const HttpUrl = Type.String({
  pattern: '^https?://[^\\s]+$',
  description: 'a web address starting with http:// or https://',
});

/** An answer: what an officer typed or chose. */
export const AnswerValue = Type.Union(
  [Type.String(), Type.Number(), Type.Boolean(), Type.Array(Type.String()), Type.Null()],
  { description: 'text, a number, true/false or a list of texts' },
);
export type AnswerValue = Static<typeof AnswerValue>;

/** A string that is one of a fixed set; gives a plain `enum` in the JSON Schema. */
export function StringEnum<const T extends readonly string[]>(values: T, description?: string) {
  return Type.Unsafe<T[number]>({
    type: 'string',
    enum: [...values],
    description: description ?? `one of ${values.join(', ')}`,
  });
}

export function strictObject<T extends Parameters<typeof Type.Object>[0]>(properties: T, description?: string) {
  return Type.Object(properties, { additionalProperties: false, ...(description ? { description } : {}) });
}

export type { TSchema };

/** A range of releases, as npm writes them: `^2.0.0`, `~2.1.0`, `>=2.0.0 <3.0.0`, `2.1.0`. Lint checks it parses. */
export const SemverRange = Type.String({
  pattern: '\\S',
  description: 'a range of versions such as ^2.0.0',
});

/**
 * An object schema whose `required` fields are only required when `trigger` is absent: an
 * item that says `overrides:` adapts an item of the base library and gives only what it
 * changes; any other item is written in full. The TypeScript type is `Full | Patch`.
 */
export function requiredUnless<Full, Patch>(object: TSchema & { required?: string[] }, trigger: string, always: readonly string[]) {
  const { required = [], ...rest } = object as unknown as { required?: string[] } & Record<string, unknown>;
  // Each branch names the properties it requires, as ajv's strict mode wants.
  const named = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, true]));
  const others = required.filter((k) => !always.includes(k));
  return Type.Unsafe<Full | Patch>({
    ...rest,
    required: [...always],
    if: { properties: named([trigger]), required: [trigger] },
    then: {},
    else: { properties: named(others), required: others },
  });
}
