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
  /** What it is, for the message: "the answers file the document is built from". */
  what: string;
}

export interface WriteRules {
  kind?: WriteKind;
  /** Replace an existing file (documents: the user gave --force). */
  force?: boolean;
  /** The folder the file must stay inside, links resolved: a library's own files, a folder clausula fills. */
  within?: string;
  /** What this write must never replace, whatever force says. */
  protect?: readonly Protected[];
  /** The option that names the file, for "how to fix" ('-o', '--out'); null when the place is not the user's choice (lock). */
  option?: string | null;
  /** The language of the messages (the officer's, for a document or an answers file); English by default. */
  language?: string;
}

/** The longest file name (one path component, in bytes) that Linux, macOS and Windows file systems take. */
const NAME_MAX = 255;

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
 */
export function checkWritable(path: string, name: string, rules: WriteRules = {}): string {
  const kind = rules.kind ?? 'document';
  const option = rules.option === undefined ? '-o' : rules.option;
  // What officers meet (a document or an answers file, named with -o) is in their language.
  const t = kind === 'document' && option === '-o' ? messages(rules.language).files : undefined;
  const other = option ? `choose another name with ${option}` : undefined;
  const refuse = (what: string, fix?: string): never => {
    throw new InputError(`cannot write ${name}: ${what}`, fix);
  };
  if (path.endsWith('/') || path.endsWith(sep)) {
    refuse('the name ends with a slash, so it names a folder', option ? `give a file name, such as ${option} ${name.replace(/[\\/]+$/, '')}/${exampleName(kind)}` : undefined);
  }
  const target = resolve(path);
  const parent = dirname(target);
  const parentStat = statOrUndefined(parent);
  if (!parentStat) {
    if (t) throw new InputError(t.folderMissing(name, dirname(name)), t.createFolder);
    throw new InputError(`cannot write ${name}: the folder ${dirname(name)} does not exist`, option ? `create the folder first, or choose another path with ${option}` : 'create the folder first');
  }
  if (!parentStat.isDirectory()) {
    if (t) throw new InputError(t.parentNotAFolder(name, dirname(name)), t.pathInFolder);
    refuse(`${dirname(name)} is not a folder`, option ? `choose a path inside a folder, with ${option}` : undefined);
  }
  const length = Buffer.byteLength(basename(target));
  if (length > NAME_MAX) refuse(`the file name is ${length} bytes long; file systems take at most ${NAME_MAX}`, option ? `choose a shorter name with ${option}` : undefined);
  if (rules.within !== undefined) {
    const outside = outsideOf(rules.within, parent);
    if (outside) refuse(`the folder ${dirname(name)} leads out of ${rules.within} (to ${outside}) through a symbolic link`, 'replace the link by a real folder');
  }

  const link = lstatOrUndefined(target);
  if (!link) return target;
  let real = target;
  if (link.isSymbolicLink()) {
    const points = readlinkSync(target);
    const followed = statOrUndefined(target);
    // Following it would create a file wherever the link points; replacing it would silently drop the link.
    if (!followed && t) throw new InputError(t.danglingLink(name, points), t.removeLink);
    if (!followed) refuse(`it is a symbolic link to ${points}, which does not exist`, other ? `remove the link, or ${other}` : 'remove the link');
    if (kind === 'report') refuse(`it is a symbolic link (to ${points}); a report is never written through a link`, other ? `remove the link, or ${other}` : 'remove the link');
    real = realpathSync.native(target);
    if (rules.within !== undefined) {
      const outside = outsideOf(rules.within, real);
      if (outside) refuse(`it is a symbolic link to ${outside}, outside ${rules.within}; clausula never writes through a link out of it`, 'replace the link by the file itself');
    }
  }
  const stat = statSync(real);
  if (stat.isDirectory() && t) throw new InputError(t.isAFolder(name), t.giveFileName);
  if (stat.isDirectory()) refuse('it is a folder', option ? `give a file name, such as ${option} ${exampleName(kind)}` : 'remove or rename the folder');
  if (!stat.isFile()) refuse('it is not a regular file (a device, a pipe or a socket); clausula only ever replaces regular files', other);
  for (const p of rules.protect ?? []) {
    if (isAtOrInside(p.path, real, stat)) refuse(`it is ${p.what}, which this command reads and never replaces`, other);
  }
  if (kind === 'report' && (isYaml(real) || looksLikeAnswers(real))) {
    refuse('it is a YAML file (a library file or an answers file), which a report never replaces', other);
  }
  if (kind === 'document' && rules.force !== true) {
    if (t) throw new InputError(t.exists(name), t.forceOrRename);
    throw new InputError(`${name} already exists; clausula does not overwrite it without --force`, other ? `add --force to replace it, or ${other}` : 'add --force to replace it');
  }
  return real;
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
