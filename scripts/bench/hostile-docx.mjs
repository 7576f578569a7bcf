// Documents made to cost verify a lot, from one clausula built: what the benchmark measures
// verify on besides a plain document. The test suite (tests/hostile/verify.test.ts) checks
// what verify says about each; here only how long it takes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const { readZip, writeZip } = await import('../../dist/render/docx/zip.js');
const WHEN = new Date(Date.UTC(2026, 0, 1));

function withPart(bytes, name, change) {
  return writeZip(
    readZip(bytes).map((e) => (e.name === name ? { ...e, data: Buffer.from(change(Buffer.from(e.data).toString('utf8'))) } : e)),
    WHEN,
  );
}

/** Write the hostile variants of `docx` into `dir`; returns their paths by name. */
export function hostileDocuments(docx, dir) {
  const bytes = readFileSync(docx);
  const out = {
    // An unclosed property whose value runs on for 20 MB after thousands of half-open tags (a quadratic pattern's food).
    'custom.xml for a slow parser': withPart(bytes, 'docProps/custom.xml', (xml) => xml.replace('</Properties>', `<property name="x"><vt:lpwstr>${'&lt;property name="'.repeat(2000)}${'a'.repeat(20 * 2 ** 20)}`)),
    // 40 MB of text in one paragraph, under the part cap: read whole, and reported as an edit.
    'a 40 MB paragraph': withPart(bytes, 'word/document.xml', (xml) => xml.replace('</w:t>', `${'x'.repeat(40 * 2 ** 20)}</w:t>`)),
  };
  const paths = {};
  for (const [name, data] of Object.entries(out)) {
    const path = join(dir, `${name.replace(/\W+/g, '-')}.docx`);
    writeFileSync(path, data);
    paths[name] = path;
  }
  return paths;
}
