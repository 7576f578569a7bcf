import { Type, type Static } from '@sinclair/typebox';
import { LanguageCode, Localized, requiredUnless, Semver, SemverRange, Slug, strictObject } from './common.js';

export const Category = strictObject({
  id: Slug,
  title: Localized,
  description: Type.Optional(Localized),
});
export type Category = Static<typeof Category>;

/** `extends:` in a city library: the shared base it adapts, and the base releases it accepts. */
export const Extends = strictObject(
  {
    library: Slug,
    version: SemverRange,
    /**
     * Where the base is: a folder (`../bcn-data-clauses`, relative to this library's folder) or
     * an npm package name resolved from this library's folder. Absent: the library clausula ships.
     */
    from: Type.Optional(Type.String({ pattern: '\\S', description: 'a folder such as ../bcn-data-clauses, or an npm package name' })),
  },
  'the base library this one extends: its id, the releases accepted (a range such as ^2.0.0), and where it is',
);
export type Extends = Static<typeof Extends>;

/** One base clause, question or template the city leaves out, and why. */
export const Exclusion = strictObject(
  {
    id: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9.-]*$', description: 'the id of a clause, question or template of the base' }),
    reason: Type.Optional(Type.String({ pattern: '\\S', description: 'why the city leaves it out, for the reviewers of the next release' })),
  },
  'a base clause, question or template left out, and why: { id: …, reason: … }',
);
export type Exclusion = Static<typeof Exclusion>;

const ManifestObject = strictObject(
  {
    id: Slug,
    title: Localized,
    version: Semver,
    languages: Type.Array(LanguageCode, { minItems: 1, uniqueItems: true }),
    defaultLanguage: Type.Optional(LanguageCode),
    jurisdiction: Type.Optional(Type.String({ minLength: 1 })),
    licence: Type.Optional(Type.String({ minLength: 1 })),
    publisher: Type.Optional(Localized),
    defaultTemplate: Type.Optional(Slug),
    categories: Type.Array(Category, { minItems: 1 }),
    extends: Type.Optional(Extends),
    exclude: Type.Optional(Type.Array(Exclusion)),
  },
  'The library manifest: clauses/library.yaml',
);

/** The manifest of a library written in full: languages and categories are its own. */
export type FullManifest = Static<typeof ManifestObject>;
/** The manifest of a library that extends a base: languages and categories may come from the base. */
export type LayerManifest = Omit<FullManifest, 'languages' | 'categories' | 'extends'> & {
  extends: Extends;
  languages?: FullManifest['languages'];
  categories?: FullManifest['categories'];
};

/** `clauses/library.yaml`: what the library is and which release this is. */
export const LibraryManifestFile = requiredUnless<FullManifest, LayerManifest>(ManifestObject, 'extends', ['id', 'title', 'version']);
export type LibraryManifestFile = FullManifest | LayerManifest;

/**
 * The manifest as every command sees it: a city library's languages and categories
 * completed from its base (src/library/layers/).
 */
export type LibraryManifest = FullManifest;
