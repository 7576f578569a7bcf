import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeFileSafely } from '../write/write-file.js';

export interface OpenOptions {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * The command that opens an address in the user's browser: $BROWSER when set (as many tools
 * read it), else the system's opener. None on a Linux without a display: xdg-open would
 * start a text browser in the very terminal serve prints to.
 */
export function browserCommand(url: string, o: OpenOptions): [string, string[]] | undefined {
  const chosen = o.env.BROWSER?.split(':').find((b) => b.trim() !== '');
  if (chosen) return chosen.includes('%s') ? [chosen.split(' ')[0]!, chosen.split(' ').slice(1).map((a) => a.replace('%s', url))] : [chosen, [url]];
  if (o.platform === 'darwin') return ['open', [url]];
  if (o.platform === 'win32') return ['explorer.exe', [url]];
  if (!o.env.DISPLAY && !o.env.WAYLAND_DISPLAY) return undefined;
  return ['xdg-open', [url]];
}

/**
 * Open the address in a browser, in the background. Resolves true once the opener started and
 * did not fail at once, false when there is none or it failed: never throws, since serve goes
 * on without it (the address is printed).
 */
export function openBrowser(url: string, o: OpenOptions): Promise<boolean> {
  const command = browserCommand(url, o);
  if (!command) return Promise.resolve(false);
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn(command[0], command[1], { stdio: 'ignore', detached: true });
    } catch {
      resolve(false);
      return;
    }
    child.once('error', () => resolve(false));
    child.once('exit', (code) => resolve(code === 0));
    // An opener that keeps running (a browser started directly) has done its job.
    const started = setTimeout(() => resolve(true), 3000);
    started.unref();
    child.unref();
  });
}

export interface RedirectFile {
  /** The file's address, file:///…/open.html, to give the browser. */
  url: string;
  remove(): void;
}

/**
 * A page that sends the browser on to the address with its token, in a folder only this user
 * can read. The browser is started with this file's name rather than the address: a command
 * line is visible to every user of the computer (ps), the file is not.
 */
export async function redirectFile(url: string): Promise<RedirectFile> {
  const dir = mkdtempSync(join(tmpdir(), 'clausula-serve-'));
  const file = join(dir, 'open.html');
  const target = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  await writeFileSafely(file, `<!doctype html>\n<meta charset="utf-8">\n<meta http-equiv="refresh" content="0;url=${target}">\n<title>clausula</title>\n<p><a href="${target}">clausula</a></p>\n`);
  return { url: pathToFileURL(file).href, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
