import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { fixtureCopy } from '../helpers/testdir.js';
import { expectNoCrash } from './guard.js';

/**
 * Standard output on a full disk (/dev/full answers every write with ENOSPC): one plain
 * message, exit 2, and no line saying a document was written; never a stack trace.
 */

const ANSWERS = 'answers:\n  authorityName: Example Council\n  contractTitle: Resurfacing\n  contractType: works\n  contractDurationMonths: 6\n  generatesData: false\n  hosting: none\n  ensCategory: basic\n';
const MESSAGE = [
  'clausula: error: cannot write to standard output: no space left on the device (ENOSPC); what was written there is incomplete',
  'How to fix: free some space where the output goes, or write to a file with -o FILE on a disk that has room',
  '',
].join('\n');

describe.skipIf(!existsSync('/dev/full'))('a full disk on standard output', () => {
  const full = existsSync('/dev/full') ? openSync('/dev/full', 'w') : -1;
  afterAll(() => closeSync(full));
  // The library folder and the answers in it, made afresh for each case (test folders go after each test).
  const dir = '<library>';
  const answers = join(dir, 'answers.yaml');

  const cases: [string, string[]][] = [
    ['build -o - (Markdown)', ['--library', dir, 'build', answers, '--format', 'md', '-o', '-']],
    ['build -o - (Word)', ['--library', dir, 'build', answers, '--format', 'docx', '-o', '-']],
    ['guide -o -', ['--library', dir, 'guide', '--format', 'md', '-o', '-']],
    ['build -o FILE (its success line on standard output)', ['--library', dir, 'build', answers, '--format', 'md', '-o', join(dir, 'tender.md'), '--force']],
    ['lint', ['lint', dir]],
    ['list', ['--library', dir, 'list']],
    ['schema', ['schema']],
    ['--version', ['--version']],
    ['--help', ['--help']],
  ];
  test.each(cases)('%s: exit 2, one plain message, no success line', (_what, argv) => {
    const library = fixtureCopy('basic', { 'answers.yaml': ANSWERS });
    const result = spawnSync(process.execPath, [BIN, ...argv.map((a) => a.replace(dir, library))], {
      stdio: ['ignore', full, 'pipe'],
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', SOURCE_DATE_EPOCH: '0' },
    });
    expect(result.status, result.stderr).toBe(2);
    expectNoCrash(result.stderr);
    expect(result.stderr).not.toMatch(/Wrote/);
    expect(result.stderr).toBe(MESSAGE);
  });
});
