import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../helpers/cli.js';
import { testdir } from '../helpers/testdir.js';

describe('clausula init', () => {
  it('creates a library that lints clean and passes its scenario (spawned)', () => {
    const dir = join(testdir(), 'my-lib');
    const init = spawnCli(['init', dir, '--languages', 'ca,es,en']);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain(`Created a clause library in ${dir}`);
    const lint = spawnCli(['lint', dir]);
    expect(lint.stdout).toBe('✔ 2 clauses, no problems\n');
    expect(lint.code).toBe(0);
    expect(spawnCli(['test', dir]).code).toBe(0);
  });

  it('writes every file kind, and the schemas next to them', async () => {
    const dir = join(testdir(), 'lib');
    expect((await runCli(['init', dir])).code).toBe(0);
    for (const file of ['clauses/library.yaml', 'clauses/questions.yaml', 'templates/data-clauses.yaml', 'clauses/scenarios/personal-data.yaml', 'schemas/clause.schema.json']) {
      expect(existsSync(join(dir, file)), file).toBe(true);
    }
  });

  it('refuses a folder that is not empty', async () => {
    const dir = testdir({ 'notes.txt': 'mine' });
    const r = await runCli(['init', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`clausula: error: ${dir} is not empty; clausula init only fills a new or empty folder\nHow to fix: choose a new folder name\n`);
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });

  it('refuses bad language codes', async () => {
    const r = await runCli(['init', join(testdir(), 'x'), '--languages', 'english']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('clausula: error: --languages must list language codes such as en,es,ca, not "english"\n');
  });
});
