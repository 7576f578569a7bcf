import { AlignmentType, Paragraph, type IParagraphOptions, type ParagraphChild } from 'docx';
import type { DocBlock } from '../../assemble/document.js';
import { LIST } from './numbering.js';
import { textRuns } from './runs.js';
import { justified } from './styles.js';

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
 * Clause text as paragraphs: ordered lists lettered a) then i), restarting with a new
 * list instance wherever a list starts afresh; bullets for unordered lists.
 */
export function blockSpecs(blocks: readonly DocBlock[], newInstance: () => number, depth = 0, orderedInstance?: number): ParagraphSpec[] {
  const out: ParagraphSpec[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      // Justified text stretches a line that ends in a line break across the page; such paragraphs stay left-aligned.
      const alignment = block.runs.some((r) => r.kind === 'break') ? AlignmentType.START : justified;
      out.push({ options: depth > 0 ? { alignment, indent: { left: 567 * depth } } : { alignment }, children: textRuns(block.runs) });
      continue;
    }
    // An ordered list inside an ordered list goes on numbering the same instance, a level down.
    const instance = block.ordered ? (orderedInstance ?? newInstance()) : undefined;
    for (const item of block.items) {
      let first = true;
      for (const inner of item) {
        if (inner.kind === 'list') {
          out.push(...blockSpecs([inner], newInstance, depth + 1, inner.ordered && instance !== undefined ? instance : undefined));
        } else if (first) {
          const numbering = instance !== undefined ? { reference: LIST.ordered, level: depth, instance } : { reference: LIST.bullets, level: depth };
          out.push({ options: { alignment: justified, numbering, style: 'ListParagraph' }, children: textRuns(inner.runs) });
        } else {
          // A second paragraph of the same item: under the item's text, without a label.
          out.push({ options: { alignment: justified, indent: { left: 567 * (depth + 1) } }, children: textRuns(inner.runs) });
        }
        first = false;
      }
      if (item.length === 0) {
        const numbering = instance !== undefined ? { reference: LIST.ordered, level: depth, instance } : { reference: LIST.bullets, level: depth };
        out.push({ options: { numbering, style: 'ListParagraph' }, children: [] });
      }
    }
  }
  return out;
}
