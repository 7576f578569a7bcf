import type { BookmarkListNumber, PageNumberEstimator } from 'docx';
import type { DocumentModel } from '../../assemble/document.js';

/**
 * The numbers of the headings, for the entries of the table of contents ("1.2.  Title"),
 * without laying out the pages: docx asks its page-number estimator for them once the
 * headings are bookmarked. This estimator knows no page, so the entries are written
 * clean, with their numbers and titles and no page numbers, and Word and LibreOffice show
 * them on opening without asking to update fields. (docx's full layout, estimatePageNumbers
 * from docx/layout, also writes the pages but takes seconds for a document of this size:
 * `--toc-page-numbers` asks for it.)
 */
export function headingNumbers(model: DocumentModel): PageNumberEstimator {
  // The headings in document order, as the table of contents lists them: parts, clauses, then annexes (unnumbered).
  const numbers: (string | undefined)[] = [
    ...model.parts.flatMap((part) => [`${part.number}.`, ...part.clauses.map((clause) => `${clause.number}.`)]),
    ...model.annexes.map(() => undefined),
  ];
  const estimate = () => ({ bookmarks: new Map<string, string>() });
  return Object.assign(estimate, {
    listNumbers: (body: object): ReadonlyMap<string, BookmarkListNumber> => {
      const out = new Map<string, BookmarkListNumber>();
      tocBookmarks(body).forEach((name, i) => {
        const text = numbers[i];
        if (text !== undefined) out.set(name, { text, separator: 'tab', width: widthOf(text) });
      });
      return out;
    },
  });
}

/**
 * The `_Toc…` bookmarks docx put on the headings, in document order. Headings are paragraphs
 * of the body itself, and their bookmarks children of the paragraph: only those are looked at,
 * not the whole tree (a walk of every run of the document cost more than the rest of this).
 */
function tocBookmarks(body: object): string[] {
  const out: string[] = [];
  for (const block of childrenOf(body, 'w:body')) {
    for (const child of childrenOf(block, 'w:p')) {
      const name = (child as { 'w:bookmarkStart'?: { _attr?: Record<string, unknown> } })['w:bookmarkStart']?._attr?.['w:name'];
      if (typeof name === 'string' && name.startsWith('_Toc')) out.push(name);
    }
  }
  return out;
}

function childrenOf(node: unknown, key: string): readonly unknown[] {
  const children = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  return Array.isArray(children) ? children : [];
}

/** The number's width in twips as Word measures it for the entry's tab stop (Aptos 12 pt: digits 6.6 pt, a full stop 3 pt). */
function widthOf(text: string): number {
  let width = 0;
  for (const c of text) width += c === '.' ? 60 : 132;
  return width;
}
