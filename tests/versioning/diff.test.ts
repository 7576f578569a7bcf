import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../helpers/cli.js';
import { testdir } from '../helpers/testdir.js';
import { starterLibrary } from '../../src/init/starter.js';
import { folders, git, repository } from './diff-fixture.js';

/** `clausula diff v1 v2` on the fixture repository (see diff-fixture.ts), as the terminal shows it. */
const STYLISH = [
  "city-clauses 1.0.0 (v1) → 1.1.0 (v2)",
  "",
  "Library version 1.0.0 → 1.1.0 (minor)  ✖ too small: needs a major version",
  "  major  clause ownership.reuse changed (1.0.0 → 1.0.1)",
  "  major  clause personal-data.processor deprecated: no longer in documents",
  "  major  option hosting=contractor removed: answers that chose it no longer fit",
  "  and 4 smaller changes",
  "",
  "Added clauses",
  "  + personal-data.processor-terms  1.0.0  approved  Processor terms",
  "",
  "Deprecated clauses",
  "  ! personal-data.processor  1.0.0 (unchanged)  ✔ no new version needed",
  "      Processing on behalf of the authority",
  "      status: approved → deprecated, superseded by personal-data.processor-terms",
  "",
  "Changed clauses",
  "  ~ ownership.generated-data  1.0.0 → 1.1.0 (minor)  ✔ matches the policy (needs minor)",
  "      Ownership of the data",
  "      minor  condition widened: the clause applies to more tenders",
  "      patch  text changed (en, es)",
  "      condition was: generatesData",
  "      condition now: (always)",
  "      text (English):",
  "        All data collected or generated in performing the contract belong {+exclusively +}to {{ authorityName }}. The contractor may use them only to perform the contract.",
  "      text (Español):",
  "        Todos los datos recogidos o generados en la ejecución del contrato pertenecen {+exclusivamente +}a {{ authorityName }}. La empresa contratista solo puede utilizarlos para ejecutar el contrato.",
  "      changelog 1.1.0 (2026-03-01): Exclusive ownership; applies to every contract.",
  "",
  "  ~ ownership.reuse  1.0.0 → 1.0.1 (patch)  ✖ too small: needs a major version",
  "      Reuse of the data",
  "      major  condition narrowed: some tenders that had the clause no longer get it",
  "      condition was: generatesData",
  "      condition now: generatesData and hosting == \"cloud\"",
  "      changelog 1.0.1 (2026-03-01): Only for cloud services.",
  "",
  "Questions",
  "  ~ hosting  options +cloud-saas -contractor",
  "",
  "Templates",
  "  ~ data-clauses  annexes changed",
  "",
  "✖ 2 version changes do not match the versioning policy (docs/versioning.md)",
  "",
].join('\n');

/** The same, as release notes. */
const MARKDOWN = [
  "# city-clauses 1.1.0",
  "",
  "Changes from 1.0.0 (`v1`) to 1.1.0 (`v2`).",
  "",
  "❌ 2 version changes do not match the versioning policy (docs/versioning.md).",
  "",
  "## Library version",
  "",
  "1.0.0 → 1.1.0 (minor): ❌ too small: needs a major version.",
  "",
  "- major: clause ownership.reuse changed (1.0.0 → 1.0.1)",
  "- major: clause personal-data.processor deprecated: no longer in documents",
  "- major: option hosting=contractor removed: answers that chose it no longer fit",
  "- minor: clause ownership.generated-data changed (1.0.0 → 1.1.0)",
  "- minor: clause personal-data.processor-terms added",
  "- minor: option hosting=cloud-saas added",
  "- minor: template data-clauses changed: what documents hold, or where",
  "",
  "## New clauses",
  "",
  "| Clause | Version | Status | Title |",
  "|---|---|---|---|",
  "| `personal-data.processor-terms` | 1.0.0 | approved | Processor terms |",
  "",
  "## Deprecated clauses",
  "",
  "### `personal-data.processor`: Processing on behalf of the authority",
  "",
  "Version 1.0.0 (unchanged): ✅ no new version needed.",
  "",
  "- Status: approved → deprecated; superseded by `personal-data.processor-terms`",
  "",
  "## Changed clauses",
  "",
  "### `ownership.generated-data`: Ownership of the data",
  "",
  "Version 1.0.0 → 1.1.0 (minor): ✅ matches the policy (needs minor).",
  "",
  "- minor: condition widened: the clause applies to more tenders",
  "- patch: text changed (en, es)",
  "- Condition before (`generatesData`): Applies when the contractor collects or generates data while performing the contract.",
  "- Condition now: Always applies.",
  "",
  "**Text, English**",
  "",
  "> All data collected or generated in performing the contract belong <ins>exclusively </ins>to {{ authorityName }}. The contractor may use them only to perform the contract.",
  "",
  "**Text, Español**",
  "",
  "> Todos los datos recogidos o generados en la ejecución del contrato pertenecen <ins>exclusivamente </ins>a {{ authorityName }}. La empresa contratista solo puede utilizarlos para ejecutar el contrato.",
  "",
  "Changelog: 1.1.0 (2026-03-01): Exclusive ownership; applies to every contract.",
  "",
  "### `ownership.reuse`: Reuse of the data",
  "",
  "Version 1.0.0 → 1.0.1 (patch): ❌ too small: needs a major version.",
  "",
  "- major: condition narrowed: some tenders that had the clause no longer get it",
  "- Condition before (`generatesData`): Applies when the contractor collects or generates data while performing the contract.",
  "- Condition now (`generatesData and hosting == \"cloud\"`): Applies when the contractor collects or generates data while performing the contract and where the service runs is “In the cloud”.",
  "",
  "Changelog: 1.0.1 (2026-03-01): Only for cloud services.",
  "",
  "## Interview questions",
  "",
  "- Changed: `hosting`: option `cloud-saas` added; option `contractor` removed",
  "",
  "## Templates",
  "",
  "- Changed: `data-clauses`: annexes changed",
  "",
].join('\n');

const relabel = (text: string, oldLabel: string, newLabel: string) => text.replace('1.0.0 (v1) → 1.1.0 (v2)', `1.0.0 (${oldLabel}) → 1.1.0 (${newLabel})`);

const temporaryFolders = () => readdirSync(tmpdir()).filter((name) => name.startsWith('clausula-diff-')).length;

describe('clausula diff between two git revisions', () => {
  it('reports every change and the bumps that do not match the policy, exit 1', async () => {
    const { repo } = repository();
    const r = await runCli(['diff', 'v1', 'v2'], { cwd: repo });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(STYLISH);
    expect(r.code).toBe(1);
  });

  it('writes release notes in Markdown', async () => {
    const { repo } = repository();
    const r = await runCli(['diff', 'v1', 'v2', '--format', 'markdown'], { cwd: repo });
    expect(r.stdout).toBe(MARKDOWN);
    expect(r.code).toBe(1);
  });

  it('gives scripts the same in JSON, with the commits', async () => {
    const { repo } = repository();
    const r = await runCli(['diff', 'v1', 'v2', '--format', 'json'], { cwd: repo });
    const json = JSON.parse(r.stdout);
    expect(json.ok).toBe(false);
    expect(json.mismatches).toBe(2);
    expect(json.old).toEqual({ label: 'v1', commit: git(repo, 'rev-parse', 'v1').trim(), library: 'city-clauses', version: '1.0.0' });
    expect(json.new).toEqual({ label: 'v2', commit: git(repo, 'rev-parse', 'v2').trim(), library: 'city-clauses', version: '1.1.0' });
    expect(json.libraryVersion).toMatchObject({ from: '1.0.0', to: '1.1.0', bump: 'minor', required: 'major', verdict: 'too-small' });
    expect(json.clauses.added.map((c: { id: string }) => c.id)).toEqual(['personal-data.processor-terms']);
    expect(json.clauses.deprecated.map((c: { id: string }) => c.id)).toEqual(['personal-data.processor']);
    expect(json.clauses.changed.map((c: { id: string; version: { verdict: string } }) => [c.id, c.version.verdict])).toEqual([
      ['ownership.generated-data', 'ok'],
      ['ownership.reuse', 'too-small'],
    ]);
    expect(json.clauses.changed[0].condition).toMatchObject({ from: 'generatesData', effect: 'wider' });
    expect(json.clauses.changed[0].texts[0]).toEqual({
      field: 'text',
      language: 'en',
      lines: [
        {
          segments: [
            { kind: 'same', text: 'All data collected or generated in performing the contract belong ' },
            { kind: 'added', text: 'exclusively ' },
            { kind: 'same', text: 'to {{ authorityName }}. The contractor may use them only to perform the contract.' },
          ],
        },
      ],
    });
    expect(json.questions.changed).toEqual([
      { id: 'hosting', options: { added: ['cloud-saas'], removed: ['contractor'] }, fields: [], reasons: expect.any(Array) },
    ]);
    expect(json.templates.changed).toEqual([{ id: 'data-clauses', fields: ['annexes'], include: { added: [], removed: [] }, reasons: expect.any(Array) }]);
  });

  it('reads revisions without touching the working tree, the index or the stash, and leaves no temporary folder', async () => {
    const { repo } = repository();
    writeFileSync(join(repo, 'clauses/ownership/reuse.yaml'), readFileSync(join(repo, 'clauses/ownership/reuse.yaml'), 'utf8').replace('any other purpose', 'another purpose'));
    writeFileSync(join(repo, 'notes.txt'), 'mine\n');
    git(repo, 'add', 'notes.txt');
    const before = { status: git(repo, 'status', '--porcelain'), head: git(repo, 'rev-parse', 'HEAD'), stash: git(repo, 'stash', 'list'), staged: git(repo, 'diff', '--cached') };
    const folders = temporaryFolders();
    expect((await runCli(['diff', 'v1', 'HEAD~1'], { cwd: repo })).code).toBe(0);
    expect({ status: git(repo, 'status', '--porcelain'), head: git(repo, 'rev-parse', 'HEAD'), stash: git(repo, 'stash', 'list'), staged: git(repo, 'diff', '--cached') }).toEqual(before);
    expect(before.status).toBe(' M clauses/ownership/reuse.yaml\nA  notes.txt\n');
    expect(temporaryFolders()).toBe(folders);
  });

  it('compares a revision with the working tree: `diff v1 .`', async () => {
    const { repo } = repository();
    const r = await runCli(['diff', 'v1', '.'], { cwd: repo });
    expect(r.stdout).toBe(relabel(STYLISH, 'v1', '.'));
    expect(r.code).toBe(1);
  });

  it('passes, exit 0, once the versions follow the policy', async () => {
    const { repo } = repository();
    for (const [file, from, to] of [
      ['clauses/library.yaml', 'version: 1.1.0', 'version: 2.0.0'],
      ['clauses/ownership/reuse.yaml', 'version: 1.0.1', 'version: 2.0.0'],
    ]) {
      writeFileSync(join(repo, file!), readFileSync(join(repo, file!), 'utf8').replace(from!, to!));
    }
    const r = await runCli(['diff', 'v1', '.'], { cwd: repo });
    expect(r.stdout).toContain('Library version 1.0.0 → 2.0.0 (major)  ✔ matches the policy (needs major)\n');
    expect(r.stdout).toContain('  ~ ownership.reuse  1.0.0 → 2.0.0 (major)  ✔ matches the policy (needs major)\n');
    expect(r.stdout.endsWith('✔ every version change matches the versioning policy (docs/versioning.md)\n')).toBe(true);
    expect(r.code).toBe(0);
  });

  it('says when nothing changed', async () => {
    const { repo } = repository();
    const r = await runCli(['diff', 'v2', 'HEAD'], { cwd: repo });
    expect(r.stdout).toBe(
      [
        'city-clauses 1.1.0 (v2) → 1.1.0 (HEAD)',
        '',
        'No clause, question or template changed.',
        '',
        'Library version 1.1.0 (unchanged)  ✔ no new version needed',
        '',
        '✔ every version change matches the versioning policy (docs/versioning.md)',
        '',
      ].join('\n'),
    );
    expect(r.code).toBe(0);
  });

  it('finds a library in a folder of the repository: --library-path, or the folder it runs in', async () => {
    const { repo, lib } = repository('legal/clause-library');
    const fromTop = await runCli(['diff', 'v1', 'v2', '--library-path', 'legal/clause-library'], { cwd: repo });
    expect(fromTop.stdout).toBe(STYLISH);
    const fromInside = await runCli(['diff', 'v1', 'v2'], { cwd: join(lib, 'clauses', 'ownership') });
    expect(fromInside.stdout).toBe(STYLISH);
    const withLibrary = await runCli(['--library', 'legal/clause-library', 'diff', 'v1', 'v2'], { cwd: repo });
    expect(withLibrary.stdout).toBe(STYLISH);
    const folderAndPath = await runCli(['diff', 'v1', '.', '--library-path', 'legal/clause-library'], { cwd: repo });
    expect(folderAndPath.stdout).toBe(relabel(STYLISH, 'v1', '.'));
  });

  it('writes the report to a file with -o', async () => {
    const { repo } = repository();
    const r = await runCli(['diff', 'v1', 'v2', '-f', 'markdown', '-o', 'notes.md'], { cwd: repo });
    expect(r.stdout).toBe('');
    expect(readFileSync(join(repo, 'notes.md'), 'utf8')).toBe(MARKDOWN);
    expect(r.code).toBe(1);
  });

  it('runs as the built binary (spawned)', () => {
    const { repo } = repository();
    const r = spawnCli(['diff', 'v1', 'v2'], { cwd: repo });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(STYLISH);
    expect(r.code).toBe(1);
  });
});

describe('clausula diff between two folders', () => {
  it('reports exactly what it reports between the two revisions', async () => {
    const { one, two } = folders();
    const r = await runCli(['diff', one, two]);
    expect(r.stdout).toBe(relabel(STYLISH, one, two));
    expect(r.code).toBe(1);
  });

  it('needs no git repository for folders', async () => {
    const { one, two } = folders();
    const cwd = testdir();
    expect(existsSync(join(cwd, '.git'))).toBe(false);
    const r = await runCli(['diff', one, two, '--format', 'markdown'], { cwd });
    expect(r.stdout).toBe(MARKDOWN.replace('(`v1`) to 1.1.0 (`v2`)', `(\`${one}\`) to 1.1.0 (\`${two}\`)`));
  });
});

describe('clausula diff: bad sides', () => {
  it('names a side that is neither a folder nor a revision, exit 2', async () => {
    const { repo } = repository();
    const r = await runCli(['diff', 'v1', 'v9'], { cwd: repo });
    expect(r.stderr).toBe(`clausula: error: v9 is neither a folder nor a revision of the git repository in .\nHow to fix: give a library folder, or a tag, branch or commit such as v1.2.0, main or HEAD~3\n`);
    expect(r.code).toBe(2);
  });

  it('refuses something that looks like an option as a revision', async () => {
    const { repo } = repository();
    const r = await runCli(['diff', 'v1', '--', '--output=x'], { cwd: repo });
    expect(r.stderr).toContain('clausula: error: --output=x is neither a folder nor a revision');
    expect(r.code).toBe(2);
  });

  it('says when a revision cannot be read because there is no repository', async () => {
    const { one } = folders();
    const cwd = testdir();
    const r = await runCli(['diff', one, 'v1'], { cwd });
    expect(r.stderr).toBe(
      "clausula: error: v1 is not a folder, and the current folder is not in a git repository, so it cannot be a revision either\nHow to fix: give a library folder, or run clausula diff inside the library's git repository (or with --library pointing into it)\n",
    );
    expect(r.code).toBe(2);
  });

  it('says when the revision has no library where it looks', async () => {
    const { repo } = repository('lib');
    const r = await runCli(['diff', 'v1', 'v2'], { cwd: repo });
    expect(r.stderr).toBe(
      'clausula: error: v1 has no clause library in the top folder of the repository (no clauses/library.yaml)\nHow to fix: give with --library-path the folder, inside the repository, that holds clauses/library.yaml\n',
    );
    expect(r.code).toBe(2);
    const wrong = await runCli(['diff', 'v1', 'v2', '--library-path', 'other'], { cwd: repo });
    expect(wrong.stderr).toBe('clausula: error: v1 has no other/clauses/library.yaml\nHow to fix: give with --library-path the folder, inside the repository, that holds clauses/library.yaml\n');
    const outside = await runCli(['diff', 'v1', 'v2', '--library-path', '../elsewhere'], { cwd: repo });
    expect(outside.stderr).toBe(
      "clausula: error: --library-path ../elsewhere is outside the repository\nHow to fix: give the library's folder relative to the repository's top folder, such as clauses-lib (or . for the top)\n",
    );
    expect(outside.code).toBe(2);
  });

  it('refuses a folder that is not a library', async () => {
    const { one } = folders();
    const r = await runCli(['diff', one, testdir()]);
    expect(r.stderr).toMatch(/not a clause library \(no clauses\/library.yaml\)/);
    expect(r.code).toBe(2);
  });

  it('compares what it can read when a clause file is broken, and says what it left out', async () => {
    const { one, two } = folders();
    writeFileSync(join(two, 'clauses/ownership/reuse.yaml'), 'id: [unclosed\n');
    const r = await runCli(['diff', one, two]);
    expect(r.stderr).toBe(`clausula: warning: ${two}: 1 library file could not be read and is left out of the comparison: clauses/ownership/reuse.yaml\n`);
    expect(r.stdout).toContain('Removed clauses\n  - ownership.reuse  1.0.0  approved  Reuse of the data\n');
  });
});

describe('clausula diff across the change to translatable legal bases', () => {
  it('reads an older release whose legal bases are one string, and lists their translation as a patch change', async () => {
    const PROCESSOR = 'clauses/personal-data/processor.yaml';
    const now = starterLibrary('city-clauses', ['en', 'es'], '2026-01-15');
    const before = { ...now, [PROCESSOR]: now[PROCESSOR]!.replace(/ {2}- ref:\n.*\n.*\n/, '  - ref: "Regulation (EU) 2016/679 (GDPR), art. 28"\n') };
    expect(before[PROCESSOR]).not.toBe(now[PROCESSOR]);
    const after = {
      ...now,
      'clauses/library.yaml': now['clauses/library.yaml']!.replace('version: 0.1.0', 'version: 0.1.1'),
      [PROCESSOR]: now[PROCESSOR]!.replace('version: 1.0.0', 'version: 1.0.1').replace('changelog:\n', 'changelog:\n  - { version: 1.0.1, date: 2026-02-01, note: Legal basis in each language. }\n'),
    };
    const r = await runCli(['diff', testdir(before), testdir(after)]);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => l.includes('~ personal-data.processor'));
    expect(lines.slice(at, at + 6)).toEqual([
      '  ~ personal-data.processor  1.0.0 → 1.0.1 (patch)  ✔ matches the policy (needs patch)',
      '      Processing on behalf of the authority',
      '      patch  legal basis changed',
      '      legal basis - Regulation (EU) 2016/679 (GDPR), art. 28',
      '      legal basis + en: Regulation (EU) 2016/679 (GDPR), Article 28 | es: Reglamento (UE) 2016/679 (RGPD), art. 28',
      '      changelog 1.0.1 (2026-02-01): Legal basis in each language.',
    ]);
    expect(r.code).toBe(0);
  });
});

describe('clausula diff on passages', () => {
  it('treats a passage whose text stays and whose condition narrows like a narrowed clause condition', async () => {
    const OWNERSHIP = 'clauses/ownership/generated-data.yaml';
    const passages = (when: string) =>
      [
        'text:',
        '  - text: { en: "The contractor shall:", es: "La empresa contratista:" }',
        `  - ${when}text: { en: "1. keep the data in the EEA.", es: "1. mantendrá los datos en el EEE." }`,
        'guidance:',
      ].join('\n');
    const files = starterLibrary('city-clauses', ['en', 'es'], '2026-01-15');
    const withText = (when: string) => files[OWNERSHIP]!.replace(/text:\n[\s\S]*?\nguidance:/, () => passages(when));
    const before = { ...files, [OWNERSHIP]: withText('') };
    const after = {
      ...files,
      'clauses/library.yaml': files['clauses/library.yaml']!.replace('version: 0.1.0', 'version: 1.0.0'),
      [OWNERSHIP]: withText('when: processesPersonalData\n    ')
        .replace('version: 1.0.0', 'version: 1.0.1')
        .replace('changelog:\n', 'changelog:\n  - { version: 1.0.1, date: 2026-02-01, note: Only with personal data. }\n'),
    };
    const r = await runCli(['diff', testdir(before), testdir(after)]);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => l.includes('~ ownership.generated-data'));
    expect(lines.slice(at, at + 4)).toEqual([
      '  ~ ownership.generated-data  1.0.0 → 1.0.1 (patch)  ✖ too small: needs a major version',
      '      Ownership of the data',
      '      major  passage 2: condition narrowed: some tenders that had it no longer get it',
      '      patch  text changed (en, es)',
    ]);
    // The word diff shows the condition where it is.
    expect(r.stdout).toContain('{+[when: processesPersonalData]+}');
  });
});
