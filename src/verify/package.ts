import { closeSync, constants, fstatSync, openSync } from 'node:fs';
import { TextDecoder } from 'node:util';
import { posix } from 'node:path';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { InputError } from '../errors.js';
import { TamperedError } from './tampered.js';

/**
 * A .docx as Word opens it: a zip package whose parts are found through their
 * relationships, read one at a time, never more than a document could hold.
 *
 * Against hostile packages: the file's size is checked before anything is read; an entry
 * is inflated as a stream, counted as it comes, and refused as soon as it passes the cap
 * (whatever size it declares: yauzl also refuses an entry that inflates to more than it
 * declares); a package with two entries of one name (part names ignore case) is refused,
 * since readers disagree on which one is the document.
 */
export interface DocxPackage {
  /** The name the user gave, for messages. */
  display: string;
  /** The part's text, streamed to `onText` chunk by chunk; false when there is no such part. */
  readPart(name: string, onText: (chunk: string) => void): Promise<boolean>;
  has(name: string): boolean;
  close(): void;
}

export const LIMITS = {
  /** Far above any .docx clausula builds or a city's pliego (10,000 clauses are some tens of megabytes). */
  fileBytes: 1024 * 2 ** 20,
  entries: 10_000,
  /** What one part may unpack to, and all the parts verify reads together. */
  partBytes: 128 * 2 ** 20,
  totalBytes: 256 * 2 ** 20,
};

const FIX = 'give a .docx built by clausula build';

export async function openPackage(absolute: string, display: string): Promise<DocxPackage> {
  // Non-blocking: opening a pipe to read would otherwise wait for a writer.
  const fd = openSync(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
  let zip: ZipFile;
  try {
    const stat = fstatSync(fd);
    // A device (/dev/zero) or a pipe would be read forever.
    if (!stat.isFile()) throw new InputError(`${display} is not a regular file (a device, a pipe or a socket)`, 'give the path of a .docx built by clausula build');
    if (stat.size > LIMITS.fileBytes) throw new InputError(`${display} is ${mib(stat.size)}, more than the ${mib(LIMITS.fileBytes)} a Word document clausula reads may have`, FIX);
    zip = await new Promise<ZipFile>((resolve, reject) =>
      yauzl.fromFd(fd, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false, decodeStrings: true }, (error, opened) => (error ? reject(error) : resolve(opened))),
    ).catch((error: unknown) => {
      throw error instanceof InputError ? error : new InputError(`${display} is not a Word document (.docx): it is not a zip package (${reason(error)})`, FIX);
    });
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  let entries: Map<string, Entry>;
  try {
    entries = await listEntries(zip, display);
  } catch (error) {
    zip.close(); // closes the file too
    throw error;
  }
  let inflated = 0;
  let closed = false;
  return {
    display,
    has: (name) => entries.has(partKey(name)),
    close() {
      if (closed) return;
      closed = true;
      zip.close(); // closes the file once no entry is being read

    },
    async readPart(name, onText) {
      const entry = entries.get(partKey(name));
      if (!entry) return false;
      const cap = Math.min(LIMITS.partBytes, LIMITS.totalBytes - inflated);
      const tooLarge = () => new InputError(`${display}: ${name} unpacks to more than ${mib(cap)}; it is not a document clausula built`, FIX);
      // Checked before inflating anything; the count below holds when the declared size lies.
      if (entry.uncompressedSize > cap) throw tooLarge();
      if (entry.isEncrypted()) throw new InputError(`${display}: ${name} is encrypted`, FIX);
      const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) => zip.openReadStream(entry, (error, s) => (error ? reject(error) : resolve(s)))).catch((error: unknown) => {
        throw new InputError(`${display}: ${name} cannot be unpacked (${reason(error)})`, FIX);
      });
      const decoder = new TextDecoder('utf-8', { fatal: true });
      let first = true;
      let utf16: TextDecoder | undefined;
      await new Promise<void>((resolve, reject) => {
        const fail = (error: unknown) => {
          (stream as unknown as { destroy(): void }).destroy();
          reject(error);
        };
        stream.on('data', (chunk: Buffer) => {
          inflated += chunk.length;
          if (inflated > LIMITS.totalBytes || chunk.length > cap) return fail(tooLarge());
          try {
            if (first) {
              first = false;
              // XML parts are UTF-8, or UTF-16 with a byte-order mark (Word reads both).
              if (chunk[0] === 0xff && chunk[1] === 0xfe) utf16 = new TextDecoder('utf-16le', { fatal: true });
              if (chunk[0] === 0xfe && chunk[1] === 0xff) utf16 = new TextDecoder('utf-16be', { fatal: true });
            }
            onText((utf16 ?? decoder).decode(chunk, { stream: true }));
          } catch (error) {
            fail(error instanceof InputError ? error : new InputError(`${display}: ${name} is not text in UTF-8 or UTF-16`, FIX));
          }
        });
        stream.on('error', (error: Error) => fail(/too many bytes|too few bytes/.test(error.message) ? new InputError(`${display}: ${name} unpacks to another size than its zip entry declares; the package was tampered with or is damaged`, FIX) : new InputError(`${display}: ${name} cannot be unpacked (${reason(error)})`, FIX)));
        stream.on('end', () => {
          try {
            onText((utf16 ?? decoder).decode());
            resolve();
          } catch (error) {
            reject(error instanceof InputError ? error : new InputError(`${display}: ${name} is not text in UTF-8 or UTF-16`, FIX));
          }
        });
      });
      return true;
    },
  };
}

/** Every entry of the central directory (what Word reads), by part name; two of one name are refused. */
function listEntries(zip: ZipFile, display: string): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Entry>();
    if (zip.entryCount > LIMITS.entries) {
      reject(new InputError(`${display} holds ${zip.entryCount} zip entries, more than the ${LIMITS.entries} a Word document clausula reads may have`, FIX));
      return;
    }
    zip.on('entry', (entry: Entry) => {
      const key = partKey(entry.fileName);
      if (entries.has(key)) {
        reject(new TamperedError(`${display} holds two zip entries named ${entry.fileName}: readers do not agree on which one is the document`));
        zip.close();
        return;
      }
      if (!entry.fileName.endsWith('/')) entries.set(key, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (error: Error) => reject(new InputError(`${display} is not a Word document (.docx): its zip package is damaged (${reason(error)})`, FIX)));
    zip.readEntry();
  });
}

/** Part names compare without case, as the package format says; relationship targets may start with a slash. */
export function partKey(name: string): string {
  return posix.normalize(name.replace(/^\/+/, '')).toLowerCase();
}

function mib(bytes: number): string {
  const value = bytes / 2 ** 20;
  return value >= 1024 ? `${(value / 1024).toFixed(value % 1024 === 0 ? 0 : 1)} GiB` : `${value.toFixed(value >= 10 || Number.isInteger(value) ? 0 : 1)} MiB`;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
