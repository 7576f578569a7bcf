import { Type, type Static } from '@sinclair/typebox';
import { Localized, Semver, Slug, StringEnum, strictObject } from './common.js';

export const annexKinds = ['answers', 'provenance', 'rationale'] as const;
export const AnnexKind = StringEnum(annexKinds);
export type AnnexKind = Static<typeof AnnexKind>;

export const TemplatePart = strictObject({
  heading: Localized,
  intro: Type.Optional(Localized),
  /** Categories (`ownership`) or clause ids (`ownership.generated-data`), in document order. */
  include: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
});
export type TemplatePart = Static<typeof TemplatePart>;

/** `templates/<name>.yaml`: one kind of document. */
export const Template = strictObject(
  {
    id: Slug,
    title: Localized,
    description: Type.Optional(Localized),
    parts: Type.Array(TemplatePart, { minItems: 1 }),
    annexes: Type.Optional(Type.Array(AnnexKind, { uniqueItems: true })),
    /** In a library that extends a base: this template replaces the base template with its id, adapted from this base release. */
    overrides: Type.Optional(Semver),
  },
  'A document template: templates/<name>.yaml',
);
export type Template = Static<typeof Template>;
