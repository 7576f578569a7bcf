import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/clausula.js', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run clausula in this process (fast, counted by coverage), with a fake terminal. */
export async function runCli(argv: string[], options: { cwd?: string; env?: Record<string, string | undefined>; tty?: boolean } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const stdin = Object.assign(new PassThrough(), { isTTY: options.tty ?? false });
  const code = await main(argv, {
    stdout: {
      write: (s: string, written?: (error?: Error | null) => void) => {
        stdout += s;
        written?.();
        return true;
      },
      isTTY: options.tty ?? false,
    },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.tty ?? false },
    stdin,
    env: { NO_COLOR: '1', ...options.env },
    cwd: options.cwd ?? REPO_ROOT,
  });
  return { code, stdout, stderr };
}

/**
 * Run the built binary as a user would (`npm run build` first; `npm test` does it): as
 * `npx clausula` runs it (npm_command=exec), so the commands it prints read `npx clausula …`.
 */
export function spawnCli(args: string[], options: SpawnSyncOptions & { env?: Record<string, string | undefined> } = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    cwd: REPO_ROOT,
    ...options,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', npm_command: 'exec', ...options.env },
  });
  return { code: result.status ?? -1, stdout: String(result.stdout ?? ''), stderr: String(result.stderr ?? '') };
}
