import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, REPO_ROOT } from '../helpers/cli.js';
import { makeBaseTwo } from '../helpers/base-repo.js';
import { clauseFile, layerOver, lock } from '../helpers/layers.js';
import { testdir } from '../helpers/testdir.js';

const NAME = '@coalition/data-clauses';

/**
 * The fixture base as an npm package at a release: package.json next to clauses/ and
 * templates/. The package's version is the library's unless given (as clausula's own
 * package ships the library at a release of its own).
 */
function basePackage(dir: string, release: '1.0.0' | '2.0.0', packageVersion: string = release): string {
  cpSync(join(REPO_ROOT, 'tests/fixtures/basic'), dir, { recursive: true });
  lock(dir);
  if (release === '2.0.0') makeBaseTwo(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: NAME, version: packageVersion, files: ['clauses/', 'templates/'] }, null, 2));
  return dir;
}

/** Package releases published in the registry, and the library release each holds. */
const PUBLISHED: Record<string, '1.0.0' | '2.0.0'> = { '1.0.0': '1.0.0', '2.0.0': '2.0.0', '1.0.1': '1.0.0', '3.0.0': '2.0.0' };

/**
 * A registry of one package on a loopback port, as npm speaks to one: the package document
 * and each release's tarball (made by `npm pack`), with its integrity.
 */
async function registry(tarballs: Record<string, Buffer>): Promise<{ server: Server; url: string }> {
  let url = '';
  const server = createServer((request, response) => {
    const path = decodeURIComponent(request.url ?? '');
    const release = /^\/tarballs\/(\d+\.\d+\.\d+)\.tgz$/.exec(path)?.[1];
    if (release && tarballs[release]) {
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      response.end(tarballs[release]);
      return;
    }
    if (path === `/${NAME}`) {
      const versions = Object.fromEntries(
        Object.entries(tarballs).map(([version, bytes]) => [
          version,
          {
            name: NAME,
            version,
            dist: { tarball: `${url}/tarballs/${version}.tgz`, integrity: `sha512-${createHash('sha512').update(bytes).digest('base64')}`, shasum: createHash('sha1').update(bytes).digest('hex') },
          },
        ]),
      );
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ name: NAME, 'dist-tags': { latest: '2.0.0' }, versions }));
      return;
    }
    response.writeHead(404, { 'content-type': 'application/json' });
    response.end('{"error":"not found"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, url };
}

/** Spawn the built binary without blocking this process, which serves the registry. */
function clausula(args: string[], cwd: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? '', HOME: cwd, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('clausula upgrade, a base installed from npm', () => {
  let server: Server;
  let env: Record<string, string>;
  const packs = testdir();

  beforeAll(async () => {
    const tarballs: Record<string, Buffer> = {};
    for (const [release, library] of Object.entries(PUBLISHED)) {
      const dir = basePackage(join(packs, `src-${release}`), library, release);
      const file = execFileSync('npm', ['pack', '--silent', '--pack-destination', packs], { cwd: dir, encoding: 'utf8', env: { ...process.env, npm_config_cache: join(packs, 'cache') } }).trim().split('\n').pop()!;
      tarballs[release] = readFileSync(join(packs, file));
    }
    const r = await registry(tarballs);
    server = r.server;
    env = { npm_config_registry: `${r.url}/`, npm_config_cache: join(packs, 'npm-cache'), npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false' };
  }, 120_000);

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** A city project: package.json, the base's 1.0.0 in node_modules, the library over it, locked. */
  function cityProject(installed: '1.0.0' | '2.0.0' = '1.0.0', packages: { locked: string; installed: string } = { locked: '1.0.0', installed }): string {
    const project = testdir({ 'package.json': JSON.stringify({ name: 'girona-clauses', private: true, dependencies: { [NAME]: '^1.0.0' } }) });
    const installedAt = join(project, 'node_modules', ...NAME.split('/'));
    mkdirSync(installedAt, { recursive: true });
    basePackage(installedAt, '1.0.0', packages.locked);
    layerOver(installedAt, { 'clauses/ownership/generated-data.yaml': clauseFile('ownership.generated-data', { overrides: '1.0.0', text: 'All data belong to the City of Girona.', when: 'generatesData' }) }, { dir: project, from: NAME });
    if (installed === '2.0.0') {
      rmSync(installedAt, { recursive: true });
      basePackage(installedAt, '2.0.0', packages.installed);
    }
    return project;
  }

  it('--to a release not installed: fetched with npm (its settings, its registry), the library files taken out of the package', async () => {
    const project = cityProject();
    const r = await clausula(['upgrade', '--to', '2.0.0', '--format', 'json'], project, env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { from: unknown; to: unknown; adapted: { upstream: { id: string } }[]; steps: string[] };
    expect(report.from).toEqual({ version: '1.0.0', source: 'npm package @coalition/data-clauses' });
    expect(report.to).toEqual({ version: '2.0.0', source: 'npm @coalition/data-clauses@2.0.0' });
    expect(report.adapted.map((a) => a.upstream.id)).toEqual(['ownership.generated-data']);
    expect(report.steps[1]).toBe('install the release: npm install @coalition/data-clauses@2.0.0');
  }, 60_000);

  it('after npm install of the new release: the release the lock records is fetched to compare with', async () => {
    const project = cityProject('2.0.0');
    const r = await clausula(['upgrade', '--format', 'json'], project, env);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ from: { version: '1.0.0', source: 'npm @coalition/data-clauses@1.0.0' }, to: { version: '2.0.0', source: 'npm package @coalition/data-clauses' } });
  }, 60_000);

  it('a package whose version is not the library release (as clausula ships its library): the lock records the package, and upgrade fetches that one', async () => {
    const project = cityProject('2.0.0', { locked: '1.0.1', installed: '3.0.0' });
    expect(readFileSync(join(project, 'clauses/clauses.lock.yaml'), 'utf8')).toContain('  - library: fixture-lib\n    version: 1.0.0\n    package: "@coalition/data-clauses@1.0.1"\n');
    const r = await clausula(['upgrade', '--format', 'json'], project, env);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ from: { version: '1.0.0', source: 'npm @coalition/data-clauses@1.0.1' }, to: { version: '2.0.0', source: 'npm package @coalition/data-clauses' } });
  }, 60_000);

  it('a release npm cannot fetch is an error that says which', async () => {
    const project = cityProject();
    const r = await clausula(['upgrade', '--to', '9.9.9'], project, env);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toMatch(/^clausula: error: npm cannot fetch @coalition\/data-clauses@9\.9\.9/);
    expect(r.stderr).toContain('How to fix: check that release 9.9.9 of @coalition/data-clauses is published (npm view @coalition/data-clauses versions)');
  }, 60_000);
});
