import { Type, type Static } from '@sinclair/typebox';
import { ClauseId, Semver, Slug, strictObject } from './common.js';

export const LockEntry = strictObject({
  version: Semver,
  hash: Type.String({ pattern: '^sha256:[0-9a-f]{64}$', description: 'sha256: and 64 hexadecimal digits' }),
});
export type LockEntry = Static<typeof LockEntry>;

/** `clauses/clauses.lock.yaml`: written by `clausula lock`. */
export const LockFile = strictObject(
  {
    library: Slug,
    version: Semver,
    clauses: Type.Record(ClauseId, LockEntry, { additionalProperties: false }),
  },
  'The clause lock: clauses/clauses.lock.yaml, written by clausula lock',
);
export type LockFile = Static<typeof LockFile>;
