import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { makeDirectory } from './write/make-directory.js';

/**
 * Where clausula keeps what it can always compute again (parsed library files, compiled
 * code): $CLAUSULA_CACHE_DIR, else $XDG_CACHE_HOME/clausula, else ~/.cache/clausula.
 * Undefined when CLAUSULA_CACHE=0 turns caching off, or there is no home folder.
 */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CLAUSULA_CACHE === '0') return undefined;
  if (env.CLAUSULA_CACHE_DIR) return env.CLAUSULA_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'clausula');
  try {
    const home = homedir();
    return home ? join(home, '.cache', 'clausula') : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Write a file of the cache folder, chunk by chunk, through a temporary file and a rename,
 * so that a reader never sees half of it. A cache that cannot be written (no room, a file
 * where the folder should be, no permission) only costs speed: this never throws, and says
 * whether the file was written.
 */
export function writeCacheFile(path: string, chunks: Iterable<Uint8Array>): boolean {
  const tmp = `${path}.${process.pid}.tmp`;
  let fd: number | undefined;
  try {
    // Private: the folder holds compiled code that clausula runs.
    makeDirectory(dirname(path), 0o700);
    fd = openSync(tmp, 'w');
    for (const chunk of chunks) {
      for (let done = 0; done < chunk.length; ) done += writeSync(fd, chunk, done);
    }
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
    return true;
  } catch {
    try {
      if (fd !== undefined) closeSync(fd);
      rmSync(tmp, { force: true });
    } catch {
      // nothing more to undo
    }
    return false;
  }
}
