import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { InputError, UsageError } from '../../errors.js';
import { layerStarter } from '../../init/layer-starter.js';
import { starterLibrary } from '../../init/starter.js';
import { loadLibrary, LIBRARY_FILE, LOCK_FILE } from '../../library/load-library.js';
import { isFolderSpec, locateBase } from '../../library/layers/resolve-base.js';
import { PACKAGE_ROOT } from '../../package-root.js';
import { formatLockFile, lockOf } from '../../versioning/lock.js';
import { fileKinds, jsonSchemaFor, schemaFileName } from '../../schema/index.js';
import { makeDirectory } from '../../write/make-directory.js';
import { writeFileSafely } from '../../write/write-file.js';
import type { CommandContext } from '../context.js';
import { displayPath } from '../load.js';

export async function run(ctx: CommandContext, args: string[], options: Record<string, unknown>): Promise<number> {
  const dir = ctx.resolvePath(args[0]!);
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new UsageError(`${args[0]} exists and is not a folder`);
    // A folder made for an npm project (a package.json and the base installed in node_modules) or a git repository is fine.
    const taken = readdirSync(dir).filter((name) => !PROJECT_FILES.has(name));
    if (taken.length > 0) throw new UsageError(`${args[0]} is not empty; clausula init only fills a new or empty folder`, 'choose a new folder name');
  }
  if (options.extends !== undefined) return initLayer(ctx, dir, String(options.extends), options);
  const languages = languageList(options.languages ?? 'en');
  const id = libraryId(dir, options);

  const today = new Date().toISOString().slice(0, 10);
  const files = starterLibrary(id, languages, today);
  await writeAll(dir, files);
  const shown = displayPath(ctx, dir);
  ctx.io.stdout.write(
    `Created a clause library in ${shown} (${Object.keys(files).length} files).\n\nNext:\n  ${ctx.command('lint', shown)}\n  ${ctx.command('--library', shown, 'test')}\n  ${ctx.command('--library', shown, 'list')}\n`,
  );
  return 0;
}

/** What an npm project or a git repository already holds: init may fill such a folder. */
const PROJECT_FILES = new Set(['package.json', 'package-lock.json', 'node_modules', '.git', '.gitignore', '.npmrc']);

function libraryId(dir: string, options: Record<string, unknown>): string {
  const id = String(options.id ?? slug(basename(dir)));
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new UsageError(`"${id}" cannot be a library id`, 'give --id in lower-case words joined by hyphens, such as city-data-clauses');
  return id;
}

/** The files, and the JSON Schemas editors check them with. */
async function writeAll(dir: string, files: Record<string, string>): Promise<void> {
  for (const kind of fileKinds) files[`schemas/${schemaFileName(kind)}`] = JSON.stringify(jsonSchemaFor(kind), null, 2) + '\n';
  for (const [file, content] of Object.entries(files).sort()) {
    const path = join(dir, file);
    makeDirectory(dirname(path));
    await writeFileSafely(path, content, { within: dir, naming: 'fixed' });
  }
}

/**
 * `clausula init DIR --extends LIBRARY`: a library over a base. LIBRARY is a folder (a git
 * checkout of the base), the id of the library clausula ships, or an npm package installed
 * in DIR or a folder above it. The new library holds its manifest and its lock, and lints clean.
 */
async function initLayer(ctx: CommandContext, dir: string, spec: string, options: Record<string, unknown>): Promise<number> {
  const id = libraryId(dir, options);
  const from = fromFor(ctx, dir, spec);
  const location = locateBase(dir, from);
  if ('problem' in location) throw new UsageError(`--extends ${spec}: ${location.problem}`, location.fix);
  const base = loadLibrary(location.dir, displayPath(ctx, location.dir));
  const manifest = base.manifest?.value;
  if (!manifest) throw new InputError(`--extends ${spec}: its ${LIBRARY_FILE} cannot be read`, `run clausula lint ${displayPath(ctx, location.dir)} to see why`);
  if (manifest.id === id) throw new UsageError(`the new library's id would be ${id}, the base's own`, 'give the new library an id of its own with --id, such as girona-data-clauses');
  const languages = options.languages === undefined ? undefined : languageList(options.languages);
  const outside = languages?.filter((l) => !manifest.languages.includes(l)) ?? [];
  if (outside.length > 0) throw new UsageError(`--languages ${outside.join(', ')}: the base ${manifest.id} has texts in ${manifest.languages.join(', ')} only`, `choose among ${manifest.languages.join(', ')}`);

  const files = layerStarter({ id, base: { id: manifest.id, version: manifest.version, from, languages: manifest.languages }, ...(languages ? { languages } : {}) });
  await writeAll(dir, files);
  // The lock records the base release, so it is made from the library as read over its base.
  const written = loadLibrary(dir, displayPath(ctx, dir));
  const lock = lockOf(written);
  if (lock) await writeFileSafely(join(dir, LOCK_FILE), formatLockFile(lock));
  const shown = displayPath(ctx, dir);
  ctx.io.stdout.write(
    `Created a clause library in ${shown} over ${manifest.id}@${manifest.version} (${written.clauses.length} clauses from the base).\n\nNext:\n  ${ctx.command('lint', shown)}\n  ${ctx.command('--library', shown, 'list')}\n\nHow to add, adapt and leave out clauses: the comments in ${shown}/clauses/library.yaml.\n`,
  );
  return 0;
}

/** `extends.from` for what --extends names: a folder (relative to the new library), nothing for the shipped library, else an npm package. */
function fromFor(ctx: CommandContext, dir: string, spec: string): string | undefined {
  const asFolder = ctx.resolvePath(spec);
  if (isFolderSpec(spec) || existsSync(join(asFolder, LIBRARY_FILE))) {
    const path = relative(dir, asFolder).split(sep).join('/');
    return path.startsWith('../') || path === '..' || path.startsWith('/') ? path : `./${path}`;
  }
  const shipped = loadLibrary(PACKAGE_ROOT).manifest?.value.id;
  return spec === shipped ? undefined : spec;
}

function languageList(value: unknown): string[] {
  const languages = String(value)
    .split(',')
    .map((l) => l.trim())
    .filter(Boolean);
  const bad = languages.find((l) => !/^[a-z]{2,3}(-[A-Z]{2})?$/.test(l));
  if (languages.length === 0 || bad !== undefined) throw new UsageError(`--languages must list language codes such as en,es,ca${bad ? `, not "${bad}"` : ''}`);
  return languages;
}

function slug(name: string): string {
  const s = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'clause-library';
}
