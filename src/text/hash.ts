import { createHash } from 'node:crypto';
import type { Clause } from '../schema/clause.js';

/**
 * The normative content of a clause: what a tender binds the contractor to. Guidance,
 * changelog, status and order are not in it: changing them does not change the clause.
 */
export function normativeContent(clause: Clause): unknown {
  return {
    id: clause.id,
    title: clause.title,
    text: clause.text,
    when: clause.when ?? null,
    requires: clause.requires ?? [],
    excludes: clause.excludes ?? [],
    legalBasis: clause.legalBasis ?? [],
  };
}

/** `sha256:` and the hex digest of the canonical JSON of the normative content. */
export function clauseHash(clause: Clause): string {
  return 'sha256:' + sha256(canonicalJson(normativeContent(clause)));
}

/** `sha256:` and the hex digest of any value's canonical JSON: a question, a section, a template. */
export function contentHash(value: unknown): string {
  return 'sha256:' + sha256(canonicalJson(value));
}

/** The first 12 hex digits, as documents print it. */
export function shortHash(hash: string): string {
  return hash.replace(/^sha256:/, '').slice(0, 12);
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** JSON with object keys sorted at every level, so equal content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
