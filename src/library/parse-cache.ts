import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileKind } from '../schema/index.js';
import type { Finding } from './finding.js';

/** What reading one file produced, kept against the hash of its text. */
export interface CachedFile {
  hash: string;
  kind: FileKind;
  data: unknown;
  findings: Finding[];
  valid: boolean;
}

export interface ParseCache {
  get(file: string, hash: string, kind: FileKind): CachedFile | undefined;
  set(file: string, entry: CachedFile): void;
  /** Write the cache back if anything changed. Never fails the command. */
  save(): void;
}

const disabled: ParseCache = { get: () => undefined, set: () => undefined, save: () => undefined };

/**
 * A cache of parsed and schema-checked library files, keyed by the hash of each file's
 * text. Parsing YAML is most of what a command spends on a library, and officers build
 * from the same library again and again: an unchanged file is read from the cache
 * instead of parsed. A changed file has another hash, so the cache can never serve stale
 * content; a new build of clausula (other schemas or messages) starts a new cache.
 * Location: $CLAUSULA_CACHE_DIR, else $XDG_CACHE_HOME/clausula, else ~/.cache/clausula.
 * CLAUSULA_CACHE=0 turns it off.
 */
export function openParseCache(libraryDir: string): ParseCache {
  if (process.env.CLAUSULA_CACHE === '0') return disabled;
  const id = buildId();
  const root = cacheRoot();
  if (!id || !root) return disabled;
  const path = join(root, `library-${hash(`${id}\0${libraryDir}`).slice(0, 20)}.json`);
  let entries: Record<string, CachedFile> = {};
  try {
    entries = (JSON.parse(readFileSync(path, 'utf8')) as { entries: Record<string, CachedFile> }).entries ?? {};
  } catch {
    entries = {};
  }
  const seen = new Set<string>();
  let changed = false;
  return {
    get(file, fileHash, kind) {
      seen.add(file);
      const entry = entries[file];
      return entry && entry.hash === fileHash && entry.kind === kind ? entry : undefined;
    },
    set(file, entry) {
      entries[file] = entry;
      changed = true;
    },
    save() {
      // Forget files that are gone, so the cache does not grow with renames.
      for (const file of Object.keys(entries)) {
        if (!seen.has(file)) {
          delete entries[file];
          changed = true;
        }
      }
      if (!changed) return;
      try {
        mkdirSync(root, { recursive: true });
        const tmp = `${path}.${process.pid}.tmp`;
        writeFileSync(tmp, JSON.stringify({ entries }));
        renameSync(tmp, path);
      } catch {
        // A cache that cannot be written only costs speed.
      }
    },
  };
}

export function textHash(text: string): string {
  return hash(text);
}

function hash(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('hex');
}

function cacheRoot(): string | undefined {
  if (process.env.CLAUSULA_CACHE_DIR) return process.env.CLAUSULA_CACHE_DIR;
  if (process.env.XDG_CACHE_HOME) return join(process.env.XDG_CACHE_HOME, 'clausula');
  try {
    const home = homedir();
    return home ? join(home, '.cache', 'clausula') : undefined;
  } catch {
    return undefined;
  }
}

let cachedBuildId: string | null | undefined;

/** Identifies this build of clausula: its schemas (validators) and its YAML reading code. */
function buildId(): string | undefined {
  if (cachedBuildId === undefined) {
    try {
      const validators = readFileSync(fileURLToPath(new URL('./generated/validators.js', import.meta.url)));
      const reader = readFileSync(fileURLToPath(new URL('./yaml-source.js', import.meta.url)));
      const schemaCheck = readFileSync(fileURLToPath(new URL('./validate-schema.js', import.meta.url)));
      cachedBuildId = createHash('sha1').update(validators).update(reader).update(schemaCheck).digest('hex');
    } catch {
      // Running from TypeScript sources (the test suite): no build to identify, no cache.
      cachedBuildId = null;
    }
  }
  return cachedBuildId ?? undefined;
}
