import { TextRun, type ParagraphChild } from 'docx';
import type { Run } from '../../assemble/document.js';
import { STYLE } from './styles.js';

/**
 * Runs as Word runs. Bold is the Strong style and italic Emphasis, so a house style restyles
 * them too; an answer is marked with the Clausula Answer style (a run has one style: an
 * answer in bold keeps its bold as direct formatting). Text is always literal: docx escapes
 * it, nothing in it is markup.
 */
export function textRuns(runs: readonly Run[]): ParagraphChild[] {
  return runs.map((run) => {
    if (run.kind === 'break') return new TextRun({ break: 1 });
    const style = run.answer ? STYLE.answer : run.bold ? STYLE.strong : run.italic ? STYLE.emphasis : undefined;
    return new TextRun({
      text: run.text,
      ...(style ? { style } : {}),
      ...(run.bold && style !== STYLE.strong ? { bold: true } : {}),
      ...(run.italic && style !== STYLE.emphasis ? { italics: true } : {}),
    });
  });
}
