import type { AnnexTable, DocBlock, DocClause, DocumentModel, Run } from '../assemble/document.js';
import { annexHeading } from './common.js';
import { terminalJson } from '../text/terminal-safe.js';

/** The version of the JSON shape (docs/document-json.md); rises on any incompatible change. */
export const DOCUMENT_JSON_VERSION = 1;

/**
 * The document as JSON, with the same content as the other formats. Keys are written in a
 * fixed order and optional ones as null, so the shape stays stable for other tools.
 */
export function renderJson(model: DocumentModel): string {
  const document = {
    format: 'clausula-document',
    version: DOCUMENT_JSON_VERSION,
    kind: model.kind,
    language: model.language,
    title: model.title,
    template: model.template,
    library: { id: model.library.id, version: model.library.version, release: model.library.release, title: model.library.title },
    date: model.cover.isoDate,
    header: model.header,
    annexLine: model.annexLine ?? null,
    notice: model.notice ?? null,
    cover: model.coverRows.map((row) => ({ label: row.label, value: row.value })),
    parts: model.parts.map((part) => ({
      number: part.number,
      heading: part.heading,
      intro: part.intro.map(block),
      clauses: part.clauses.map(clause),
    })),
    annexes: model.annexes.map((annex: AnnexTable) => ({
      kind: annex.kind,
      heading: annexHeading(model, annex),
      title: annex.title,
      note: annex.note ?? null,
      columns: annex.columns,
      rows: annex.rows,
    })),
    blanks: model.blanks,
    unplaced: model.unplaced,
  };
  return terminalJson(document) + '\n';
}

function clause(c: DocClause) {
  return {
    number: c.number,
    id: c.id,
    version: c.version,
    status: c.status,
    hash: c.hash,
    shortHash: c.shortHash,
    textHash: c.textHash,
    title: c.title,
    blocks: c.blocks.map(block),
    legalBasis: c.legalBasis.map((b) => ({ ref: b.ref, url: b.url ?? null })),
    rationale: c.rationale,
    guide: c.guide
      ? { applies: c.guide.applies, guidance: c.guide.guidance.map(block), versionLine: c.guide.versionLine, supersededBy: c.guide.supersededBy ?? null }
      : null,
  };
}

type JsonBlock = { kind: 'paragraph'; runs: JsonRun[] } | { kind: 'list'; ordered: boolean; items: JsonBlock[][] };
type JsonRun = { kind: 'text'; text: string; bold: boolean; italic: boolean; answer: boolean } | { kind: 'break' };

function block(b: DocBlock): JsonBlock {
  if (b.kind === 'list') return { kind: 'list', ordered: b.ordered, items: b.items.map((item) => item.map(block)) };
  return { kind: 'paragraph', runs: b.runs.map(run) };
}

function run(r: Run): JsonRun {
  if (r.kind === 'break') return { kind: 'break' };
  return { kind: 'text', text: r.text, bold: r.bold === true, italic: r.italic === true, answer: r.answer === true };
}
