import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { readZip, writeZip, type ZipEntry } from '../../src/render/docx/zip.js';

/** Every part of a .docx as text, by name. */
export async function docxParts(pathOrBytes: string | Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(typeof pathOrBytes === 'string' ? readFileSync(pathOrBytes) : pathOrBytes);
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files)) {
    if (!zip.files[name]!.dir) parts.set(name, await zip.file(name)!.async('string'));
  }
  return parts;
}

/** The paragraphs of a WordprocessingML part as plain text (w:t only, entities decoded), one string each. */
export function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => texts(m[0]).join(''));
}

/** The paragraphs (as XML) whose style is the given one. */
export function paragraphsWithStyle(xml: string, style: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]).filter((p) => p.includes(`<w:pStyle w:val="${style}"/>`));
}

export function texts(xml: string): string[] {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!));
}

export function decode(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
    e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))),
  );
}

/** Rewrite one part of a .docx and return the new package. */
export async function editDocx(bytes: Uint8Array, part: string, edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file(part, edit(await zip.file(part)!.async('string')));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Rewrite a .docx's zip entries as they are (names, order, duplicates), with Node's zlib. */
export async function rezip(bytes: Uint8Array, edit: (entries: ZipEntry[]) => ZipEntry[]): Promise<Buffer> {
  return writeZip(edit(readZip(bytes)), new Date(Date.UTC(2026, 0, 1)));
}

/**
 * Make a zip entry declare a size it does not have: its central-directory record (what
 * readers trust) says `size` bytes unpacked, whatever its data inflates to.
 */
export function declareSize(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  for (let i = out.length - 46; i >= 0; i--) {
    if (out.readUInt32LE(i) !== 0x02014b50) continue;
    const nameLength = out.readUInt16LE(i + 28);
    if (out.toString('utf8', i + 46, i + 46 + nameLength) !== name) continue;
    out.writeUInt32LE(size, i + 24);
    const local = out.readUInt32LE(i + 42);
    out.writeUInt32LE(size, local + 22);
    return out;
  }
  throw new Error(`no entry ${name}`);
}
