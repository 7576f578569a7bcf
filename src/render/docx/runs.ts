import { TextRun, type ParagraphChild } from 'docx';
import type { Run } from '../../assemble/document.js';
import { STYLE } from './styles.js';

/** Runs as Word runs. Text is always literal: docx escapes it, nothing in it is markup. */
export function textRuns(runs: readonly Run[]): ParagraphChild[] {
  return runs.map((run) => {
    if (run.kind === 'break') return new TextRun({ break: 1 });
    return new TextRun({
      text: run.text,
      ...(run.bold ? { bold: true } : {}),
      ...(run.italic ? { italics: true } : {}),
      ...(run.answer ? { style: STYLE.answer } : {}),
    });
  });
}
