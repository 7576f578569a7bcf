import { Footer, Header, PageNumber, Paragraph, TextRun, type ISectionPropertiesOptions } from 'docx';
import type { DocumentModel } from '../../assemble/document.js';
import { STYLE } from './styles.js';

/** A4 with 2.5 cm margins; the cover page has no header or footer. */
export const PAGE: ISectionPropertiesOptions = {
  titlePage: true,
  page: {
    size: { width: 11906, height: 16838 },
    margin: { top: 1418, right: 1418, bottom: 1418, left: 1418, header: 709, footer: 709 },
  },
};

/** Header: "Expte." and the contract reference (and the draft notice); footer: "Page X of Y" in the document's language. Styled by Header and Footer. */
export function headersAndFooters(model: DocumentModel): { headers: { default: Header; first: Header }; footers: { default: Footer; first: Footer } } {
  const header = new Header({
    children: [
      new Paragraph({ style: STYLE.header, children: [new TextRun(model.header)] }),
      ...(model.notice ? [new Paragraph({ style: STYLE.header, children: [new TextRun({ text: model.notice, style: STYLE.strong, color: 'C00000' })] })] : []),
    ],
  });
  const footer = new Footer({
    children: [new Paragraph({ style: STYLE.footer, children: [new TextRun({ children: [`${model.words.page} `, PageNumber.CURRENT, ` ${model.words.of} `, PageNumber.TOTAL_PAGES] })] })],
  });
  // Word needs a paragraph in every header and footer part; an empty one keeps the cover clean.
  return {
    headers: { default: header, first: new Header({ children: [new Paragraph({ style: STYLE.header, children: [] })] }) },
    footers: { default: footer, first: new Footer({ children: [new Paragraph({ style: STYLE.footer, children: [] })] }) },
  };
}
