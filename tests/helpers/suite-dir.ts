import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import { REPO_ROOT } from './cli.js';

/**
 * A copy of a fixture library (tests/fixtures/<name>) plus extra files that lives for the
 * whole test file (testdir's folders go after each test), for suites that build once in
 * beforeAll and read the result in several tests.
 */
const made: string[] = [];
// Registered when a test file imports this helper, so it also runs for folders made in beforeAll
// (a hook registered inside another hook would never run).
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function suiteFixture(name: string, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'clausula-suite-'));
  made.push(dir);
  cpSync(join(REPO_ROOT, 'tests/fixtures', name), dir, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}
