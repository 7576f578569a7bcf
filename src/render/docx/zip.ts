import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * The few zip operations repacking a .docx needs, on Node's own zlib: reading the package
 * docx wrote and writing it again with fixed dates. (A JavaScript zip library costs a
 * couple of hundred milliseconds to start; this is most of a build's time saved.)
 */
export interface ZipEntry {
  name: string;
  data: Buffer;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

/** A part that unpacks to more than the reader allows: a "zip bomb", or not a document at all. */
export class ZipPartTooLarge extends Error {
  constructor(
    readonly part: string,
    readonly limit: number,
  ) {
    super(`zip entry ${part} unpacks to more than ${limit} bytes`);
  }
}

export interface ReadZipOptions {
  /** Only unpack the entries whose names pass (the others are skipped, never inflated). */
  only?: (name: string) => boolean;
  /** Refuse (ZipPartTooLarge) an entry that unpacks to more bytes than this. */
  maxEntryBytes?: number;
}

export function readZip(bytes: Uint8Array, options: ReadZipOptions = {}): ZipEntry[] {
  const limit = options.maxEntryBytes;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip package: no end of central directory');
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== CENTRAL) throw new Error('not a zip package: broken central directory');
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const offset = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/') || (options.only && !options.only(name))) continue;
    if (buf.readUInt32LE(offset) !== LOCAL) throw new Error(`not a zip package: broken entry ${name}`);
    const start = offset + 30 + buf.readUInt16LE(offset + 26) + buf.readUInt16LE(offset + 28);
    const raw = buf.subarray(start, start + compressed);
    if (method === 0) {
      if (limit !== undefined && raw.length > limit) throw new ZipPartTooLarge(name, limit);
      entries.push({ name, data: Buffer.from(raw) });
    } else if (method === 8) entries.push({ name, data: inflate(raw, name, limit) });
    else throw new Error(`zip entry ${name} uses compression method ${method}`);
  }
  return entries;
}

// zlib stops as soon as the output passes the limit, so a few megabytes that unpack to
// gigabytes cost nothing but the refusal.
function inflate(raw: Buffer, name: string, limit: number | undefined): Buffer {
  if (limit === undefined) return inflateRawSync(raw);
  try {
    return inflateRawSync(raw, { maxOutputLength: limit });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipPartTooLarge(name, limit);
    throw error;
  }
}

/** A zip package of the entries, in order, every entry dated `date` (UTC, as DOS time). */
export function writeZip(entries: readonly ZipEntry[], when: Date): Buffer {
  // DOS dates start in 1980.
  const date = new Date(Math.max(when.getTime(), Date.UTC(1980, 0, 1)));
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const compressed = deflateRawSync(entry.data, { level: 6 });
    const crc = crc32(entry.data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(day, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(day, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
