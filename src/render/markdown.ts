import type { DocBlock, DocClause, DocumentModel, Run } from '../assemble/document.js';
import { annexHeading, legalBasisText } from './common.js';

/**
 * The document as CommonMark (with footnotes and pipe tables, which pandoc and GitHub
 * read). All text is escaped — every character that could start inline Markdown, and
 * whatever would open a block at the start of a line — so an answer shows as typed and
 * never becomes Markdown.
 */
export function renderMarkdown(model: DocumentModel): string {
  const out: string[] = [];
  const notes: string[] = [];
  if (model.annexLine) out.push(`**${inline(model.annexLine)}**`, '');
  out.push(`# ${inline(model.title)}`, '');
  if (model.coverRows.length > 0) {
    out.push(...model.coverRows.map((row) => `- **${inline(row.label)}:** ${inline(row.value)}`), '');
  }
  if (model.notice) out.push(`> **${inline(model.notice)}**`, '');

  out.push(`## ${inline(model.words.contents)}`, '');
  for (const part of model.parts) {
    out.push(`- ${part.number}\\. ${inline(part.heading)}`);
    for (const clause of part.clauses) out.push(`  - ${clause.number} ${inline(clause.title)}`);
  }
  for (const annex of model.annexes) out.push(`- ${inline(annexHeading(model, annex))}`);
  out.push('');

  let footnote = 0;
  for (const part of model.parts) {
    out.push(`## ${part.number}. ${inline(part.heading)}`, '');
    out.push(...blocks(part.intro, 0));
    for (const clause of part.clauses) {
      out.push(`### ${clause.number} ${inline(clause.title)}`, '');
      const mark = clause.legalBasis.length > 0 ? `[^${++footnote}]` : '';
      if (mark) notes.push(footnoteText(footnote, clause));
      out.push(...clauseBody(model, clause, mark));
    }
  }

  for (const annex of model.annexes) {
    out.push(`## ${inline(annexHeading(model, annex))}`, '');
    if (annex.note) out.push(`*${inline(annex.note)}*`, '');
    out.push(`| ${annex.columns.map(inline).join(' | ')} |`, `|${annex.columns.map(() => ' --- |').join('')}`);
    for (const row of annex.rows) out.push(`| ${row.map(inline).join(' | ')} |`);
    out.push('');
  }
  if (notes.length > 0) out.push(...notes, '');
  return out.join('\n').replace(/\n{3,}/g, '\n\n').replace(/\n*$/, '\n');
}

function clauseBody(model: DocumentModel, clause: DocClause, mark: string): string[] {
  const text = blocks(clause.blocks, 0, mark);
  if (text.length === 0 && mark) text.push(mark, '');
  if (!clause.guide) return text;
  const guide = clause.guide;
  return [
    `*${inline(model.words.appliesLabel)}: ${inline(guide.applies)}*`,
    '',
    ...text,
    `**${inline(model.words.guidance)}**`,
    '',
    ...blocks(guide.guidance, 0),
    `*${inline(guide.supersededBy ? `${guide.versionLine}. ${guide.supersededBy}` : guide.versionLine)}*`,
    '',
  ];
}

/** One line per footnote (several bases joined by "; "): a continuation paragraph would read as code where footnotes are not known. */
function footnoteText(n: number, clause: DocClause): string {
  return `[^${n}]: ${clause.legalBasis.map((b) => inline(legalBasisText(b))).join('; ')}`;
}

/** Blocks as Markdown lines, indented for nesting; `mark` goes at the end of the first paragraph. */
function blocks(list: readonly DocBlock[], indent: number, mark = ''): string[] {
  const pad = ' '.repeat(indent);
  const out: string[] = [];
  let pending = mark;
  for (const block of list) {
    if (block.kind === 'paragraph') {
      out.push(...paragraph(block.runs, pending).map((line) => pad + line), '');
      pending = '';
      continue;
    }
    block.items.forEach((item, index) => {
      const marker = block.ordered ? `${index + 1}. ` : '- ';
      let inner = blocks(item, 0, pending);
      pending = '';
      // An item with one paragraph (and lists under it) keeps the list tight: no blank lines inside.
      if (item.filter((b) => b.kind === 'paragraph').length <= 1) inner = inner.filter((line) => line !== '');
      const lines = inner.length > 0 ? inner : [''];
      out.push(pad + marker + lines[0]);
      for (const line of lines.slice(1)) out.push(line === '' ? '' : pad + ' '.repeat(marker.length) + line);
    });
    out.push('');
  }
  return out;
}

/** A paragraph's lines (a line break starts a new line, ended by a backslash). */
function paragraph(runs: readonly Run[], mark: string): string[] {
  const lines: Run[][] = [[]];
  for (const run of runs) {
    if (run.kind === 'break') lines.push([]);
    else lines[lines.length - 1]!.push(run);
  }
  const text = lines.map((line) => protectLineStart(marked(line)));
  text[text.length - 1] += mark;
  return text.map((line, i) => (i < text.length - 1 ? `${line}\\` : line));
}

/** Runs with their bold and italic, neighbours with the same marks joined, spaces kept outside the markers. */
function marked(runs: readonly Run[]): string {
  const groups: { text: string; bold: boolean; italic: boolean }[] = [];
  for (const run of runs) {
    if (run.kind !== 'text' || run.text === '') continue;
    const text = inline(run.text);
    const bold = run.bold === true;
    const italic = run.italic === true;
    const last = groups[groups.length - 1];
    if (last && last.bold === bold && last.italic === italic) last.text += text;
    else groups.push({ text, bold, italic });
  }
  return groups
    .map(({ text, bold, italic }) => {
      const fence = (bold ? '**' : '') + (italic ? '*' : '');
      if (!fence) return text;
      const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
      return m[2] ? `${m[1]}${fence}${m[2]}${fence.split('').reverse().join('')}${m[3]}` : text;
    })
    .join('');
}

/**
 * Escape what would start Markdown inside a line: emphasis, code, links and images, raw
 * HTML and autolinks, entities, strikethrough, table cells, and the backslash itself.
 */
export function inline(text: string): string {
  return text.replace(/[\\`*_[\]<>&|~]/g, '\\$&');
}

/** A line that would open a heading, quote, list or rule reads as text. */
function protectLineStart(line: string): string {
  const ordered = /^(\s*\d{1,9})([.)])/.exec(line);
  if (ordered) return `${ordered[1]}\\${ordered[2]}${line.slice(ordered[0].length)}`;
  return /^\s*[#>+=-]/.test(line) ? line.replace(/^(\s*)/, '$1\\') : line;
}
