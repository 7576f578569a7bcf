import { InputError } from '../errors.js';
import { TamperedError } from './tampered.js';
import { readCustomProperties } from './custom-properties.js';
import { openPackage, type DocxPackage } from './package.js';
import { readRelationships, type Relationship } from './relationships.js';
import { readStyles } from './word-styles.js';
import { readParagraphs, type ObjectKind, type WordParagraph } from './word-text.js';

/** A Word document as verify reads it: its custom properties and every text Word shows. */
export interface WordDocument {
  properties: Map<string, string>;
  body: WordParagraph[];
  /** Footnotes and endnotes by id, each its paragraphs. */
  footnotes: Map<string, WordParagraph[]>;
  endnotes: Map<string, WordParagraph[]>;
  /** Each header and footer part, its paragraphs. */
  headers: WordParagraph[][];
  footers: WordParagraph[][];
  /** Content the main document brings in from elsewhere (imported chunks, subdocuments, macros). */
  imports: ObjectKind[];
}

const FIX = 'give a .docx built by clausula build';

/** What the main document's relationships bring in that Word shows or runs, and verify does not read. */
const IMPORTS: Record<string, ObjectKind> = {
  aFChunk: 'import',
  subDocument: 'subdocument',
  vbaProject: 'macros',
  attachedTemplate: 'template',
};

export async function readWordDocument(absolute: string, display: string): Promise<WordDocument> {
  const pkg = await openPackage(absolute, display);
  try {
    return await readOpened(pkg);
  } finally {
    pkg.close();
  }
}

async function readOpened(pkg: DocxPackage): Promise<WordDocument> {
  const display = pkg.display;
  const root = await readRelationships(pkg, '');
  const main = only(root, 'officeDocument', display, 'main documents');
  if (!main?.part || !pkg.has(main.part)) throw new InputError(`${display} is not a Word document: it has no main document part`, FIX);
  const properties = await readCustomProperties(pkg, only(root, 'customProperties', display, 'custom property parts')?.part);

  const rels = await readRelationships(pkg, main.part);
  const styles = await readStyles(pkg, present(pkg, only(rels, 'styles', display, 'style parts')));
  const body = (await readParagraphs(pkg, main.part, styles))!;
  const notes = async (kind: string): Promise<Map<string, WordParagraph[]>> => {
    const out = new Map<string, WordParagraph[]>();
    const part = present(pkg, only(rels, kind, display, `${kind} parts`));
    for (const p of (part === undefined ? undefined : await readParagraphs(pkg, part, styles)) ?? []) {
      if (p.note === undefined) continue;
      if (!out.has(p.note)) out.set(p.note, []);
      out.get(p.note)!.push(p);
    }
    return out;
  };
  const parts = async (kind: string): Promise<WordParagraph[][]> => {
    const out: WordParagraph[][] = [];
    const seen = new Set<string>();
    for (const rel of rels) {
      const part = rel.kind === kind ? present(pkg, rel) : undefined;
      if (part === undefined || seen.has(part)) continue;
      seen.add(part);
      out.push((await readParagraphs(pkg, part, styles)) ?? []);
    }
    return out;
  };
  return {
    properties,
    body,
    footnotes: await notes('footnotes'),
    endnotes: await notes('endnotes'),
    headers: await parts('header'),
    footers: await parts('footer'),
    imports: rels.filter((r) => IMPORTS[r.kind] !== undefined).map((r) => IMPORTS[r.kind]!),
  };
}

/** The one relationship of a kind; two would leave readers to disagree on which counts. */
function only(rels: readonly Relationship[], kind: string, display: string, what: string): Relationship | undefined {
  const found = rels.filter((r) => r.kind === kind);
  if (found.length > 1) throw new TamperedError(`${display} names ${found.length} ${what}: a Word document has one, and readers do not agree on which counts`);
  return found[0];
}

function present(pkg: DocxPackage, rel: Relationship | undefined): string | undefined {
  return rel?.part !== undefined && pkg.has(rel.part) ? rel.part : undefined;
}
