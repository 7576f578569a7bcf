import JSZip from 'jszip';
import { InputError } from '../errors.js';

/** What `verify` reads from a .docx: its custom properties and its main text. */
export interface DocxContents {
  properties: Map<string, string>;
  documentXml: string;
}

export async function readDocx(bytes: Uint8Array, display: string): Promise<DocxContents> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new InputError(`${display} is not a Word document (.docx): it is not a zip package`, 'give a .docx built by clausula build');
  }
  const documentXml = await partText(zip, 'word/document.xml', display);
  if (documentXml === undefined) throw new InputError(`${display} is not a Word document: word/document.xml is missing`, 'give a .docx built by clausula build');
  const custom = await partText(zip, 'docProps/custom.xml', display);
  return { properties: custom === undefined ? new Map() : customProperties(custom), documentXml };
}

/** Far above the main part of any document clausula builds (10,000 clauses are some tens of megabytes). */
const MAX_PART_BYTES = 512 * 2 ** 20;

/** A part's text, refusing one that unpacks to more than a document could hold (a "zip bomb"). */
async function partText(zip: JSZip, name: string, display: string): Promise<string | undefined> {
  const entry = zip.file(name);
  if (!entry) return undefined;
  const tooLarge = () => new InputError(`${display}: ${name} unpacks to more than ${MAX_PART_BYTES / 2 ** 20} MiB; it is not a document clausula built`, 'give a .docx built by clausula build');
  // The size the package declares (JSZip keeps it, unexported, read as a signed 32-bit number);
  // when it lies, the string limit below still holds.
  const declared = (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize;
  if (typeof declared === 'number' && (declared < 0 ? declared + 2 ** 32 : declared) > MAX_PART_BYTES) throw tooLarge();
  try {
    return await entry.async('string');
  } catch (error) {
    if (error instanceof RangeError) throw tooLarge();
    throw new InputError(`${display}: ${name} cannot be unpacked (${(error as Error).message})`, 'give a .docx built by clausula build');
  }
}

/** The text properties of docProps/custom.xml, by name. */
export function customProperties(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<property\b([^>]*)>\s*<vt:(\w+)>([\s\S]*?)<\/vt:\2>\s*<\/property>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[1]!)?.[1];
    if (name !== undefined) out.set(decodeXml(name), decodeXml(m[3]!));
  }
  return out;
}

/**
 * The text of each named bookmark, as verify compares it: the paragraphs the bookmark
 * touches, their runs' text joined (tabs as "\t", line breaks as "\n"), one paragraph a
 * line. Deleted text in tracked changes is not text; inserted text is.
 */
export function bookmarkedTexts(xml: string, names: ReadonlySet<string>): Map<string, string> {
  const paragraphs = new Map<string, string[]>();
  const idToName = new Map<string, string>();
  const open = new Set<string>();
  let touched = new Set<string>();
  let text = '';
  let inText = false;
  let depth = 0;
  for (const m of xml.matchAll(/<(\/?)([\w:]+)([^>]*?)(\/?)>|([^<]+)/g)) {
    if (m[5] !== undefined) {
      if (inText) text += decodeXml(m[5]);
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2]!;
    const selfClosing = m[4] === '/';
    const attrs = m[3] ?? '';
    switch (tag) {
      case 'w:p':
        if (closing) {
          if (--depth === 0) {
            for (const name of touched) paragraphs.get(name)!.push(text);
            touched = new Set(open);
          }
        } else if (!selfClosing && depth++ === 0) {
          text = '';
          touched = new Set(open);
        }
        break;
      case 'w:t':
        inText = !closing && !selfClosing;
        break;
      case 'w:tab':
        if (depth > 0 && selfClosing && !/w:val=/.test(attrs)) text += '\t';
        break;
      case 'w:br':
      case 'w:cr': {
        const type = /w:type="([^"]*)"/.exec(attrs)?.[1];
        if (depth > 0 && (type === undefined || type === 'textWrapping')) text += '\n';
        break;
      }
      case 'w:bookmarkStart': {
        const name = /w:name="([^"]*)"/.exec(attrs)?.[1];
        const id = /w:id="([^"]*)"/.exec(attrs)?.[1];
        if (name === undefined || id === undefined || !names.has(name)) break;
        idToName.set(id, name);
        open.add(name);
        if (!paragraphs.has(name)) paragraphs.set(name, []);
        if (depth > 0) touched.add(name);
        break;
      }
      case 'w:bookmarkEnd': {
        const id = /w:id="([^"]*)"/.exec(attrs)?.[1];
        const name = id === undefined ? undefined : idToName.get(id);
        if (name !== undefined) open.delete(name);
        break;
      }
      default:
        break;
    }
  }
  return new Map([...paragraphs].map(([name, list]) => [name, list.join('\n')]));
}

function decodeXml(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g, (whole, dec: string, hex: string, named: string) => {
    if (dec !== undefined) return String.fromCodePoint(Number(dec));
    if (hex !== undefined) return String.fromCodePoint(parseInt(hex, 16));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[named as 'amp'] ?? whole;
  });
}
