import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import semver from 'semver';
import { InputError, UsageError } from '../../errors.js';
import { loadLibrary, LIBRARY_FILE } from '../../library/load-library.js';
import { ownLayer, type Layer, type Library } from '../../library/model.js';
import { terminalJson } from '../../text/terminal-safe.js';
import { findRelease, taggedReleases, type FoundRelease } from '../../versioning/base-release.js';
import { formatUpgradeMarkdown } from '../../versioning/format/upgrade-markdown.js';
import { formatUpgradeStylish } from '../../versioning/format/upgrade-stylish.js';
import { upgradeReport, type ReleaseSide, type UpgradeReport } from '../../versioning/upgrade.js';
import { writeFileSafely } from '../../write/write-file.js';
import type { CommandContext } from '../context.js';
import { displayPath, languageFor, loadFor, relativeToCwd } from '../load.js';

/**
 * `clausula upgrade [DIR] [--to VERSION]`: what a new release of the base changes for a
 * library over it. The release it compares from is the one clauses.lock.yaml records (the
 * one last reviewed), else the one installed; the release it compares to is --to, else the
 * one installed when it is newer, else the newest tagged in the base's git repository.
 * Each is read from the base's folder when it is at that release, from a git tag of the
 * base's repository (without touching its checkout), or from npm for a base installed as
 * a package.
 */
export async function run(ctx: CommandContext, args: string[], options: Record<string, unknown>): Promise<number> {
  const format = String(options.format ?? 'stylish');
  const library = loadFor(ctx, libraryFolder(ctx, args[0]));
  const shown = displayPath(ctx, library.dir);
  const own = ownLayer(library);
  if (!library.manifest || !own) throw new InputError(`${shown}: ${LIBRARY_FILE} cannot be read`, 'correct it (clausula lint shows why), then run clausula upgrade again');
  if (!own.manifest.value.extends) {
    throw new UsageError(`${shown} extends no base, so there is no base release to take`, 'give the folder of a library over a base (extends: in clauses/library.yaml), or start one with clausula init DIR --extends LIBRARY');
  }
  const layer = library.layers[1];
  if (!layer) {
    const findings = library.findings.filter((f) => f.file === LIBRARY_FILE && f.ruleId.startsWith('base-'));
    throw new InputError(`${shown}: the base it extends cannot be read`, 'correct extends: in clauses/library.yaml (clausula lint shows why)', relativeToCwd(ctx, library, findings));
  }
  const baseShown = layer.found?.kind === 'package' ? `npm package ${layer.found.from}` : layer.found?.kind === 'shipped' ? 'the library clausula ships' : displayPath(ctx, layer.dir);

  const locked = library.lock?.value.bases?.[0];
  const fromVersion = locked && locked.library === layer.id ? locked.version : layer.version;
  const toVersion = targetVersion(layer, fromVersion, options.to);
  if (toVersion === undefined) {
    ctx.io.stdout.write(`${layer.id} ${fromVersion} (${baseShown}) is the release ${locked ? 'clauses.lock.yaml records' : 'installed'}, and no newer release was found: nothing to review.\nTo review a given release: ${ctx.command('upgrade', ...(args[0] !== undefined ? [args[0]] : []), '--to')} VERSION\n`);
    return 0;
  }
  if (toVersion === fromVersion) {
    ctx.io.stdout.write(`${shown} is already reviewed against ${layer.id} ${fromVersion}: nothing to review.\n`);
    return 0;
  }

  const temporary: string[] = [];
  try {
    const from = openRelease(layer, fromVersion, baseShown, temporary, locked ? 'the release clauses.lock.yaml records' : 'the release installed', ctx.io.env, locked?.library === layer.id ? locked.package : undefined);
    const to = openRelease(layer, toVersion, baseShown, temporary, `release ${toVersion}`, ctx.io.env);
    const language = languageFor(library, options.lang);
    const report = upgradeReport(library, from, to, language, updateStep(layer, toVersion, to.source, baseShown));
    const text = format === 'json' ? terminalJson(jsonReport(report)) + '\n' : format === 'markdown' ? formatUpgradeMarkdown(report) : stylish(ctx, report, options.output !== undefined);
    if (options.output !== undefined) await writeFileSafely(ctx.resolvePath(String(options.output)), text, { force: true, display: String(options.output) });
    else ctx.io.stdout.write(text);
    return 0;
  } finally {
    for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
  }
}

/** DIR, else --library, else the current folder when it holds a library: where a city's maintainers run it. */
function libraryFolder(ctx: CommandContext, dir: string | undefined): string | undefined {
  if (dir !== undefined) return ctx.resolvePath(dir);
  if (ctx.libraryGiven) return undefined;
  return existsSync(join(ctx.io.cwd, LIBRARY_FILE)) ? ctx.io.cwd : undefined;
}

function stylish(ctx: CommandContext, report: UpgradeReport, toFile: boolean): string {
  const chalk = new Chalk({ level: ctx.color && !toFile ? 1 : 0 });
  const width = !toFile && ctx.io.stdout.isTTY && ctx.io.stdout.columns ? Math.max(60, ctx.io.stdout.columns) : 100;
  return formatUpgradeStylish(report, { chalk, width });
}

/** The release to compare to: --to, else the installed one when it is newer than the reviewed one, else the newest tag. */
function targetVersion(layer: Layer, fromVersion: string, to: unknown): string | undefined {
  if (to !== undefined) {
    const version = semver.valid(String(to).replace(/^v/, ''));
    if (version === null) throw new UsageError(`--to ${String(to)} is not a version`, 'give the base release to review, such as --to 2.1.0');
    return version;
  }
  if (layer.version !== fromVersion) return layer.version;
  return taggedReleases(layer).find((v) => semver.gt(v, fromVersion));
}

function openRelease(layer: Layer, version: string, shown: string, temporary: string[], what: string, env: Readonly<Record<string, string | undefined>>, lockedPackage?: string): ReleaseSide {
  let found: FoundRelease | undefined;
  try {
    found = findRelease(layer, version, shown, env, lockedPackage);
  } finally {
    if (found?.temporary) temporary.push(found.temporary);
  }
  if (!found) {
    const where = layer.found?.kind === 'folder' ? `the folder ${shown} is at ${layer.version}, and its git repository has no tag v${version}` : `${shown} is at ${layer.version}`;
    const fix =
      layer.found?.kind === 'shipped'
        ? 'install the clausula that ships that release (npm install --save-dev clausula@latest), then run clausula upgrade: it compares the release clauses.lock.yaml records with the one installed'
        : "fetch the base repository's tags (git -C BASE fetch --tags), or give a release that is at hand with --to";
    throw new InputError(`${what}, ${layer.id} ${version}, is not at hand: ${where}`, fix);
  }
  const library: Library = loadLibrary(found.dir, found.source, { baseFrom: layer.dir });
  const manifest = library.manifest?.value;
  if (!manifest) throw new InputError(`${found.source}: its ${LIBRARY_FILE} cannot be read`, 'check the release (clausula lint on it shows why)');
  if (manifest.id !== layer.id || manifest.version !== version) {
    throw new InputError(`${found.source} holds ${manifest.id}@${manifest.version}, not ${layer.id}@${version}`, 'check the tag or the package version');
  }
  return { library, source: found.source };
}

/** How to put the new release where the library finds it. */
function updateStep(layer: Layer, version: string, source: string, shown: string): string {
  const kind = layer.found?.kind;
  if (layer.version === version) return `the base is already at ${version} where this library finds it`;
  if (kind === 'package') return `install the release: npm install ${layer.found!.from}@${version}`;
  if (kind === 'shipped') return `install a clausula that ships ${layer.id} ${version}`;
  const tag = /^git tag (\S+) of /.exec(source)?.[1];
  return tag ? `check the release out: git -C ${shown} checkout ${tag}` : `put release ${version} in ${shown}`;
}

/** The report for scripts: the three-way facts, without the library objects. */
function jsonReport(r: UpgradeReport): unknown {
  return { version: 1, ...r };
}
