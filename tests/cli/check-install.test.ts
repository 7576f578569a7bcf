import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';
import { testdir } from '../helpers/testdir.js';

/** A checkout with this package.json, lockfile and installed packages, and the build's install check in its scripts/. */
function checkout(installed: Record<string, string>): string {
  const dir = testdir();
  mkdirSync(join(dir, 'scripts'));
  copyFileSync(join(REPO_ROOT, 'scripts/check-install.mjs'), join(dir, 'scripts/check-install.mjs'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ dependencies: { saxes: '^6.0.0', yaml: '^2.8.0' } }));
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ packages: { 'node_modules/saxes': { version: '6.0.0' }, 'node_modules/yaml': { version: '2.8.1' } } }));
  for (const [name, version] of Object.entries(installed)) {
    mkdirSync(join(dir, 'node_modules', name), { recursive: true });
    writeFileSync(join(dir, 'node_modules', name, 'package.json'), JSON.stringify({ name, version }));
  }
  return dir;
}

const check = (dir: string) => spawnSync(process.execPath, [join(dir, 'scripts/check-install.mjs')], { encoding: 'utf8' });

describe('the build checks the installed packages first', () => {
  it('passes when node_modules holds what the lockfile records', () => {
    const r = check(checkout({ saxes: '6.0.0', yaml: '2.8.1' }));
    expect([r.status, r.stderr]).toEqual([0, '']);
  });

  it('names a missing or different package and says to run npm ci, instead of failing in tsc', () => {
    const r = check(checkout({ yaml: '2.7.0' }));
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('node_modules does not match package-lock.json: saxes is not installed; yaml is 2.7.0, package-lock.json records 2.8.1\nHow to fix: run `npm ci` (or `npm install`), then build again\n');
  });
});
