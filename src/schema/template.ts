import { Type, type Static } from '@sinclair/typebox';
import { Localized, Semver, Slug, StringEnum, strictObject } from './common.js';

export const annexKinds = ['answers', 'provenance', 'rationale'] as const;
export const AnnexKind = StringEnum(annexKinds);
export type AnnexKind = Static<typeof AnnexKind>;

/** The document of the tender a template's document is an annex to: the administrative clauses (PCAP) or the technical specifications (PPT). */
export const hostDocuments = ['pcap', 'ppt'] as const;
export const HostDocument = StringEnum(hostDocuments);
export type HostDocument = Static<typeof HostDocument>;

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
    /**
     * The document in plain words, as an officer calls it: "administrative clauses",
     * "technical specifications". Messages name the document by it, and the file `build`
     * writes is named after it (tender-administrative-clauses.docx).
     */
    name: Type.Optional(Localized),
    description: Type.Optional(Localized),
    /** The document this one is an annex to: its cover reads "Annex No. __ to the PCAP", and references to clauses in the other document name it. */
    annexTo: Type.Optional(HostDocument),
    parts: Type.Array(TemplatePart, { minItems: 1 }),
    annexes: Type.Optional(Type.Array(AnnexKind, { uniqueItems: true })),
    /** In a library that extends a base: this template replaces the base template with its id, adapted from this base release. */
    overrides: Type.Optional(Semver),
  },
  'A document template: templates/<name>.yaml',
);
export type Template = Static<typeof Template>;
