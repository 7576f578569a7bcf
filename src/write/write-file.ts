import { existsSync, lstatSync, readlinkSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { InputError, InterruptedError } from '../errors.js';
import { messages } from '../text/messages/index.js';

export interface WriteOptions {
  /** Replace an existing file. Without it, an existing file is an error: officers edit these files. */
  force?: boolean;
  /** How to name the file in messages (defaults to the path as given). */
  display?: string;
  /** The language of the messages (the officer's); English by default. */
  language?: string;
}

/**
 * The one way clausula writes a file: checked first, then written to a temporary file
 * in the same folder and renamed over the target, so a reader never sees half a file
 * and an interrupted write leaves the old file (or nothing) in place.
 */
export async function writeFileSafely(path: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  const target = resolve(path);
  const name = options.display ?? path;
  const t = messages(options.language).files;
  if (stopped) throw new InterruptedError(t.notWritten(name));
  checkWritable(target, name, options.force === true, options.language);
  const write = writeFileAtomic(target, typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength), {
    fsync: true,
    // Interrupted between creating the temporary file and writing it: give up, and the writer removes it.
    tmpfileCreated: () => {
      if (stopped) throw new InterruptedError(t.notWritten(name));
    },
  });
  inFlight.add(write);
  try {
    await write;
  } catch (error) {
    if (error instanceof InterruptedError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(t.cannotWrite(name, reason(code, error as Error, dirname(target), options.language)), fixFor(code, options.language));
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
export function checkWritable(target: string, name: string, force: boolean, language?: string): void {
  const t = messages(language).files;
  const parent = dirname(target);
  if (!existsSync(parent)) throw new InputError(t.folderMissing(name, dirname(name)), t.createFolder);
  if (!statSync(parent).isDirectory()) throw new InputError(t.parentNotAFolder(name, dirname(name)), t.pathInFolder);
  // Following a dangling link would create a file wherever it points; replacing it would silently drop the link.
  if (isDanglingLink(target)) throw new InputError(t.danglingLink(name, readlinkSync(target)), t.removeLink);
  if (existsSync(target)) {
    if (statSafe(target)?.isDirectory()) throw new InputError(t.isAFolder(name), t.giveFileName);
    if (!force) throw new InputError(t.exists(name), t.forceOrRename);
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

function fixFor(code: string | undefined, language: string | undefined): string {
  const t = messages(language).files;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return t.chooseWritable;
    case 'ENOSPC':
      return t.freeSpace;
    default:
      return t.chooseElsewhere;
  }
}

function reason(code: string | undefined, error: Error, folder: string, language: string | undefined): string {
  const t = messages(language).files;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return t.permissionDenied;
    case 'EROFS':
      return t.readOnly;
    case 'ENOSPC':
      return t.diskFull;
    case 'EISDIR':
      return t.itIsAFolder;
    case 'ENOENT':
      // The folder was checked before writing: it exists but takes no new files (/proc), or it went away meanwhile.
      return existsSync(folder) ? t.noFileHere(folder) : t.folderGone;
    default:
      return error.message;
  }
}
