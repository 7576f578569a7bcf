import { existsSync, lstatSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { InputError } from '../errors.js';

export interface WriteOptions {
  /** Replace an existing file. Without it, an existing file is an error: officers edit these files. */
  force?: boolean;
  /** How to name the file in messages (defaults to the path as given). */
  display?: string;
}

/**
 * The one way clausula writes a file: checked first, then written to a temporary file
 * in the same folder and renamed over the target, so a reader never sees half a file
 * and an interrupted write leaves the old file (or nothing) in place.
 */
export async function writeFileSafely(path: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  const target = resolve(path);
  const name = options.display ?? path;
  checkWritable(target, name, options.force === true);
  try {
    await writeFileAtomic(target, typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength), { fsync: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`cannot write ${name}: ${reason(code, error as Error)}`, code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'choose a folder you can write to, with -o' : undefined);
  }
}

/** Refuse before doing any work when the output cannot or must not be written. */
export function checkWritable(target: string, name: string, force: boolean): void {
  const parent = dirname(target);
  if (!existsSync(parent)) {
    throw new InputError(`cannot write ${name}: the folder ${dirname(name)} does not exist`, 'create the folder first, or choose another path with -o');
  }
  if (!statSync(parent).isDirectory()) {
    throw new InputError(`cannot write ${name}: ${dirname(name)} is not a folder`);
  }
  if (existsSync(target) || isDanglingLink(target)) {
    if (statSafe(target)?.isDirectory()) {
      throw new InputError(`cannot write ${name}: it is a folder`, 'give a file name, such as -o clauses.docx');
    }
    if (!force) {
      throw new InputError(`${name} already exists; clausula does not overwrite it without --force`, 'add --force to replace it, or choose another name with -o');
    }
  }
}

function isDanglingLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function statSafe(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function reason(code: string | undefined, error: Error): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOENT':
      return 'the folder does not exist';
    default:
      return error.message;
  }
}
