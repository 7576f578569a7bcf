import { HeadingLevel, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { AnnexTable, DocumentModel } from '../../assemble/document.js';
import { annexHeading } from '../common.js';
import { STYLE } from './styles.js';

const TEXT_WIDTH = 9070;
const WIDTHS: Record<AnnexTable['kind'], number[]> = {
  answers: [3600, 5470],
  provenance: [4900, 1700, 2470],
  rationale: [3200, 5870],
};

/** Each annex on a new page: an unnumbered Heading 1, its note, its table. */
export function annexBlocks(model: DocumentModel): (Paragraph | Table)[] {
  return model.annexes.flatMap((annex) => {
    const widths = WIDTHS[annex.kind] ?? annex.columns.map(() => Math.floor(TEXT_WIDTH / annex.columns.length));
    const cell = (text: string, index: number, header: boolean) =>
      new TableCell({
        width: { size: widths[index] ?? 0, type: WidthType.DXA },
        ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'D9E2F3', color: 'auto' } } : {}),
        children: [new Paragraph({ spacing: { before: 40, after: 40 }, children: [new TextRun({ text, ...(header ? { bold: true } : {}) })] })],
      });
    const table = new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      rows: [
        new TableRow({ tableHeader: true, children: annex.columns.map((c, i) => cell(c, i, true)) }),
        ...annex.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((c, i) => cell(c, i, false)) })),
      ],
    });
    return [
      new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(annexHeading(model, annex))] }),
      ...(annex.note ? [new Paragraph({ style: STYLE.annexNote, children: [new TextRun(annex.note)] })] : []),
      table,
    ];
  });
}
