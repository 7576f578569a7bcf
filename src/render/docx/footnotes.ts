import { ExternalHyperlink, FootnoteReferenceRun, Paragraph, TextRun } from 'docx';
import type { DocLegalBasis } from '../../assemble/document.js';

/** The document's footnotes, numbered in the order they are referenced. */
export class Footnotes {
  readonly notes: Record<number, { children: Paragraph[] }> = {};
  private next = 1;

  /** A footnote listing the legal bases, one a paragraph, with their addresses as links. */
  legalBases(bases: readonly DocLegalBasis[]): FootnoteReferenceRun {
    const id = this.next++;
    this.notes[id] = {
      children: bases.map(
        (basis) =>
          new Paragraph({
            children: basis.url
              ? [new TextRun(`${basis.ref} — `), new ExternalHyperlink({ link: basis.url, children: [new TextRun({ text: basis.url, style: 'Hyperlink' })] })]
              : [new TextRun(basis.ref)],
          }),
      ),
    };
    return new FootnoteReferenceRun(id);
  }
}
