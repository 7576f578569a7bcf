import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { editDocx } from '../helpers/docx.js';
import { suiteFixture } from '../helpers/suite-dir.js';

/**
 * verify on a build into a city's own pliego (`build --into PLIEGO.docx`). The convention:
 * the generated clauses lie between the start and the end of a bookmark named `clausula`
 * (no cover or table of contents of their own; the appendices follow the clauses); verify
 * compares that region with the build and the footnotes it references, and leaves the host's
 * own text, headers and footers alone.
 *
 * The host here is made from a build the way --into lays one out: the host's paragraphs,
 * the region, more of the host, a host footnote and the host's own header.
 */

let dir: string;
let host: Buffer;

const para = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** The body of a build turned into a host document holding it between `clausula` bookmarks. */
function intoHost(xml: string, { end = true }: { end?: boolean } = {}): string {
  const bodyStart = xml.indexOf('<w:body>') + '<w:body>'.length;
  // The generated part starts at the first part's heading, after the cover and the table of contents.
  const regionStart = xml.lastIndexOf('<w:p>', xml.indexOf('<w:pStyle w:val="Heading1"/>', xml.indexOf('</w:sdt>')));
  const sectPr = xml.lastIndexOf('<w:sectPr');
  const region = xml.slice(regionStart, sectPr).replace(/<w:pageBreakBefore\/>/g, '');
  return (
    xml.slice(0, bodyStart) +
    para('PLEC DE CLÀUSULES ADMINISTRATIVES PARTICULARS') +
    para('1. Objecte del contracte.') +
    '<w:bookmarkStart w:id="9001" w:name="clausula"/>' +
    region +
    (end ? '<w:bookmarkEnd w:id="9001"/>' : '') +
    // A host footnote, numbered after the build's (LibreOffice takes notes in the order of their ids).
    `<w:p><w:r><w:t xml:space="preserve">3. Règim de pagament: el preu es paga mensualment.</w:t></w:r><w:r><w:footnoteReference w:id="99"/></w:r></w:p>` +
    xml.slice(sectPr)
  );
}

beforeAll(async () => {
  dir = suiteFixture('render');
  const built = await runCli(['--library', dir, 'build', 'answers/tender.yaml', '-o', 'built.docx', '--template', 'main'], { cwd: dir, env: { SOURCE_DATE_EPOCH: '1795000000' } });
  expect(built.code, built.stderr).toBe(0);
  let bytes = await editDocx(readFileSync(join(dir, 'built.docx')), 'word/document.xml', (xml) => intoHost(xml));
  bytes = await editDocx(bytes, 'word/footnotes.xml', (xml) => xml.replace('</w:footnotes>', `<w:footnote w:id="99"><w:p><w:r><w:t>Nota de l’Ajuntament.</w:t></w:r></w:p></w:footnote></w:footnotes>`));
  bytes = await editDocx(bytes, 'word/header1.xml', (xml) => xml.replace(/>File EXP-2026-7</, '>Ajuntament de Testville · Contractació<'));
  host = Buffer.from(bytes);
  writeFileSync(join(dir, 'host.docx'), host);
});

const verify = (file: string) => runCli(['--library', dir, 'verify', file], { cwd: dir });
async function variant(name: string, part: string, change: (xml: string) => string): Promise<string> {
  writeFileSync(join(dir, name), await editDocx(host, part, change));
  return name;
}

describe('verify on a build into a host document (the clausula bookmark)', () => {
  it('compares the region with the build and leaves the host’s text, footnotes and header alone', async () => {
    const result = await verify('host.docx');
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain('text (between the bookmarks "clausula"): every paragraph and footnote is as the build writes it\n');
    const edited = await verify(await variant('host-edited.docx', 'word/document.xml', (xml) => xml.replace('el preu es paga mensualment', 'el preu es paga trimestralment')));
    expect(edited.code, edited.stdout).toBe(0);
  });

  it('fails on a paragraph inserted in the region, and on an edited footnote of the region', async () => {
    const inserted = await verify(
      await variant('host-inserted.docx', 'word/document.xml', (xml) => {
        const at = xml.indexOf('</w:p>', xml.indexOf('stay in the EEA.')) + '</w:p>'.length;
        return xml.slice(0, at) + para('The contractor may sell the data.') + xml.slice(at);
      }),
    );
    expect(inserted.code).toBe(1);
    expect(inserted.stdout).toContain('  ✗ After paragraph 1 of clause 2.1 “Personal data”: text the build does not write: “The contractor may sell the data.”\n');
    const footnote = await verify(await variant('host-footnote.docx', 'word/footnotes.xml', (xml) => xml.replace('art. 122 — ', 'art. 122, not applicable — ')));
    expect(footnote.code).toBe(1);
    expect(footnote.stdout).toContain('its footnote has “Law 9/2017 (LCSP), art. 122, not applicable — https://example.org/lcsp?art=122&x=1”');
  });

  it('fails when text of the build is moved out of the region, or the region has no end', async () => {
    const out = await verify(
      await variant('host-moved.docx', 'word/document.xml', (xml) => xml.replace('<w:bookmarkEnd w:id="9001"/>', '').replace(/(<w:p>(?:(?!<w:p>).)*?Provenance of the clauses)/, '<w:bookmarkEnd w:id="9001"/>$1')),
    );
    expect(out.code).toBe(1);
    expect(out.stdout).toContain('  ✗ “Appendix II. Provenance of the clauses”: missing whole (its heading and 13 paragraphs)\n');
    writeFileSync(join(dir, 'host-open.docx'), await editDocx(readFileSync(join(dir, 'built.docx')), 'word/document.xml', (xml) => intoHost(xml, { end: false })));
    const open = await verify('host-open.docx');
    expect(open.code).toBe(1);
    expect(open.stdout).toContain('✗ the bookmark "clausula" around the built clauses has no end\n');
  });

  const soffice = spawnSync('sh', ['-c', 'command -v soffice']).status === 0;
  it.skipIf(!soffice)(soffice ? 'still verifies once LibreOffice saves the host again' : 'SKIPPED: soffice is not installed', () => {
    const run = spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'docx', '--outdir', join(dir, 'resaved'), join(dir, 'host.docx')], { encoding: 'utf8', timeout: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    return verify('resaved/host.docx').then((result) => expect(result.code, result.stdout).toBe(0));
  }, 180_000);
});
