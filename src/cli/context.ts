import { readFileSync } from 'node:fs';
import { isAbsolute, resolve, sep } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';
import type { Io } from './io.js';

let cachedVersion: string | undefined;
export function toolVersion(): string {
  cachedVersion ??= (JSON.parse(readFileSync(resolve(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  return cachedVersion;
}

/** What every command receives: the terminal, the resolved global options. */
export interface CommandContext {
  io: Io;
  /** Absolute path of the library to use (--library, else the shipped one). */
  libraryDir: string;
  /** Whether --library was given. */
  libraryGiven: boolean;
  debug: boolean;
  color: boolean;
  /** Resolve a path the user typed against the working directory. */
  resolvePath(path: string): string;
  /**
   * A command the user can run, as messages print it: `npx clausula --library lib build
   * tender.yaml` (the start from src/cli/invocation.ts, --library when it was given, each
   * word quoted for the shell when it needs it).
   */
  command(...words: string[]): string;
  /** The language of the messages the officer reads (errors included); English until a command sets it. */
  language: string;
  /**
   * What to say when a signal (SIGTERM, SIGHUP: the window closed) stops the command, once
   * the files being written are finished: the interview says where the answers are.
   */
  onStop(message: () => string): void;
}

export function wantsColor(io: Io, noColorFlag: boolean): boolean {
  if (noColorFlag) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true;
}

/** A path the user typed, made absolute; a final slash (`-o reports/`: a folder) is kept. */
export function resolveFrom(cwd: string, path: string): string {
  if (isAbsolute(path)) return path;
  const absolute = resolve(cwd, path);
  return /[\\/]$/.test(path) && !absolute.endsWith(sep) ? absolute + sep : absolute;
}
