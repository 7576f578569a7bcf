import { Lexer, type Token, type Tokens } from 'marked';

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

const TEMPLATE_MARK = /\{\{|\}\}|\{%|%\}/g;

/**
 * `{{`, `}}`, `{%` and `%}` that are not part of a placeholder: what a scan finds once the
 * placeholders are blanked out. A mark that touches a placeholder resumes the scan after it,
 * as the blanks would; no blanked copy of the text is made (lint reads every clause text).
 */
export function strayBraces(text: string): number[] {
  const out: number[] = [];
  const spans = placeholdersIn(text);
  let next = 0;
  const mark = new RegExp(TEMPLATE_MARK);
  for (let m = mark.exec(text); m; m = mark.exec(text)) {
    while (next < spans.length && spans[next]!.offset + spans[next]!.length <= m.index) next++;
    const span = spans[next];
    if (span && m.index + m[0].length > span.offset) mark.lastIndex = span.offset + span.length;
    else out.push(m.index);
  }
  return out;
}

// What can start Markdown we do not support: text with none of it skips the full parser (lint speed).
const SUSPICIOUS_CHARS = /[#<>[\]!|`~]/;
// A thematic break or setext underline, or an indented code block: what /^ {0,3}(?:[-*_=][ \t]*){3,}$|^ {4,}\S/m
// finds, written without the m flag, which makes the engine try a line start at every character
// (three times slower on a large library). [ \t] and not \s: \s would let one candidate line run
// on over the next ones.
const EOL = '[\\n\\r\\u2028\\u2029]';
const SUSPICIOUS_LINES = new RegExp(`(?:^|${EOL}) {0,3}(?:[-*_=][ \\t]*){3,}(?=$|${EOL})|(?:^|${EOL}) {4,}\\S`);

/** A line that may be a thematic break, a setext underline or indented code. */
export function hasSuspiciousLine(text: string): boolean {
  return SUSPICIOUS_LINES.test(text);
}

/** Markdown constructs in a clause text that clausula does not render. */
export function unsupportedMarkdown(text: string): Unsupported[] {
  if (!SUSPICIOUS_CHARS.test(text) && !hasSuspiciousLine(text)) return [];
  const out: Unsupported[] = [];
  // marked keeps no offsets; each token's raw text is found in order from where the last one ended.
  const visit = (tokens: readonly Token[], from: number): void => {
    let cursor = from;
    for (const token of tokens) {
      const found = token.raw ? text.indexOf(token.raw, cursor) : -1;
      const offset = found === -1 ? cursor : found;
      const what = unsupportedName(token);
      if (what) out.push({ what, offset, length: Math.max(1, token.raw.length) });
      else for (const children of childrenOf(token)) visit(children, offset);
      if (found !== -1) cursor = found + token.raw.length;
    }
  };
  visit(lex(text), 0);
  // CommonMark without extensions reads a table as a paragraph of pipes: catch it anyway, once a
  // table, at its first row. [ \t] and not \s: \s would start the match on the blank line above
  // (reported at the start of the text) and count each row as a table of its own.
  for (const m of text.matchAll(/^[ \t]*\|.*\|[ \t]*$(?:\n[ \t]*\|.*\|[ \t]*$)*/gm)) {
    const offset = (m.index ?? 0) + (m[0].length - m[0].trimStart().length);
    if (!out.some((u) => u.offset <= offset && offset < u.offset + u.length)) {
      out.push({ what: 'a table', offset, length: m[0].trim().split('\n')[0]!.trim().length });
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}

// CommonMark rules (no GitHub extensions): what legal staff write is what CommonMark readers see.
const LEXER_OPTIONS = { gfm: false, breaks: false, pedantic: false } as const;

function lex(text: string): Token[] {
  return new Lexer(LEXER_OPTIONS).lex(text);
}

function childrenOf(token: Token): (readonly Token[])[] {
  if (token.type === 'list') return (token as Tokens.List).items.map((item) => item.tokens);
  const nested = (token as { tokens?: Token[] }).tokens;
  return nested ? [nested] : [];
}

function unsupportedName(token: Token): string | undefined {
  switch (token.type) {
    case 'heading':
      return 'a heading';
    case 'link':
    case 'def':
      return 'a link';
    case 'image':
      return 'an image';
    case 'html':
      return 'HTML';
    case 'code':
    case 'codespan':
      return 'code';
    case 'blockquote':
      return 'a block quote';
    case 'hr':
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
  return lex(text).flatMap(toBlocks);
}

function toBlocks(token: Token): Block[] {
  switch (token.type) {
    case 'space':
      return [];
    case 'paragraph':
    case 'text': {
      const nested = (token as Tokens.Paragraph | Tokens.Text).tokens;
      const inlines = nested ? nested.flatMap((t) => toInlines(t, {})) : splitPlaceholders(softBreaks((token as Tokens.Text).text), {});
      return [{ kind: 'paragraph', inlines: mergeText(inlines) }];
    }
    case 'list': {
      const list = token as Tokens.List;
      return [{ kind: 'list', ordered: list.ordered, items: list.items.map((item) => item.tokens.flatMap(toBlocks)) }];
    }
    default: {
      // Anything else: keep its words as a paragraph.
      const raw = token.raw.trim();
      return raw ? [{ kind: 'paragraph', inlines: splitPlaceholders(softBreaks(raw), {}) }] : [];
    }
  }
}

interface Marks {
  bold?: boolean;
  italic?: boolean;
}

function toInlines(token: Token, marks: Marks): Inline[] {
  switch (token.type) {
    case 'text':
    case 'escape': {
      const nested = (token as Tokens.Text).tokens;
      if (nested) return nested.flatMap((t) => toInlines(t, marks));
      return splitPlaceholders(softBreaks((token as Tokens.Text | Tokens.Escape).text), marks);
    }
    case 'strong':
      return (token as Tokens.Strong).tokens.flatMap((t) => toInlines(t, { ...marks, bold: true }));
    case 'em':
      return (token as Tokens.Em).tokens.flatMap((t) => toInlines(t, { ...marks, italic: true }));
    case 'br':
      return [{ kind: 'break' }];
    case 'codespan':
      return splitPlaceholders((token as Tokens.Codespan).text, marks);
    default:
      return splitPlaceholders(softBreaks(token.raw), marks);
  }
}

/** A line end inside a paragraph is a space, as in every Markdown reader. */
function softBreaks(text: string): string {
  return text.replace(/[ \t]*\n[ \t]*/g, ' ');
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
