import { realpathSync, statSync } from 'node:fs';
import { delimiter, join, relative, sep } from 'node:path';

/**
 * How the user can start clausula again, as they would type it: every command a message
 * prints begins with this.
 *
 * - `clausula` when a `clausula` on PATH is this very program (a global install);
 * - `npx clausula` when it was started through npx or npm exec, or from a project's
 *   node_modules (a local install: `clausula` alone is not on PATH there);
 * - otherwise `node <path of the program>` (a clone run as `node bin/clausula.js`).
 *
 * `program` is the script node was given (process.argv[1]); unknown (clausula run
 * in-process by a test or another program) means `clausula`.
 */
export function invocation(program: string | undefined, env: Readonly<Record<string, string | undefined>>, cwd: string): string {
  if (program === undefined) return 'clausula';
  const self = realpath(program);
  if (self !== undefined && onPath(env.PATH).some((candidate) => realpath(candidate) === self)) return 'clausula';
  if (env.npm_command === 'exec' || program.split(/[\\/]/).includes('node_modules')) return 'npx clausula';
  const shown = relative(cwd, program);
  return `node ${shellQuote(shown.startsWith('..') || shown === '' ? program : shown.split(sep).join('/'))}`;
}

/** Every `clausula` on PATH that is a file. */
function onPath(path: string | undefined): string[] {
  const found: string[] = [];
  for (const dir of (path ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, 'clausula');
    try {
      if (statSync(candidate).isFile()) found.push(candidate);
    } catch {
      // not there
    }
  }
  return found;
}

function realpath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/** A word quoted for a POSIX shell when it needs it. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
