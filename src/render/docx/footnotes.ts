import { ExternalHyperlink, FootnoteReferenceRun, Paragraph, TextRun } from 'docx';
import type { DocLegalBasis } from '../../assemble/document.js';
import { STYLE } from './styles.js';

/** The document's footnotes, numbered in the order they are referenced. */
export class Footnotes {
  readonly notes: Record<number, { children: Paragraph[] }> = {};
  private next = 1;

  /**
   * A footnote listing the legal bases, one a paragraph (Footnote Text), with their
   * addresses as links. Word puts the note's number before the first paragraph; a space
   * follows it, as Word's own footnotes have.
   */
  legalBases(bases: readonly DocLegalBasis[]): FootnoteReferenceRun {
    const id = this.next++;
    this.notes[id] = {
      children: bases.map(
        (basis, i) =>
          new Paragraph({
            style: STYLE.footnoteText,
            children: [
              ...(i === 0 ? [new TextRun(' ')] : []),
              ...(basis.url
                ? [new TextRun(`${basis.ref} — `), new ExternalHyperlink({ link: basis.url, children: [new TextRun({ text: basis.url, style: 'Hyperlink' })] })]
                : [new TextRun(basis.ref)]),
            ],
          }),
      ),
    };
    return new FootnoteReferenceRun(id);
  }
}
