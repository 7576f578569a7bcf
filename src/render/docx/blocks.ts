import { Paragraph, type IParagraphOptions, type ParagraphChild } from 'docx';
import type { DocBlock } from '../../assemble/document.js';
import { LIST } from './numbering.js';
import { textRuns } from './runs.js';
import { LIST_STYLE_LEVELS, listBulletStyle, listContinueStyle, listNumberStyle, STYLE } from './styles.js';

/**
 * A paragraph before it is made: its children can still be added to (a footnote
 * reference, the end of a clause's bookmark) once the whole clause is laid out.
 */
export interface ParagraphSpec {
  options: Omit<IParagraphOptions, 'children'>;
  children: ParagraphChild[];
}

export function makeParagraphs(specs: readonly ParagraphSpec[]): Paragraph[] {
  return specs.map((s) => new Paragraph({ ...s.options, children: s.children }));
}

/**
 * Clause text as paragraphs, each formatted by its style alone: Body Text, List Number and
 * List Bullet (their numbering comes with the style), List Continue for a list item's
 * further paragraphs. Ordered lists are lettered a) then i), and every list that starts
 * afresh names a list instance of its own, so its letters start again.
 */
export function blockSpecs(blocks: readonly DocBlock[], newInstance: () => number, depth = 0, orderedInstance?: number): ParagraphSpec[] {
  const out: ParagraphSpec[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      out.push({ options: { style: depth > 0 ? listContinueStyle(depth - 1) : STYLE.bodyText }, children: textRuns(block.runs) });
      continue;
    }
    // An ordered list inside an ordered list goes on numbering the same instance, a level down.
    const instance = block.ordered ? (orderedInstance ?? newInstance()) : undefined;
    const label = (): Omit<IParagraphOptions, 'children'> => {
      if (instance !== undefined) return { style: listNumberStyle(depth), numbering: { reference: LIST.ordered, level: depth, instance, custom: true } };
      // Below the deepest List Bullet style, the level is the paragraph's own.
      return depth < LIST_STYLE_LEVELS ? { style: listBulletStyle(depth) } : { style: listBulletStyle(depth), numbering: { reference: LIST.bullets, level: depth, custom: true } };
    };
    for (const item of block.items) {
      let first = true;
      for (const inner of item) {
        if (inner.kind === 'list') {
          out.push(...blockSpecs([inner], newInstance, depth + 1, inner.ordered && instance !== undefined ? instance : undefined));
        } else if (first) {
          out.push({ options: label(), children: textRuns(inner.runs) });
        } else {
          out.push({ options: { style: listContinueStyle(depth) }, children: textRuns(inner.runs) });
        }
        first = false;
      }
      if (item.length === 0) out.push({ options: label(), children: [] });
    }
  }
  return out;
}
