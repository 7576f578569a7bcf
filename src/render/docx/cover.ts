import { Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { DocumentModel } from '../../assemble/document.js';
import { STYLE, TEXT_WIDTH } from './styles.js';

const LABEL_WIDTH = 2800;

/**
 * The cover: "Annex No. __ to the PCAP" (for the officer to number), the title (Word's
 * Title style), then authority, contract, reference, type, CPV codes, duration and date
 * in a borderless table. The release and the hashes are in the provenance appendix.
 */
export function coverBlocks(model: DocumentModel): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  if (model.annexLine) out.push(new Paragraph({ style: STYLE.subtitle, children: [new TextRun(model.annexLine)] }));
  out.push(new Paragraph({ style: STYLE.title, children: [new TextRun(model.title)] }));
  if (model.coverRows.length > 0) {
    const cell = (text: string, width: number, style: string) =>
      new TableCell({ width: { size: width, type: WidthType.DXA }, children: [new Paragraph({ style, children: [new TextRun(text)] })] });
    out.push(
      new Table({
        style: STYLE.coverTable,
        width: { size: TEXT_WIDTH, type: WidthType.DXA },
        columnWidths: [LABEL_WIDTH, TEXT_WIDTH - LABEL_WIDTH],
        rows: model.coverRows.map((row) => new TableRow({ children: [cell(row.label, LABEL_WIDTH, STYLE.coverLabel), cell(row.value, TEXT_WIDTH - LABEL_WIDTH, STYLE.coverValue)] })),
      }),
    );
  }
  if (model.notice) out.push(new Paragraph({ style: STYLE.notice, children: [new TextRun(model.notice)] }));
  return out;
}
