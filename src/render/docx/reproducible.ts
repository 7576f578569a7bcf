import { readZip, writeZip, type ZipEntry } from './zip.js';

export interface RepackOptions {
  /** The document's date: core properties and every zip entry carry it. */
  date: Date;
  /** Parts to replace or add (a reference document's theme). */
  replace?: Readonly<Record<string, string>>;
  /** A part's text as it should be written (before the dates, ids and bookmarks are fixed). */
  edit?: (name: string, text: string) => string;
}

/** A part of the package: its bytes, or the XML text docx's compiler wrote (taken as it is, not encoded and decoded again). */
export interface PackagePart {
  name: string;
  data: Buffer | string;
}

// DOS dates in a zip start in 1980.
const ZIP_EPOCH = Date.UTC(1980, 0, 1, 0, 0, 0);

/**
 * Make the package docx wrote byte-for-byte reproducible: docx stamps the current time on
 * the core properties and the zip entries, names relationships with random ids and
 * numbers bookmarks from a counter that runs across documents. Same model and date in,
 * same parts out, to be zipped with every entry dated `stamp`.
 */
export function reproducibleParts(packed: Uint8Array | readonly PackagePart[], options: RepackOptions): { entries: ZipEntry[]; stamp: Date } {
  const entries = packed instanceof Uint8Array ? readZip(packed) : packed;
  const names = entries.map((e) => e.name);
  const parts = new Map<string, string>(entries.map((e) => [e.name, typeof e.data === 'string' ? e.data : e.data.toString('utf8')]));
  for (const [name, text] of Object.entries(options.replace ?? {})) {
    if (!parts.has(name)) names.push(name);
    parts.set(name, text);
  }
  if (options.edit) for (const name of names) parts.set(name, options.edit(name, parts.get(name)!));

  const stamp = new Date(Math.max(options.date.getTime(), ZIP_EPOCH));
  const iso = stamp.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const core = parts.get('docProps/core.xml');
  if (core !== undefined) {
    parts.set('docProps/core.xml', core.replace(/(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(<\/dcterms:)/g, `$1${iso}$2`));
  }

  const randomIds = new Map<string, string>();
  for (const name of names) {
    if (!name.endsWith('.rels')) continue;
    for (const m of parts.get(name)!.matchAll(/\bId="([^"]+)"/g)) {
      const id = m[1]!;
      if (!/^rId\d+$/.test(id) && !randomIds.has(id)) randomIds.set(id, `rIdL${randomIds.size + 1}`);
    }
  }

  const out = names.map((name) => {
    let text = parts.get(name)!;
    if (randomIds.size > 0) text = text.replace(/"(rId[^"]+)"/g, (whole, id: string) => (randomIds.has(id) ? `"${randomIds.get(id)}"` : whole));
    if (name === 'word/document.xml') text = renumberBookmarks(text);
    return { name, data: Buffer.from(text, 'utf8') };
  });
  return { entries: out, stamp };
}

/** The same, zipped: the reproducible bytes of a package docx wrote (the redline's). */
export function repack(packed: Uint8Array | readonly PackagePart[], options: RepackOptions): Uint8Array {
  const { entries, stamp } = reproducibleParts(packed, options);
  return writeZip(entries, stamp);
}

/** Number bookmarks 1, 2, 3… in the order they appear, and the TOC's `_Toc` names with them. */
export function renumberBookmarks(xml: string): string {
  const ids = new Map<string, number>();
  const tocNames = new Map<string, number>();
  return xml
    .replace(/(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(\d+)(")/g, (_, head: string, id: string, tail: string) => {
      if (!ids.has(id)) ids.set(id, ids.size + 1);
      return `${head}${ids.get(id)}${tail}`;
    })
    .replace(/\b_Toc(\d+)\b/g, (_, n: string) => {
      if (!tocNames.has(n)) tocNames.set(n, tocNames.size + 1);
      return `_Toc${tocNames.get(n)}`;
    });
}
