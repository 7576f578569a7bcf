import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, spawnCli } from '../helpers/cli.js';

const version = (JSON.parse(readFileSync(`${REPO_ROOT}/package.json`, 'utf8')) as { version: string }).version;

describe('the binary', () => {
  it('prints its version', () => {
    const r = spawnCli(['--version']);
    expect(r).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('lists every command in --help, with examples', () => {
    const r = spawnCli(['--help']);
    expect(r.code).toBe(0);
    for (const command of ['lint', 'explain', 'test', 'graph', 'list', 'show', 'schema', 'init']) {
      expect(r.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    }
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('Exit codes: 0 ok, 1 findings');
  });

  it('rejects an unknown command with exit 2 and a suggestion', () => {
    const r = spawnCli(['lnit']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("clausula: unknown command 'lnit'\n(Did you mean one of init, lint?)\nRun clausula --help for usage.\n");
  });

  it('rejects an unknown option with exit 2', () => {
    const r = spawnCli(['lint', '--frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--frobnicate'");
  });

  it('names a missing library folder without a stack trace', () => {
    const r = spawnCli(['--library', 'no/such/folder', 'list']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'clausula: error: no/such/folder: no such folder\nHow to fix: give the folder that holds clauses/ and templates/ (or omit --library to use the shipped library)\n',
    );
  });

  it('lints the shipped library clean', () => {
    const r = spawnCli(['lint', '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('colour', () => {
  it('is off when NO_COLOR is set even on a terminal', async () => {
    const r = await runCli(['lint', 'tests/fixtures/basic', '--max-warnings', '0'], { tty: true, env: { NO_COLOR: '1' } });
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('is on for a terminal without NO_COLOR, and off with --no-color', async () => {
    const lintColoured = await runCli(['explain', 'tests/fixtures/basic/clauses/scenarios/works.yaml', '--library', 'tests/fixtures/basic'], { tty: true, env: { NO_COLOR: undefined } });
    expect(lintColoured.stdout).toContain('\u001b[');
    const plain = await runCli(['explain', 'tests/fixtures/basic/clauses/scenarios/works.yaml', '--library', 'tests/fixtures/basic', '--no-color'], { tty: true, env: { NO_COLOR: undefined } });
    expect(plain.stdout).not.toContain('\u001b[');
  });
});

describe('start-up fast paths', () => {
  it('prints the same top-level help as the full command machinery', async () => {
    const fast = spawnCli(['--help']);
    const live = await runCli(['--help']);
    expect(fast.stdout).toBe(live.stdout);
    expect(spawnCli(['-h']).stdout).toBe(live.stdout);
  });

  it('prints the same version as commander', async () => {
    expect(spawnCli(['-V']).stdout).toBe((await runCli(['--version'])).stdout);
  });
});
