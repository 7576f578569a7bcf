import { SaxesParser, type SaxesTagNS } from 'saxes';
import { InputError } from '../errors.js';
import type { DocxPackage } from './package.js';

/** The namespaces verify reads, by the names Word's own files use for them. */
export const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  /** ISO 29500 Strict spells the same vocabulary with other URIs; Word reads both. */
  wStrict: 'http://purl.oclc.org/ooxml/wordprocessingml/main',
  m: 'http://schemas.openxmlformats.org/officeDocument/2006/math',
  mStrict: 'http://purl.oclc.org/ooxml/officeDocument/math',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  rStrict: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
  relationships: 'http://schemas.openxmlformats.org/package/2006/relationships',
  custom: 'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties',
  customStrict: 'http://purl.oclc.org/ooxml/officeDocument/customProperties',
  vt: 'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes',
  vtStrict: 'http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes',
} as const;

export type Tag = SaxesTagNS;

export interface XmlHandler {
  open(tag: Tag): void;
  close(tag: Tag): void;
  text(text: string): void;
}

/**
 * Parse one part of the package as XML 1.0 with namespaces, as Word reads it: names are
 * resolved through their namespace, whatever the prefix; comments, processing instructions
 * and CDATA markers are not text (CDATA content is); a DOCTYPE is refused (Word opens no
 * part that has one), so no entity is ever defined or expanded. The parser is linear in
 * the size of its input and reads it chunk by chunk as it is unpacked.
 */
export async function parsePart(pkg: DocxPackage, part: string, handler: XmlHandler): Promise<boolean> {
  const parser = new SaxesParser({ xmlns: true, position: true, fileName: part });
  const fail = (message: string): never => {
    throw new InputError(`${pkg.display}: ${message}`, 'give a .docx built by clausula build; this part is not well-formed XML as Word reads it');
  };
  parser.on('error', (error) => fail(error.message.replace(/\.$/, '')));
  parser.on('doctype', () => fail(`${part}:${parser.line}:${parser.column}: a DOCTYPE declaration, which no part of a Word document has`));
  parser.on('opentag', (tag) => handler.open(tag));
  parser.on('closetag', (tag) => handler.close(tag));
  parser.on('text', (text) => handler.text(text));
  parser.on('cdata', (text) => handler.text(text));
  const found = await pkg.readPart(part, (chunk) => {
    if (chunk !== '') parser.write(chunk);
  });
  if (found) parser.close();
  return found;
}

/** Is the tag this element of WordprocessingML (either spelling of its namespace)? */
export function isW(tag: { uri: string; local: string }, local: string): boolean {
  return tag.local === local && (tag.uri === NS.w || tag.uri === NS.wStrict);
}

export function inW(tag: { uri: string }): boolean {
  return tag.uri === NS.w || tag.uri === NS.wStrict;
}

/** A WordprocessingML attribute (w:val, w:id, …), read through its namespace. */
export function wAttr(tag: Tag, local: string): string | undefined {
  for (const attr of Object.values(tag.attributes)) {
    if (attr.local === local && (attr.uri === NS.w || attr.uri === NS.wStrict)) return attr.value;
  }
  return undefined;
}

/** An attribute without a namespace (relationships, custom properties). */
export function plainAttr(tag: Tag, local: string): string | undefined {
  for (const attr of Object.values(tag.attributes)) {
    if (attr.local === local && attr.uri === '') return attr.value;
  }
  return undefined;
}

/** An r:id attribute, in either spelling of the relationships namespace. */
export function rAttr(tag: Tag, local: string): string | undefined {
  for (const attr of Object.values(tag.attributes)) {
    if (attr.local === local && (attr.uri === NS.r || attr.uri === NS.rStrict)) return attr.value;
  }
  return undefined;
}

/** An on/off property: absent value means on; "false", "0", "off" mean off. */
export function onOff(tag: Tag): boolean {
  const value = wAttr(tag, 'val');
  return value === undefined || !['false', '0', 'off'].includes(value);
}
