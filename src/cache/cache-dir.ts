import { chmodSync, lstatSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { makeDirectory } from '../write/make-directory.js';

/**
 * Where clausula keeps what it can always compute again (parsed library files, compiled
 * code): $CLAUSULA_CACHE_DIR (a relative one from the working folder), else
 * $XDG_CACHE_HOME/clausula, else ~/.cache/clausula. A relative XDG_CACHE_HOME is ignored, as
 * the XDG specification says: it would put the cache wherever the command happens to run.
 * Undefined when CLAUSULA_CACHE=0 turns caching off, or there is no home folder.
 */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CLAUSULA_CACHE === '0') return undefined;
  if (env.CLAUSULA_CACHE_DIR) return resolve(env.CLAUSULA_CACHE_DIR);
  return xdgFolder(env.XDG_CACHE_HOME, '.cache');
}

/**
 * Where clausula keeps the key that authenticates its caches: $XDG_STATE_HOME/clausula, else
 * ~/.local/state/clausula. Never inside the cache folder: a cache restored from elsewhere (CI)
 * or shared with others must not bring the key its entries are checked with.
 */
export function keyDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return xdgFolder(env.XDG_STATE_HOME, join('.local', 'state'));
}

function xdgFolder(setting: string | undefined, underHome: string): string | undefined {
  if (setting && isAbsolute(setting)) return join(setting, 'clausula');
  try {
    const home = homedir();
    return home && isAbsolute(home) ? join(home, underHome, 'clausula') : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The folder, made if need be, when it is fit to hold what clausula will trust: a real folder
 * (not a link), owned by this user, which no one else may write or read (0700; one of ours that
 * others could enter is closed). Undefined otherwise: then clausula works without it. Entries
 * are authenticated as well (sealed-file.ts), so a folder that was open once proves nothing.
 */
export function privateFolder(path: string): string | undefined {
  try {
    makeDirectory(path, 0o700);
    const stat = lstatSync(path);
    if (!stat.isDirectory()) return undefined;
    const uid = process.getuid?.();
    if (uid === undefined) return path; // Windows: no owners or modes to check here
    if (stat.uid !== uid) return undefined;
    if ((stat.mode & 0o077) !== 0) {
      chmodSync(path, 0o700);
      if ((lstatSync(path).mode & 0o077) !== 0) return undefined;
    }
    return path;
  } catch {
    return undefined;
  }
}
