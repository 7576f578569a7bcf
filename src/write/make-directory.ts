import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Create a folder and any missing parents (mkdir -p); `mode` is for the folder itself. Node 20's own,
 * mkdirSync(path, { recursive: true }), never returns when the system answers "no such
 * file" for a folder whose parent exists, as /proc does: a cache or output folder there
 * hung the command. This one goes one level at a time and throws that answer instead.
 */
export function makeDirectory(path: string, mode?: number): void {
  try {
    mkdirSync(path, { mode });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && statSync(path).isDirectory()) return;
    const parent = dirname(path);
    if (code !== 'ENOENT' || parent === path) throw error;
    makeDirectory(parent);
    mkdirSync(path, { mode });
  }
}
