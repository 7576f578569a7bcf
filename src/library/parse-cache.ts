import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { openCache } from '../cache/sealed-file.js';
import { FROM_SOURCES, PACKAGE_ROOT } from '../package-root.js';
import type { FileKind } from '../schema/index.js';
import { matchesSchema } from './validate-schema.js';

/** What parsing one valid file produced, kept against the hash of its text. */
export interface CachedFile {
  hash: string;
  kind: FileKind;
  /** The parsed data, which matched its kind's schema. */
  data: unknown;
}

export interface ParseCache {
  /** False when CLAUSULA_CACHE=0 or there is nowhere to keep it: then nothing needs hashing. */
  enabled: boolean;
  /** The hash of the text the cache holds for a file of this kind, if any (the file is still in the library). */
  hashOf(file: string, kind: FileKind): string | undefined;
  /**
   * The data for a file whose text was found to have that hash, if it still matches its kind's
   * schema, as a fresh parse would; undefined (a miss: parse it) otherwise.
   */
  take(file: string): unknown;
  set(file: string, entry: CachedFile): void;
  /** Write the cache back if anything changed. Never fails the command. */
  save(): void;
}

const disabled: ParseCache = { enabled: false, hashOf: () => undefined, take: () => undefined, set: () => undefined, save: () => undefined };

/** The most library caches kept (tests and `diff` read many short-lived folders); the least recently used go first. */
const KEEP_LIBRARIES = 32;
const MONTH_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * A cache of parsed and schema-checked library files, keyed by the hash of each file's
 * text. Parsing YAML is most of what a command spends on a library, and officers build
 * from the same library again and again: an unchanged file is read from the cache
 * instead of parsed. A changed file has another hash, so the cache can never serve stale
 * content; a new build of clausula (other schemas or messages) starts a new cache.
 * The cache file is sealed with the user's key (src/cache/sealed-file.ts) and each entry is
 * checked against its schema again when used: an entry that was tampered with, or is
 * malformed, is a miss, never data in a tender. Only files that parsed without a finding are
 * kept; the others are parsed every time, as they are being fixed.
 * Location: see src/cache/cache-dir.ts; CLAUSULA_CACHE=0 turns it off.
 */
export function openParseCache(libraryDir: string): ParseCache {
  const id = buildId();
  const folder = id ? openCache() : undefined;
  if (!id || !folder) return disabled;
  const { name, identity } = parseCacheFile(id, libraryDir);
  const entries = readEntries(folder.read(name, identity));
  if (entries.size > 0) folder.touch(name);
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
      const entry = entries.get(file);
      if (entry && matchesSchema(entry.kind, entry.data)) return entry.data;
      entries.delete(file);
      changed = true;
      return undefined;
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
      if (!changed) return;
      if (folder.write(name, identity, frames(entries))) folder.prune('library-', { keep: KEEP_LIBRARIES, maxAgeMs: MONTH_MS });
    },
  };
}

/** The cache file of a library folder, and what its seal vouches for: this build of clausula, this folder. */
export function parseCacheFile(buildId: string, libraryDir: string): { name: string; identity: string } {
  return { name: `library-${hash(`${buildId}\0${libraryDir}`).slice(0, 20)}.bin`, identity: `library\0${buildId}\0${libraryDir}` };
}

/**
 * The cache file's contents (after its seal) are a run of frames, each a 4-byte length and a
 * v8-serialized array of [file, entry] pairs. v8's format reads back in about half the time
 * JSON takes, and writing frame by frame keeps the memory for writing a ten-thousand-file
 * library small (one JSON string of it was a third of lint's peak memory).
 */
const FRAME_ENTRIES = 500;

/** The entries of a sealed cache file; an entry of the wrong shape is left out (a miss), as is everything after a frame that does not read. */
function readEntries(bytes: Buffer | undefined): Map<string, CachedFile> {
  const entries = new Map<string, CachedFile>();
  if (!bytes) return entries;
  try {
    for (let at = 0; at + 4 <= bytes.length; ) {
      const length = bytes.readUInt32LE(at);
      const pairs: unknown = deserialize(bytes.subarray(at + 4, at + 4 + length));
      if (!Array.isArray(pairs)) break;
      for (const pair of pairs as unknown[]) {
        if (isEntry(pair)) entries.set(pair[0], pair[1]);
      }
      at += 4 + length;
    }
  } catch {
    // The rest cannot be read: those files are parsed afresh.
  }
  return entries;
}

function isEntry(pair: unknown): pair is [string, CachedFile] {
  if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string') return false;
  const entry: unknown = pair[1];
  if (entry === null || typeof entry !== 'object') return false;
  const { hash, kind } = entry as Record<string, unknown>;
  return typeof hash === 'string' && /^[0-9a-f]{40}$/.test(hash) && typeof kind === 'string';
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

/** The id of the compiled build in dist/ (what the built binary uses), from the sources too: tests seal entries with it. */
export function hashOfBuild(): string | null {
  try {
    const hash = createHash('sha1');
    for (const file of ['generated/validators.js', 'yaml-source.js', 'validate-schema.js']) hash.update(readFileSync(join(PACKAGE_ROOT, 'dist/library', file)));
    return hash.update(process.versions.v8).digest('hex');
  } catch {
    return null;
  }
}
