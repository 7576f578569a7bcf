import type { DocBlock, DocClause, DocumentModel, Run } from '../assemble/document.js';
import { annexHeading } from './common.js';

const STYLE = `
body { font-family: Calibri, Carlito, "Segoe UI", Arial, sans-serif; max-width: 46em; margin: 2em auto; padding: 0 1em; line-height: 1.4; color: #222; }
h1, h2, h3 { color: #1f3864; }
.cover dt { font-size: .85em; color: #595959; } .cover dd { margin: 0 0 .5em 0; }
.notice { color: #c00000; font-weight: bold; }
.running-header { text-align: right; font-size: .8em; color: #595959; }
ol.alpha { list-style-type: lower-alpha; } ol.alpha > li::marker { content: counter(list-item, lower-alpha) ") "; }
ol.roman { list-style-type: lower-roman; } ol.roman > li::marker { content: counter(list-item, lower-roman) ") "; }
ol.decimal > li::marker { content: counter(list-item) ") "; }
p, li { text-align: justify; }
.applies, .version { font-size: .9em; color: #595959; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #999; padding: .3em .5em; text-align: left; vertical-align: top; } th { background: #d9e2f3; }
.footnotes { font-size: .9em; border-top: 1px solid #999; margin-top: 2em; }
`;

const LIST_CLASSES = ['alpha', 'roman', 'decimal'] as const;

/**
 * The document as one self-contained HTML page. All text is escaped; answers are spans of
 * literal text and can never become markup.
 */
export function renderHtml(model: DocumentModel): string {
  const out: string[] = [];
  const notes: string[] = [];
  out.push('<!DOCTYPE html>', `<html lang="${attr(model.language)}">`, '<head>', '<meta charset="utf-8">', `<title>${esc(model.title)}</title>`);
  out.push(`<meta name="generator" content="clausula (${attr(model.library.release)})">`, `<style>${STYLE}</style>`, '</head>', '<body>');
  out.push(`<p class="running-header">${esc(model.header)}</p>`);
  if (model.annexLine) out.push(`<p class="annex-line">${esc(model.annexLine)}</p>`);
  out.push(`<h1>${esc(model.title)}</h1>`);
  if (model.coverRows.length > 0) {
    out.push('<dl class="cover">', ...model.coverRows.map((row) => `<dt>${esc(row.label)}</dt><dd>${esc(row.value)}</dd>`), '</dl>');
  }
  if (model.notice) out.push(`<p class="notice">${esc(model.notice)}</p>`);

  out.push('<nav>', `<h2>${esc(model.words.contents)}</h2>`, '<ul>');
  for (const part of model.parts) {
    out.push(`<li><a href="#part-${part.number}">${part.number}. ${esc(part.heading)}</a>`, '<ul>');
    for (const clause of part.clauses) out.push(`<li><a href="#clause-${clause.number}">${clause.number} ${esc(clause.title)}</a></li>`);
    out.push('</ul></li>');
  }
  model.annexes.forEach((annex, i) => out.push(`<li><a href="#annex-${i + 1}">${esc(annexHeading(model, annex))}</a></li>`));
  out.push('</ul>', '</nav>');

  for (const part of model.parts) {
    out.push('<section>', `<h2 id="part-${part.number}">${part.number}. ${esc(part.heading)}</h2>`, ...blocks(part.intro, 0));
    for (const clause of part.clauses) {
      let mark = '';
      if (clause.legalBasis.length > 0) {
        const n = notes.length + 1;
        mark = `<sup class="footnote-ref"><a href="#fn-${n}" id="fnref-${n}">${n}</a></sup>`;
        notes.push(footnote(n, clause));
      }
      out.push(`<section class="clause" id="clause-${clause.number}" data-clause="${attr(clause.id)}">`, `<h3>${clause.number} ${esc(clause.title)}</h3>`);
      out.push(...clauseBody(model, clause, mark), '</section>');
    }
    out.push('</section>');
  }

  model.annexes.forEach((annex, i) => {
    out.push(`<section class="annex" id="annex-${i + 1}">`, `<h2>${esc(annexHeading(model, annex))}</h2>`);
    if (annex.note) out.push(`<p><em>${esc(annex.note)}</em></p>`);
    out.push('<table>', `<thead><tr>${annex.columns.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead>`, '<tbody>');
    for (const row of annex.rows) out.push(`<tr>${row.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`);
    out.push('</tbody>', '</table>', '</section>');
  });

  if (notes.length > 0) out.push('<section class="footnotes">', `<h2>${esc(model.words.notes)}</h2>`, '<ol>', ...notes, '</ol>', '</section>');
  out.push('</body>', '</html>');
  return out.join('\n') + '\n';
}

function clauseBody(model: DocumentModel, clause: DocClause, mark: string): string[] {
  const text = blocks(clause.blocks, 0, mark);
  if (text.length === 0 && mark) text.push(`<p>${mark}</p>`);
  if (!clause.guide) return text;
  const guide = clause.guide;
  return [
    `<p class="applies"><strong>${esc(model.words.appliesLabel)}:</strong> <em>${esc(guide.applies)}</em></p>`,
    ...text,
    `<p><strong>${esc(model.words.guidance)}</strong></p>`,
    ...blocks(guide.guidance, 0),
    `<p class="version">${esc(guide.supersededBy ? `${guide.versionLine}. ${guide.supersededBy}` : guide.versionLine)}</p>`,
  ];
}

function footnote(n: number, clause: DocClause): string {
  const bases = clause.legalBasis.map((b) => (b.url && /^https?:\/\//i.test(b.url) ? `${esc(b.ref)} — <a href="${attr(b.url)}">${esc(b.url)}</a>` : esc(b.ref)));
  return `<li id="fn-${n}">${bases.join('<br>')} <a href="#fnref-${n}">↩</a></li>`;
}

/** Blocks as HTML; ordered lists lettered a), then i), then 1); `mark` ends the first paragraph. */
function blocks(list: readonly DocBlock[], depth: number, mark = ''): string[] {
  const out: string[] = [];
  let pending = mark;
  for (const block of list) {
    if (block.kind === 'paragraph') {
      out.push(`<p>${runs(block.runs)}${pending}</p>`);
      pending = '';
      continue;
    }
    out.push(block.ordered ? `<ol class="${LIST_CLASSES[depth % 3]}">` : '<ul>');
    for (const item of block.items) {
      const inner = blocks(item, depth + 1, pending);
      pending = '';
      // A one-paragraph item needs no <p> of its own.
      const single = inner.length === 1 && inner[0]!.startsWith('<p>') ? inner[0]!.slice(3, -4) : undefined;
      out.push(single !== undefined ? `<li>${single}</li>` : `<li>${inner.join('\n')}</li>`);
    }
    out.push(block.ordered ? '</ol>' : '</ul>');
  }
  return out;
}

function runs(list: readonly Run[]): string {
  return list
    .map((run) => {
      if (run.kind === 'break') return '<br>';
      let html = esc(run.text);
      if (run.answer) html = `<span class="answer">${html}</span>`;
      if (run.italic) html = `<em>${html}</em>`;
      if (run.bold) html = `<strong>${html}</strong>`;
      return html;
    })
    .join('');
}

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function attr(text: string): string {
  return esc(text);
}
