import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { InputError } from '../errors.js';
import { makeDirectory } from '../write/make-directory.js';

/** A package's library, unpacked: `dir` holds its clauses/ and templates/. */
export interface FetchedPackage {
  dir: string;
  temporary: string;
}

/**
 * A release of a base published on npm: `npm pack NAME@VERSION` fetches its tarball (from
 * the registry npm is set up for, with its cache and credentials; no package scripts run),
 * and only the library's YAML files (clauses/, templates/) and package.json are taken out of
 * it, each checked to stay inside the folder: nothing in the package is run or trusted.
 */
export function fetchPackage(name: string, version: string, env: Readonly<Record<string, string | undefined>>): FetchedPackage {
  const temporary = mkdtempSync(join(tmpdir(), 'clausula-npm-'));
  try {
    const result = spawnSync('npm', ['pack', `${name}@${version}`, '--pack-destination', temporary, '--json', '--ignore-scripts'], {
      encoding: 'utf8',
      env: { ...env },
      maxBuffer: 64 * 1024 * 1024,
      windowsHide: true,
      shell: process.platform === 'win32',
    });
    if (result.error) {
      const code = (result.error as NodeJS.ErrnoException).code;
      throw new InputError(code === 'ENOENT' ? `npm is not installed, so ${name}@${version} cannot be fetched` : `cannot run npm: ${result.error.message}`, 'install Node.js with npm, or check out the base release with git');
    }
    if (result.status !== 0) {
      const why = (result.stderr || result.stdout).split('\n').find((l) => /ERR!|error/i.test(l) && !/A complete log/.test(l))?.replace(/^npm (ERR!|error) ?/, '').trim();
      throw new InputError(`npm cannot fetch ${name}@${version}${why ? `: ${why}` : ''}`, `check that release ${version} of ${name} is published (npm view ${name} versions)`);
    }
    const packed = JSON.parse(result.stdout) as { filename?: string }[];
    const file = packed[0]?.filename;
    if (!file) throw new InputError(`npm pack ${name}@${version} did not say which file it wrote`);
    const dir = join(temporary, 'package');
    unpackLibrary(readFileSync(join(temporary, file.replace(/^.*[\\/]/, ''))), dir);
    return { dir, temporary };
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw error;
  }
}

/** What a clause library's package holds that clausula reads. */
function wanted(path: string): boolean {
  return path === 'package.json' || (/^(clauses|templates)\/([A-Za-z0-9._-]+\/)*[A-Za-z0-9._-]+\.ya?ml$/.test(path) && !path.split('/').some((p) => p === '..' || p === '.'));
}

/**
 * Take a clause library out of an npm tarball (gzip, then tar: 512-byte headers, ustar
 * names with their prefix, pax `path` records for long ones). Regular files only: links,
 * devices and anything outside clauses/ and templates/ are left in the archive.
 */
export function unpackLibrary(tgz: Buffer, into: string): void {
  const tar = gunzipSync(tgz, { maxOutputLength: 512 * 1024 * 1024 });
  let offset = 0;
  let longName: string | undefined;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start: number, length: number) => header.subarray(start, start + length).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    if (!Number.isFinite(size) || size < 0) throw new InputError('the package is not a valid tar archive');
    const type = field(156, 1) || '0';
    const prefix = field(345, 155);
    const name = longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    const body = tar.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type === 'x') {
      longName = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString('utf8'))?.[1];
      continue;
    }
    longName = undefined;
    if (type !== '0') continue;
    // npm packs everything under package/.
    const path = name.replace(/^package\//, '');
    if (path === name || !wanted(path)) continue;
    const target = join(into, ...path.split('/'));
    makeDirectory(dirname(target));
    writeFileSync(target, body);
  }
}
