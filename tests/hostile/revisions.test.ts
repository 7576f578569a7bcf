import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { spawnCli } from '../helpers/cli.js';
import { testdir } from '../helpers/testdir.js';
import { repository } from '../versioning/diff-fixture.js';
import { expectNoCrash, snapshot } from './guard.js';

/**
 * `diff` reads a revision's library into a temporary folder of its own. A git tree can hold
 * names no checkout would — `..`, `.`, an empty name, a backslash, the same name twice —
 * (`git mktree` makes them, and fetch does not check them by default). Such a revision is
 * refused, exit 2, naming the file; nothing is written outside the temporary folder, and
 * that folder is removed.
 */

function git(repo: string, args: string[], input?: string): string {
  return execFileSync('git', ['-c', 'user.name=Mallory', '-c', 'user.email=m@example.org', '-c', 'commit.gpgsign=false', ...args], {
    cwd: repo,
    input,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
  });
}

/** A subtree of hostile entries: a name maps to a file's content, or to a folder of more entries. */
type Entries = [string, string | Entries][];

/** Tree records in `git mktree -z` form, names taken as they are. */
function records(repo: string, entries: Entries): string[] {
  return entries.map(([name, value]) =>
    typeof value === 'string'
      ? `100644 blob ${git(repo, ['hash-object', '-w', '--stdin'], value).trim()}\t${name}`
      : `040000 tree ${mktree(repo, records(repo, value))}\t${name}`,
  );
}

function mktree(repo: string, lines: string[]): string {
  return git(repo, ['mktree', '-z'], lines.map((l) => l + '\0').join('')).trim();
}

/** The tree of `revision` with `extra` added inside its clauses/ folder, committed on top of it and tagged `evil`. */
function evilRevision(repo: string, revision: string, extra: Entries): void {
  const entriesOf = (treeish: string) => git(repo, ['ls-tree', '-z', treeish]).split('\0').filter(Boolean);
  const clauses = mktree(repo, [...entriesOf(`${revision}:clauses`), ...records(repo, extra)]);
  const top = mktree(repo, entriesOf(revision).map((line) => (line.endsWith('\tclauses') ? `040000 tree ${clauses}\tclauses` : line)));
  const commit = git(repo, ['commit-tree', top, '-p', revision, '-m', 'Evil'], '').trim();
  git(repo, ['tag', 'evil', commit]);
}

const YAML = 'id: planted\nversion: 1.0.0\n';
/** Deep enough to leave any temporary folder: `clauses/../../../../../../planted.yaml`. */
const upAndOut = (levels: number, leaf: Entries): Entries => (levels === 0 ? leaf : [['..', upAndOut(levels - 1, leaf)]]);

const REFUSED = /which no checkout could hold; it is not read/;
const cases: [string, Entries, string, RegExp][] = [
  ['.. components leading out of the temporary folder', upAndOut(6, [['planted.yaml', YAML]]), 'clauses/../../../../../../planted.yaml', REFUSED],
  ['a . component', [['.', [['planted.yaml', YAML]]]], 'clauses/./planted.yaml', REFUSED],
  // git itself cannot find a path through a tree with an empty name: the library is not found.
  ['an empty name', [['', [['planted.yaml', YAML]]]], 'evil has no clause library', /How to fix: give with --library-path/],
  ['a backslash in a name', [['..\\..\\planted.yaml', YAML]], 'clauses/..\\\\..\\\\planted.yaml', REFUSED],
  ['the same name twice', [['questions.yaml', YAML]], 'questions.yaml twice', REFUSED],
];

describe('diff refuses a revision whose tree holds names no checkout would', () => {
  test.each(cases)('%s: exit 2, the file named, nothing written anywhere, the temporary folder removed', (_what, extra, named, says) => {
    const { repo } = repository();
    evilRevision(repo, 'v1', extra);
    // Every folder diff may reach: the repository, and the temporary folders' parent and the one above it.
    const outer = testdir();
    const tmp = join(outer, 'a', 'b', 'tmp');
    mkdirSync(tmp, { recursive: true });
    const before = { repo: snapshot(repo), outer: snapshot(outer) };
    const result = spawnCli(['diff', 'v1', 'evil'], { cwd: repo, env: { TMPDIR: tmp } });
    expect(result.code, result.stderr).toBe(2);
    expectNoCrash(result.stderr);
    expect(result.stderr).toContain(named);
    expect(result.stderr).toMatch(says);
    expect(result.stdout).toBe('');
    expect(snapshot(repo)).toEqual(before.repo);
    expect(snapshot(outer)).toEqual(before.outer);
    expect(readdirSync(tmp)).toEqual([]);
    expect(existsSync(join(outer, 'planted.yaml'))).toBe(false);
  });

  test('the same revision, read the other way round (diff evil v1), is refused the same way', () => {
    const { repo } = repository();
    evilRevision(repo, 'v1', upAndOut(6, [['planted.yaml', YAML]]));
    const tmp = join(testdir(), 'a', 'b', 'tmp');
    mkdirSync(tmp, { recursive: true });
    const result = spawnCli(['diff', 'evil', 'v1'], { cwd: repo, env: { TMPDIR: tmp } });
    expect(result.code, result.stderr).toBe(2);
    expect(readdirSync(tmp)).toEqual([]);
  });

  test('a sound revision made the same way (git mktree, commit-tree) still compares', () => {
    const { repo } = repository();
    evilRevision(repo, 'v1', [['extra', [['notes.yaml', '# nothing\n']]]]);
    const result = spawnCli(['diff', 'v1', 'evil'], { cwd: repo });
    expectNoCrash(result.stderr);
    expect(result.code, result.stderr).toBe(0);
  });
});
