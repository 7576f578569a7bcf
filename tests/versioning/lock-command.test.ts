import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { starterLibrary } from '../../src/init/starter.js';
import { runCli } from '../helpers/cli.js';
import { testdir } from '../helpers/testdir.js';

const LOCK = 'clauses/clauses.lock.yaml';
const CLAUSE = 'clauses/ownership/generated-data.yaml';

function library(): { dir: string; lock: string } {
  const dir = testdir(starterLibrary('city', ['en'], '2026-01-15'));
  return { dir, lock: readFileSync(join(dir, LOCK), 'utf8') };
}

function edit(dir: string, file: string, from: string, to: string): void {
  const text = readFileSync(join(dir, file), 'utf8');
  if (!text.includes(from)) throw new Error(`${from} not in ${file}`);
  writeFileSync(join(dir, file), text.replace(from, to));
}

describe('clausula lock', () => {
  it('writes the lock of a library that has none: the lock init wrote', async () => {
    const { dir, lock } = library();
    rmSync(join(dir, LOCK));
    const r = await runCli(['lock', '.'], { cwd: dir });
    expect(r.stdout).toBe(`Wrote ${LOCK} (city 0.1.0, 2 clauses)\n`);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, LOCK), 'utf8')).toBe(lock);
  });

  it('leaves an up-to-date lock alone', async () => {
    const { dir } = library();
    const r = await runCli(['--library', dir, 'lock']);
    expect(r.stdout).toBe(`${dir}/${LOCK} is up to date (city 0.1.0, 2 clauses)\n`);
    expect(r.code).toBe(0);
  });

  it('refuses, exit 1, while a changed clause has no new version, naming where; --force writes anyway', async () => {
    const { dir, lock } = library();
    edit(dir, CLAUSE, 'belong to', 'belong exclusively to');
    const r = await runCli(['lock', '.'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`clausula: ${LOCK} not written: changed clauses need new versions first\n`);
    expect(r.stderr).toContain('clauses/library.yaml\n  5:10  error  1 clause changed (ownership.generated-data) since');
    expect(r.stderr).toContain(`${CLAUSE}\n  3:10  error  the clause's normative content`);
    expect(r.stderr).toContain('run clausula lock --force');
    expect(readFileSync(join(dir, LOCK), 'utf8')).toBe(lock);

    const forced = await runCli(['lock', '.', '--force'], { cwd: dir });
    expect(forced.stdout).toBe(`Wrote ${LOCK} (city 0.1.0, 2 clauses: 1 changed, 0 added, 0 removed)\n`);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, LOCK), 'utf8')).not.toBe(lock);
  });

  it('records new versions and says what changed', async () => {
    const { dir } = library();
    edit(dir, CLAUSE, 'belong to', 'belong exclusively to');
    edit(dir, CLAUSE, 'version: 1.0.0', 'version: 1.1.0');
    edit(dir, 'clauses/library.yaml', 'version: 0.1.0', 'version: 0.2.0');
    const r = await runCli(['lock', '.'], { cwd: dir });
    expect(r.stdout).toBe(`Wrote ${LOCK} (city 0.2.0, 2 clauses: 1 changed, 0 added, 0 removed; release 0.1.0 → 0.2.0)\n`);
    expect(readFileSync(join(dir, LOCK), 'utf8')).toMatch(/\nversion: 0\.2\.0\n[\s\S]*\n {2}ownership\.generated-data: \{ version: 1\.1\.0, hash: "sha256:[0-9a-f]{64}" \}\n/);
  });

  it('prints JSON with --json', async () => {
    const { dir } = library();
    edit(dir, 'clauses/library.yaml', 'version: 0.1.0', 'version: 0.1.1');
    const r = await runCli(['lock', '.', '--json'], { cwd: dir });
    expect(JSON.parse(r.stdout)).toEqual({ file: LOCK, written: true, library: 'city', version: '0.1.1', clauses: 2, changed: [], added: [], removed: [] });
  });

  it('refuses, exit 2, when a clause file cannot be read: the lock would leave it out', async () => {
    const { dir, lock } = library();
    writeFileSync(join(dir, CLAUSE), 'id: [unclosed\n');
    const r = await runCli(['lock', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^clausula: error: cannot lock: 1 library file cannot be read\n {2}clauses\/ownership\/generated-data\.yaml:\d+:\d+ {2}error {2}/);
    expect(r.stderr).toContain('How to fix: correct the files above (clausula lint shows every problem), then run clausula lock again\n');
    expect(readFileSync(join(dir, LOCK), 'utf8')).toBe(lock);
  });

  it('refuses, exit 2, when two clauses share an id', async () => {
    const { dir } = library();
    writeFileSync(join(dir, 'clauses/ownership/copy.yaml'), readFileSync(join(dir, CLAUSE), 'utf8'));
    const r = await runCli(['lock', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('clausula: error: cannot lock: clause ids must be unique (ownership.generated-data)\n  clauses/ownership/copy.yaml:2:5  error  clause id ownership.generated-data is used by more than one file');
  });

  it('rewrites a lock that cannot be read', async () => {
    const { dir, lock } = library();
    writeFileSync(join(dir, LOCK), 'library: [\n');
    const r = await runCli(['lock', '.'], { cwd: dir });
    expect(r.stdout).toBe(`Wrote ${LOCK} (city 0.1.0, 2 clauses)\n`);
    expect(readFileSync(join(dir, LOCK), 'utf8')).toBe(lock);
  });
});
