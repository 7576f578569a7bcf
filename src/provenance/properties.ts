import type { DocumentModel } from '../assemble/document.js';
import { sha256 } from '../text/hash.js';

/**
 * What a document built by clausula says about where its clauses come from, as the
 * custom properties of the .docx (File > Properties > Custom in Word). `verify` reads
 * them back. Word keeps a text property to 255 characters, so each clause has its own.
 */
export interface Provenance {
  /** The format of these properties; rises if their meaning changes. */
  format: number;
  kind: 'tender' | 'guide';
  library: string;
  release: string;
  template: string;
  language: string;
  date: string;
  /** Built with --include-drafts. */
  drafts: boolean;
  clauses: ProvenanceClause[];
}

export interface ProvenanceClause {
  id: string;
  version: string;
  /** `sha256:…` of the normative content, as clauses.lock.yaml records it. */
  hash: string;
  /** `sha256:…` of the clause's text as generated (text/plain-text.ts). */
  textHash: string;
  /** The bookmark around the clause's heading and paragraphs. */
  bookmark: string;
}

export const PROVENANCE_FORMAT = 1;
const PREFIX = 'clausula.';
const CLAUSE_PREFIX = 'clausula.clause.';

/**
 * The bookmark that wraps a clause in the document. Bookmark names are letters, digits and
 * underscores, at most 40 characters; a leading underscore hides them in Word's list.
 */
export function clauseBookmark(id: string): string {
  return `_clausula_${sha256(id).slice(0, 16)}`;
}

export function provenanceOf(model: DocumentModel): Provenance {
  return {
    format: PROVENANCE_FORMAT,
    kind: model.kind,
    library: model.library.id,
    release: model.library.release,
    template: model.template,
    language: model.language,
    date: model.cover.isoDate,
    drafts: model.notice !== undefined,
    clauses:
      model.kind === 'tender'
        ? model.parts.flatMap((p) => p.clauses.map((c) => ({ id: c.id, version: c.version, hash: c.hash, textHash: c.textHash, bookmark: clauseBookmark(c.id) })))
        : [],
  };
}

/** The provenance as name/value pairs, in a fixed order. */
export function toProperties(p: Provenance): { name: string; value: string }[] {
  return [
    { name: `${PREFIX}format`, value: String(p.format) },
    { name: `${PREFIX}kind`, value: p.kind },
    { name: `${PREFIX}library`, value: p.library },
    { name: `${PREFIX}release`, value: p.release },
    { name: `${PREFIX}template`, value: p.template },
    { name: `${PREFIX}language`, value: p.language },
    { name: `${PREFIX}date`, value: p.date },
    { name: `${PREFIX}drafts`, value: String(p.drafts) },
    { name: `${PREFIX}clauses`, value: String(p.clauses.length) },
    ...p.clauses.map((c) => ({ name: `${CLAUSE_PREFIX}${c.id}`, value: `${c.version} ${c.hash} ${c.textHash}` })),
  ];
}

const HASH = /^sha256:[0-9a-f]{64}$/;

/**
 * Read the provenance back from custom properties. Returns the problems instead when the
 * properties are missing or malformed (a document not built by clausula, or edited by hand).
 */
export function fromProperties(properties: ReadonlyMap<string, string>): { provenance: Provenance } | { problems: string[] } {
  const problems: string[] = [];
  const get = (name: string): string => {
    const value = properties.get(PREFIX + name);
    if (value === undefined) problems.push(`the property ${PREFIX}${name} is missing`);
    return value ?? '';
  };
  const format = Number(get('format'));
  if (problems.length > 0) return { problems: ['the document has no clausula provenance (it was not built by clausula build, or its custom properties were removed)'] };
  if (format !== PROVENANCE_FORMAT) return { problems: [`the provenance is in format ${properties.get(PREFIX + 'format')}, which this clausula does not read (it reads ${PROVENANCE_FORMAT})`] };
  const kind = get('kind');
  const provenance: Provenance = {
    format,
    kind: kind === 'guide' ? 'guide' : 'tender',
    library: get('library'),
    release: get('release'),
    template: get('template'),
    language: get('language'),
    date: get('date'),
    drafts: get('drafts') === 'true',
    clauses: [],
  };
  const count = Number(get('clauses'));
  for (const [name, value] of properties) {
    if (!name.startsWith(CLAUSE_PREFIX)) continue;
    const id = name.slice(CLAUSE_PREFIX.length);
    const [version, hash, textHash, ...rest] = value.split(' ');
    if (!version || !hash || !textHash || rest.length > 0 || !HASH.test(hash) || !HASH.test(textHash)) {
      problems.push(`the property ${name} is not "version content-hash text-hash": ${value}`);
      continue;
    }
    provenance.clauses.push({ id, version, hash, textHash, bookmark: clauseBookmark(id) });
  }
  if (Number.isInteger(count) && count !== provenance.clauses.length && problems.length === 0) {
    problems.push(`the document lists ${count} clauses but carries provenance for ${provenance.clauses.length}`);
  }
  if (problems.length > 0) return { problems };
  return { provenance };
}
