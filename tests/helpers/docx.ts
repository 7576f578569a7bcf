import { readFileSync } from 'node:fs';
import JSZip from 'jszip';

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
