import { HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { AnnexTable, DocumentModel } from '../../assemble/document.js';
import { annexHeading } from '../common.js';
import { STYLE, TEXT_WIDTH } from './styles.js';

const WIDTHS: Record<AnnexTable['kind'], number[]> = {
  answers: [3600, 5470],
  provenance: [4900, 1700, 2470],
  rationale: [3200, 5870],
};

/** A table's last rows go with the row before them, so a page never ends the table with one row alone. */
const KEEP_LAST_ROWS = 3;

export interface AnnexLayout {
  /** Each appendix starts a page (the document's own); inside a host document they follow on. */
  pageBreaks: boolean;
}

/** Each appendix: an unnumbered Heading 1, its note, its table (the Clausula Table style, heading row repeated). */
export function annexBlocks(model: DocumentModel, layout: AnnexLayout = { pageBreaks: true }): (Paragraph | Table)[] {
  return model.annexes.flatMap((annex) => {
    const widths = WIDTHS[annex.kind] ?? annex.columns.map(() => Math.floor(TEXT_WIDTH / annex.columns.length));
    const keepFrom = annex.rows.length - KEEP_LAST_ROWS;
    const cell = (text: string, index: number, style: string, keepNext: boolean) =>
      new TableCell({
        width: { size: widths[index] ?? 0, type: WidthType.DXA },
        children: [new Paragraph({ style, ...(keepNext ? { keepNext: true } : {}), children: [new TextRun(text)] })],
      });
    const table = new Table({
      style: STYLE.table,
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      rows: [
        new TableRow({ tableHeader: true, children: annex.columns.map((c, i) => cell(c, i, STYLE.tableHeading, false)) }),
        ...annex.rows.map((row, r) => new TableRow({ cantSplit: true, children: row.map((c, i) => cell(c, i, STYLE.tableText, r >= keepFrom && r < annex.rows.length - 1)) })),
      ],
    });
    return [
      new Paragraph({ heading: HeadingLevel.HEADING_1, numbering: false, ...(layout.pageBreaks ? { pageBreakBefore: true } : {}), children: [new TextRun(annexHeading(model, annex))] }),
      ...(annex.note ? [new Paragraph({ style: STYLE.annexNote, children: [new TextRun(annex.note)] })] : []),
      table,
    ];
  });
}
