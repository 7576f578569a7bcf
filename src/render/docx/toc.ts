import { Paragraph, TableOfContents, TextRun } from 'docx';
import type { DocumentModel } from '../../assemble/document.js';
import { STYLE } from './styles.js';

/**
 * The table of contents on a page of its own. docx writes its entries (with numbers and,
 * given the document's page-number estimator, pages) from the headings, so Word and
 * LibreOffice show them on opening without asking to update fields; toc-entries.ts leaves
 * their layout to the TOC 1 and TOC 2 styles.
 */
export function tocBlocks(model: DocumentModel): (Paragraph | TableOfContents)[] {
  return [new Paragraph({ style: STYLE.contentsTitle, pageBreakBefore: true, children: [new TextRun(model.words.contents)] }), new TableOfContents(model.words.contents, { hyperlink: true, headingStyleRange: '1-2' })];
}
