import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fixtureCopy } from '../helpers/testdir.js';
import { expectNoCrash, unchanged } from './guard.js';

/** A library with no clause at all: build says so, exit 2, and writes no empty annex. */
test('an empty library: build refuses with a plain message and writes nothing', async () => {
  const dir = fixtureCopy('basic', {
    'answers.yaml': 'answers:\n  authorityName: Example Council\n  contractTitle: Resurfacing\n  contractType: works\n  contractDurationMonths: 6\n  generatesData: false\n  hosting: none\n  ensCategory: basic\n',
  });
  for (const entry of readdirSync(join(dir, 'clauses'), { withFileTypes: true })) {
    if (entry.isDirectory()) rmSync(join(dir, 'clauses', entry.name), { recursive: true });
  }
  rmSync(join(dir, 'clauses/clauses.lock.yaml'), { force: true });
  const result = await unchanged(dir, () => runCli(['--library', '.', 'build', 'answers.yaml', '--format', 'md'], { cwd: dir, env: { SOURCE_DATE_EPOCH: '0' } }));
  expectNoCrash(result.stderr);
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr).toMatch(/no clause of the library applies to these answers, so there is no document to write/);
  expect(result.stdout).toBe('');
});
