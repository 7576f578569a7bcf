import { createHmac, timingSafeEqual, type Hmac } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { writeAtomically } from '../write/atomic.js';
import { cacheDir, privateFolder } from './cache-dir.js';
import { cacheKey } from './cache-key.js';

/**
 * The cache folder, as clausula uses it: every file in it is sealed with an HMAC (SHA-256) under
 * the user's key (cache-key.ts), over what the file is for (its identity: which build, which
 * command or library) and its contents. A file that is not sealed with this user's key for
 * this purpose — planted by someone who could write the folder, restored by CI from another
 * branch, made by another build, cut short, edited — is a miss, never read further: no code
 * or data is taken from a place someone else could write.
 */
export interface CacheFolder {
  dir: string;
  /** The contents of `name`, if it is this user's and was sealed for `identity`; else undefined. */
  read(name: string, identity: string): Buffer | undefined;
  /** Seal and write `name` (replacing it whole, never half). Never throws; says whether it was written. */
  write(name: string, identity: string, chunks: Iterable<Uint8Array>): boolean;
  /** Mark `name` as used now, for pruning. */
  touch(name: string): void;
  /** Remove files named `prefix…` beyond the `keep` most recently used, and any unused for `maxAgeMs`; `spare` is kept whatever. */
  prune(prefix: string, options: { keep?: number; maxAgeMs: number; spare?: (name: string) => boolean }): void;
}

const MAGIC = Buffer.from('clausula-cache 1\n');
const TAG_BYTES = 32;
/** No cache file is anywhere near this; a larger one is not ours. */
const MAX_BYTES = 1 << 30;
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** The cache folder, when caching is on and there is a private folder and a key for it; else undefined. */
export function openCache(env: NodeJS.ProcessEnv = process.env): CacheFolder | undefined {
  const location = cacheDir(env);
  if (location === undefined) return undefined;
  const key = cacheKey(env);
  const dir = key && privateFolder(location);
  if (!key || !dir) return undefined;
  const tag = (identity: string): Hmac => createHmac('sha256', key).update(MAGIC).update(identity).update('\0');
  return {
    dir,
    read(name, identity) {
      const bytes = readOwnFile(join(dir, name));
      if (!bytes || bytes.length < MAGIC.length + TAG_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
      const body = bytes.subarray(MAGIC.length, bytes.length - TAG_BYTES);
      const expected = tag(identity).update(body).digest();
      return timingSafeEqual(expected, bytes.subarray(bytes.length - TAG_BYTES)) ? body : undefined;
    },
    write(name, identity, chunks) {
      const hmac = tag(identity);
      function* sealed(): Generator<Uint8Array> {
        yield MAGIC;
        for (const chunk of chunks) {
          hmac.update(chunk);
          yield chunk;
        }
        yield hmac.digest();
      }
      try {
        writeAtomically(join(dir, name), sealed(), { mode: 0o600 });
        return true;
      } catch {
        // A cache that cannot be written (no room, no permission) only costs speed.
        return false;
      }
    },
    touch(name) {
      try {
        const now = new Date();
        utimesSync(join(dir, name), now, now);
      } catch {
        // Pruning may remove it a little early.
      }
    },
    prune(prefix, { keep = Infinity, maxAgeMs, spare = () => false }) {
      try {
        const files = readdirSync(dir)
          .filter((name) => name.startsWith(prefix) && !spare(name))
          .map((name) => ({ name, used: usedAt(join(dir, name)) }))
          .sort((a, b) => b.used - a.used);
        files.forEach((file, rank) => {
          if (rank >= keep || Date.now() - file.used > maxAgeMs) rmSync(join(dir, file.name), { force: true });
        });
      } catch {
        // Old cache files only take room.
      }
    },
  };
}

/** A regular file of this user's, read whole without following a link or blocking on a pipe; else undefined. */
function readOwnFile(path: string): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(path, READ_FLAGS);
  } catch {
    return undefined;
  }
  try {
    const stat = fstatSync(fd);
    const uid = process.getuid?.();
    if (!stat.isFile() || stat.size > MAX_BYTES || (uid !== undefined && stat.uid !== uid)) return undefined;
    const bytes = Buffer.allocUnsafe(stat.size);
    let done = 0;
    while (done < bytes.length) {
      const n = readSync(fd, bytes, done, bytes.length - done, done);
      if (n === 0) return undefined; // cut short while being read: not the file that was sealed
      done += n;
    }
    return bytes;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function usedAt(path: string): number {
  try {
    const stat = statSync(path);
    return Math.max(stat.atimeMs, stat.mtimeMs);
  } catch {
    return 0;
  }
}
