import { randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, linkSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { keyDir, privateFolder } from './cache-dir.js';

const KEY_BYTES = 32;
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

let cached: { dir: string | undefined; key: Buffer | undefined } | undefined;

/**
 * This user's secret for authenticating cache entries: 32 random bytes in a file of its own
 * (0600, in a 0700 folder of the user's, see keyDir), made on first use. Undefined when there
 * is nowhere private to keep it: then nothing is cached, since nothing could be trusted.
 */
export function cacheKey(env: NodeJS.ProcessEnv = process.env): Buffer | undefined {
  const dir = keyDir(env);
  if (cached === undefined || cached.dir !== dir) cached = { dir, key: dir === undefined ? undefined : readOrMakeKey(dir) };
  return cached.key;
}

function readOrMakeKey(dir: string): Buffer | undefined {
  if (!privateFolder(dir)) return undefined;
  const path = join(dir, 'cache-key');
  for (let attempt = 0; attempt < 3; attempt++) {
    const existing = readKey(path);
    if (existing === 'bad') {
      // Readable by others, the wrong size, not a file of ours: it authenticates nothing. A new one.
      rmSync(path, { force: true });
      continue;
    }
    if (existing) return existing;
    const made = makeKey(path);
    if (made) return made;
    // Another clausula made it meanwhile: read that one.
  }
  return undefined;
}

/** The key, undefined when there is none, 'bad' when the file cannot be one. */
function readKey(path: string): Buffer | 'bad' | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | NO_FOLLOW | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : 'bad';
  }
  try {
    const stat = fstatSync(fd);
    const uid = process.getuid?.();
    if (!stat.isFile() || stat.size !== KEY_BYTES || (uid !== undefined && (stat.uid !== uid || (stat.mode & 0o077) !== 0))) return 'bad';
    const key = Buffer.alloc(KEY_BYTES);
    return readSync(fd, key, 0, KEY_BYTES, 0) === KEY_BYTES ? key : 'bad';
  } finally {
    closeSync(fd);
  }
}

/**
 * A new key, written to a temporary file of its own and then linked into place, so that no
 * other clausula ever reads half a key; undefined when another one's key got there first.
 */
function makeKey(path: string): Buffer | undefined {
  const key = randomBytes(KEY_BYTES);
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NO_FOLLOW, 0o600);
    try {
      writeSync(fd, key);
    } finally {
      closeSync(fd);
    }
    linkSync(tmp, path);
    return key;
  } catch {
    return undefined;
  } finally {
    rmSync(tmp, { force: true });
  }
}
