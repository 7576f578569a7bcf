import { Type, type Static } from '@sinclair/typebox';
import { ClauseId, StringEnum, HttpUrl, IsoDate, Localized, localizedText, Semver, Slug, strictObject } from './common.js';

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

/** `clauses/<category>/<id>.yaml`: one clause. */
export const Clause = strictObject(
  {
    id: ClauseId,
    version: Semver,
    status: ClauseStatus,
    category: Slug,
    /** Position within its category in documents; lower comes first (default 100). */
    order: Type.Optional(Type.Integer({ minimum: 0 })),
    title: Localized,
    when: Type.Optional(Type.String({ minLength: 1 })),
    requires: Type.Optional(Type.Array(ClauseId, { uniqueItems: true })),
    excludes: Type.Optional(Type.Array(ClauseId, { uniqueItems: true })),
    supersededBy: Type.Optional(ClauseId),
    text: Localized,
    guidance: Localized,
    legalBasis: Type.Optional(Type.Array(LegalBasis)),
    changelog: Type.Array(ChangelogEntry, { minItems: 1 }),
  },
  'A clause: clauses/<category>/<id>.yaml',
);
export type Clause = Static<typeof Clause>;
