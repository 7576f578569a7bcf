import { posix } from 'node:path';
import { InputError } from '../../errors.js';
import { messages } from '../../text/messages/index.js';
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
  /** The language of the messages about it (the answers'). */
  language: string;
}

/** Far above any pliego: a long one with pictures is some tens of megabytes. */
const MAX_PART_BYTES = 256 * 2 ** 20;
const MARKER = /^\s*\{\{\s*clausula\s*\}\}\s*$/;
const IN_TEXT = /\{\{\s*clausula\s*\}\}/;

/**
 * Read the host document and find the one paragraph that reads `{{ clausula }}`. No such
 * paragraph (or the marker only among other text), two of them, or one inside a table, a
 * text box or a content control is an input error saying where, in `language`, so the
 * officer can put it right in Word.
 */
export function readHostDoc(bytes: Uint8Array, display: string, language: string): HostDoc {
  const t = messages(language).into;
  let entries: ZipEntry[];
  try {
    entries = readZip(bytes, { maxEntryBytes: MAX_PART_BYTES });
  } catch (error) {
    if (error instanceof ZipPartTooLarge) throw new InputError(t.partTooLarge(display, error.part, error.limit / 2 ** 20), t.giveHost);
    throw new InputError(t.notZip(display), t.giveHost);
  }
  const text = (name: string) => entries.find((e) => e.name === name)?.data.toString('utf8');
  const rels = text('_rels/.rels');
  const main = rels === undefined ? undefined : relationshipTargets(parsePart(rels, '_rels/.rels', NS.rels, 'Relationships', display, language), '', 'officeDocument')[0];
  const documentPart = main ?? 'word/document.xml';
  const xml = text(documentPart);
  if (xml === undefined) throw new InputError(t.missingPart(display, documentPart), t.giveHost);
  const document = parsePart(xml, documentPart, NS.w, 'document', display, language);
  return { display, entries, documentPart, document, marker: findMarker(document, display, language), language };
}

/** A part of the host (or of the build) parsed strictly; one that is not what Word writes is an input error naming it. */
export function parsePart(text: string, name: string, ns: string, root: string, display: string, language: string): XmlDocument {
  try {
    return parseXmlPart(text, ns, root);
  } catch (error) {
    const t = messages(language).into;
    if (error instanceof XmlPartError) throw new InputError(t.unreadablePart(display, name, error.message), t.giveHost);
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

function findMarker(document: XmlDocument, display: string, language: string): Element {
  const t = messages(language).into;
  const body = childElements(document.documentElement!, NS.w, 'body')[0];
  if (!body) throw new InputError(t.noBody(display), t.giveHost);
  const all = body.getElementsByTagNameNS(NS.w, 'p');
  const found: { p: Element; where: string }[] = [];
  // A marker written among other text: the officer meant it, but the clauses cannot go inside a sentence.
  let among: { where: string; text: string } | undefined;
  let before: string | undefined;
  for (let i = 0; i < all.length; i++) {
    const p = all.item(i)!;
    const text = paragraphText(p);
    const where = t.paragraph(i + 1, before);
    if (MARKER.test(text)) {
      found.push({ p, where });
      continue;
    }
    if (among === undefined && IN_TEXT.test(text)) among = { where, text: shorten(text.trim()) };
    if (text.trim() !== '') before = shorten(text.trim());
  }
  if (found.length === 0 && among !== undefined) throw new InputError(t.markerAmongText(display, among.where, among.text), t.ownParagraph);
  if (found.length === 0) throw new InputError(t.noMarker(display), t.writeMarker);
  if (found.length > 1) throw new InputError(t.markers(display, found.length, found.map((f) => f.where).join('; ')), t.keepOne);
  const { p, where } = found[0]!;
  const container = enclosing(p, body);
  if (container) throw new InputError(t.markerInside(display, where, t.inside[container]!), t.moveOut);
  return p;
}

/** What a paragraph is inside of, below the body, if anything. */
function enclosing(p: Element, body: Element): 'table' | 'textBox' | 'control' | 'drawing' | undefined {
  for (let node = p.parentNode as Element | null; node && node !== body; node = node.parentNode as Element | null) {
    if (node.namespaceURI !== NS.w) return 'drawing';
    if (node.localName === 'tc') return 'table';
    if (node.localName === 'txbxContent') return 'textBox';
    if (node.localName === 'sdtContent') return 'control';
  }
  return undefined;
}

function shorten(text: string): string {
  return text.length > 48 ? `${text.slice(0, 45)}…` : text;
}
