import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A folder only this user can enter (mkdtemp makes it 0700, with a name nobody can guess),
 * for files another program reads and writes on clausula's behalf (LibreOffice's profile and
 * the documents it converts). Its files are created exclusively (never through a link
 * planted in advance) and it is removed when `work` ends, or when the process exits
 * (an interrupt) while it runs.
 */
export async function withPrivateFolder<T>(prefix: string, work: (folder: PrivateFolder) => Promise<T>): Promise<T> {
  const path = mkdtempSync(join(tmpdir(), `clausula-${prefix}-`));
  const remove = () => rmSync(path, { recursive: true, force: true });
  process.once('exit', remove);
  try {
    return await work({
      path,
      write: (name, data) => {
        const file = join(path, name);
        writeFileSync(file, data, { flag: 'wx', mode: 0o600 });
        return file;
      },
      folder: (name) => {
        const folder = join(path, name);
        mkdirSync(folder, { mode: 0o700 });
        return folder;
      },
    });
  } finally {
    process.removeListener('exit', remove);
    remove();
  }
}

export interface PrivateFolder {
  path: string;
  /** Create a new file in the folder (`name` may lead into a folder made with `folder`); returns its path. */
  write(name: string, data: string | Uint8Array): string;
  /** Create a new folder in the folder; returns its path. */
  folder(name: string): string;
}
