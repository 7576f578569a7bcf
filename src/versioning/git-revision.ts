import { spawnSync } from 'node:child_process';
import { closeSync, constants, lstatSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { isAbsolute, join, posix, sep } from 'node:path';
import { InputError } from '../errors.js';

/**
 * Read a library as it was at a git revision, without touching the working tree, the
 * index or any ref: `git ls-tree` lists the files, one `git cat-file --batch` reads
 * them, and they are written to a fresh folder of the caller's (a temporary one), never
 * outside it (writeInside).
 */

export interface Repository {
  /** The repository's top folder. */
  top: string;
  /** The given folder's path inside the repository: '' at the top, else 'a/b'. */
  prefix: string;
}

/** The git repository a folder is in, or undefined when it is in none. */
export function repositoryOf(folder: string): Repository | undefined {
  const result = git(folder, ['rev-parse', '--show-toplevel', '--show-prefix']);
  if (result.status !== 0) return undefined;
  const [top, prefix = ''] = result.stdout.toString('utf8').split('\n');
  if (!top) return undefined;
  return { top, prefix: prefix.replace(/\/$/, '') };
}

/** The commit a revision names (a tag, a branch, HEAD~3, a hash), or undefined. */
export function resolveCommit(repo: Repository, revision: string): string | undefined {
  // A revision never starts with "-": refuse it rather than let git read it as an option.
  if (revision.startsWith('-') || revision.length === 0) return undefined;
  const result = git(repo.top, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]);
  if (result.status !== 0) return undefined;
  return result.stdout.toString('utf8').trim() || undefined;
}

/** The repository's tags. */
export function tagsOf(repo: Repository): string[] {
  const result = git(repo.top, ['for-each-ref', '--format=%(refname:short)', 'refs/tags']);
  if (result.status !== 0) return [];
  return result.stdout.toString('utf8').split('\n').filter((t) => t !== '');
}

/** Does the commit hold a library (clauses/library.yaml) at this path of the repository? */
export function hasLibraryAt(repo: Repository, commit: string, libraryPath: string): boolean {
  return git(repo.top, ['cat-file', '-e', `${commit}:${posix.join(libraryPath, 'clauses/library.yaml')}`]).status === 0;
}

/**
 * Where the library is in the commit: the given path, else the folder the command was run
 * in or the nearest folder above it that holds clauses/library.yaml.
 */
export function findLibraryPath(repo: Repository, commit: string, start: string): string | undefined {
  let path = start;
  for (;;) {
    if (hasLibraryAt(repo, commit, path)) return path;
    if (path === '') return undefined;
    const parent = posix.dirname(path);
    path = parent === '.' ? '' : parent;
  }
}

/** Write the library's YAML files (clauses/, templates/) as they are in the commit into `into`. */
export function extractLibrary(repo: Repository, commit: string, libraryPath: string, into: string): number {
  const base = libraryPath === '' ? '' : libraryPath + '/';
  const listing = git(repo.top, ['ls-tree', '-r', '-z', '--full-tree', commit, '--', `${base}clauses`, `${base}templates`]);
  if (listing.status !== 0) throw gitFailure(`cannot list the files of ${commit}`, listing);
  const files: { object: string; path: string }[] = [];
  for (const record of listing.stdout.toString('utf8').split('\0')) {
    if (record === '') continue;
    const tab = record.indexOf('\t');
    const [mode, type, object] = record.slice(0, tab).split(' ');
    const path = record.slice(tab + 1);
    // Regular files only: no symbolic links (120000) or submodules (commits).
    if (type !== 'blob' || (mode !== '100644' && mode !== '100755') || !object) continue;
    if (!/\.ya?ml$/.test(path) || !path.startsWith(base)) continue;
    files.push({ object, path: path.slice(base.length) });
  }
  if (files.length === 0) return 0;

  const batch = git(repo.top, ['cat-file', '--batch'], files.map((f) => f.object).join('\n') + '\n');
  if (batch.status !== 0) throw gitFailure(`cannot read the files of ${commit}`, batch);
  const out = batch.stdout;
  let offset = 0;
  for (const file of files) {
    const headerEnd = out.indexOf(0x0a, offset);
    const header = out.subarray(offset, headerEnd).toString('utf8').split(' ');
    const size = Number(header[2]);
    if (header[1] !== 'blob' || !Number.isInteger(size)) throw new InputError(`cannot read ${file.path} from ${commit}: git answered "${header.join(' ')}"`);
    const content = out.subarray(headerEnd + 1, headerEnd + 1 + size);
    offset = headerEnd + 1 + size + 1; // the content is followed by a newline
    writeInside(into, file.path, content, commit);
  }
  return files.length;
}

/**
 * Write one file of a revision under `into`, and nowhere else. A git tree can hold names no
 * checkout would (`..`, `.`, empty, with a backslash: `git mktree` makes them and fetch does
 * not check by default), so every component is checked; folders are made one by one by us in
 * a folder of our own, and files created exclusively without following links, so neither a
 * name nor a repeated entry can lead out of `into` or replace a file written before.
 */
function writeInside(into: string, path: string, content: Uint8Array, commit: string): void {
  const parts = path.split('/');
  const bad = parts.find((part) => part === '' || part === '.' || part === '..' || /[\\\0]/.test(part));
  if (bad !== undefined || isAbsolute(path)) {
    throw new InputError(`${commit} holds a file named ${JSON.stringify(path)}, which no checkout could hold; it is not read`, 'compare another revision, or run git fsck on the repository');
  }
  let folder = into;
  for (const part of parts.slice(0, -1)) {
    folder = join(folder, part);
    try {
      mkdirSync(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !lstatSync(folder).isDirectory()) throw error;
    }
  }
  const target = join(folder, parts[parts.length - 1]!);
  if (!target.startsWith(into + sep)) throw new InputError(`${commit} holds a file outside its own folders (${path}); it is not read`);
  let fd: number;
  try {
    fd = openSync(target, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new InputError(`${commit} lists ${path} twice, which no checkout could hold; it is not read`, 'compare another revision, or run git fsck on the repository');
    throw error;
  }
  try {
    for (let done = 0; done < content.length; ) done += writeSync(fd, content, done);
  } finally {
    closeSync(fd);
  }
}

interface GitResult {
  status: number | null;
  stdout: Buffer;
  stderr: Buffer;
}

function git(cwd: string, args: string[], input?: string): GitResult {
  const result = spawnSync('git', args, { cwd, input, maxBuffer: 512 * 1024 * 1024, windowsHide: true });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError('git is not installed, so revisions cannot be read', 'install git, or compare two library folders');
    throw new InputError(`cannot run git: ${result.error.message}`);
  }
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function gitFailure(message: string, result: GitResult): InputError {
  const detail = result.stderr.toString('utf8').trim().split('\n')[0];
  return new InputError(detail ? `${message}: ${detail}` : message);
}
