import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes, PhrasingContent, RootContent } from 'mdast';

/** Inline content of a clause paragraph. Placeholders stay placeholders until answers fill them. */
export type Inline =
  | { kind: 'text'; text: string; bold?: boolean; italic?: boolean }
  | { kind: 'placeholder'; name: string; bold?: boolean; italic?: boolean }
  | { kind: 'break' };

export type Block = { kind: 'paragraph'; inlines: Inline[] } | { kind: 'list'; ordered: boolean; items: Block[][] };

/** Markdown that clause text may not use, with where it starts in the text. */
export interface Unsupported {
  what: string;
  offset: number;
  length: number;
}

export interface PlaceholderUse {
  name: string;
  offset: number;
  length: number;
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const VALID_NAME = /^[a-z][A-Za-z0-9]*$/;

/** Every `{{ … }}` in a text, valid or not, with its offset. */
export function placeholdersIn(text: string): PlaceholderUse[] {
  const out: PlaceholderUse[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) out.push({ name: m[1] ?? '', offset: m.index ?? 0, length: m[0].length });
  return out;
}

export function isValidPlaceholderName(name: string): boolean {
  return VALID_NAME.test(name);
}

/** `{{` or `}}` that do not form a placeholder. */
export function strayBraces(text: string): number[] {
  const masked = text.replace(PLACEHOLDER, (m) => ' '.repeat(m.length));
  const out: number[] = [];
  for (const m of masked.matchAll(/\{\{|\}\}|\{%|%\}/g)) out.push(m.index ?? 0);
  return out;
}

// What can start Markdown we do not support: text with none of it skips the full parser (lint speed).
const SUSPICIOUS_CHARS = /[#<>[\]!|`~]/;
const SUSPICIOUS_LINES = /^ {0,3}(?:[-*_=]\s*){3,}$|^ {4,}\S/m;

/** Markdown constructs in a clause text that clausula does not render. */
export function unsupportedMarkdown(text: string): Unsupported[] {
  if (!SUSPICIOUS_CHARS.test(text) && !SUSPICIOUS_LINES.test(text)) return [];
  const out: Unsupported[] = [];
  const tree = fromMarkdown(text);
  const visit = (node: Nodes): void => {
    const what = unsupportedName(node);
    if (what) {
      const start = node.position?.start.offset ?? 0;
      const end = node.position?.end.offset ?? start + 1;
      out.push({ what, offset: start, length: Math.max(1, end - start) });
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  // CommonMark without extensions reads a table as a paragraph of pipes: catch it anyway.
  for (const m of text.matchAll(/^\s*\|.*\|\s*$/gm)) {
    if (!out.some((u) => u.offset <= (m.index ?? 0) && (m.index ?? 0) < u.offset + u.length)) {
      out.push({ what: 'a table', offset: m.index ?? 0, length: m[0].length });
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}

function unsupportedName(node: Nodes): string | undefined {
  switch (node.type) {
    case 'heading':
      return 'a heading';
    case 'link':
    case 'linkReference':
    case 'definition':
      return 'a link';
    case 'image':
    case 'imageReference':
      return 'an image';
    case 'html':
      return 'HTML';
    case 'code':
    case 'inlineCode':
      return 'code';
    case 'blockquote':
      return 'a block quote';
    case 'thematicBreak':
      return 'a horizontal rule';
    case 'table':
      return 'a table';
    default:
      return undefined;
  }
}

/**
 * Parse clause text into blocks. Unsupported constructs are kept as their plain text,
 * so a document never loses words (lint reports them).
 */
export function parseClauseText(text: string): Block[] {
  const tree = fromMarkdown(text);
  return tree.children.flatMap((child) => toBlocks(child, text));
}

function toBlocks(node: RootContent, source: string): Block[] {
  switch (node.type) {
    case 'paragraph':
      return [{ kind: 'paragraph', inlines: mergeText(node.children.flatMap((c) => toInlines(c, {}, source))) }];
    case 'list':
      return [
        {
          kind: 'list',
          ordered: node.ordered === true,
          items: node.children.map((item) => item.children.flatMap((c) => toBlocks(c, source))),
        },
      ];
    default: {
      // Anything else: keep its words as a paragraph.
      const start = node.position?.start.offset ?? 0;
      const end = node.position?.end.offset ?? start;
      const raw = source.slice(start, end).trim();
      return raw ? [{ kind: 'paragraph', inlines: splitPlaceholders(raw, {}) }] : [];
    }
  }
}

interface Marks {
  bold?: boolean;
  italic?: boolean;
}

function toInlines(node: PhrasingContent, marks: Marks, source: string): Inline[] {
  switch (node.type) {
    case 'text':
      return splitPlaceholders(node.value.replace(/\s*\n\s*/g, ' '), marks);
    case 'strong':
      return node.children.flatMap((c) => toInlines(c, { ...marks, bold: true }, source));
    case 'emphasis':
      return node.children.flatMap((c) => toInlines(c, { ...marks, italic: true }, source));
    case 'break':
      return [{ kind: 'break' }];
    case 'inlineCode':
      return splitPlaceholders(node.value, marks);
    default: {
      const start = node.position?.start.offset ?? 0;
      const end = node.position?.end.offset ?? start;
      return splitPlaceholders(source.slice(start, end), marks);
    }
  }
}

function splitPlaceholders(text: string, marks: Marks): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const at = m.index ?? 0;
    const name = m[1] ?? '';
    if (!isValidPlaceholderName(name)) continue;
    if (at > last) out.push({ kind: 'text', text: text.slice(last, at), ...marks });
    out.push({ kind: 'placeholder', name, ...marks });
    last = at + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last), ...marks });
  return out;
}

function mergeText(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    const prev = out[out.length - 1];
    if (inline.kind === 'text' && prev?.kind === 'text' && prev.bold === inline.bold && prev.italic === inline.italic) {
      prev.text += inline.text;
    } else {
      out.push({ ...inline });
    }
  }
  return out;
}
