import type { AnnexTable, DocLegalBasis, DocumentModel } from '../assemble/document.js';

/** Layout every format shares, so md, html, json and docx say the same thing. */

const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

export function roman(n: number): string {
  let out = '';
  for (const [value, letters] of ROMAN) {
    while (n >= value) {
      out += letters;
      n -= value;
    }
  }
  return out;
}

/** "Appendix I. Tender data profile": the document's own annexes, named so they do not collide with the PCAP's. */
export function annexHeading(model: DocumentModel, annex: AnnexTable): string {
  return `${model.words.appendix} ${roman(model.annexes.indexOf(annex) + 1)}. ${annex.title}`;
}

/** A legal basis as a footnote reads: the reference, then the address when there is one. */
export function legalBasisText(basis: DocLegalBasis): string {
  return basis.url ? `${basis.ref} — ${basis.url}` : basis.ref;
}
