import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnCli } from '../helpers/cli.js';
import { testdir } from '../helpers/testdir.js';

const CLAUSE = 'clauses/ownership/generated-data.yaml';

function edit(dir: string, file: string, from: string, to: string): void {
  const text = readFileSync(join(dir, file), 'utf8');
  if (!text.includes(from)) throw new Error(`${from} not in ${file}`);
  writeFileSync(join(dir, file), text.replace(from, to));
}

describe('the versioning workflow, as legal staff run it (spawned)', () => {
  it('edit the text → lint fails at the version → bump, changelog, library version → lock-stale → lock → lint passes', () => {
    const dir = join(testdir(), 'city');
    expect(spawnCli(['init', dir, '--languages', 'en']).code).toBe(0);
    const lint = () => spawnCli(['lint', '.'], { cwd: dir });
    expect(lint().stdout).toBe('✔ 2 clauses, no problems\n');

    edit(dir, CLAUSE, 'belong to', 'belong exclusively to');
    let r = lint();
    expect(r.stdout).toBe(
      [
        'clauses/library.yaml',
        '  5:10  error  1 clause changed (ownership.generated-data) since clauses/clauses.lock.yaml recorded release 0.1.0, but the library version is still 0.1.0 (give the library a new version in clauses/library.yaml, such as 0.1.1 or 0.2.0 (before 1.0.0, and after a pre-release, any higher version will do; see docs/versioning.md); then run `npx clausula lock .`)  library-version-not-bumped',
        '',
        'clauses/ownership/generated-data.yaml',
        "  3:10  error  the clause's normative content (title, text, condition, requires, excludes or legal bases) changed since clauses/clauses.lock.yaml recorded version 1.0.0, but its version is still 1.0.0 (give it a new version, 1.0.1 for a correction, 1.1.0 for a new duty or a wider condition, 2.0.0 for a removed duty or a narrower condition (see docs/versioning.md); add a changelog entry for it; then run `npx clausula lock .`)  version-not-bumped",
        '',
        '✖ 2 problems (2 errors, 0 warnings)',
        '',
      ].join('\n'),
    );
    expect(r.code).toBe(1);
    // Locking now would record an unversioned change: refused.
    expect(spawnCli(['lock', '.'], { cwd: dir }).code).toBe(1);

    edit(dir, CLAUSE, 'version: 1.0.0', 'version: 1.1.0');
    edit(dir, CLAUSE, 'changelog:\n', 'changelog:\n  - { version: 1.1.0, date: 2026-12-01, note: The authority owns the data exclusively. }\n');
    edit(dir, 'clauses/library.yaml', 'version: 0.1.0', 'version: 0.2.0');
    r = lint();
    expect(r.stdout).toBe(
      [
        'clauses/clauses.lock.yaml',
        '  6:10  error  clauses/clauses.lock.yaml is out of date: it records release 0.1.0, the library is now 0.2.0; since then 1 clause changed (ownership.generated-data) (run `npx clausula lock .` and commit clauses/clauses.lock.yaml)  lock-stale',
        '',
        '✖ 1 problem (1 error, 0 warnings)',
        '',
      ].join('\n'),
    );
    expect(r.code).toBe(1);

    r = spawnCli(['lock', '.'], { cwd: dir });
    expect(r.stdout).toBe('Wrote clauses/clauses.lock.yaml (city 0.2.0, 2 clauses: 1 changed, 0 added, 0 removed; release 0.1.0 → 0.2.0)\n');
    expect(r.code).toBe(0);
    r = lint();
    expect(r.stdout).toBe('✔ 2 clauses, no problems\n');
    expect(r.code).toBe(0);
  });

  it('a missing or empty lock fails lint and says to run clausula lock', () => {
    const dir = join(testdir(), 'town');
    spawnCli(['init', dir, '--languages', 'en']);
    rmSync(join(dir, 'clauses/clauses.lock.yaml'));
    let r = spawnCli(['lint', '.'], { cwd: dir });
    expect(r.stdout).toBe(
      [
        'clauses/clauses.lock.yaml',
        "  1:1  error  clauses/clauses.lock.yaml is missing, so clause versions cannot be checked (run `npx clausula lock .` to record each clause's version and content hash, and commit the file)  lock-stale",
        '',
        '✖ 1 problem (1 error, 0 warnings)',
        '',
      ].join('\n'),
    );
    expect(r.code).toBe(1);
    writeFileSync(join(dir, 'clauses/clauses.lock.yaml'), '');
    r = spawnCli(['lint', dir, '--format', 'json']);
    const findings = JSON.parse(r.stdout).findings as { ruleId: string }[];
    expect(findings.map((f) => f.ruleId)).toEqual(['lock-stale', 'schema']);
    expect(r.code).toBe(1);
  });
});
