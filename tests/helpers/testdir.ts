import { mkdirSync, mkdtempSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';
import { REPO_ROOT } from './cli.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temporary folder holding the given files; removed after the test. */
export function testdir(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'clausula-test-'));
  made.push(dir);
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return dir;
}

/** A temporary copy of a fixture library (tests/fixtures/<name>), plus overrides; removed after the test. */
export function fixtureCopy(name: string, overrides: Record<string, string | Buffer | null> = {}): string {
  const dir = testdir();
  cpSync(join(REPO_ROOT, 'tests/fixtures', name), dir, { recursive: true });
  for (const [path, content] of Object.entries(overrides)) {
    const full = join(dir, path);
    if (content === null) rmSync(full, { force: true });
    else {
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content);
    }
  }
  return dir;
}
