import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { writeFileSafely } from '../write/write-file.js';

/** The day, YYYY-MM-DD: SOURCE_DATE_EPOCH when set (reproducible runs), else today where the officer is. */
export function today(env: Readonly<Record<string, string | undefined>>, now = new Date()): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Save an interrupted interview that has no file of its own as `clausula-draft-<date>.yaml`
 * in `dir`. Never replaces a different file: the next free name (`…-2.yaml`) is used
 * instead; a draft holding exactly this text already is reused. Returns the path.
 */
export async function saveDraft(dir: string, date: string, text: string): Promise<string> {
  for (let n = 1; ; n++) {
    const path = join(dir, `clausula-draft-${date}${n === 1 ? '' : `-${n}`}.yaml`);
    if (!existsSync(path)) {
      await writeFileSafely(path, text);
      return path;
    }
    if (sameText(path, text)) return path;
  }
}

/** `name.ext` if free, else `name-2.ext`, `name-3.ext`…: for files clausula must not replace. */
export function freeName(path: string): string {
  if (!existsSync(path)) return path;
  const ext = extname(path);
  const stem = path.slice(0, path.length - ext.length);
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}${ext}`;
    if (!existsSync(candidate)) return candidate;
  }
}

/** A file name for answers, from the tender's reference or title: "EXP-2026-0412" → exp-2026-0412.yaml. */
export function suggestedName(reference: unknown, title: unknown): string {
  const base = [reference, title].map((v) => (typeof v === 'string' ? slug(v) : '')).find((s) => s !== '') ?? '';
  return `${(base || 'tender').slice(0, 60).replace(/-+$/, '')}.yaml`;
}

/** The command that carries on with a file, quoted for a POSIX shell when needed. */
export function resumeCommand(file: string | undefined, library: string | undefined): string {
  return ['clausula', ...(library !== undefined ? ['--library', shellQuote(library)] : []), 'interview', ...(file !== undefined ? [shellQuote(file)] : [])].join(' ');
}

/** The command that builds the document from an answers file. */
export function buildCommand(file: string, library: string | undefined): string {
  return ['clausula', ...(library !== undefined ? ['--library', shellQuote(library)] : []), 'build', shellQuote(file)].join(' ');
}

export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

function sameText(path: string, text: string): boolean {
  try {
    return readFileSync(path, 'utf8') === text;
  } catch {
    return false;
  }
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
