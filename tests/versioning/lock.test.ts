import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/library/load-library.js';
import { buildLock, compareWithLock, formatLockFile, lockOf } from '../../src/versioning/lock.js';
import { starterLibrary } from '../../src/init/starter.js';
import { clauseHash } from '../../src/text/hash.js';
import type { Clause } from '../../src/schema/clause.js';
import { testdir } from '../helpers/testdir.js';

const clause = (id: string, version: string, text: string): Clause => ({
  id,
  version,
  status: 'approved',
  category: id.split('.')[0]!,
  title: { en: 'A title' },
  text: { en: text },
  guidance: { en: 'Guidance.' },
  changelog: [{ version, date: '2026-01-01', note: 'First version.' }],
});

describe('the lock', () => {
  it('records each clause by id, sorted, with its version and content hash', () => {
    const b = clause('ownership.b', '1.2.0', 'B.');
    const a = clause('access.a', '1.0.0', 'A.');
    const lock = buildLock('lib', '2.0.0', [b, a]);
    expect(lock).toEqual({
      library: 'lib',
      version: '2.0.0',
      clauses: { 'access.a': { version: '1.0.0', hash: clauseHash(a) }, 'ownership.b': { version: '1.2.0', hash: clauseHash(b) } },
    });
    expect(Object.keys(lock.clauses)).toEqual(['access.a', 'ownership.b']);
  });

  it('keeps the first of two clauses with the same id, as the library index does', () => {
    const first = clause('access.a', '1.0.0', 'First.');
    const lock = buildLock('lib', '1.0.0', [first, clause('access.a', '9.0.0', 'Second.')]);
    expect(lock.clauses['access.a']).toEqual({ version: '1.0.0', hash: clauseHash(first) });
  });

  it('is written one clause a line, byte-stable', () => {
    const a = clause('access.a', '1.0.0', 'A.');
    expect(formatLockFile(buildLock('lib', '1.0.0', [a]))).toBe(
      [
        '# yaml-language-server: $schema=../schemas/lock.schema.json',
        '# Written by `clausula lock`: do not edit. For each clause, its version and the sha256',
        '# of its normative content (title, text, condition, requires, excludes and legal',
        '# bases, in every language). `clausula lint` compares the library with it.',
        'library: lib',
        'version: 1.0.0',
        'clauses:',
        `  access.a: { version: 1.0.0, hash: "${clauseHash(a)}" }`,
        '',
      ].join('\n'),
    );
    expect(formatLockFile(buildLock('lib', '1.0.0', []))).toMatch(/\nclauses: \{\}\n$/);
  });

  it('reads back through the loader and its schema as the same lock', () => {
    const dir = testdir(starterLibrary('city', ['en', 'es'], '2026-01-15'));
    const library = loadLibrary(dir);
    expect(library.findings).toEqual([]);
    expect(library.lock?.value).toEqual(lockOf(library));
    expect(readFileSync(join(dir, 'clauses/clauses.lock.yaml'), 'utf8')).toBe(formatLockFile(lockOf(library)!));
  });

  it('says what differs from a recorded lock', () => {
    const a = clause('access.a', '1.0.0', 'A.');
    const b = clause('access.b', '1.0.0', 'B.');
    const c = clause('access.c', '1.0.0', 'C.');
    const locked = buildLock('lib', '1.0.0', [a, b, c]);
    const now = buildLock('lib', '1.1.0', [clause('access.a', '1.0.0', 'A, changed.'), clause('access.b', '1.0.1', 'B.'), clause('access.d', '1.0.0', 'D.')]);
    expect(compareWithLock(now, locked)).toEqual({
      added: ['access.d'],
      removed: ['access.c'],
      contentChanged: ['access.a'],
      versionChanged: ['access.b'],
      clausesChanged: ['access.a', 'access.b', 'access.c', 'access.d'],
      libraryIdChanged: false,
      libraryVersionChanged: true,
      bases: [],
      overridesChanged: false,
      stale: true,
    });
    expect(compareWithLock(locked, locked).stale).toBe(false);
  });

  it('ignores guidance, changelog, status and order: they are not normative content', () => {
    const a = clause('access.a', '1.0.0', 'A.');
    const edited: Clause = { ...a, guidance: { en: 'Other guidance.' }, status: 'draft', order: 5, changelog: [...a.changelog, { version: '1.0.0', date: '2026-02-01', note: 'x' }] };
    expect(buildLock('lib', '1.0.0', [edited])).toEqual(buildLock('lib', '1.0.0', [a]));
  });
});
