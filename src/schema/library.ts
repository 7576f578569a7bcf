import { Type, type Static } from '@sinclair/typebox';
import { LanguageCode, Localized, Semver, Slug, strictObject } from './common.js';

export const Category = strictObject({
  id: Slug,
  title: Localized,
  description: Type.Optional(Localized),
});
export type Category = Static<typeof Category>;

/** `clauses/library.yaml`: what the library is and which release this is. */
export const LibraryManifest = strictObject(
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
  },
  'The library manifest: clauses/library.yaml',
);
export type LibraryManifest = Static<typeof LibraryManifest>;
