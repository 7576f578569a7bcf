import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { cacheDir, writeCacheFile } from '../cache-dir.js';
import { FROM_SOURCES, PACKAGE_ROOT } from '../package-root.js';
import type { FileKind } from '../schema/index.js';
import type { Finding } from '../finding.js';

/** What reading one file produced, kept against the hash of its text. */
export interface CachedFile {
  hash: string;
  kind: FileKind;
  data: unknown;
  findings: Finding[];
  valid: boolean;
}

export interface ParseCache {
  /** False when CLAUSULA_CACHE=0 or there is nowhere to keep it: then nothing needs hashing. */
  enabled: boolean;
  /** The hash of the text the cache holds for a file of this kind, if any (the file is still in the library). */
  hashOf(file: string, kind: FileKind): string | undefined;
  /** The entry for a file whose text was found to have that hash. */
  take(file: string): CachedFile | undefined;
  set(file: string, entry: CachedFile): void;
  /** Write the cache back if anything changed. Never fails the command. */
  save(): void;
}

const disabled: ParseCache = { enabled: false, hashOf: () => undefined, take: () => undefined, set: () => undefined, save: () => undefined };

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
  const id = buildId();
  const root = cacheDir();
  if (!id || !root) return disabled;
  const path = join(root, `library-${hash(`${id}\0${libraryDir}`).slice(0, 20)}.bin`);
  const entries = readEntries(path);
  const seen = new Set<string>();
  let changed = false;
  return {
    enabled: true,
    hashOf(file, kind) {
      seen.add(file);
      const entry = entries.get(file);
      return entry?.kind === kind ? entry.hash : undefined;
    },
    take(file) {
      return entries.get(file);
    },
    set(file, entry) {
      entries.set(file, entry);
      changed = true;
    },
    save() {
      // Forget files that are gone, so the cache does not grow with renames.
      for (const file of entries.keys()) {
        if (!seen.has(file)) {
          entries.delete(file);
          changed = true;
        }
      }
      if (changed) writeCacheFile(path, frames(entries));
    },
  };
}

/**
 * The cache file is a run of frames, each a 4-byte length and a v8-serialized array of
 * [file, entry] pairs. v8's format reads back in about half the time JSON takes, and
 * writing frame by frame keeps the memory for writing a ten-thousand-file library
 * small (one JSON string of it was a third of lint's peak memory).
 */
const FRAME_ENTRIES = 500;

function readEntries(path: string): Map<string, CachedFile> {
  const entries = new Map<string, CachedFile>();
  try {
    const bytes = readFileSync(path);
    for (let at = 0; at < bytes.length; ) {
      const length = bytes.readUInt32LE(at);
      const pairs = deserialize(bytes.subarray(at + 4, at + 4 + length)) as [string, CachedFile][];
      for (const [file, entry] of pairs) entries.set(file, entry);
      at += 4 + length;
    }
    return entries;
  } catch {
    // No cache yet, or one that cannot be read: start afresh.
    return new Map();
  }
}

/** The entries as frames of FRAME_ENTRIES, each a 4-byte length and the serialized pairs. */
function* frames(entries: Map<string, CachedFile>): Generator<Buffer> {
  const all = [...entries];
  for (let i = 0; i < all.length; i += FRAME_ENTRIES) {
    const frame = serialize(all.slice(i, i + FRAME_ENTRIES));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(frame.length);
    yield length;
    yield frame;
  }
}

export function textHash(text: string): string {
  return hash(text);
}

function hash(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('hex');
}

let cachedBuildId: string | null | undefined;

/** Identifies this build of clausula (its schemas, its YAML reading code) and the v8 that serializes the cache. */
function buildId(): string | undefined {
  // Running from TypeScript sources (the test suite): no build to identify, no cache.
  if (cachedBuildId === undefined) cachedBuildId = FROM_SOURCES ? null : hashOfBuild();
  return cachedBuildId ?? undefined;
}

function hashOfBuild(): string | null {
  try {
    const hash = createHash('sha1');
    for (const file of ['generated/validators.js', 'yaml-source.js', 'validate-schema.js']) hash.update(readFileSync(join(PACKAGE_ROOT, 'dist/library', file)));
    return hash.update(process.versions.v8).digest('hex');
  } catch {
    return null;
  }
}
