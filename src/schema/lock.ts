import { Type, type Static } from '@sinclair/typebox';
import { ClauseId, Semver, Slug, strictObject } from './common.js';

export const LockEntry = strictObject({
  version: Semver,
  hash: Type.String({ pattern: '^sha256:[0-9a-f]{64}$', description: 'sha256: and 64 hexadecimal digits' }),
});
export type LockEntry = Static<typeof LockEntry>;

const Hash = Type.String({ pattern: '^sha256:[0-9a-f]{64}$', description: 'sha256: and 64 hexadecimal digits' });

/** A base release the library was locked against: its id, version and each of its own clauses. */
export const LockBase = strictObject({
  library: Slug,
  version: Semver,
  /** A base found as an npm package (or shipped with clausula): the package it came from, so the release can be fetched again. */
  package: Type.Optional(
    Type.String({ pattern: '^(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*@[^\\s@]+$', description: 'the npm package and version the base came from, such as clausula@0.2.0' }),
  ),
  clauses: Type.Record(ClauseId, LockEntry, { additionalProperties: false }),
});
export type LockBase = Static<typeof LockBase>;

/** `clauses/clauses.lock.yaml`: written by `clausula lock`. */
export const LockFile = strictObject(
  {
    library: Slug,
    version: Semver,
    clauses: Type.Record(ClauseId, LockEntry, { additionalProperties: false }),
    /** A library that extends a base: every base release of the chain, nearest first. */
    bases: Type.Optional(Type.Array(LockBase, { minItems: 1 })),
    /** The content hash of each base question, section and template this library adapts, as it was when locked: `question.hosting`. */
    overrides: Type.Optional(
      Type.Record(Type.String({ pattern: '^(question|section|template)\\.[A-Za-z0-9][A-Za-z0-9-]*$' }), Hash, {
        additionalProperties: false,
        description: 'base items by kind and id, such as question.hosting, each with the hash of the base item as locked',
      }),
    ),
  },
  'The clause lock: clauses/clauses.lock.yaml, written by clausula lock',
);
export type LockFile = Static<typeof LockFile>;
