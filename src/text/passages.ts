import type { Clause, ClauseText, Passage } from '../schema/clause.js';
import { parseClauseText, type Block } from './clause-text.js';

/**
 * A clause's text as passages: a text written once per language is one passage that
 * always prints; a list of passages is itself.
 */
export function passagesOf(text: ClauseText): Passage[] {
  return Array.isArray(text) ? text : [{ text }];
}

/** Where a passage's texts sit in the clause file: `text`, or `text[i].text`. */
export function passagePath(text: ClauseText, index: number): (string | number)[] {
  return Array.isArray(text) ? ['text', index, 'text'] : ['text'];
}

/** Whether the passage prints only under a condition of its own (a `when` or a defined term). */
export function isConditional(passage: Passage): boolean {
  return passage.when !== undefined || passage.defines !== undefined;
}

/** Every text of a clause, in every language, with where it is: what lint and the question checks read. */
export function clauseTexts(clause: Clause): { passage: number; language: string; text: string; path: (string | number)[] }[] {
  return passagesOf(clause.text).flatMap((passage, i) =>
    Object.entries(passage.text).map(([language, text]) => ({ passage: i, language, text, path: [...passagePath(clause.text, i), language] })),
  );
}

/** The forms of a defined term in a language (a definition may name several: singular and plural). */
export function termForms(passage: Passage, language: string, fallback?: string): string[] {
  const term = passage.defines?.[language] ?? (fallback !== undefined ? passage.defines?.[fallback] : undefined);
  if (term === undefined) return [];
  return Array.isArray(term) ? term : [term];
}

/**
 * Whether `text` uses a term: the term as written, not inside a longer word ("Contracte" is
 * not used by "Contractes"; "Sistema d'IA" is used by "del Sistema d'IA.").
 */
export function usesTerm(text: string, forms: readonly string[]): boolean {
  return forms.some((form) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(form)}(?![\\p{L}\\p{N}])`, 'u').test(text));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The blocks of passages printed one after the other. A list that ends one passage and a
 * list of the same kind that starts the next are one list, so list items written as
 * passages keep one lettering (a, b, c) whichever of them print.
 */
export function joinBlocks(parts: readonly Block[][]): Block[] {
  const out: Block[] = [];
  for (const blocks of parts) {
    for (const [i, block] of blocks.entries()) {
      const last = out[out.length - 1];
      if (i === 0 && last?.kind === 'list' && block.kind === 'list' && last.ordered === block.ordered) {
        out[out.length - 1] = { ...last, items: [...last.items, ...block.items] };
      } else {
        out.push(block);
      }
    }
  }
  return out;
}

/**
 * The blocks of a clause's text in one language: the passages that print (all, without
 * `printed`), joined. `note` puts a line of italic text before a passage, as the guideline
 * says when a conditional passage prints.
 */
export function clauseBlocks(
  clause: Clause,
  pick: (text: Record<string, string>) => string,
  printed?: readonly boolean[],
  note?: (passage: Passage) => string | undefined,
): Block[] {
  const parts = passagesOf(clause.text).map((passage, i): Block[] => {
    if (printed && !printed[i]) return [];
    const blocks = parseClauseText(pick(passage.text));
    const said = note?.(passage);
    return said === undefined ? blocks : withNote(blocks, said);
  });
  return joinBlocks(parts);
}

/** The first paragraph of the blocks (inside a list, its first item's) starts with the note in italics. */
function withNote(blocks: Block[], note: string): Block[] {
  const [first, ...rest] = blocks;
  if (!first) return [{ kind: 'paragraph', inlines: [{ kind: 'text', text: note, italic: true }] }];
  if (first.kind === 'paragraph') return [{ kind: 'paragraph', inlines: [{ kind: 'text', text: `${note} `, italic: true }, ...first.inlines] }, ...rest];
  const [item, ...items] = first.items;
  return [{ ...first, items: [withNote(item ?? [], note), ...items] }, ...rest];
}

/** Every condition of a clause with where it is: its own `when`, then each passage's. */
export function clauseConditions(clause: Clause): { when: string; path: (string | number)[]; passage?: number }[] {
  const out: { when: string; path: (string | number)[]; passage?: number }[] = clause.when !== undefined ? [{ when: clause.when, path: ['when'] }] : [];
  passagesOf(clause.text).forEach((p, i) => {
    if (p.when !== undefined) out.push({ when: p.when, path: ['text', i, 'when'], passage: i });
  });
  return out;
}
