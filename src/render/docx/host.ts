import { posix } from 'node:path';
import { InputError } from '../../errors.js';
import { childElements, NS, parseXmlPart, XmlPartError, type Element, type XmlDocument } from './xml.js';
import { readZip, ZipPartTooLarge, type ZipEntry } from './zip.js';

/** The city's own document (`build --into`): its parts, and the paragraph the clauses replace. */
export interface HostDoc {
  display: string;
  entries: ZipEntry[];
  /** The main part's name (word/document.xml, as the package's relationships say). */
  documentPart: string;
  document: XmlDocument;
  /** The paragraph whose whole text is `{{ clausula }}`. */
  marker: Element;
}

/** Far above any pliego: a long one with pictures is some tens of megabytes. */
const MAX_PART_BYTES = 256 * 2 ** 20;
const MARKER = /^\s*\{\{\s*clausula\s*\}\}\s*$/;
const IN_TEXT = /\{\{\s*clausula\s*\}\}/;
export const MARKER_TEXT = '{{ clausula }}';
const FIX = 'give the .docx of the PCAP or PPT, saved by Word or LibreOffice, with {{ clausula }} alone in the paragraph where the clauses go';

/**
 * Read the host document and find the one paragraph that reads `{{ clausula }}`. No such
 * paragraph, two of them, or one inside a table, a text box or a content control is an input
 * error saying where, so the officer can put it right in Word.
 */
export function readHostDoc(bytes: Uint8Array, display: string): HostDoc {
  let entries: ZipEntry[];
  try {
    entries = readZip(bytes, { maxEntryBytes: MAX_PART_BYTES });
  } catch (error) {
    if (error instanceof ZipPartTooLarge) throw new InputError(`${display}: ${error.part} unpacks to more than ${error.limit / 2 ** 20} MiB; it is not a PCAP or PPT`, FIX);
    throw new InputError(`${display} is not a Word document (.docx): it is not a zip package`, FIX);
  }
  const text = (name: string) => entries.find((e) => e.name === name)?.data.toString('utf8');
  const rels = text('_rels/.rels');
  const main = rels === undefined ? undefined : relationshipTargets(parsePart(rels, '_rels/.rels', NS.rels, 'Relationships', display), '', 'officeDocument')[0];
  const documentPart = main ?? 'word/document.xml';
  const xml = text(documentPart);
  if (xml === undefined) throw new InputError(`${display} is not a Word document: ${documentPart} is missing`, FIX);
  const document = parsePart(xml, documentPart, NS.w, 'document', display);
  return { display, entries, documentPart, document, marker: findMarker(document, display) };
}

export function parsePart(text: string, name: string, ns: string, root: string, display: string): XmlDocument {
  try {
    return parseXmlPart(text, ns, root);
  } catch (error) {
    if (error instanceof XmlPartError) throw new InputError(`${display}: ${name} cannot be read: ${error.message}`, FIX);
    throw error;
  }
}

/** The targets (package paths) of a part's relationships of a type (the last segment of its URI). */
export function relationshipTargets(rels: XmlDocument, base: string, type: string): string[] {
  return childElements(rels.documentElement!, NS.rels, 'Relationship')
    .filter((r) => (r.getAttribute('Type') ?? '').endsWith(`/${type}`) && r.getAttribute('TargetMode') !== 'External')
    .map((r) => {
      const target = r.getAttribute('Target') ?? '';
      return target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(base, target));
    });
}

/** The text of a paragraph as Word shows it: its runs' text, wherever they sit (links, fields, tracked insertions). */
export function paragraphText(p: Element): string {
  let out = '';
  const texts = p.getElementsByTagNameNS(NS.w, 't');
  for (let i = 0; i < texts.length; i++) out += texts.item(i)!.textContent ?? '';
  return out;
}

function findMarker(document: XmlDocument, display: string): Element {
  const body = childElements(document.documentElement!, NS.w, 'body')[0];
  if (!body) throw new InputError(`${display} is not a Word document: it has no body`, FIX);
  const all = body.getElementsByTagNameNS(NS.w, 'p');
  const found: { p: Element; where: string }[] = [];
  // A marker written among other text: the officer meant it, but the clauses cannot go inside a sentence.
  let among: string | undefined;
  let before = '';
  for (let i = 0; i < all.length; i++) {
    const p = all.item(i)!;
    const text = paragraphText(p);
    const where = `paragraph ${i + 1}${before ? `, after “${before}”` : ', at the start'}`;
    if (MARKER.test(text)) {
      found.push({ p, where });
      continue;
    }
    if (among === undefined && IN_TEXT.test(text)) among = `${where}: “${shorten(text.trim())}”`;
    if (text.trim() !== '') before = shorten(text.trim());
  }
  if (found.length === 0 && among !== undefined) {
    throw new InputError(`${display} has ${MARKER_TEXT} only among other text, in ${among}`, `put ${MARKER_TEXT} in a paragraph of its own: the clauses replace the whole paragraph`);
  }
  if (found.length === 0) throw new InputError(`${display} has no paragraph that reads ${MARKER_TEXT}`, `write ${MARKER_TEXT} alone in the paragraph where the clauses go, save it, and build again`);
  if (found.length > 1) {
    throw new InputError(`${display} has ${found.length} paragraphs that read ${MARKER_TEXT}: ${found.map((f) => f.where).join('; ')}`, 'keep one: the clauses go in one place');
  }
  const { p, where } = found[0]!;
  const container = enclosing(p, body);
  if (container) throw new InputError(`${display}: the paragraph ${MARKER_TEXT} (${where}) is inside ${container}`, `move ${MARKER_TEXT} out of it, into a paragraph of its own in the body of the document`);
  return p;
}

/** What a paragraph is inside of, below the body, if anything. */
function enclosing(p: Element, body: Element): string | undefined {
  for (let node = p.parentNode as Element | null; node && node !== body; node = node.parentNode as Element | null) {
    if (node.namespaceURI !== NS.w) return 'a drawing or an object';
    if (node.localName === 'tc') return 'a table';
    if (node.localName === 'txbxContent') return 'a text box';
    if (node.localName === 'sdtContent') return 'a content control';
  }
  return undefined;
}

function shorten(text: string): string {
  return text.length > 48 ? `${text.slice(0, 45)}…` : text;
}
