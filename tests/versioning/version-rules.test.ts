import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/lint/context.js';
import { checkVersions } from '../../src/lint/rules/versions.js';
import { loadLibrary } from '../../src/library/load-library.js';
import { starterLibrary } from '../../src/init/starter.js';
import { testdir } from '../helpers/testdir.js';

const CLAUSE = 'clauses/ownership/generated-data.yaml';
const OTHER = 'clauses/personal-data/processor.yaml';
const LIBRARY = 'clauses/library.yaml';
const LOCK = 'clauses/clauses.lock.yaml';

/** A starter library (en), locked at 0.1.0 with both clauses at 1.0.0. */
function library(): string {
  return testdir(starterLibrary('city', ['en'], '2026-01-15'));
}

function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`${from} not found in ${file}`);
  writeFileSync(path, next);
}

/** The version rule's findings only: rule, file, line:column, message. */
function versionFindings(dir: string): string[] {
  const ctx = createContext(loadLibrary(dir));
  checkVersions(ctx);
  return ctx.findings.map((f) => `${f.ruleId} ${f.file}:${f.start.line}:${f.start.column} ${f.message}`);
}

const changeText = (dir: string) => edit(dir, CLAUSE, 'belong to', 'belong exclusively to');
const bumpClause = (dir: string, version = '1.1.0') => edit(dir, CLAUSE, /^version: 1\.0\.0$/m, `version: ${version}`);
const bumpLibrary = (dir: string, version = '0.2.0') => edit(dir, LIBRARY, /^version: 0\.1\.0$/m, `version: ${version}`);

describe('version rules against the lock', () => {
  it('find nothing in a library that matches its lock', () => {
    expect(versionFindings(library())).toEqual([]);
  });

  it('version-not-bumped at the clause version, and library-version-not-bumped, when the text changed without a bump; no lock-stale yet', () => {
    const dir = library();
    changeText(dir);
    expect(versionFindings(dir)).toEqual([
      `version-not-bumped ${CLAUSE}:3:10 the clause's normative content (title, text, condition, requires, excludes or legal bases) changed since ${LOCK} recorded version 1.0.0, but its version is still 1.0.0`,
      `library-version-not-bumped ${LIBRARY}:5:10 1 clause changed (ownership.generated-data) since ${LOCK} recorded release 0.1.0, but the library version is still 0.1.0`,
    ]);
  });

  it('say how to fix it: the versions to choose, the changelog, clausula lock', () => {
    const dir = library();
    changeText(dir);
    const ctx = createContext(loadLibrary(dir));
    checkVersions(ctx);
    expect(ctx.findings.map((f) => f.fix)).toEqual([
      'give it a new version, 1.0.1 for a correction, 1.1.0 for a new duty or a wider condition, 2.0.0 for a removed duty or a narrower condition (see docs/versioning.md); add a changelog entry for it; then run `clausula lock`',
      'give the library a new version in clauses/library.yaml, such as 0.1.1 or 0.2.0 (before 1.0.0, and after a pre-release, any higher version will do; see docs/versioning.md); then run `clausula lock`',
    ]);
  });

  it('treat a changed condition, title, requires or legal basis like a changed text', () => {
    for (const [from, to] of [
      ['when: generatesData', 'when: generatesData and processesPersonalData'],
      ['"Ownership of the data"', '"Ownership of all data"'],
      ['en: "Law 9/2017 (LCSP), Article 122.2"', 'en: "Law 9/2017 (LCSP), Article 122.1"'],
      ['when: generatesData', 'when: generatesData\nrequires: [personal-data.processor]'],
    ] as const) {
      const dir = library();
      edit(dir, CLAUSE, from, to);
      expect(versionFindings(dir)[0], to).toMatch(/^version-not-bumped clauses\/ownership\/generated-data.yaml:3:10 /);
    }
  });

  it('ask nothing for guidance, changelog, status or order: they are not in the tender', () => {
    const dir = library();
    edit(dir, CLAUSE, 'Use in every contract', 'Use in any contract');
    edit(dir, CLAUSE, 'status: approved', 'status: draft\norder: 5');
    edit(dir, CLAUSE, 'note: First version.', 'note: First version, reviewed.');
    expect(versionFindings(dir)).toEqual([]);
  });

  it('ask for the library version once the clause is bumped', () => {
    const dir = library();
    changeText(dir);
    bumpClause(dir);
    expect(versionFindings(dir)).toEqual([
      `library-version-not-bumped ${LIBRARY}:5:10 1 clause changed (ownership.generated-data) since ${LOCK} recorded release 0.1.0, but the library version is still 0.1.0`,
    ]);
  });

  it('say lock-stale, at the clause in the lock, once every version is right', () => {
    const dir = library();
    changeText(dir);
    bumpClause(dir);
    bumpLibrary(dir);
    expect(versionFindings(dir)).toEqual([
      `lock-stale ${LOCK}:6:10 ${LOCK} is out of date: it records release 0.1.0, the library is now 0.2.0; since then 1 clause changed (ownership.generated-data)`,
    ]);
  });

  it('say lock-stale for a new library version alone', () => {
    const dir = library();
    bumpLibrary(dir, '0.1.1');
    expect(versionFindings(dir)).toEqual([`lock-stale ${LOCK}:6:10 ${LOCK} is out of date: it records release 0.1.0, the library is now 0.1.1`]);
  });

  it('count a clause whose version rose without a content change as a change of the library', () => {
    const dir = library();
    bumpClause(dir, '1.0.1');
    expect(versionFindings(dir)).toEqual([
      `library-version-not-bumped ${LIBRARY}:5:10 1 clause changed (ownership.generated-data) since ${LOCK} recorded release 0.1.0, but the library version is still 0.1.0`,
    ]);
    bumpLibrary(dir);
    expect(versionFindings(dir)).toEqual([
      `lock-stale ${LOCK}:6:10 ${LOCK} is out of date: it records release 0.1.0, the library is now 0.2.0; since then 1 clause changed (ownership.generated-data)`,
    ]);
  });

  it('report version-decreased for a clause and for the library below the lock', () => {
    const dir = library();
    bumpClause(dir, '0.9.0');
    edit(dir, LOCK, 'version: 0.1.0', 'version: 0.3.0');
    expect(versionFindings(dir)).toEqual([
      `version-decreased ${CLAUSE}:3:10 version 0.9.0 is lower than 1.0.0, the version recorded in ${LOCK}`,
      `version-decreased ${LIBRARY}:5:10 the library version 0.1.0 is lower than 0.3.0, the version recorded in ${LOCK}`,
    ]);
  });

  it('ask for a library version when a clause is added or removed, then lock-stale', () => {
    const dir = library();
    const text = readFileSync(join(dir, OTHER), 'utf8');
    writeFileSync(join(dir, 'clauses/personal-data/processor-terms.yaml'), text.replace('id: personal-data.processor', 'id: personal-data.processor-terms'));
    rmSync(join(dir, CLAUSE));
    expect(versionFindings(dir)).toEqual([
      `library-version-not-bumped ${LIBRARY}:5:10 1 clause added (personal-data.processor-terms) and 1 clause removed (ownership.generated-data) since ${LOCK} recorded release 0.1.0, but the library version is still 0.1.0`,
    ]);
    bumpLibrary(dir, '1.0.0');
    expect(versionFindings(dir)).toEqual([
      `lock-stale ${LOCK}:6:10 ${LOCK} is out of date: it records release 0.1.0, the library is now 1.0.0; since then 1 clause added (personal-data.processor-terms) and 1 clause removed (ownership.generated-data)`,
    ]);
  });

  it('say lock-stale at the lock line 1 when the lock is missing', () => {
    const dir = library();
    rmSync(join(dir, LOCK));
    expect(versionFindings(dir)).toEqual([`lock-stale ${LOCK}:1:1 ${LOCK} is missing, so clause versions cannot be checked`]);
  });

  it('say lock-stale when the lock cannot be read, besides its own schema error', () => {
    const dir = library();
    edit(dir, LOCK, 'hash: "sha256:', 'hash: "md5:');
    const lib = loadLibrary(dir);
    expect(lib.findings.map((f) => f.ruleId)).toContain('schema');
    expect(versionFindings(dir)).toEqual([`lock-stale ${LOCK}:5:1 ${LOCK} cannot be read, so clause versions cannot be checked`]);
  });

  it('say lock-stale, at the lock library id, when the lock is for another library', () => {
    const dir = library();
    edit(dir, LOCK, 'library: city', 'library: town');
    expect(versionFindings(dir)).toEqual([`lock-stale ${LOCK}:5:10 ${LOCK} is out of date: it is for library town, not city`]);
  });

  it('do not take a clause file that cannot be read for a removed clause', () => {
    const dir = library();
    writeFileSync(join(dir, CLAUSE), 'id: [unclosed\n');
    expect(versionFindings(dir)).toEqual([]);
  });
});
