/**
 * The table of contents' entries as docx writes them, put right. docx gives each entry tab
 * stops of its own, worked out from the width of its number; the TOC 1 and TOC 2 styles
 * carry them instead (a hanging indent, so wrapped titles line up, and 10.1 with 9.1, and
 * the right-aligned page number with its dot leader), so the tabs go. The page numbers are:
 * - `'none'`: not known. The tab and the empty page field go too, so no dot leader runs to
 *   nothing; Word and LibreOffice write them when the table is updated;
 * - `'written'`: as docx's layout wrote them;
 * - a list: one page number for each entry, in order, as LibreOffice laid the pages out.
 */
export type TocPages = 'none' | 'written' | readonly string[];

const ENTRY = /<w:p><w:pPr><w:pStyle w:val="TOC(\d)"\/><w:tabs>(?:<w:tab [^>]*\/>)*<\/w:tabs><\/w:pPr>([\s\S]*?)<\/w:p>/g;
const PAGE_FIELD = /<w:r><w:tab\/><\/w:r><w:r><w:fldChar w:fldCharType="begin"\/><w:instrText xml:space="preserve">(PAGEREF _Toc\d+ \\h)<\/w:instrText><w:fldChar w:fldCharType="separate"\/>(?:<w:t xml:space="preserve">[^<]*<\/w:t>)?<w:fldChar w:fldCharType="end"\/><\/w:r>/;

export function fixTocEntries(xml: string, pages: TocPages): string {
  let index = 0;
  const fixed = xml.replace(ENTRY, (_, level: string, content: string) => {
    const page = typeof pages === 'string' ? undefined : pages[index];
    index++;
    let body = content;
    if (pages === 'none') body = body.replace(PAGE_FIELD, '');
    else if (page !== undefined) {
      body = body.replace(
        PAGE_FIELD,
        (_m, instr: string) =>
          `<w:r><w:tab/></w:r><w:r><w:fldChar w:fldCharType="begin"/><w:instrText xml:space="preserve">${instr}</w:instrText><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>${page}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`,
      );
    }
    return `<w:p><w:pPr><w:pStyle w:val="TOC${level}"/></w:pPr>${body}</w:p>`;
  });
  return tuckTocFieldEnd(fixed);
}

/**
 * docx closes the table-of-contents field in a paragraph of its own after the last entry.
 * When the entries fill their page, that empty paragraph spills onto the next page, and the
 * first part (which starts a page) leaves it blank. Close the field in the last entry instead.
 */
export function tuckTocFieldEnd(xml: string): string {
  return xml.replace(
    /(<\/w:hyperlink>)<\/w:p><w:p><w:r><w:fldChar w:fldCharType="end"\/><\/w:r><\/w:p>(<\/w:sdtContent>)/,
    '$1<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>$2',
  );
}

/** How many entries the table of contents has. */
export function tocEntryCount(xml: string): number {
  return [...xml.matchAll(/<w:pStyle w:val="TOC\d"\/>/g)].length;
}
