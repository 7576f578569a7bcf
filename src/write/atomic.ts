import { randomBytes } from 'node:crypto';
import { closeSync, constants, fchmodSync, fchownSync, fstatSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

// O_NOFOLLOW is not defined on Windows, where a temporary file cannot be a planted link anyway.
const CREATE_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

export interface AtomicOptions {
  /** Permissions of a new file (before the umask); an existing file keeps its own. */
  mode?: number;
  /** Wait until the data is on the disk before the rename (documents: yes; caches: no). */
  fsync?: boolean;
}

/**
 * Write a file whole or not at all: the data goes to a new temporary file beside the target,
 * which is then renamed over it, so a reader sees the old file or the complete new one.
 * The temporary file is created exclusively under a random name (O_EXCL, O_NOFOLLOW): a link
 * or a file planted where it would go is never written through or replaced, and its name
 * is short, so any target name that fits fits it too. An existing target keeps its mode,
 * and (when root replaces someone's file) its owner. Throws the system's error; leaves no
 * temporary file behind.
 */
export function writeAtomically(target: string, chunks: Iterable<Uint8Array>, options: AtomicOptions = {}): void {
  const previous = statOrUndefined(target);
  const { fd, path: tmp } = createTemporary(target, previous ? previous.mode & 0o7777 : (options.mode ?? 0o666));
  let open = true;
  try {
    if (previous) keepOwnership(fd, previous);
    for (const chunk of chunks) {
      for (let done = 0; done < chunk.length; ) done += writeSync(fd, chunk, done);
    }
    if (options.fsync) fsyncSync(fd);
    closeSync(fd);
    open = false;
    renameSync(tmp, target);
  } catch (error) {
    if (open) closeSync(fd);
    rmSync(tmp, { force: true });
    throw error;
  }
}

/** A new, empty file of our own next to the target. */
function createTemporary(target: string, mode: number): { fd: number; path: string } {
  const name = basename(target);
  // Long names would make the temporary name too long for the file system: then a neutral one.
  const stem = Buffer.byteLength(name) <= 200 ? name : 'clausula';
  for (let attempt = 0; ; attempt++) {
    const path = join(dirname(target), `${stem}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      return { fd: openSync(path, CREATE_NEW, mode), path };
    } catch (error) {
      // Someone else's file (or link) by that name: never touch it, draw another name.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 8) throw error;
    }
  }
}

function keepOwnership(fd: number, previous: { mode: number; uid: number; gid: number }): void {
  fchmodSync(fd, previous.mode & 0o7777);
  const own = fstatSync(fd);
  if (own.uid === previous.uid && own.gid === previous.gid) return;
  try {
    fchownSync(fd, previous.uid, previous.gid);
  } catch {
    // Only root may give a file away; anyone else's replacement is theirs.
  }
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
