import { existsSync } from 'node:fs';
import { extname } from 'node:path';

/** The day, YYYY-MM-DD: SOURCE_DATE_EPOCH when set (reproducible runs), else today where the officer is. */
export function today(env: Readonly<Record<string, string | undefined>>, now = new Date()): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The name of the draft that holds the answers while no file is named: clausula-draft-2027-01-15.yaml. */
export function draftName(date: string): string {
  return `clausula-draft-${date}.yaml`;
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

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
