import { childElements, firstChild, NS, parseXmlPart, serializeXml, wAttr, type Element, type XmlDocument } from './xml.js';

/**
 * A reference document's styles over the document's own, as pandoc's --reference-doc
 * does it, keeping what makes the document work:
 * - every style the reference defines wins, whatever its id: a style is known by its name
 *   ("heading 1" is Heading1 in English Word and Ttulo1 in Spanish Word), and takes the
 *   document's id, so paragraphs find it;
 * - styles the reference lacks come from the document's own;
 * - the numbering the document's styles carry (Heading 1 and 2, the List styles) stays,
 *   since the reference's lists are not lent with it;
 * - the document's language stays: a Spanish document is not tagged en-US because the
 *   reference was written in English.
 */
export function mergeStyles(ownXml: string, referenceXml: string, locale: string): string {
  const own = parseXmlPart(ownXml, NS.w, 'styles');
  const reference = parseXmlPart(referenceXml, NS.w, 'styles');
  const root = reference.documentElement!;
  const ownStyles = childElements(own.documentElement!, NS.w, 'style');
  const ownIdByName = new Map(ownStyles.map((s) => [nameKey(s), wAttr(s, 'styleId')!]));

  // Reference styles known under another id take the document's.
  const renamed = new Map<string, string>();
  for (const style of childElements(root, NS.w, 'style')) {
    const id = wAttr(style, 'styleId');
    const ours = ownIdByName.get(nameKey(style));
    if (id !== undefined && ours !== undefined && ours !== id) renamed.set(id, ours);
  }
  if (renamed.size > 0) renameStyles(root, renamed);

  // The reference's lists are not lent with it: a numbering its styles name would be one of the document's, or none.
  for (const style of childElements(root, NS.w, 'style')) {
    const pPr = firstChild(style, NS.w, 'pPr');
    if (pPr) for (const old of childElements(pPr, NS.w, 'numPr')) pPr.removeChild(old);
  }
  const referenceById = new Map(childElements(root, NS.w, 'style').map((s) => [`${wAttr(s, 'type')}:${wAttr(s, 'styleId')}`, s]));
  for (const style of ownStyles) {
    const theirs = referenceById.get(`${wAttr(style, 'type')}:${wAttr(style, 'styleId')}`);
    if (!theirs) {
      root.appendChild(reference.importNode(style, true));
      continue;
    }
    const numbering = childElements(firstChild(style, NS.w, 'pPr') ?? style, NS.w, 'numPr')[0];
    if (numbering) keepNumbering(reference, theirs, numbering);
  }
  setLanguage(reference, locale);
  return serializeXml(reference);
}

/** Word writes built-in style names in lower case in the file ("heading 1") and shows them capitalised; compare without case. */
function nameKey(style: Element): string {
  return `${wAttr(style, 'type')}:${(wAttr(firstChild(style, NS.w, 'name'), 'val') ?? wAttr(style, 'styleId') ?? '').toLowerCase()}`;
}

function renameStyles(root: Element, renamed: ReadonlyMap<string, string>): void {
  // A style of ours whose id the reference gives to another style: that one gives way.
  const taken = new Set(renamed.values());
  for (const style of childElements(root, NS.w, 'style')) {
    const id = wAttr(style, 'styleId')!;
    if (taken.has(id) && !renamed.has(id)) root.removeChild(style);
  }
  for (const style of childElements(root, NS.w, 'style')) {
    const id = wAttr(style, 'styleId');
    if (id !== undefined && renamed.has(id)) style.setAttributeNS(NS.w, 'w:styleId', renamed.get(id)!);
    for (const link of ['basedOn', 'next', 'link']) {
      const element = firstChild(style, NS.w, link);
      const target = wAttr(element, 'val');
      if (element && target !== undefined && renamed.has(target)) element.setAttributeNS(NS.w, 'w:val', renamed.get(target)!);
    }
  }
}

/** The reference style's own numbering gives way to the document's (its pPr gets ours, in the place the schema wants it). */
function keepNumbering(doc: XmlDocument, style: Element, numbering: Element): void {
  let pPr = firstChild(style, NS.w, 'pPr');
  if (!pPr) {
    pPr = doc.createElementNS(NS.w, 'w:pPr');
    const before = firstChild(style, NS.w, 'rPr') ?? firstChild(style, NS.w, 'tblPr') ?? firstChild(style, NS.w, 'trPr') ?? firstChild(style, NS.w, 'tcPr') ?? firstChild(style, NS.w, 'tblStylePr');
    style.insertBefore(pPr, before ?? null);
  }
  // numPr comes after pStyle, keepNext, keepLines, pageBreakBefore, framePr and widowControl in a pPr.
  const after = new Set(['pStyle', 'keepNext', 'keepLines', 'pageBreakBefore', 'framePr', 'widowControl']);
  const next = childElements(pPr, NS.w).find((e) => !after.has(e.localName!));
  pPr.insertBefore(doc.importNode(numbering, true), next ?? null);
}

/** The document defaults' language: w:docDefaults/w:rPrDefault/w:rPr/w:lang w:val. */
function setLanguage(doc: XmlDocument, locale: string): void {
  const root = doc.documentElement!;
  const ensure = (parent: Element, name: string, first = false): Element => {
    const found = firstChild(parent, NS.w, name);
    if (found) return found;
    const created = doc.createElementNS(NS.w, `w:${name}`);
    parent.insertBefore(created, first ? parent.firstChild : null);
    return created;
  };
  const defaults = ensure(root, 'docDefaults', true);
  const rPrDefault = ensure(defaults, 'rPrDefault', true);
  const rPr = ensure(rPrDefault, 'rPr');
  ensure(rPr, 'lang').setAttributeNS(NS.w, 'w:val', locale);
}
