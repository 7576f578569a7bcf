import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { openCache, type CacheFolder } from '../cache/sealed-file.js';

export type MainModule = typeof import('./main.js');

export interface LoadedMain {
  module: MainModule;
  /** Keep the code V8 compiled during this run for the next one, if it was not kept already. Never fails. */
  saveCodeCache(): void;
}

const BUNDLE = fileURLToPath(new URL('../clausula.cjs', import.meta.url));

/**
 * The command machinery. A build has it in one file, dist/clausula.cjs (scripts/bundle.mjs):
 * loading it skips resolving and reading some three hundred modules, and with a V8 code
 * cache it is not even compiled again. That is most of a command's start-up, which an
 * officer meets every time. The code cache is kept per command (a build compiles other
 * functions than a lint) in the cache folder, sealed with the user's key for the hash of the
 * bundle (src/cache/sealed-file.ts): it is only ever used with the code it was made from, and
 * only if this user made it. Without a bundle (running from the compiled files alone) the
 * modules are imported one by one.
 */
export async function loadMain(argv: readonly string[]): Promise<LoadedMain> {
  if (!existsSync(BUNDLE)) return { module: await import('./main.js'), saveCodeCache: () => undefined };
  const bytes = readFileSync(BUNDLE);
  const cache = codeCacheFile(bytes, commandOf(argv));
  // Only a code cache this user sealed for exactly this bundle and command: V8 itself would
  // accept compiled code made from any other source of the same length, and run it.
  const cachedData = cache?.folder.read(cache.name, cache.identity);
  // CommonJS's own wrapper: the bundle sees exports, require, module, __filename and __dirname.
  // The build keeps the bundle ASCII (scripts/bundle.mjs): read as Latin-1 it is a one-byte string,
  // made in a third of the time UTF-8 decoding takes, and cheaper for V8 to hash and scan.
  const text = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${text}\n})`;
  const script = new Script(wrapped, { filename: BUNDLE, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as MainModule };
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE));
  const fresh = cachedData === undefined || script.cachedDataRejected === true;
  return { module: module.exports, saveCodeCache: () => (cache && fresh ? writeCodeCache(cache, script.createCachedData()) : undefined) };
}

interface CodeCacheFile {
  folder: CacheFolder;
  name: string;
  /** What the seal vouches for: this V8, this bundle's bytes, this command. */
  identity: string;
  /** The prefix every code cache of this bundle has; others are of older builds. */
  prefix: string;
}

function codeCacheFile(bundle: Buffer, command: string): CodeCacheFile | undefined {
  const folder = openCache();
  if (!folder) return undefined;
  const bundleHash = createHash('sha256').update(process.versions.v8).update('\0').update(bundle).digest('hex');
  const prefix = `code-${bundleHash.slice(0, 20)}-`;
  return { folder, name: `${prefix}${command}.bin`, identity: `code\0${bundleHash}\0${command}`, prefix };
}

/** The command's name, as far as it can be told without parsing options: the first word that is not an option or --library's value. */
function commandOf(argv: readonly string[]): string {
  const word = argv.find((arg, i) => !arg.startsWith('-') && argv[i - 1] !== '--library');
  return word !== undefined && /^[a-z]{1,20}$/.test(word) ? word : 'other';
}

/**
 * Code caches of other builds untouched (read or written) this long are removed: old builds'
 * go, while two installed versions that share a cache folder keep theirs.
 */
const STALE_MS = 7 * 24 * 60 * 60 * 1000;

/** Write the code cache; remove the stale code caches of other builds. Never fails. */
function writeCodeCache(cache: CodeCacheFile, data: Buffer): void {
  if (!cache.folder.write(cache.name, cache.identity, [data])) return;
  cache.folder.prune('code-', { maxAgeMs: STALE_MS, spare: (name) => name.startsWith(cache.prefix) });
}
