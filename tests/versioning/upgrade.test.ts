import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { baseRepository, git } from '../helpers/base-repo.js';
import { clauseFile, layerOver } from '../helpers/layers.js';
import { testdir } from '../helpers/testdir.js';

const GENERATED = `id: ownership.generated-data
version: 1.0.0
overrides: 1.0.0
status: approved
category: ownership
title: { en: "Ownership of generated data" }
when: 'generatesData and contractType != "works"'
text:
  en: |
    All data generated under {{ contractTitle }} belong to the City of Girona.
guidance: { en: "The city's guidance." }
legalBasis:
  - { ref: { en: "Regulation (EU) 2016/679 (GDPR), art. 28" } }
changelog:
  - { version: 1.0.0, date: 2026-11-20, note: First version. }
`;

const QUESTIONS = `sections:
  - id: data
    overrides: 1.0.0
    questions:
      - id: hosting
        overrides: 1.0.0
        default: authority
`;

/**
 * A city library over a base kept in git (../base), locked against the base's release 1.0.0:
 * it adapts ownership.generated-data and security.certification, excludes
 * security.self-assessment, and gives the hosting question a default. The base's release
 * 2.0.0 is tagged v2.0.0 beside it (see tests/helpers/base-repo.ts).
 */
function cityOverGitBase() {
  const parent = testdir();
  const base = join(parent, 'base');
  mkdirSync(base);
  baseRepository(base, 'v1.0.0');
  const city = join(parent, 'city');
  mkdirSync(city);
  layerOver(
    base,
    {
      'clauses/ownership/generated-data.yaml': GENERATED,
      'clauses/security/certification.yaml': clauseFile('security.certification', { overrides: '1.0.0', when: 'ensCategory in ["medium", "high"]', text: 'The Contractor holds an ENS certification issued by an accredited body.' }),
      'clauses/questions.yaml': QUESTIONS,
    },
    { dir: city, manifest: 'exclude:\n  - { id: security.self-assessment, reason: The city always asks for a certification. }' },
  );
  return { parent, base, city };
}

const STYLISH = `city-lib@1.0.0: fixture-lib 1.0.0 → 2.0.0
  from 1.0.0: base
  to   2.0.0: git tag v2.0.0 of base
  extends.version ^1.0.0 does not accept 2.0.0

Changed upstream, adapted by this library (1)
  ! ownership.generated-data  Ownership of generated data
      base 1.0.0 → 1.1.0 (minor); this library's 1.0.0 adapts 1.0.0
      patch  text changed (en)
      changelog 1.1.0 (2026-12-01): Exclusive ownership.
      upstream 1.0.0 → 1.1.0 (English)              │ this library's text (1.0.0)
      ───────────────────────────────────────────── │ ─────────────────────────────────────────────
      All data generated under {{ contractTitle }}  │ All data generated under {{ contractTitle }}
      belong {+exclusively +}to the Authority.      │ belong to the City of Girona.

Changed upstream, inherited as they are (1)
  ~ exit.long-contract  1.0.0 → 1.1.0 (minor)  ✔ matches the policy (needs patch)
      Long contracts
      patch  text changed (en)
      text (English):
        For long contracts, the data are handed over every [-year-]{+six months+}.
      changelog 1.1.0 (2026-12-01): Twice a year.

Changed upstream, excluded by this library (1)
  - security.self-assessment  ENS self-assessment  (excluded: The city always asks for a certification.)

New upstream (1)
  + ownership.reuse  1.0.0  approved  Title of ownership.reuse

Removed upstream (1)
  - security.certification  1.0.0  ENS certification  (adapted by this library)

Questions changed upstream
  ~ hosting  label  (adapted by this library)

Templates changed upstream
  ~ main  annexes

What to do
  1. accept the release: in clauses/library.yaml, extends.version: "^2.0.0" (now "^1.0.0")
  2. check the release out: git -C base checkout v2.0.0
  3. review ownership.generated-data: compare the upstream change with this library's text, adapt it, give it a new version, then write overrides: 1.1.0
  4. security.certification was removed upstream: keep it as this library's own (remove its overrides:) or delete it
  5. the new clauses come into this library's documents (ownership.reuse): exclude any the city does not want, with its reason
  6. review question hosting (changed upstream: label), then write overrides: 2.0.0 on it
  7. give this library a new version (clauses/library.yaml), then run clausula lint and clausula lock
`;

const MARKDOWN = `# fixture-lib 1.0.0 → 2.0.0 for city-lib@1.0.0

From 1.0.0 (\`base\`) to 2.0.0 (\`git tag v2.0.0 of base\`).

❌ \`extends.version\` \`^1.0.0\` does not accept 2.0.0.

| Adapted and changed upstream | Inherited and changed | Excluded and changed | New upstream | Removed upstream | Questions changed | Templates changed |
|---:|---:|---:|---:|---:|---:|---:|
| 1 | 1 | 1 | 1 | 1 | 1 | 1 |

## Changed upstream, adapted by this library

### \`ownership.generated-data\`: Ownership of generated data

Base 1.0.0 → 1.1.0 (minor); this library's 1.0.0 adapts 1.0.0.

- patch: text changed (en)
- Changelog 1.1.0 (2026-12-01): Exclusive ownership.

| Upstream 1.0.0 → 1.1.0 (English) | This library's text (1.0.0) |
|---|---|
| All data generated under {{ contractTitle }} belong <ins>exclusively </ins>to the Authority. | All data generated under {{ contractTitle }} belong to the City of Girona. |

## Changed upstream, inherited as they are

### \`exit.long-contract\`: Long contracts

Version 1.0.0 → 1.1.0 (minor): ✅ matches the policy (needs patch).

- patch: text changed (en)

**Text, English**

> For long contracts, the data are handed over every <del>year</del><ins>six months</ins>.

Changelog: 1.1.0 (2026-12-01): Twice a year.

## Changed upstream, excluded by this library

- \`security.self-assessment\`: ENS self-assessment (excluded: The city always asks for a certification.)

## New upstream

| Clause | Version | Status | Title |
|---|---|---|---|
| \`ownership.reuse\` | 1.0.0 | approved | Title of ownership.reuse |

## Removed upstream

| Clause | Version | Title | Here |
|---|---|---|---|
| \`security.certification\` | 1.0.0 | ENS certification | adapted by this library |

## Questions changed upstream

- Changed: \`hosting\`: label — **adapted by this library**

## Templates changed upstream

- Changed: \`main\`: annexes

## What to do

- [ ] accept the release: in clauses/library.yaml, extends.version: "^2.0.0" (now "^1.0.0")
- [ ] check the release out: git -C base checkout v2.0.0
- [ ] review ownership.generated-data: compare the upstream change with this library's text, adapt it, give it a new version, then write overrides: 1.1.0
- [ ] security.certification was removed upstream: keep it as this library's own (remove its overrides:) or delete it
- [ ] the new clauses come into this library's documents (ownership.reuse): exclude any the city does not want, with its reason
- [ ] review question hosting (changed upstream: label), then write overrides: 2.0.0 on it
- [ ] give this library a new version (clauses/library.yaml), then run clausula lint and clausula lock
`;

describe('clausula upgrade', () => {
  it('says, three ways, what the base release changes for the city (stylish, pinned)', async () => {
    const { parent } = cityOverGitBase();
    const r = await runCli(['upgrade', 'city', '--to', '2.0.0'], { cwd: parent });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(STYLISH);
  });

  it('as Markdown, for the pull request that takes the release (pinned)', async () => {
    const { parent } = cityOverGitBase();
    const r = await runCli(['upgrade', 'city', '--to', '2.0.0', '--format', 'markdown'], { cwd: parent });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(MARKDOWN);
  });

  it('without --to, the newest release tagged in the base repository', async () => {
    const { parent } = cityOverGitBase();
    const r = await runCli(['upgrade', 'city', '--format', 'json'], { cwd: parent });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { from: unknown; to: unknown; adapted: { upstream: { id: string } }[]; inherited: { id: string }[]; accepted: boolean };
    expect(report.from).toEqual({ version: '1.0.0', source: 'base' });
    expect(report.to).toEqual({ version: '2.0.0', source: 'git tag v2.0.0 of base' });
    expect(report.adapted.map((a) => a.upstream.id)).toEqual(['ownership.generated-data']);
    expect(report.inherited.map((c) => c.id)).toEqual(['exit.long-contract']);
    expect(report.accepted).toBe(false);
  });

  it('once the base checkout moves to the new release: lint names each adaptation to review, upgrade compares the locked release with the installed one, and the adapted city lints clean', async () => {
    const { parent, base, city } = cityOverGitBase();
    git(base, 'checkout', '-q', 'v2.0.0');
    const lint = await runCli(['lint', 'city', '--format', 'json'], { cwd: parent });
    expect(lint.code).toBe(1);
    const findings = (JSON.parse(lint.stdout) as { findings: { ruleId: string; file: string; line: number; message: string }[] }).findings;
    expect(findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual([
      'city/clauses/library.yaml:3 library-version-not-bumped',
      'city/clauses/library.yaml:6 base-version',
      'city/clauses/ownership/generated-data.yaml:3 override-outdated',
      'city/clauses/questions.yaml:6 override-outdated',
      'city/clauses/security/certification.yaml:3 override-removed',
    ]);
    expect(findings.find((f) => f.file === 'city/clauses/ownership/generated-data.yaml')!.message).toBe(
      'ownership.generated-data adapts version 1.0.0 of the base clause, which fixture-lib@2.0.0 has at 1.1.0: review the upstream change (1.1.0: Exclusive ownership.)',
    );
    // A release the library does not accept is not locked; once accepted, not before the review.
    const refused = await runCli(['lock', 'city'], { cwd: parent });
    expect(refused.code).toBe(2);
    expect(refused.stderr.split('\n')[0]).toBe('clausula: error: cannot lock: the base fixture-lib is at 2.0.0, outside the releases this library accepts (^1.0.0)');
    const edit = (file: string, from: string, to: string) => writeFileSync(join(city, file), readFileSync(join(city, file), 'utf8').replace(from, to));
    edit('clauses/library.yaml', '"^1.0.0"', '"^2.0.0"');
    const unreviewed = await runCli(['lock', 'city'], { cwd: parent });
    expect(unreviewed.code).toBe(1);
    expect(unreviewed.stderr.split('\n')[0]).toBe('clausula: city/clauses/clauses.lock.yaml not written: changed clauses need new versions, and upstream changes to what this library adapts need a review first');

    const upgrade = await runCli(['upgrade', 'city', '--format', 'json'], { cwd: parent });
    expect(JSON.parse(upgrade.stdout)).toMatchObject({ from: { version: '1.0.0', source: 'git tag v1.0.0 of base' }, to: { version: '2.0.0', source: 'base' } });

    // The review done: the adapted clause takes the new wording, the removed one stays as the city's own, the question is dated.
    edit('clauses/ownership/generated-data.yaml', 'belong to the City of Girona', 'belong exclusively to the City of Girona');
    edit('clauses/ownership/generated-data.yaml', 'version: 1.0.0\noverrides: 1.0.0', 'version: 1.1.0\noverrides: 1.1.0');
    edit('clauses/ownership/generated-data.yaml', 'changelog:\n', 'changelog:\n  - { version: 1.1.0, date: 2026-12-02, note: Exclusive ownership as in the base. }\n');
    edit('clauses/security/certification.yaml', 'overrides: 1.0.0\n', '');
    edit('clauses/questions.yaml', 'overrides: 1.0.0', 'overrides: 2.0.0');
    edit('clauses/questions.yaml', 'overrides: 1.0.0', 'overrides: 2.0.0');
    edit('clauses/library.yaml', 'version: 1.0.0', 'version: 1.1.0');
    const lock = await runCli(['lock', 'city'], { cwd: parent });
    expect(lock.stderr).toBe('');
    expect(lock.code).toBe(0);
    expect((await runCli(['lint', 'city'], { cwd: parent })).stdout).toBe('✔ 11 clauses, no problems\n');
    expect((await runCli(['upgrade', 'city'], { cwd: parent })).stdout).toBe('fixture-lib 2.0.0 (base) is the release clauses.lock.yaml records, and no newer release was found: nothing to review.\nTo review a given release: clausula upgrade city --to VERSION\n');
    expect((await runCli(['upgrade', 'city', '--to', '2.0.0'], { cwd: parent })).stdout).toBe('city is already reviewed against fixture-lib 2.0.0: nothing to review.\n');
  });

  it('a release that is not at hand, and a library that extends nothing, are errors that say what to do', async () => {
    const { parent } = cityOverGitBase();
    const missing = await runCli(['upgrade', 'city', '--to', '3.0.0'], { cwd: parent });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("clausula: error: release 3.0.0, fixture-lib 3.0.0, is not at hand: the folder base is at 1.0.0, and its git repository has no tag v3.0.0\nHow to fix: fetch the base repository's tags (git -C BASE fetch --tags), or give a release that is at hand with --to\n");
    const plain = await runCli(['upgrade', 'base'], { cwd: parent });
    expect(plain.code).toBe(2);
    expect(plain.stderr).toBe('clausula: error: base extends no base, so there is no base release to take\nHow to fix: give the folder of a library over a base (extends: in clauses/library.yaml), or start one with clausula init DIR --extends LIBRARY\n');
  });
});
