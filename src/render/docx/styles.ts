import { AlignmentType, LineRuleType, type IStylesOptions } from 'docx';
import type { DocumentModel } from '../../assemble/document.js';

/** Style ids the document uses besides Word's built-in ones. */
export const STYLE = {
  coverTitle: 'ClausulaCoverTitle',
  coverLabel: 'ClausulaCoverLabel',
  notice: 'ClausulaNotice',
  contentsTitle: 'ClausulaContentsTitle',
  annexNote: 'ClausulaAnnexNote',
  guideNote: 'ClausulaGuideNote',
  answer: 'ClausulaAnswer',
} as const;

const FONT = 'Calibri';
const ACCENT = '1F3864';

/**
 * The styles given to docx. Built-in styles (Normal, headings, TOC, footnotes) come from
 * here, or from the reference document's styles.xml when there is one; clausula's own
 * styles are added either way, and the reference may define them too.
 */
export function styleOptions(model: DocumentModel, referenceStyles: string | undefined): { styles: IStylesOptions; externalStyles?: string } {
  const own = {
    paragraphStyles: [
      { id: STYLE.coverTitle, name: 'Clausula Cover Title', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 44, bold: true, color: ACCENT }, paragraph: { spacing: { before: 2400, after: 480 } } },
      { id: STYLE.coverLabel, name: 'Clausula Cover Label', basedOn: 'Normal', run: { size: 18, color: '595959' }, paragraph: { spacing: { before: 0, after: 0 } } },
      { id: STYLE.notice, name: 'Clausula Notice', basedOn: 'Normal', run: { bold: true, color: 'C00000' }, paragraph: { spacing: { before: 240, after: 240 } } },
      { id: STYLE.contentsTitle, name: 'Clausula Contents Title', basedOn: 'Normal', next: 'Normal', run: { size: 28, bold: true, color: ACCENT }, paragraph: { spacing: { before: 0, after: 240 } } },
      { id: STYLE.annexNote, name: 'Clausula Annex Note', basedOn: 'Normal', run: { size: 18, italics: true } },
      { id: STYLE.guideNote, name: 'Clausula Guide Note', basedOn: 'Normal', run: { size: 18, color: '595959' } },
    ],
    // No formatting of its own: it marks the text that came from the answers, so officers can find it.
    characterStyles: [{ id: STYLE.answer, name: 'Clausula Answer', basedOn: 'DefaultParagraphFont' }],
  };
  if (referenceStyles !== undefined) return { styles: own, externalStyles: referenceStyles };
  return {
    styles: {
      ...own,
      default: {
        document: {
          run: { font: FONT, size: 22, language: { value: model.words.locale } },
          paragraph: { spacing: { after: 120, line: 264, lineRule: LineRuleType.AUTO } },
        },
        title: { run: { font: FONT, size: 44, bold: true, color: ACCENT } },
        heading1: { run: { font: FONT, size: 28, bold: true, color: ACCENT }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true, keepLines: true } },
        heading2: { run: { font: FONT, size: 24, bold: true, color: '2E5395' }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true, keepLines: true } },
        footnoteText: { run: { size: 18 }, paragraph: { spacing: { after: 0 } } },
        listParagraph: { paragraph: { spacing: { after: 60 } } },
      },
    },
  };
}

export const justified = AlignmentType.JUSTIFIED;
