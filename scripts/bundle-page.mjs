// Builds the web interview's page (src/web/page/) into dist/web/page/, which `clausula serve` reads
// into memory when it starts: the script bundled into one file (esbuild, no framework, nothing
// from a network), its HTML, style sheet and icon copied as they are. Type-checked first with
// the page's own settings (the DOM, no Node).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url);
const page = new URL('src/web/page/', root);
const out = new URL('dist/web/page/', root);

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', new URL('tsconfig.json', page).pathname], { stdio: 'inherit' });

mkdirSync(out, { recursive: true });
await build({
  entryPoints: [new URL('main.ts', page).pathname],
  outfile: new URL('page.js', out).pathname,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  // Browsers of the last few years, as public bodies' desktops run them.
  target: ['chrome100', 'firefox100', 'safari15', 'edge100'],
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
});
for (const file of ['index.html', 'page.css', 'icon.svg']) copyFileSync(new URL(file, page), new URL(file, out));
