import { existsSync, lstatSync, readlinkSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { InputError, InterruptedError } from '../errors.js';

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
  if (stopped) throw new InterruptedError(`interrupted: ${name} was not written`);
  checkWritable(target, name, options.force === true);
  const write = writeFileAtomic(target, typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength), {
    fsync: true,
    // Interrupted between creating the temporary file and writing it: give up, and the writer removes it.
    tmpfileCreated: () => {
      if (stopped) throw new InterruptedError(`interrupted: ${name} was not written`);
    },
  });
  inFlight.add(write);
  try {
    await write;
  } catch (error) {
    if (error instanceof InterruptedError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`cannot write ${name}: ${reason(code, error as Error, dirname(target))}`, FIXES[code ?? ''] ?? 'choose another place with -o');
  } finally {
    inFlight.delete(write);
  }
}

/** Writes under way, and whether an interrupt asked the writer to stop. */
const inFlight = new Set<Promise<void>>();
let stopped = false;

/**
 * For the process's SIGINT/SIGTERM handler: refuse new writes, and resolve once the writes
 * under way have finished or been undone. A write that has created its temporary file
 * either completes its rename or removes the temporary file itself: waiting for it (a
 * fraction of a second) rather than exiting on the spot is what guarantees that neither a
 * half-written file nor a stray temporary file is left behind.
 */
export async function stopWriting(): Promise<void> {
  stopped = true;
  await Promise.allSettled([...inFlight]);
}

/** Refuse before doing any work when the output cannot or must not be written. */
export function checkWritable(target: string, name: string, force: boolean): void {
  const parent = dirname(target);
  if (!existsSync(parent)) {
    throw new InputError(`cannot write ${name}: the folder ${dirname(name)} does not exist`, 'create the folder first, or choose another path with -o');
  }
  if (!statSync(parent).isDirectory()) {
    throw new InputError(`cannot write ${name}: ${dirname(name)} is not a folder`, 'choose a path inside a folder, with -o');
  }
  if (isDanglingLink(target)) {
    // Following it would create a file wherever the link points; replacing it would silently drop the link.
    throw new InputError(`cannot write ${name}: it is a symbolic link to ${readlinkSync(target)}, which does not exist`, 'remove the link, or choose another name with -o');
  }
  if (existsSync(target)) {
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
    return lstatSync(path).isSymbolicLink() && !existsSync(path);
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

const FIXES: Record<string, string> = {
  EACCES: 'choose a folder you can write to, with -o',
  EPERM: 'choose a folder you can write to, with -o',
  EROFS: 'choose a folder you can write to, with -o',
  ENOSPC: 'free some space, or choose another disk with -o',
};

function reason(code: string | undefined, error: Error, folder: string): string {
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
      // The folder was checked before writing: it exists but takes no new files (/proc), or it went away meanwhile.
      return existsSync(folder) ? `no file can be created in ${folder}` : 'the folder does not exist';
    default:
      return error.message;
  }
}
