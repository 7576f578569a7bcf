import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { PACKAGE_ROOT } from '../../package-root.js';
import { LIBRARY_FILE } from '../read-layer.js';
import type { BaseLink } from '../model.js';

export type BaseLocation = { dir: string; kind: BaseLink['kind']; package?: string } | { problem: string; fix: string; field: 'from' | 'library' };

/** npm's rule for package names, with an optional @scope/. */
const PACKAGE_NAME = /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;

/** Does `from` name a folder (rather than an npm package)? A folder is written as a path: ./, ../ or absolute. */
export function isFolderSpec(from: string): boolean {
  return from === '.' || from === '..' || from.startsWith('./') || from.startsWith('../') || isAbsolute(from) || /^[A-Za-z]:[\\/]/.test(from) || from.includes('\\');
}

/**
 * Where the base a library extends is. `from` a folder: relative to the library's folder.
 * `from` an npm package name: in node_modules/ of the library's folder or the nearest folder
 * above that has it, as Node looks packages up. No `from`: the library clausula ships.
 */
export function locateBase(libraryDir: string, from: string | undefined): BaseLocation {
  if (from === undefined) return { dir: PACKAGE_ROOT, kind: 'shipped', ...packageOf(PACKAGE_ROOT) };
  if (isFolderSpec(from)) {
    const dir = resolve(libraryDir, from);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      return { problem: `the base folder ${from} does not exist`, fix: 'give the folder, relative to this library, that holds the base library (its clauses/ and templates/), or clone it there', field: 'from' };
    }
    if (!existsSync(join(dir, LIBRARY_FILE))) {
      return { problem: `the folder ${from} is not a clause library (it has no ${LIBRARY_FILE})`, fix: 'give the folder that holds the base library, with its clauses/ and templates/', field: 'from' };
    }
    return { dir, kind: 'folder' };
  }
  if (!PACKAGE_NAME.test(from)) {
    return { problem: `"${from}" is neither a folder nor an npm package name`, fix: 'write a folder as a path (./base or ../bcn-data-clauses), or give the name of the npm package that holds the base', field: 'from' };
  }
  for (let dir = libraryDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', ...from.split('/'));
    if (existsSync(candidate) && statSync(candidate).isDirectory()) {
      if (!existsSync(join(candidate, LIBRARY_FILE))) {
        return { problem: `the npm package ${from} (${candidate}) holds no clause library: it has no ${LIBRARY_FILE} next to its package.json`, fix: 'install the package that publishes the base library', field: 'from' };
      }
      return { dir: candidate, kind: 'package', ...packageOf(candidate) };
    }
    if (dirname(dir) === dir) break;
  }
  return { problem: `the npm package ${from} is not installed in this library's folder or any folder above it`, fix: `run npm install ${from} in the library's folder`, field: 'from' };
}

/**
 * The npm package a base folder is, as `name@version` from its package.json, so that the
 * lock can record which package release a base came from (`npm pack` fetches it again).
 * Nothing when the folder has no readable package.json with both.
 */
function packageOf(dir: string): { package?: string } {
  try {
    const json = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
    return typeof json.name === 'string' && PACKAGE_NAME.test(json.name) && typeof json.version === 'string' && /^\S+$/.test(json.version) ? { package: `${json.name}@${json.version}` } : {};
  } catch {
    return {};
  }
}
