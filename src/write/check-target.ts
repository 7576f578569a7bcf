import { closeSync, lstatSync, openSync, readlinkSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, extname, resolve, sep } from 'node:path';
import { InputError } from '../errors.js';
import { messages } from '../text/messages/index.js';

/**
 * What is being written, which decides what it may replace:
 * - `document`: what officers edit (documents, answers files): an existing file only with
 *   force, and a link to an existing file only with force (the file it points to is replaced);
 * - `report`: what CI writes again on every run (`lint -o`, `test -o`, `diff -o`): replaced
 *   without force, but never a YAML file (a library's, an answers file) and never through a link;
 * - `owned`: a file clausula keeps up to date itself (clauses.lock.yaml): replaced without asking.
 */
export type WriteKind = 'document' | 'report' | 'owned';

/** A file or folder no write may replace (or, for a folder, replace anything inside): the command's own inputs. */
export interface Protected {
  path: string;
  /** What it is, for the message: the answers a document is built from, a library file, a reference document. */
  role: ProtectedRole;
}

export type ProtectedRole = 'answers' | 'library' | 'reference';

/**
 * How the user names the file, for "how to fix": with an option (`-o`, `--out`), as the
 * command's argument (the interview's answers file), or not at all (lock, init's files).
 */
export type Naming = { option: string } | 'argument' | 'fixed';

export interface WriteRules {
  kind?: WriteKind;
  /** Replace an existing file (documents: the user gave --force). */
  force?: boolean;
  /** The folder the file must stay inside, links resolved: a library's own files, a folder clausula fills. */
  within?: string;
  /** What this write must never replace, whatever force says. */
  protect?: readonly Protected[];
  /** How the user names the file; `-o` by default. */
  naming?: Naming;
  /** The language of the messages (the officer's, for a document or an answers file); English by default. */
  language?: string;
}

/** Most commands name their output with -o. */
const DEFAULT_NAMING: Naming = { option: '-o' };

/** The longest file name (one path component, in bytes) that Linux, macOS and Windows file systems take. */
const NAME_MAX = 255;

/** " with -o" in the messages' language; "" when the file is the command's argument; undefined when the user does not choose it. */
export function viaOf(naming: Naming | undefined, language: string | undefined): string | undefined {
  const chosen = naming ?? DEFAULT_NAMING;
  if (chosen === 'fixed') return undefined;
  return chosen === 'argument' ? '' : messages(language).files.via(chosen.option);
}

/**
 * Refuse, before any work is done, a target that cannot or must not be written; return the
 * path to write to (a link's target, when a document may be written through its link). One
 * rule for every writer:
 * - the folder must exist and be a folder; a name ending in a slash names a folder, not a file;
 * - a file name longer than the file system takes is refused by name;
 * - only regular files are replaced: never a folder, a device, a pipe or a socket, even with force;
 * - a dangling link is never followed (it would create a file wherever it points);
 * - with `within`, neither the folder nor a link leads outside it;
 * - a protected input is never replaced; the kind decides the rest (see WriteKind).
 * Every message is in `rules.language`: an officer's document or answers file refused in
 * their language, a maintainer's report or lock in English.
 */
export function checkWritable(path: string, name: string, rules: WriteRules = {}): string {
  const kind = rules.kind ?? 'document';
  const t = messages(rules.language).files;
  const via = viaOf(rules.naming, rules.language);
  const rename = via === undefined ? undefined : t.chooseName(via);
  const refuse = (why: string, fix?: string): never => {
    throw new InputError(t.cannotWrite(name, why), fix);
  };
  if (path.endsWith('/') || path.endsWith(sep)) {
    refuse(t.endsWithSlash, via === undefined ? undefined : t.giveFileName(example(rules.naming, `${name.replace(/[\\/]+$/, '')}/${exampleName(kind)}`)));
  }
  const target = resolve(path);
  const parent = dirname(target);
  const parentStat = statOrUndefined(parent);
  if (!parentStat) return refuse(t.folderMissing(dirname(name)), via === undefined ? t.createFolderOnly : t.createFolder(via));
  if (!parentStat.isDirectory()) refuse(t.parentNotAFolder(dirname(name)), via === undefined ? undefined : t.pathInFolder(via));
  const length = Buffer.byteLength(basename(target));
  if (length > NAME_MAX) refuse(t.nameTooLong(length, NAME_MAX), via === undefined ? undefined : t.shorterName(via));
  if (rules.within !== undefined) {
    const outside = outsideOf(rules.within, parent);
    if (outside) refuse(t.folderLeadsOut(dirname(name), rules.within, outside), t.replaceLinkByFolder);
  }

  const link = lstatOrUndefined(target);
  if (!link) return target;
  let real = target;
  if (link.isSymbolicLink()) {
    const points = readlinkSync(target);
    const unlink = via === undefined ? t.removeLink : t.removeLinkOrRename(via);
    // Following it would create a file wherever the link points; replacing it would silently drop the link.
    if (!statOrUndefined(target)) refuse(t.danglingLink(points), unlink);
    if (kind === 'report') refuse(t.reportThroughLink(points), unlink);
    real = realpathSync.native(target);
    if (rules.within !== undefined) {
      const outside = outsideOf(rules.within, real);
      if (outside) refuse(t.linkLeadsOut(outside, rules.within), t.replaceLinkByFile);
    }
  }
  const stat = statSync(real);
  if (stat.isDirectory()) refuse(t.isAFolder, via === undefined ? t.removeOrRenameFolder : t.giveFileName(example(rules.naming, exampleName(kind))));
  if (!stat.isFile()) refuse(t.notRegular, rename);
  for (const p of rules.protect ?? []) {
    if (isAtOrInside(p.path, real, stat)) refuse(t.isProtected(t.protectedRole[p.role]), rename);
  }
  if (kind === 'report' && (isYaml(real) || looksLikeAnswers(real))) refuse(t.reportNotYaml, rename);
  if (kind === 'document' && rules.force !== true) {
    throw new InputError(t.exists(name), via === undefined ? undefined : t.forceOrRename(via));
  }
  return real;
}

/** "-o clauses.docx" for a file named with an option; nothing when the file is the command's argument. */
function example(naming: Naming | undefined, file: string): string {
  const chosen = naming ?? DEFAULT_NAMING;
  return typeof chosen === 'object' ? `${chosen.option} ${file}` : '';
}

function exampleName(kind: WriteKind): string {
  return kind === 'report' ? 'report.txt' : 'clauses.docx';
}

/** Where `path` really is, when that is outside `folder` (links resolved on both); undefined when inside. */
function outsideOf(folder: string, path: string): string | undefined {
  const root = realpathOrSelf(folder);
  const real = realpathOrSelf(path);
  return real === root || real.startsWith(root.endsWith(sep) ? root : root + sep) ? undefined : real;
}

/** The target is the protected file (by path or by identity: a hard link), or inside the protected folder. */
function isAtOrInside(protectedPath: string, real: string, stat: Stats): boolean {
  const guarded = statOrUndefined(protectedPath);
  if (!guarded) return false;
  if (guarded.isDirectory()) return outsideOf(protectedPath, real) === undefined;
  return guarded.dev === stat.dev && guarded.ino === stat.ino;
}

function isYaml(path: string): boolean {
  return /^\.ya?ml$/i.test(extname(path));
}

/** An answers file under another name: a top-level `answers:` key near the start. */
function looksLikeAnswers(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(4096);
    const text = head.subarray(0, readSync(fd, head, 0, head.length, 0)).toString('utf8');
    return /^answers:[ \t]*(?:#.*)?$/m.test(text);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function realpathOrSelf(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return resolve(path);
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}
