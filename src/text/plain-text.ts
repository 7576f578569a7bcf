import type { DocBlock } from './blocks.js';
import { sha256 } from './hash.js';

/**
 * The paragraphs of a clause as plain text, in document order: each paragraph (and each
 * list item's paragraph) on its own, runs joined, line breaks as "\n". List labels
 * (a), i), bullets) are numbering, not text, so they are not part of it.
 */
export function paragraphTexts(blocks: readonly DocBlock[]): string[] {
  const out: string[] = [];
  const walk = (list: readonly DocBlock[]): void => {
    for (const block of list) {
      if (block.kind === 'paragraph') out.push(block.runs.map((r) => (r.kind === 'break' ? '\n' : r.text)).join(''));
      // An empty list item is still a (labelled, empty) paragraph in the document.
      else for (const item of block.items) item.length === 0 ? out.push('') : walk(item);
    }
  };
  walk(blocks);
  return out;
}

/** A clause as a reader sees it: its title, then its paragraphs, one a line. */
export function clausePlainText(title: string, blocks: readonly DocBlock[]): string {
  return [title, ...paragraphTexts(blocks)].join('\n');
}

/** `sha256:` and the digest of the clause's text as generated; `verify` compares it with the file. */
export function textHash(plainText: string): string {
  return 'sha256:' + sha256(plainText);
}
