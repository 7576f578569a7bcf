import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError } from '../../errors.js';

/** How to get LibreOffice, said where it is missing. */
export const INSTALL_OFFICE =
  'install LibreOffice: on Debian or Ubuntu `sudo apt-get install libreoffice-writer-nogui`, on Fedora `sudo dnf install libreoffice-writer`, on macOS `brew install --cask libreoffice`, elsewhere from https://www.libreoffice.org/download/; or set CLAUSULA_SOFFICE to the soffice program';

/** Where LibreOffice installs its program outside the PATH (macOS and Windows). */
const USUAL_PLACES = ['/Applications/LibreOffice.app/Contents/MacOS/soffice', 'C:\\Program Files\\LibreOffice\\program\\soffice.exe', 'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe'];

/**
 * The LibreOffice program: $CLAUSULA_SOFFICE, else `soffice` or `libreoffice` on the PATH,
 * else where the installers put it. Not found is an input error saying how to install it.
 */
export function findOffice(env: Readonly<Record<string, string | undefined>>, purpose: string): string {
  const given = env.CLAUSULA_SOFFICE;
  if (given) {
    if (!isAbsolute(given) || !isProgram(given)) throw new InputError(`CLAUSULA_SOFFICE is ${given}, which is not a program`, 'set it to the full path of LibreOffice’s soffice program, or unset it to look on the PATH');
    return given;
  }
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    // A relative folder on the PATH would run whatever the current folder holds.
    if (!dir || !isAbsolute(dir)) continue;
    for (const name of names) if (isProgram(join(dir, name))) return join(dir, name);
  }
  const usual = USUAL_PLACES.find(isProgram);
  if (usual) return usual;
  throw new InputError(`${purpose} needs LibreOffice, which is not installed (no soffice program on the PATH)`, INSTALL_OFFICE);
}

function isProgram(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A document of a thousand clauses takes LibreOffice well under a minute; this is for one that hangs. */
const TIMEOUT_MS = 5 * 60 * 1000;

/**
 * Run one macro of clausula's Basic module (profile.ts) in a LibreOffice of its own: the
 * profile in `profile`, headless, no window, no recovery, no first-start dialogue. It is
 * stopped (its whole process group) after the time-out, and when clausula exits.
 */
export function runMacro(program: string, profile: string, macro: string, args: readonly string[], env: Readonly<Record<string, string | undefined>>): Promise<void> {
  const call = `macro:///Standard.Clausula.${macro}(${args.map((a) => `"${a}"`).join(',')})`;
  const child = spawn(program, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--invisible', '--norestore', '--nologo', '--nodefault', '--nolockcheck', call], {
    env: { ...env, SAL_USE_VCLPLUGIN: 'svp' },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: process.platform !== 'win32',
  });
  const stop = () => {
    try {
      if (child.pid !== undefined) process.kill(process.platform === 'win32' ? child.pid : -child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  process.once('exit', stop);
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new InputError(`LibreOffice did not finish within ${TIMEOUT_MS / 60000} minutes`, 'try again; if it happens again, open the .docx in LibreOffice and export it to PDF by hand'));
    }, TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      process.removeListener('exit', stop);
      reject(new InputError(`cannot run LibreOffice (${program}): ${error.message}`, INSTALL_OFFICE));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      process.removeListener('exit', stop);
      if (code === 0) resolve();
      else reject(new InputError(`LibreOffice (${program}) stopped with ${signal ?? `exit code ${code}`}${lastLine(stderr)}`, 'check that LibreOffice Writer opens documents on this machine (soffice --headless --version)'));
    });
  });
}

function lastLine(stderr: string): string {
  const line = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/javaldx/.test(l))
    .pop();
  return line ? `: ${line}` : '';
}

export { pathToFileURL };
