import { homedir } from 'node:os';
import { join } from 'node:path';

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
