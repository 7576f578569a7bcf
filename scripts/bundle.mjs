// Bundles the compiled command machinery (dist/cli/main.js and all it imports, dependencies
// included) into one CommonJS file, dist/clausula.cjs. src/cli/load-main.ts runs it with a V8
// code cache: a command then starts without resolving, reading and compiling some three hundred
// modules one by one. CommonJS, because only a script (not a module) can be given a code cache.
import { readFileSync } from 'node:fs';
import { isAscii } from 'node:buffer';
import { build } from 'esbuild';

await build({
  entryPoints: [new URL('../dist/cli/main.js', import.meta.url).pathname],
  outfile: new URL('../dist/clausula.cjs', import.meta.url).pathname,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // 1.7 MB of font metrics, for --toc-page-numbers only: required from node_modules when asked
  // for (as a require: a script run from a code cache cannot import()).
  external: ['docx/layout'],
  supported: { 'dynamic-import': false },
  // Every module's import.meta.url becomes the bundle's own address: src/package-root.ts sits one
  // folder below the package root, as dist/clausula.cjs does.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "var __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  // Less to read at every start; names are kept, so stack traces (--debug) stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});

// The bundle must be plain ASCII: src/cli/load-main.ts then reads it as a one-byte string, which
// V8 decodes, hashes and scans in a fraction of the time a two-byte one takes (tens of
// milliseconds at every start). esbuild escapes other characters in strings, but not in regular
// expression literals: write those as \u00e9, not é.
const bundle = readFileSync(new URL('../dist/clausula.cjs', import.meta.url));
if (!isAscii(bundle)) {
  const text = bundle.toString('utf8');
  const at = text.search(/[^\x00-\x7f]/);
  const line = text.slice(0, at).split('\n').length;
  console.error(`bundle: dist/clausula.cjs line ${line} has a character outside ASCII (${JSON.stringify(text.slice(Math.max(0, at - 40), at + 10))}); write it as a \\u escape in the source`);
  process.exit(1);
}
