import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../helpers/cli.js';
import { baseLibrary } from '../helpers/layers.js';
import { testdir } from '../helpers/testdir.js';

describe('clausula init DIR --extends LIBRARY', () => {
  it('over the shipped library: a library that lints clean and holds every base clause (spawned)', () => {
    const dir = join(testdir(), 'girona-data-clauses');
    const init = spawnCli(['init', dir, '--extends', 'bcn-data-clauses']);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(init.stdout).toMatch(new RegExp(`^Created a clause library in ${dir} over bcn-data-clauses@\\S+ \\(\\d+ clauses from the base\\)\\.\\n`));
    const manifest = readFileSync(join(dir, 'clauses/library.yaml'), 'utf8');
    expect(manifest).toMatch(/^id: girona-data-clauses$/m);
    expect(manifest).toMatch(/^extends:\n {2}library: bcn-data-clauses\n {2}version: \^\S+ {3}# the base releases this library accepts\n#/m);
    expect(manifest).not.toMatch(/^\s+from:/m);
    expect(readdirSync(join(dir, 'clauses')).sort()).toEqual(['clauses.lock.yaml', 'library.yaml']);
    const lint = spawnCli(['lint', dir]);
    expect(lint.stdout).toMatch(/^✔ \d+ clauses, no problems\n$/);
    expect(lint.code).toBe(0);
    const shipped = spawnCli(['list', '--json']);
    const list = spawnCli(['--library', dir, 'list', '--json']);
    expect((JSON.parse(list.stdout) as { id: string; layer: string }[]).map((c) => `${c.id} ${c.layer}`)).toEqual((JSON.parse(shipped.stdout) as { id: string }[]).map((c) => `${c.id} bcn-data-clauses`));
  });

  it('over a folder: extends.from is the folder, relative to the new library', async () => {
    const base = baseLibrary();
    const dir = join(testdir(), 'city');
    const r = await runCli(['init', dir, '--extends', base, '--id', 'city-lib']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const manifest = readFileSync(join(dir, 'clauses/library.yaml'), 'utf8');
    expect(manifest).toContain(`extends:\n  library: fixture-lib\n  version: ^1.0.0   # the base releases this library accepts\n  from: ../../${base.split('/').pop()}\n`);
    expect((await runCli(['lint', dir])).stdout).toBe('✔ 11 clauses, no problems\n');
    expect(readFileSync(join(dir, 'clauses/clauses.lock.yaml'), 'utf8')).toContain('bases:\n  - library: fixture-lib\n    version: 1.0.0\n    clauses:\n      exit.handover: { version: 1.0.0, hash: "sha256:');
  });

  it('over an installed npm package, in a folder made for the npm project', async () => {
    const base = baseLibrary();
    const project = testdir({ 'package.json': '{ "name": "girona-clauses", "private": true, "dependencies": { "@coalition/data-clauses": "^1.0.0" } }\n' });
    mkdirSync(join(project, 'node_modules/@coalition'), { recursive: true });
    symlinkSync(base, join(project, 'node_modules/@coalition/data-clauses'));
    const r = await runCli(['init', project, '--extends', '@coalition/data-clauses', '--id', 'girona', '--languages', 'en']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(join(project, 'clauses/library.yaml'), 'utf8')).toContain('version: 0.1.0\nlanguages: [en]\nextends:\n  library: fixture-lib\n  version: ^1.0.0   # the base releases this library accepts\n  from: "@coalition/data-clauses"\n');
    expect((await runCli(['lint', project])).stdout).toBe('✔ 11 clauses, no problems\n');
  });

  it('says what is wrong with the base, and writes nothing', async () => {
    const parent = testdir();
    const dir = join(parent, 'city');
    const missing = await runCli(['init', dir, '--extends', 'no-such-package']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("clausula: error: --extends no-such-package: the npm package no-such-package is not installed in this library's folder or any folder above it\nHow to fix: run npm install no-such-package in the library's folder\n");
    const languages = await runCli(['init', dir, '--extends', baseLibrary(), '--languages', 'en,fr']);
    expect(languages.code).toBe(2);
    expect(languages.stderr).toBe('clausula: error: --languages fr: the base fixture-lib has texts in en only\nHow to fix: choose among en\n');
    expect(readdirSync(parent)).toEqual([]);
  });

  it('an npm project folder may already hold package.json and node_modules; anything else is refused', async () => {
    const dir = testdir({ 'package.json': '{}', 'notes.txt': 'mine' });
    writeFileSync(join(dir, 'package-lock.json'), '{}');
    const r = await runCli(['init', dir, '--extends', 'bcn-data-clauses']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`clausula: error: ${dir} is not empty; clausula init only fills a new or empty folder\nHow to fix: choose a new folder name\n`);
  });
});
