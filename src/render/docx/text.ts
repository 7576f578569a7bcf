import type { DocBlock, DocumentModel } from '../../assemble/document.js';
import { annexHeading, legalBasisText } from '../common.js';

/** Where a paragraph of a built document is, for messages that name it. */
export type Place =
  | { kind: 'cover' }
  | { kind: 'contents' }
  | { kind: 'part'; number: string; heading: string }
  | { kind: 'clause'; number: string; id: string; title: string }
  | { kind: 'annex'; heading: string };

/** A paragraph as the Word renderer writes it. */
export interface WrittenParagraph {
  text: string;
  /** 1 for the parts' and annexes' headings, 2 for the clauses'. */
  heading?: 1 | 2;
  /** A list item: Word shows its label even when it has no text. */
  listItem?: boolean;
  /** The paragraphs of the footnote this paragraph references (a clause's legal bases). */
  footnote?: string[];
  /** An entry of the table of contents. */
  contents?: boolean;
  place: Place;
  /** Its place among the paragraphs of `place` (the heading is 0). */
  index: number;
}

/** Everything a Word build writes as text, in reading order. */
export interface WrittenText {
  body: WrittenParagraph[];
  /** The text of the running header's and footer's paragraphs, page numbers left out. */
  headers: string[];
  footers: string[];
}

/**
 * The text the Word renderer (src/render/docx/) writes for a tender document, paragraph by
 * paragraph, with the headings, list items and footnotes it makes: what `verify` expects to
 * read back. A test renders every shipped example and checks that the document read back
 * is exactly this, so a change to the renderer that this does not follow fails there.
 */
export function writtenText(model: DocumentModel): WrittenText {
  const body: WrittenParagraph[] = [];
  const add = (place: Place, paragraphs: Omit<WrittenParagraph, 'place' | 'index'>[], first = 0) =>
    paragraphs.forEach((p, i) => body.push({ ...p, place, index: first + i }));

  const cover: Place = { kind: 'cover' };
  add(cover, [...(model.annexLine ? [{ text: model.annexLine }] : []), { text: model.title }, ...model.coverRows.flatMap((row) => [{ text: row.label }, { text: row.value }]), ...(model.notice ? [{ text: model.notice }] : [])]);

  const contents: Place = { kind: 'contents' };
  add(contents, [
    { text: model.words.contents },
    ...model.parts.flatMap((part) => [{ text: `${part.number}.\t${part.heading}`, contents: true }, ...part.clauses.map((c) => ({ text: `${c.number}.\t${c.title}`, contents: true }))]),
    ...model.annexes.map((annex) => ({ text: annexHeading(model, annex), contents: true })),
  ]);

  for (const part of model.parts) {
    const place: Place = { kind: 'part', number: part.number, heading: part.heading };
    add(place, [{ text: part.heading, heading: 1 }, ...blockParagraphs(part.intro)]);
    for (const clause of part.clauses) {
      const text = blockParagraphs(clause.blocks);
      const heading: Omit<WrittenParagraph, 'place' | 'index'> = { text: clause.title, heading: 2 };
      // The legal bases are a footnote on the clause's first paragraph (on its heading when it has none).
      if (clause.legalBasis.length > 0) (text[0] ?? heading).footnote = clause.legalBasis.map(legalBasisText);
      add({ kind: 'clause', number: clause.number, id: clause.id, title: clause.title }, [heading, ...text]);
    }
  }

  for (const annex of model.annexes) {
    const heading = annexHeading(model, annex);
    add({ kind: 'annex', heading }, [
      { text: heading, heading: 1 },
      ...(annex.note ? [{ text: annex.note }] : []),
      ...annex.columns.map((text) => ({ text })),
      ...annex.rows.flatMap((row) => row.map((text) => ({ text }))),
    ]);
  }

  return {
    body,
    headers: [model.header, ...(model.notice ? [model.notice] : [])],
    footers: [`${model.words.page}  ${model.words.of} `],
  };
}

/** Clause text as the renderer lays it out (blocks.ts): a paragraph each, list items labelled, lists flattened in order. */
function blockParagraphs(blocks: readonly DocBlock[]): Omit<WrittenParagraph, 'place' | 'index'>[] {
  const out: Omit<WrittenParagraph, 'place' | 'index'>[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      out.push({ text: block.runs.map((r) => (r.kind === 'break' ? '\n' : r.text)).join('') });
      continue;
    }
    for (const item of block.items) {
      if (item.length === 0) out.push({ text: '', listItem: true });
      let first = true;
      for (const inner of item) {
        if (inner.kind === 'list') out.push(...blockParagraphs([inner]));
        else out.push({ ...blockParagraphs([inner])[0]!, ...(first ? { listItem: true } : {}) });
        first = false;
      }
    }
  }
  return out;
}
