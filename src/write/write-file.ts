import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { InputError, InterruptedError } from '../errors.js';
import { messages } from '../text/messages/index.js';
import { writeAtomically } from './atomic.js';
import { checkWritable, viaOf, type Naming, type WriteRules } from './check-target.js';

export { checkWritable, type Naming, type Protected, type WriteKind, type WriteRules } from './check-target.js';

export interface WriteOptions extends WriteRules {
  /** How to name the file in messages (defaults to the path as given). */
  display?: string;
}

/**
 * The one way clausula writes a file of the user's: every rule checked first (check-target.ts),
 * then written whole through a temporary file and a rename (atomic.ts), so a reader never sees
 * half a file and an interrupted write leaves the old file (or nothing) in place.
 */
export async function writeFileSafely(path: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  const name = options.display ?? path;
  const t = messages(options.language).files;
  await signalsHandled();
  if (stopped) throw new InterruptedError(t.notWritten(name));
  const target = checkWritable(path, name, options);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  try {
    // Synchronous: a signal is handled between writes, never in the middle of one.
    writeAtomically(target, [bytes], { fsync: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(t.cannotWrite(name, reason(code, error as Error, dirname(target), options.language)), fixFor(code, options.naming, options.language));
  }
}

let stopped = false;

/**
 * Let a signal that came while the document was being made be handled before writing it, so
 * Ctrl-C means no file: the loop reads pending signals in its poll phase only. A timer alone
 * may run in the timers phase it is called from, an immediate alone in the check phase right
 * after a poll that came too early; an immediate after a timer always has a poll before it.
 */
async function signalsHandled(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await new Promise((resolve) => setImmediate(resolve));
}

/**
 * For the process's SIGINT/SIGTERM handler: refuse new writes. A write under way is never
 * half done when the handler runs (writes are synchronous), so once this returns the folder
 * holds the old file or the complete new one, and no temporary file.
 */
export async function stopWriting(): Promise<void> {
  stopped = true;
}

/** The fix for a write the system refused, naming the way this command chooses another place (none for lock). */
function fixFor(code: string | undefined, naming: Naming | undefined, language: string | undefined): string {
  const t = messages(language).files;
  const via = viaOf(naming, language);
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return via === undefined ? t.makeWritable : t.chooseWritable(via);
    case 'ENOSPC':
    case 'EDQUOT':
      return via === undefined ? t.freeSpaceOnly : t.freeSpace(via);
    default:
      return via === undefined ? t.checkFolder : t.chooseElsewhere(via);
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
    case 'EDQUOT':
      return t.quotaUsed;
    case 'EISDIR':
      return t.isAFolder;
    case 'ENAMETOOLONG':
      return t.pathTooLong;
    case 'ENOENT':
      // The folder was checked before writing: it exists but takes no new files (/proc), or it went away meanwhile.
      return existsSync(folder) ? t.noFileHere(folder) : t.folderGone;
    default:
      return error.message;
  }
}
