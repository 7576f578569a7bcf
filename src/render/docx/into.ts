import { posix } from 'node:path';
import type { DocumentModel } from '../../assemble/document.js';
import { parsePart, relationshipTargets, type HostDoc } from './host.js';
import { renderDocxParts } from './index.js';
import { childElements, firstChild, NS, serializeXml, wAttr, type Element, type XmlDocument, type XmlNode } from './xml.js';
import { writeZip, type ZipEntry } from './zip.js';

export interface IntoOptions {
  date: Date;
  /** Numbers the clauses with a numbering of their own, each number after this ("A." gives A.1., A.1.1.). */
  numberPrefix?: string;
}

/** The bookmark around what the build writes into the host; `verify` compares the text inside it. */
export const REGION_BOOKMARK = 'clausula';

const TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CONTENT = {
  styles: 'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml',
  numbering: 'application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml',
  footnotes: 'application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml',
  custom: 'application/vnd.openxmlformats-officedocument.custom-properties+xml',
};

/**
 * The clauses in the city's own document, in place of its `{{ clausula }}` paragraph. The
 * host keeps everything of its own: styles, headers and footers, sections, numbering,
 * properties. The clauses are laid out in the host's styles (its Heading 1 and 2, its Body
 * Text, its footnotes), matched by name; styles the host lacks are added, without fonts of
 * their own, so they take the host's. The parts and clauses go on with the host's heading
 * numbers when its headings are numbered, or are numbered on their own (with
 * `numberPrefix`, or when the host's headings have no numbers). The footnotes, the lists'
 * numbering and the provenance properties join the host's; a bookmark named `clausula`
 * runs from the first paragraph written to the last.
 */
export async function renderInto(model: DocumentModel, host: HostDoc, options: IntoOptions): Promise<Uint8Array> {
  const own = await renderDocxParts(model, { date: options.date, layout: 'into', ...(options.numberPrefix !== undefined ? { numberPrefix: options.numberPrefix } : {}) });
  const ours = new Map(own.entries.map((e) => [e.name, e.data.toString('utf8')]));
  const out = new Package(host);
  const doc = host.document;
  const docRels = out.relsOf(host.documentPart);

  // Styles: the host's by name, ours added where it has none.
  const ourStyles = parsePart(ours.get('word/styles.xml')!, 'styles', NS.w, 'styles', 'clausula', host.language);
  const stylesPart = out.related(docRels, host.documentPart, 'styles', 'styles.xml', CONTENT.styles, `<w:styles xmlns:w="${NS.w}"/>`, 'styles');
  // Numbering: the host's lists stay; ours are added with numbers after the host's.
  const ourNumbering = parsePart(ours.get('word/numbering.xml')!, 'numbering', NS.w, 'numbering', 'clausula', host.language);
  const numberingPart = out.related(docRels, host.documentPart, 'numbering', 'numbering.xml', CONTENT.numbering, `<w:numbering xmlns:w="${NS.w}"/>`, 'numbering');
  const numIds = addNumbering(numberingPart.doc, ourNumbering);

  const ourDoc = parsePart(ours.get('word/document.xml')!, 'document', NS.w, 'document', 'clausula', host.language);
  const ourBody = firstChild(ourDoc.documentElement!, NS.w, 'body')!;
  const blocks = childElements(ourBody, NS.w).filter((e) => e.localName !== 'sectPr');
  const ourFootnotes = ours.has('word/footnotes.xml') ? parsePart(ours.get('word/footnotes.xml')!, 'footnotes', NS.w, 'footnotes', 'clausula', host.language) : undefined;

  const used = usedStyles([...blocks, ...(ourFootnotes ? [ourFootnotes.documentElement!] : [])]);
  const styleIds = addStyles(stylesPart.doc, ourStyles, used, numIds);
  const ourStyleNumbering = styleNumbering(ourStyles);
  const headings = headingNumbering(stylesPart.doc, doc, host.marker, styleIds, options.numberPrefix !== undefined);

  // Footnotes: ours after the host's, and the links in them.
  const footnoteIds = new Map<string, string>();
  let footnotesInOrder: { name: string; doc: XmlDocument } | undefined;
  if (ourFootnotes) {
    const footnotesPart = out.related(docRels, host.documentPart, 'footnotes', 'footnotes.xml', CONTENT.footnotes, ours.get('word/footnotes.xml')!.replace(/<w:footnote\b(?![^>]*w:type=)[\s\S]*?<\/w:footnote>/g, ''), 'footnotes');
    const hostNotes = childElements(footnotesPart.doc.documentElement!, NS.w, 'footnote');
    let next = Math.max(0, ...hostNotes.map((n) => Number(wAttr(n, 'id') ?? 0))) + 1;
    const ourRels = ours.get('word/_rels/footnotes.xml.rels');
    const linkIds = ourRels === undefined ? new Map<string, string>() : out.addRelationships(footnotesPart.name, parsePart(ourRels, 'footnotes rels', NS.rels, 'Relationships', 'clausula', host.language));
    for (const note of childElements(ourFootnotes.documentElement!, NS.w, 'footnote')) {
      if (note.getAttributeNS(NS.w, 'type')) continue;
      const id = String(next++);
      footnoteIds.set(wAttr(note, 'id')!, id);
      const copy = footnotesPart.doc.importNode(note, true) as Element;
      copy.setAttributeNS(NS.w, 'w:id', id);
      restyle(copy, styleIds);
      for (const link of elements(copy, NS.w, 'hyperlink')) {
        const rid = link.getAttributeNS(NS.r, 'id');
        if (rid && linkIds.has(rid)) link.setAttributeNS(NS.r, 'r:id', linkIds.get(rid)!);
      }
      footnotesPart.doc.documentElement!.appendChild(copy);
    }
    footnotesInOrder = footnotesPart;
  }

  // The body: our blocks where the marker was.
  let bookmark = Math.max(0, ...elements(doc.documentElement!, NS.w, 'bookmarkStart').map((b) => Number(wAttr(b, 'id') ?? 0)), ...elements(doc.documentElement!, NS.w, 'bookmarkEnd').map((b) => Number(wAttr(b, 'id') ?? 0)));
  const bookmarkIds = new Map<string, string>();
  const parent = host.marker.parentNode!;
  const inserted: Element[] = [];
  for (const block of blocks) {
    const copy = doc.importNode(block, true) as Element;
    for (const p of elements(copy, NS.w, 'p')) number(doc, p, ourStyleNumbering, headings, numIds);
    restyle(copy, styleIds);
    for (const ref of elements(copy, NS.w, 'footnoteReference')) ref.setAttributeNS(NS.w, 'w:id', footnoteIds.get(wAttr(ref, 'id')!) ?? wAttr(ref, 'id')!);
    for (const mark of [...elements(copy, NS.w, 'bookmarkStart'), ...elements(copy, NS.w, 'bookmarkEnd')]) {
      const old = wAttr(mark, 'id')!;
      if (!bookmarkIds.has(old)) bookmarkIds.set(old, String(++bookmark));
      mark.setAttributeNS(NS.w, 'w:id', bookmarkIds.get(old)!);
    }
    parent.insertBefore(copy, host.marker);
    inserted.push(copy);
  }
  markRegion(doc, inserted, String(++bookmark));
  // The marker goes; a section break it carried stays, on an empty paragraph.
  const sectPr = firstChild(firstChild(host.marker, NS.w, 'pPr') ?? host.marker, NS.w, 'sectPr');
  if (sectPr) {
    for (const child of childElements(host.marker, NS.w).filter((e) => e.localName !== 'pPr')) host.marker.removeChild(child);
  } else parent.removeChild(host.marker);

  if (footnotesInOrder) {
    renumberFootnotes(doc, footnotesInOrder.doc);
    out.set(footnotesInOrder.name, serializeXml(footnotesInOrder.doc));
  }
  out.set(host.documentPart, serializeXml(doc));
  out.set(stylesPart.name, serializeXml(stylesPart.doc));
  out.set(numberingPart.name, serializeXml(numberingPart.doc));
  out.setProperties(ours.get('docProps/custom.xml')!);
  return out.zip(own.stamp);
}

/**
 * Footnotes numbered 1, 2, 3… in the order the text refers to them, and written in that
 * order: LibreOffice takes a document's footnotes in the order of the part, whatever their ids.
 */
function renumberFootnotes(doc: XmlDocument, footnotes: XmlDocument): void {
  const root = footnotes.documentElement!;
  const notes = new Map(childElements(root, NS.w, 'footnote').filter((n) => !n.getAttributeNS(NS.w, 'type')).map((n) => [wAttr(n, 'id')!, n]));
  const ids = new Map<string, string>();
  for (const ref of elements(doc.documentElement!, NS.w, 'footnoteReference')) {
    const old = wAttr(ref, 'id')!;
    if (!ids.has(old)) ids.set(old, String(ids.size + 1));
    ref.setAttributeNS(NS.w, 'w:id', ids.get(old)!);
  }
  for (const note of notes.values()) root.removeChild(note);
  for (const [old, id] of ids) {
    const note = notes.get(old);
    if (!note) continue;
    note.setAttributeNS(NS.w, 'w:id', id);
    root.appendChild(note);
  }
  // Notes nothing refers to any more stay, after the others.
  let next = ids.size + 1;
  for (const [old, note] of notes) {
    if (ids.has(old)) continue;
    note.setAttributeNS(NS.w, 'w:id', String(next++));
    root.appendChild(note);
  }
}

/** Every element under `root` (itself included) with that name. */
function elements(root: Element, ns: string, name: string): Element[] {
  const list = root.getElementsByTagNameNS(ns, name);
  const out: Element[] = root.namespaceURI === ns && root.localName === name ? [root] : [];
  for (let i = 0; i < list.length; i++) out.push(list.item(i)!);
  return out;
}

/** The style ids our paragraphs, runs and tables name. */
function usedStyles(roots: readonly Element[]): Set<string> {
  const used = new Set<string>();
  for (const root of roots) for (const name of ['pStyle', 'rStyle', 'tblStyle']) for (const e of elements(root, NS.w, name)) used.add(wAttr(e, 'val')!);
  return used;
}

const key = (style: Element) => `${wAttr(style, 'type')}:${(wAttr(firstChild(style, NS.w, 'name'), 'val') ?? wAttr(style, 'styleId') ?? '').toLowerCase()}`;

/**
 * Our style ids as the host's: a style the host has by name is the host's; one it lacks is
 * added (with the styles it is based on), under our id unless the host uses that id for
 * another style. Added styles lose their fonts, so they take the host's.
 */
function addStyles(host: XmlDocument, ours: XmlDocument, used: ReadonlySet<string>, numIds: ReadonlyMap<string, string>): Map<string, string> {
  const root = host.documentElement!;
  const hostStyles = childElements(root, NS.w, 'style');
  const hostByKey = new Map(hostStyles.map((s) => [key(s), wAttr(s, 'styleId')!]));
  const hostIds = new Set(hostStyles.map((s) => wAttr(s, 'styleId')!));
  const ourById = new Map(childElements(ours.documentElement!, NS.w, 'style').map((s) => [wAttr(s, 'styleId')!, s]));
  const ids = new Map<string, string>();
  const added: Element[] = [];
  const visit = (id: string): void => {
    if (ids.has(id)) return;
    const style = ourById.get(id);
    if (!style) return void ids.set(id, id);
    const theirs = hostByKey.get(key(style));
    if (theirs !== undefined) return void ids.set(id, theirs);
    ids.set(id, hostIds.has(id) ? `Clausula${id}` : id);
    added.push(style);
    for (const link of ['basedOn', 'next', 'link']) {
      const target = wAttr(firstChild(style, NS.w, link), 'val');
      if (target !== undefined) visit(target);
    }
  };
  for (const id of used) visit(id);
  for (const style of added) {
    const copy = host.importNode(style, true) as Element;
    copy.setAttributeNS(NS.w, 'w:styleId', ids.get(wAttr(style, 'styleId')!)!);
    for (const link of ['basedOn', 'next', 'link']) {
      const element = firstChild(copy, NS.w, link);
      const target = wAttr(element, 'val');
      if (element && target !== undefined) element.setAttributeNS(NS.w, 'w:val', ids.get(target) ?? target);
    }
    for (const fonts of elements(copy, NS.w, 'rFonts')) fonts.parentNode!.removeChild(fonts);
    for (const num of elements(copy, NS.w, 'numId')) num.setAttributeNS(NS.w, 'w:val', numIds.get(wAttr(num, 'val')!) ?? '0');
    root.appendChild(copy);
  }
  return ids;
}

/** Each of our paragraph styles that carries a list: its list and level (List Number, List Bullet, the headings). */
function styleNumbering(styles: XmlDocument): Map<string, { numId: string; ilvl: string }> {
  const out = new Map<string, { numId: string; ilvl: string }>();
  for (const style of childElements(styles.documentElement!, NS.w, 'style')) {
    const numPr = firstChild(firstChild(style, NS.w, 'pPr') ?? style, NS.w, 'numPr');
    const numId = wAttr(firstChild(numPr ?? style, NS.w, 'numId'), 'val');
    if (numPr && numId !== undefined) out.set(wAttr(style, 'styleId')!, { numId, ilvl: wAttr(firstChild(numPr, NS.w, 'ilvl'), 'val') ?? '0' });
  }
  return out;
}

/** Our lists after the host's: abstract definitions after its own, instances at the end, all numbered anew. Returns our numIds → theirs. */
function addNumbering(host: XmlDocument, ours: XmlDocument): Map<string, string> {
  const root = host.documentElement!;
  const abstracts = childElements(root, NS.w, 'abstractNum');
  const nums = childElements(root, NS.w, 'num');
  let nextAbstract = Math.max(-1, ...abstracts.map((a) => Number(wAttr(a, 'abstractNumId') ?? -1))) + 1;
  let nextNum = Math.max(0, ...nums.map((n) => Number(wAttr(n, 'numId') ?? 0))) + 1;
  const abstractIds = new Map<string, string>();
  const numIds = new Map<string, string>([['0', '0']]);
  // Abstract definitions come before every instance in the part.
  const firstInstance = nums[0] ?? firstChild(root, NS.w, 'numIdMacAtCleanup') ?? null;
  for (const abstract of childElements(ours.documentElement!, NS.w, 'abstractNum')) {
    const id = String(nextAbstract++);
    abstractIds.set(wAttr(abstract, 'abstractNumId')!, id);
    const copy = host.importNode(abstract, true) as Element;
    copy.setAttributeNS(NS.w, 'w:abstractNumId', id);
    // Our list levels name our heading and list styles; in the host, paragraphs are numbered directly instead.
    for (const link of elements(copy, NS.w, 'pStyle')) link.parentNode!.removeChild(link);
    root.insertBefore(copy, firstInstance);
  }
  const end = firstChild(root, NS.w, 'numIdMacAtCleanup') ?? null;
  for (const num of childElements(ours.documentElement!, NS.w, 'num')) {
    const id = String(nextNum++);
    numIds.set(wAttr(num, 'numId')!, id);
    const copy = host.importNode(num, true) as Element;
    copy.setAttributeNS(NS.w, 'w:numId', id);
    const abstract = firstChild(copy, NS.w, 'abstractNumId')!;
    abstract.setAttributeNS(NS.w, 'w:val', abstractIds.get(wAttr(abstract, 'val')!)!);
    root.insertBefore(copy, end);
  }
  return numIds;
}

interface HeadingNumbers {
  /** Per heading level (0: parts, 1: clauses): the list and level to give the paragraph, or none when the host's style numbers it. */
  levels: ({ numId: string; ilvl: string } | undefined)[];
  /** Our own heading list is used (a prefix, or a host without numbered headings). */
  own: boolean;
}

/**
 * How our parts and clauses are numbered in the host: on from the host's own headings when
 * they are numbered (by their style, or by the numbering of the last Heading 1 before the
 * marker), else by our own heading list.
 */
function headingNumbering(styles: XmlDocument, doc: XmlDocument, marker: Element, ids: ReadonlyMap<string, string>, prefixed: boolean): HeadingNumbers {
  const own: HeadingNumbers = { levels: [], own: true };
  if (prefixed) return own;
  const byId = new Map(childElements(styles.documentElement!, NS.w, 'style').map((s) => [wAttr(s, 'styleId')!, s]));
  const styleNumPr = (id: string | undefined, depth = 0): { numId: string; ilvl: string } | undefined => {
    const style = id === undefined ? undefined : byId.get(id);
    if (!style || depth > 20) return undefined;
    const numPr = firstChild(firstChild(style, NS.w, 'pPr') ?? style, NS.w, 'numPr');
    const numId = wAttr(firstChild(numPr ?? style, NS.w, 'numId'), 'val');
    if (numPr && numId !== undefined) return numId === '0' ? undefined : { numId, ilvl: wAttr(firstChild(numPr, NS.w, 'ilvl'), 'val') ?? '0' };
    return styleNumPr(wAttr(firstChild(style, NS.w, 'basedOn'), 'val'), depth + 1);
  };
  const h1 = ids.get('Heading1');
  const h2 = ids.get('Heading2');
  let base = styleNumPr(h1);
  if (!base) {
    // Numbered by hand: the numbering of the last Heading 1 paragraph before the marker.
    for (const p of elements(doc.documentElement!, NS.w, 'p')) {
      if (p === marker) break;
      const pPr = firstChild(p, NS.w, 'pPr');
      if (wAttr(firstChild(pPr ?? p, NS.w, 'pStyle'), 'val') !== h1) continue;
      const numPr = firstChild(pPr!, NS.w, 'numPr');
      const numId = wAttr(firstChild(numPr ?? p, NS.w, 'numId'), 'val');
      if (numPr && numId !== undefined && numId !== '0') base = { numId, ilvl: wAttr(firstChild(numPr, NS.w, 'ilvl'), 'val') ?? '0' };
    }
  }
  if (!base) return own;
  const second = { numId: base.numId, ilvl: String(Number(base.ilvl) + 1) };
  const h2Style = styleNumPr(h2);
  return {
    own: false,
    levels: [styleNumPr(h1) ? undefined : base, h2Style && h2Style.numId === second.numId && h2Style.ilvl === second.ilvl ? undefined : second],
  };
}

/**
 * A paragraph of ours numbered in the host: a heading as headingNumbering says, a list
 * item by its list directly (the host's List styles may number something else).
 */
function number(doc: XmlDocument, p: Element, byStyle: ReadonlyMap<string, { numId: string; ilvl: string }>, headings: HeadingNumbers, numIds: ReadonlyMap<string, string>): void {
  const pPr = firstChild(p, NS.w, 'pPr');
  const style = wAttr(firstChild(pPr ?? p, NS.w, 'pStyle'), 'val');
  const direct = firstChild(pPr ?? p, NS.w, 'numPr');
  if (direct) {
    // Already numbered (an ordered list's own instance, or an appendix heading's "no number").
    const num = firstChild(direct, NS.w, 'numId')!;
    num.setAttributeNS(NS.w, 'w:val', numIds.get(wAttr(num, 'val')!) ?? '0');
    return;
  }
  const level = style === 'Heading1' ? 0 : style === 'Heading2' ? 1 : undefined;
  let numbering: { numId: string; ilvl: string } | undefined;
  if (level !== undefined && !headings.own) numbering = headings.levels[level];
  else if (style !== undefined && byStyle.has(style)) {
    const ours = byStyle.get(style)!;
    numbering = { numId: numIds.get(ours.numId) ?? '0', ilvl: ours.ilvl };
  }
  if (!numbering) return;
  const props = pPr ?? (p.insertBefore(doc.createElementNS(NS.w, 'w:pPr'), p.firstChild) as Element);
  const numPr = doc.createElementNS(NS.w, 'w:numPr');
  const ilvl = doc.createElementNS(NS.w, 'w:ilvl');
  ilvl.setAttributeNS(NS.w, 'w:val', numbering.ilvl);
  const numId = doc.createElementNS(NS.w, 'w:numId');
  numId.setAttributeNS(NS.w, 'w:val', numbering.numId);
  numPr.appendChild(ilvl);
  numPr.appendChild(numId);
  // After pStyle, keepNext, keepLines and pageBreakBefore, as the schema orders a pPr.
  const after = new Set(['pStyle', 'keepNext', 'keepLines', 'pageBreakBefore', 'framePr', 'widowControl']);
  props.insertBefore(numPr, childElements(props, NS.w).find((e) => !after.has(e.localName!)) ?? null);
}

function restyle(root: Element, ids: ReadonlyMap<string, string>): void {
  for (const name of ['pStyle', 'rStyle', 'tblStyle']) {
    for (const e of elements(root, NS.w, name)) {
      const id = wAttr(e, 'val')!;
      if (ids.has(id)) e.setAttributeNS(NS.w, 'w:val', ids.get(id)!);
    }
  }
}

/**
 * The `clausula` bookmark: from the start of the first paragraph written to the end of the
 * last. Both ends lie in paragraphs of the body: where the clauses end with a table (the
 * provenance appendix), an empty paragraph after it holds the end. LibreOffice drops a
 * bookmark that runs from the body into a table cell when it turns an .odt back into a
 * .docx; the paragraph also keeps the table from joining a table of the host's that follows.
 */
function markRegion(doc: XmlDocument, inserted: readonly Element[], id: string): void {
  const first = inserted[0];
  const last = inserted[inserted.length - 1];
  if (!first || !last) return;
  const inBody = (block: Element, before: XmlNode | null): Element => {
    if (block.localName === 'p') return block;
    const p = doc.createElementNS(NS.w, 'w:p');
    block.parentNode!.insertBefore(p, before);
    return p;
  };
  const startIn = inBody(first, first);
  const endIn = inBody(last, last.nextSibling);
  const start = doc.createElementNS(NS.w, 'w:bookmarkStart');
  start.setAttributeNS(NS.w, 'w:id', id);
  start.setAttributeNS(NS.w, 'w:name', REGION_BOOKMARK);
  const pPr = firstChild(startIn, NS.w, 'pPr');
  startIn.insertBefore(start, pPr ? pPr.nextSibling : startIn.firstChild);
  const end = doc.createElementNS(NS.w, 'w:bookmarkEnd');
  end.setAttributeNS(NS.w, 'w:id', id);
  endIn.appendChild(end);
}

/** The host's package, part by part, as it is being changed: parts replaced or added, relationships and content types with them. */
class Package {
  private readonly parts = new Map<string, Buffer>();
  private readonly order: string[];
  private readonly rels = new Map<string, XmlDocument>();
  private types: XmlDocument;

  constructor(private readonly host: HostDoc) {
    for (const e of host.entries) this.parts.set(e.name, e.data);
    this.order = host.entries.map((e) => e.name);
    this.types = parsePart(this.text('[Content_Types].xml') ?? `<Types xmlns="${NS.types}"/>`, '[Content_Types].xml', NS.types, 'Types', host.display, this.host.language);
  }

  text(name: string): string | undefined {
    return this.parts.get(name)?.toString('utf8');
  }

  set(name: string, text: string): void {
    if (!this.parts.has(name)) this.order.push(name);
    this.parts.set(name, Buffer.from(text, 'utf8'));
  }

  /** A part's relationships (read once, written back at the end). */
  relsOf(part: string): XmlDocument {
    const name = relsName(part);
    let rels = this.rels.get(name);
    if (!rels) {
      rels = parsePart(this.text(name) ?? `<Relationships xmlns="${NS.rels}"/>`, name, NS.rels, 'Relationships', this.host.display, this.host.language);
      this.rels.set(name, rels);
    }
    return rels;
  }

  /** The part the document relates to by `type` (parsed), made from `empty` and related when the host has none. */
  related(rels: XmlDocument, from: string, type: string, file: string, contentType: string, empty: string, root: string): { name: string; doc: XmlDocument } {
    const base = posix.dirname(from);
    const existing = relationshipTargets(rels, base, type).find((name) => this.parts.has(name));
    if (existing) return { name: existing, doc: parsePart(this.text(existing)!, existing, NS.w, root, this.host.display, this.host.language) };
    const name = posix.join(base, file);
    this.addRelationship(rels, `${TYPE}/${type}`, file);
    this.override(name, contentType);
    return { name, doc: parsePart(empty, name, NS.w, root, 'clausula', this.host.language) };
  }

  /** Our relationships of a part (hyperlinks) into the host's part of that name; returns our ids → theirs. */
  addRelationships(part: string, ours: XmlDocument): Map<string, string> {
    const rels = this.relsOf(part);
    const ids = new Map<string, string>();
    for (const r of childElements(ours.documentElement!, NS.rels, 'Relationship')) {
      ids.set(r.getAttribute('Id')!, this.addRelationship(rels, r.getAttribute('Type')!, r.getAttribute('Target')!, r.getAttribute('TargetMode') ?? undefined));
    }
    return ids;
  }

  private addRelationship(rels: XmlDocument, type: string, target: string, mode?: string): string {
    const taken = new Set(childElements(rels.documentElement!, NS.rels, 'Relationship').map((r) => r.getAttribute('Id')));
    let n = 1;
    while (taken.has(`rIdClausula${n}`)) n++;
    const r = rels.createElementNS(NS.rels, 'Relationship');
    r.setAttribute('Id', `rIdClausula${n}`);
    r.setAttribute('Type', type);
    r.setAttribute('Target', target);
    if (mode) r.setAttribute('TargetMode', mode);
    rels.documentElement!.appendChild(r);
    return `rIdClausula${n}`;
  }

  private override(name: string, contentType: string): void {
    const root = this.types.documentElement!;
    if (childElements(root, NS.types, 'Override').some((o) => o.getAttribute('PartName') === `/${name}`)) return;
    const o = this.types.createElementNS(NS.types, 'Override');
    o.setAttribute('PartName', `/${name}`);
    o.setAttribute('ContentType', contentType);
    root.appendChild(o);
  }

  /** The provenance properties among the host's own custom properties (an older build's are replaced). */
  setProperties(ourXml: string): void {
    const ours = parsePart(ourXml, 'custom', CUSTOM, 'Properties', 'clausula', this.host.language);
    const packageRels = this.relsOf('');
    const existing = relationshipTargets(packageRels, '', 'custom-properties').find((n) => this.parts.has(n));
    if (!existing) {
      this.addRelationship(packageRels, `${TYPE}/custom-properties`, 'docProps/custom.xml');
      this.override('docProps/custom.xml', CONTENT.custom);
      this.set('docProps/custom.xml', ourXml);
      return;
    }
    const doc = parsePart(this.text(existing)!, existing, CUSTOM, 'Properties', this.host.display, this.host.language);
    const root = doc.documentElement!;
    for (const p of childElements(root, CUSTOM, 'property')) if ((p.getAttribute('name') ?? '').startsWith('clausula.')) root.removeChild(p);
    let pid = Math.max(1, ...childElements(root, CUSTOM, 'property').map((p) => Number(p.getAttribute('pid') ?? 1))) + 1;
    for (const p of childElements(ours.documentElement!, CUSTOM, 'property')) {
      const copy = doc.importNode(p, true) as Element;
      copy.setAttribute('pid', String(pid++));
      root.appendChild(copy);
    }
    this.set(existing, serializeXml(doc));
  }

  zip(stamp: Date): Uint8Array {
    for (const [name, rels] of this.rels) this.set(name, serializeXml(rels));
    this.set('[Content_Types].xml', serializeXml(this.types));
    const entries: ZipEntry[] = this.order.map((name) => ({ name, data: this.parts.get(name)! }));
    return writeZip(entries, stamp);
  }
}

const CUSTOM = 'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties';

function relsName(part: string): string {
  return part === '' ? '_rels/.rels' : posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
}
