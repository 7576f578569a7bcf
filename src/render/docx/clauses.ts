import { BookmarkEnd, BookmarkStart, HeadingLevel, Paragraph, TextRun, bookmarkUniqueNumericId, type ParagraphChild } from 'docx';
import type { DocClause, DocPart, DocumentModel } from '../../assemble/document.js';
import { clauseBookmark } from '../../provenance/properties.js';
import { blockSpecs, makeParagraphs, type ParagraphSpec } from './blocks.js';
import type { Footnotes } from './footnotes.js';
import { STYLE } from './styles.js';

export interface BodyContext {
  footnotes: Footnotes;
  newInstance: () => number;
}

/** A part: a Heading 1 (numbered 1, 2, … by its style), its intro, then its clauses. */
export function partParagraphs(model: DocumentModel, part: DocPart, first: boolean, ctx: BodyContext): Paragraph[] {
  const heading = new Paragraph({
    heading: HeadingLevel.HEADING_1,
    ...(first ? { pageBreakBefore: true } : {}),
    children: [new TextRun(part.heading)],
  });
  const intro = makeParagraphs(blockSpecs(part.intro, ctx.newInstance));
  return [heading, ...intro, ...part.clauses.flatMap((clause) => clauseParagraphs(model, clause, ctx))];
}

/**
 * A clause: a Heading 2 (numbered 1.1, 1.2, … by its style) and its text. The legal bases are a
 * footnote on its first paragraph. In a tender document a bookmark runs from the heading
 * to the clause's last paragraph, so `verify` can find its text.
 */
export function clauseParagraphs(model: DocumentModel, clause: DocClause, ctx: BodyContext): Paragraph[] {
  const headingChildren: ParagraphChild[] = [new TextRun(clause.title)];
  const heading: ParagraphSpec = { options: { heading: HeadingLevel.HEADING_2 }, children: headingChildren };
  const text = blockSpecs(clause.blocks, ctx.newInstance);
  if (clause.legalBasis.length > 0) (text[0] ?? heading).children.push(ctx.footnotes.legalBases(clause.legalBasis));

  if (clause.guide) {
    const guide = clause.guide;
    const applies: ParagraphSpec = { options: { style: STYLE.guideNote }, children: [new TextRun({ text: `${model.words.appliesLabel}: `, style: STYLE.strong }), new TextRun({ text: guide.applies, style: STYLE.emphasis })] };
    const guidanceTitle: ParagraphSpec = { options: { style: STYLE.guideLabel }, children: [new TextRun(model.words.guidance)] };
    const guidance = blockSpecs(guide.guidance, ctx.newInstance);
    const versionLine: ParagraphSpec = { options: { style: STYLE.guideNote }, children: [new TextRun(guide.supersededBy ? `${guide.versionLine}. ${guide.supersededBy}` : guide.versionLine)] };
    return makeParagraphs([heading, applies, ...text, guidanceTitle, ...guidance, versionLine]);
  }

  const id = bookmarkUniqueNumericId();
  headingChildren.unshift(asChild(new BookmarkStart(clauseBookmark(clause.id), id)));
  (text[text.length - 1] ?? heading).children.push(asChild(new BookmarkEnd(id)));
  return makeParagraphs([heading, ...text]);
}

// docx writes bookmark starts and ends in paragraphs (its own example does) but leaves them out of ParagraphChild.
function asChild(marker: BookmarkStart | BookmarkEnd): ParagraphChild {
  return marker as unknown as ParagraphChild;
}
