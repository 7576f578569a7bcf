import { DeletedTextRun, Document, HeadingLevel, InsertedTextRun, Packer, Paragraph, TextRun } from 'docx';
import type { Redline, RedlineParagraph, RedlineRun } from '../../versioning/redline.js';
import { repack } from './reproducible.js';

export interface RedlineOptions {
  /** The date the changes are stamped with, and the package's (SOURCE_DATE_EPOCH or now). */
  date: Date;
}

/**
 * A redline as a Word document with real tracked changes: every insertion a `w:ins`, every
 * deletion a `w:del`, paragraph ends included, each by the new release as author. One
 * heading per changed clause. Track changes stays on, so a reviewer's own edits are
 * tracked too. Same redline and date in, same bytes out.
 */
export async function renderRedline(redline: Redline, options: RedlineOptions): Promise<Uint8Array> {
  const date = options.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  let next = 1;
  const change = () => ({ id: next++, author: redline.author, date });

  const runs = (list: readonly RedlineRun[]) =>
    list.map((r) => (r.kind === 'inserted' ? new InsertedTextRun({ text: r.text, ...change() }) : r.kind === 'deleted' ? new DeletedTextRun({ text: r.text, ...change() }) : new TextRun(r.text)));
  const mark = (kind: RedlineRun['kind']) => (kind === 'inserted' ? { run: { insertion: change() } } : kind === 'deleted' ? { run: { deletion: change() } } : {});
  const paragraph = (p: RedlineParagraph) => new Paragraph({ children: runs(p.runs), ...mark(p.mark) });

  const body: Paragraph[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(redline.title)] })];
  for (const line of redline.intro) body.push(new Paragraph({ children: [new TextRun(line)] }));
  for (const section of redline.sections) {
    const headingMark = section.change === 'added' ? 'inserted' : section.change === 'removed' ? 'deleted' : 'same';
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, children: runs(section.heading), ...mark(headingMark) }));
    for (const fact of section.facts) body.push(new Paragraph({ children: [new TextRun({ text: fact, italics: true, color: '555555' })] }));
    for (const p of section.paragraphs) body.push(paragraph(p));
  }

  const document = new Document({
    title: redline.title,
    subject: redline.subject,
    creator: 'clausula',
    lastModifiedBy: redline.author,
    description: redline.intro[0],
    features: { trackRevisions: true },
    sections: [{ children: body }],
  });
  return repack(await Packer.toBuffer(document), { date: options.date });
}
