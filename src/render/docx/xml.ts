import { DOMParser, XMLSerializer, type Document as XmlDocument, type Element, type Node as XmlNode } from '@xmldom/xmldom';

export type { XmlDocument, Element, XmlNode };

/** WordprocessingML's main namespace, and the others the parts clausula reads or writes use. */
export const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  types: 'http://schemas.openxmlformats.org/package/2006/content-types',
} as const;

/** A part of a package given to clausula that is not XML it can read, and why. */
export class XmlPartError extends Error {}

// Characters XML 1.0 does not allow at all (a document with them is not well-formed).
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/**
 * Parse a part of a package someone else made, strictly: a well-formed XML document in
 * UTF-8, with no document type declaration (Word never writes one; entities declared in
 * it could pull in other files or expand without end), whose root is `root` in
 * namespace `ns`. Anything else is an XmlPartError saying what is wrong.
 */
export function parseXmlPart(text: string, ns: string, root: string): XmlDocument {
  const declared = /^\uFEFF?<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/.exec(text)?.[1];
  if (declared !== undefined && !/^utf-?8$/i.test(declared)) throw new XmlPartError(`it is encoded in ${declared}; Word documents are in UTF-8`);
  if (/<!DOCTYPE/i.test(text)) throw new XmlPartError('it declares a document type (<!DOCTYPE …>), which Word documents never do');
  const bad = FORBIDDEN.exec(text);
  if (bad) throw new XmlPartError(`it is not well-formed XML: it holds the control character U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} ${where(text, bad.index)}`);
  let doc: XmlDocument;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new XmlPartError(`it is not well-formed XML: ${message}`);
      },
    }).parseFromString(text.replace(/^\uFEFF/, ''), 'application/xml');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const reason = /it is not well-formed XML: .*/.exec(message)?.[0] ?? `it is not well-formed XML: ${message}`;
    throw new XmlPartError(reason.replace(/\s+caused\b.*$/s, ''));
  }
  const element = doc.documentElement;
  if (!element || element.namespaceURI !== ns || element.localName !== root) {
    throw new XmlPartError(`its root element is ${element ? `<${element.tagName}>` : 'missing'}, not ${root} in the namespace ${ns}`);
  }
  return doc;
}

export function serializeXml(doc: XmlDocument): string {
  const text = new XMLSerializer().serializeToString(doc);
  return text.startsWith('<?xml') ? text : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${text}`;
}

/** The element children of `parent` with the given namespace and local name. */
export function childElements(parent: Element | XmlDocument, ns: string, name?: string): Element[] {
  const out: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1) {
      const e = node as Element;
      if (e.namespaceURI === ns && (name === undefined || e.localName === name)) out.push(e);
    }
  }
  return out;
}

export function firstChild(parent: Element, ns: string, name: string): Element | undefined {
  return childElements(parent, ns, name)[0];
}

/** A w: attribute's value (w:val and the like). */
export function wAttr(element: Element | undefined, name: string): string | undefined {
  if (!element || !element.hasAttributeNS(NS.w, name)) return undefined;
  return element.getAttributeNS(NS.w, name) ?? undefined;
}

function where(text: string, index: number): string {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return `at line ${line}, column ${index - before.lastIndexOf('\n')}`;
}
