import { BorderStyle, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { DocumentModel } from '../../assemble/document.js';
import { STYLE } from './styles.js';

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

/** The cover: the document's title, then authority, contract, reference, library release, language, date. */
export function coverBlocks(model: DocumentModel): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [new Paragraph({ style: STYLE.coverTitle, children: [new TextRun(model.title)] })];
  if (model.coverRows.length > 0) {
    out.push(
      new Table({
        width: { size: 9070, type: WidthType.DXA },
        columnWidths: [2800, 6270],
        borders: NO_BORDERS,
        rows: model.coverRows.map(
          (row) =>
            new TableRow({
              children: [
                new TableCell({ width: { size: 2800, type: WidthType.DXA }, children: [new Paragraph({ style: STYLE.coverLabel, spacing: { before: 60, after: 60 }, children: [new TextRun(row.label)] })] }),
                new TableCell({ width: { size: 6270, type: WidthType.DXA }, children: [new Paragraph({ spacing: { before: 60, after: 60 }, children: [new TextRun(row.value)] })] }),
              ],
            }),
        ),
      }),
    );
  }
  if (model.notice) out.push(new Paragraph({ style: STYLE.notice, children: [new TextRun(model.notice)] }));
  return out;
}
