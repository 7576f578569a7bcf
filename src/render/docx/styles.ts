import { AlignmentType, BorderStyle, LineRuleType, type IParagraphStyleOptions, type IStylesOptions } from 'docx';
import { LIST } from './numbering.js';

/**
 * The styles paragraphs and runs name. The look of the document lives in them, not on the
 * paragraphs, so a reference document (or a lawyer in Word's style gallery) restyles all of
 * it: body text, headings with their numbers, lists with theirs, tables, the cover. Word's
 * built-in styles keep their built-in ids and names, so Word and LibreOffice know them.
 */
export const STYLE = {
  bodyText: 'BodyText',
  title: 'Title',
  subtitle: 'Subtitle',
  coverLabel: 'ClausulaCoverLabel',
  coverValue: 'ClausulaCoverValue',
  notice: 'ClausulaNotice',
  contentsTitle: 'ClausulaContentsTitle',
  annexNote: 'ClausulaAnnexNote',
  guideNote: 'ClausulaGuideNote',
  guideLabel: 'ClausulaGuideLabel',
  tableText: 'ClausulaTableText',
  tableHeading: 'ClausulaTableHeading',
  header: 'Header',
  footer: 'Footer',
  footnoteText: 'FootnoteText',
  answer: 'ClausulaAnswer',
  strong: 'Strong',
  emphasis: 'Emphasis',
  table: 'ClausulaTable',
  coverTable: 'ClausulaCoverTable',
} as const;

/** Word has List Number … List Number 5 (and the same for bullets and continued text); deeper lists use the fifth. */
export const LIST_STYLE_LEVELS = 5;
const suffix = (level: number) => (level === 0 ? '' : String(Math.min(level, LIST_STYLE_LEVELS - 1) + 1));
export const listNumberStyle = (level: number) => `ListNumber${suffix(level)}`;
export const listBulletStyle = (level: number) => `ListBullet${suffix(level)}`;
/** A list item's second paragraph, or text inside a list: under the item's text, without a label. */
export const listContinueStyle = (level: number) => `ListContinue${suffix(level)}`;

const FONT = 'Calibri';
const ACCENT = '1F3864';
const GREY = '595959';
/** A4 less 2.5 cm margins, in twips. */
export const TEXT_WIDTH = 9070;
/** How far each list level is indented, in twips (1 cm). */
export const LIST_INDENT = 567;

/**
 * The document's styles, written by docx. With a reference document, its styles.xml is
 * merged over these afterwards (merge-styles.ts): what it defines wins, what it lacks
 * comes from here, and the numbering links stay.
 */
export function styleOptions(locale: string): IStylesOptions {
  const listStyles: IParagraphStyleOptions[] = [];
  for (let level = 0; level < LIST_STYLE_LEVELS; level++) {
    const n = level === 0 ? '' : ` ${level + 1}`;
    listStyles.push(
      { id: listNumberStyle(level), name: `List Number${n}`, basedOn: STYLE.bodyText, paragraph: { numbering: { reference: LIST.ordered, level }, spacing: { after: 60 } } },
      { id: listBulletStyle(level), name: `List Bullet${n}`, basedOn: STYLE.bodyText, paragraph: { numbering: { reference: LIST.bullets, level }, spacing: { after: 60 } } },
      { id: listContinueStyle(level), name: `List Continue${n}`, basedOn: STYLE.bodyText, paragraph: { indent: { left: LIST_INDENT * (level + 1) }, spacing: { after: 60 } } },
    );
  }
  return {
    default: {
      document: {
        run: { font: FONT, size: 22, language: { value: locale } },
        paragraph: { spacing: { after: 120, line: 264, lineRule: LineRuleType.AUTO } },
      },
      title: { run: { font: FONT, size: 44, bold: true, color: ACCENT }, paragraph: { spacing: { before: 480, after: 480 } } },
      heading1: {
        next: STYLE.bodyText,
        run: { font: FONT, size: 28, bold: true, color: ACCENT },
        paragraph: { numbering: { reference: LIST.headings, level: 0 }, spacing: { before: 360, after: 120 }, keepNext: true, keepLines: true, outlineLevel: 0 },
      },
      heading2: {
        next: STYLE.bodyText,
        run: { font: FONT, size: 24, bold: true, color: '2E5395' },
        paragraph: { numbering: { reference: LIST.headings, level: 1 }, spacing: { before: 240, after: 80 }, keepNext: true, keepLines: true, outlineLevel: 1 },
      },
      footnoteText: { run: { size: 18 }, paragraph: { spacing: { after: 0 } } },
      hyperlink: { run: { color: '0563C1', underline: {} } },
    },
    paragraphStyles: [
      // Clause text is justified by its style: no paragraph carries its own alignment.
      { id: STYLE.bodyText, name: 'Body Text', basedOn: 'Normal', quickFormat: true, paragraph: { alignment: AlignmentType.JUSTIFIED } },
      ...listStyles,
      { id: STYLE.subtitle, name: 'Subtitle', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 26, bold: true, allCaps: true, color: GREY }, paragraph: { spacing: { before: 2400, after: 120 } } },
      { id: STYLE.coverLabel, name: 'Clausula Cover Label', basedOn: 'Normal', run: { size: 18, color: GREY }, paragraph: { spacing: { before: 60, after: 60 } } },
      { id: STYLE.coverValue, name: 'Clausula Cover Value', basedOn: 'Normal', paragraph: { spacing: { before: 60, after: 60 } } },
      { id: STYLE.notice, name: 'Clausula Notice', basedOn: 'Normal', run: { bold: true, color: 'C00000' }, paragraph: { spacing: { before: 240, after: 240 } } },
      { id: STYLE.contentsTitle, name: 'Clausula Contents Title', basedOn: 'Normal', next: 'Normal', run: { size: 28, bold: true, color: ACCENT }, paragraph: { spacing: { before: 0, after: 240 } } },
      { id: STYLE.annexNote, name: 'Clausula Annex Note', basedOn: 'Normal', run: { size: 18, italics: true }, paragraph: { keepNext: true } },
      { id: STYLE.guideNote, name: 'Clausula Guide Note', basedOn: 'Normal', run: { size: 18, color: GREY } },
      { id: STYLE.guideLabel, name: 'Clausula Guide Label', basedOn: 'Normal', next: STYLE.bodyText, run: { bold: true }, paragraph: { keepNext: true, spacing: { before: 200 } } },
      { id: STYLE.tableText, name: 'Clausula Table Text', basedOn: 'Normal', paragraph: { spacing: { before: 40, after: 40, line: 240, lineRule: LineRuleType.AUTO } } },
      { id: STYLE.tableHeading, name: 'Clausula Table Heading', basedOn: STYLE.tableText, run: { bold: true }, paragraph: { keepNext: true } },
      { id: STYLE.header, name: 'header', basedOn: 'Normal', run: { size: 16, color: GREY }, paragraph: { alignment: AlignmentType.END, spacing: { after: 0 } } },
      { id: STYLE.footer, name: 'footer', basedOn: 'Normal', run: { size: 16, color: GREY }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 } } },
      // Entries hang from their numbers, so a wrapped title lines up with the title above it, and 10.1 with 9.1.
      { id: 'TOC1', name: 'toc 1', basedOn: 'Normal', next: 'Normal', paragraph: { indent: { left: 567, hanging: 567 }, spacing: { before: 60, after: 20 }, rightTabStop: TEXT_WIDTH } },
      { id: 'TOC2', name: 'toc 2', basedOn: 'Normal', next: 'Normal', paragraph: { indent: { left: 1361, hanging: 794 }, spacing: { after: 20 }, rightTabStop: TEXT_WIDTH } },
    ],
    characterStyles: [
      { id: 'DefaultParagraphFont', name: 'Default Paragraph Font', uiPriority: 1, semiHidden: true, unhideWhenUsed: true },
      { id: STYLE.strong, name: 'Strong', basedOn: 'DefaultParagraphFont', uiPriority: 22, quickFormat: true, run: { bold: true } },
      { id: STYLE.emphasis, name: 'Emphasis', basedOn: 'DefaultParagraphFont', uiPriority: 20, quickFormat: true, run: { italics: true } },
      // No formatting of its own: it marks the text that came from the answers, so officers can find it.
      { id: STYLE.answer, name: 'Clausula Answer', basedOn: 'DefaultParagraphFont' },
    ],
  };
}

const border = (side: string) => `<w:${side} w:val="${BorderStyle.SINGLE}" w:sz="4" w:space="0" w:color="8EAADB"/>`;

/** The appendices' tables (borders, a shaded heading row) and the cover's (none); docx has no API for table styles. */
const TABLE_STYLES = [
  `<w:style w:type="table" w:styleId="${STYLE.table}"><w:name w:val="Clausula Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>` +
    `<w:tblPr><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>` +
    '<w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>' +
    '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="D9E2F3"/></w:tcPr></w:tblStylePr></w:style>',
  `<w:style w:type="table" w:styleId="${STYLE.coverTable}"><w:name w:val="Clausula Cover Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>` +
    '<w:tblPr><w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
];

/**
 * What docx cannot write in styles.xml: table styles, and the dot leader of a style's tab
 * stop (the contents' page numbers).
 */
export function finishStyles(styles: string): string {
  return styles.replace('</w:styles>', `${TABLE_STYLES.join('')}</w:styles>`).replace(/(<w:style [^>]*w:styleId="TOC[12]"[\s\S]*?)<w:tab w:val="right" w:pos="(\d+)"\/>/g, '$1<w:tab w:val="right" w:leader="dot" w:pos="$2"/>');
}
