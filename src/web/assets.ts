import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { PACKAGE_ROOT } from '../package-root.js';

/** A file of the page, held in memory. */
export interface Asset {
  type: string;
  body: Buffer;
}

/**
 * The page's files by the address they are served at: a fixed table, read once when the
 * server starts (scripts/bundle-page.mjs builds them into dist/web/page/). A request only ever
 * looks an address up here; nothing it says is made into a path.
 */
export type AssetTable = ReadonlyMap<string, Asset>;

const FILES: readonly [address: string, file: string, type: string][] = [
  ['/', 'index.html', 'text/html; charset=utf-8'],
  ['/page.js', 'page.js', 'text/javascript; charset=utf-8'],
  ['/page.css', 'page.css', 'text/css; charset=utf-8'],
  ['/icon.svg', 'icon.svg', 'image/svg+xml'],
];

export function loadAssets(dir = join(PACKAGE_ROOT, 'dist', 'web', 'page')): AssetTable {
  const table = new Map<string, Asset>();
  for (const [address, file, type] of FILES) {
    try {
      table.set(address, { type, body: readFileSync(join(dir, file)) });
    } catch {
      throw new InputError(`the web page is missing from this installation (${join(dir, file)})`, 'build clausula again (npm run build), or reinstall it');
    }
  }
  return table;
}

/** The page's HTML with its language, title and first words filled in (escaped: they are library and clausula texts, but text all the same). */
export function pageHtml(template: Buffer, fields: { lang: string; title: string; loading: string }): Buffer {
  const html = template
    .toString('utf8')
    .replace(/\{\{(lang|title|loading)\}\}/g, (_, name: keyof typeof fields) => escapeHtml(fields[name]));
  return Buffer.from(html, 'utf8');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
