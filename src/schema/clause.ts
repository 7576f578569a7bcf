import { Type, type Static } from '@sinclair/typebox';
import { ClauseId, StringEnum, HttpUrl, IsoDate, LanguageCode, Localized, localizedText, Semver, Slug, strictObject } from './common.js';
import { NOT_BLANK } from './descriptions.js';

export const clauseStatuses = ['draft', 'approved', 'deprecated'] as const;
export const ClauseStatus = StringEnum(clauseStatuses);
export type ClauseStatus = Static<typeof ClauseStatus>;

const LEGAL_REF = 'the law and article in each language, for example { ca: "Llei 9/2017 (LCSP), art. 122.2", es: "Ley 9/2017 (LCSP), art. 122.2", en: "Law 9/2017 (LCSP), Article 122.2" }';

export const LegalBasis = strictObject({
  /**
   * One text per library language, so a footnote of a Spanish document cites the law in
   * Spanish. A single string is the older form, still read (libraries and documents made
   * before it must keep their hashes); lint asks for one text per language.
   */
  ref: Type.Union([localizedText(LEGAL_REF), Type.String({ minLength: 1 })], { description: LEGAL_REF }),
  url: Type.Optional(HttpUrl),
});
export type LegalBasis = Static<typeof LegalBasis>;

export const ChangelogEntry = strictObject({
  version: Semver,
  date: IsoDate,
  note: Type.String({ minLength: 1 }),
});
export type ChangelogEntry = Static<typeof ChangelogEntry>;

const TERM = Type.String({ pattern: '\\S', description: NOT_BLANK });

/**
 * A passage of a clause text: a paragraph, some list items or a definition, printed only
 * where it applies. Passages in a row make one text; list items of consecutive passages
 * make one list.
 */
export const Passage = strictObject(
  {
    /** Printed only when this holds (besides the clause's own condition). */
    when: Type.Optional(Type.String({ minLength: 1 })),
    /** A definition: printed only in documents whose other text uses the term (or one of its forms). */
    defines: Type.Optional(
      Type.Record(LanguageCode, Type.Union([TERM, Type.Array(TERM, { minItems: 1 })]), {
        additionalProperties: false,
        description: 'the term the passage defines, in each language, as the other clauses write it (or a list of its forms), for example { ca: Dades Personals, es: Datos Personales, en: Personal Data }',
      }),
    ),
    text: Localized,
  },
  'a passage of the clause text: { text: { ca: …, es: …, en: … } }, with when: (printed only when the condition holds) or defines: (a definition, printed only where the term is used)',
);
export type Passage = Static<typeof Passage>;

/**
 * A clause's text: one text per language, or a list of passages that each may apply only
 * under a condition. `if`/`else` rather than `anyOf`, so a mistake inside a passage is
 * reported where it is, not as "text must be one of two shapes".
 */
export const ClauseText = Type.Unsafe<Localized | Passage[]>({
  description: 'the clause text: one text per language ({ ca: …, es: …, en: … }), or a list of passages',
  if: { type: 'array' },
  then: Type.Array(Passage, { minItems: 1 }),
  else: Localized,
});
export type ClauseText = Static<typeof ClauseText>;

/** `clauses/<category>/<id>.yaml`: one clause. */
export const Clause = strictObject(
  {
    id: ClauseId,
    version: Semver,
    /** In a library that extends a base: this clause replaces the base clause with its id, adapted from this version of it. */
    overrides: Type.Optional(Semver),
    status: ClauseStatus,
    category: Slug,
    /** Position within its category in documents; lower comes first (default 100). */
    order: Type.Optional(Type.Integer({ minimum: 0 })),
    title: Localized,
    when: Type.Optional(Type.String({ minLength: 1 })),
    requires: Type.Optional(Type.Array(ClauseId, { uniqueItems: true })),
    excludes: Type.Optional(Type.Array(ClauseId, { uniqueItems: true })),
    supersededBy: Type.Optional(ClauseId),
    text: ClauseText,
    guidance: Localized,
    legalBasis: Type.Optional(Type.Array(LegalBasis)),
    changelog: Type.Array(ChangelogEntry, { minItems: 1 }),
  },
  'A clause: clauses/<category>/<id>.yaml',
);
export type Clause = Static<typeof Clause>;
