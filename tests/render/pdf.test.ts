import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTocPages } from '../../src/render/office/index.js';
import { BIN, runCli } from '../helpers/cli.js';
import { docxParts, paragraphs } from '../helpers/docx.js';
import { fixtureCopy, testdir } from '../helpers/testdir.js';

// PDF/A through LibreOffice, read back with poppler (pdfinfo, pdftotext). Skipped, saying why,
// where they are not installed. clausula runs LibreOffice with a profile of its own in a private
// temporary folder, so these runs and any other LibreOffice on the machine never collide.
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const office = has('soffice') && has('pdftotext') && has('pdfinfo');
const SKIPPED = 'SKIPPED: soffice, pdftotext or pdfinfo is not installed (apt-get install libreoffice-writer-nogui poppler-utils)';
const normal = (s: string) => s.replace(/\s+/g, ' ').trim();
// clausula looks for LibreOffice on the PATH it is given.
const PATHS = { PATH: process.env.PATH, HOME: process.env.HOME };

function pdfText(pdf: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  const out = spawnSync('pdftotext', [...range, pdf, '-'], { encoding: 'utf8' });
  expect(out.status, out.stderr).toBe(0);
  return out.stdout;
}

function pdfInfo(pdf: string, ...flags: string[]): string {
  const out = spawnSync('pdfinfo', [...flags, pdf], { encoding: 'utf8' });
  expect(out.status, out.stderr).toBe(0);
  return out.stdout;
}

/** The table of contents as printed (page 2): each entry's number and title, and the page it names. */
function contents(pdf: string): { heading: string; page: number }[] {
  const entries: { heading: string; page: number }[] = [];
  let pending = '';
  for (const line of pdfText(pdf, 2).split('\n')) {
    const text = normal(line);
    if (text === '' || /^(Contents|Índice|Índex)$/.test(text) || /^(File|Expte\.|Exp\.) /.test(text) || /^(Page|Página|Pàgina) \d+/.test(text)) continue;
    // A dot leader, then the page: the end of an entry (which may have wrapped over lines).
    const end = /^(.*?)(?:\s*\.{2,}\s*|\s+)(\d+)$/.exec(text);
    if (end) {
      entries.push({ heading: normal(`${pending} ${end[1]!}`).replace(/\.+$/, ''), page: Number(end[2]) });
      pending = '';
    } else pending = normal(`${pending} ${text}`);
  }
  return entries;
}

/** Every page's text, so a heading can be looked for on the page the contents give. */
function pages(pdf: string): string[] {
  return pdfText(pdf).split('\f').map(normal);
}

function expectContentsMatchPages(pdf: string, headings: number): void {
  const toc = contents(pdf);
  expect(toc.length, JSON.stringify(toc)).toBe(headings);
  const all = pages(pdf);
  for (const { heading, page } of toc) {
    expect(page, heading).toBeGreaterThan(2);
    // The heading is on the page the contents name (and on no earlier page but the contents).
    expect(all[page - 1], `${heading} on page ${page}`).toContain(heading);
    for (let p = 2; p < page - 1; p++) expect(all[p], `${heading} before page ${page}`).not.toContain(heading);
  }
}

describe('--format pdf', () => {
  it.skipIf(!office)(office ? 'writes a tagged PDF/A-2 with its title and language, whose contents give the pages the headings are on; guide too, both at once' : `PDF ${SKIPPED}`, async () => {
    const dir = fixtureCopy('render');
    const env = { ...PATHS, SOURCE_DATE_EPOCH: '1795000000' };
    // Two at once: each LibreOffice has a profile of its own.
    const [tender, guide] = await Promise.all([
      runCli(['--library', dir, 'build', 'answers/tender.yaml', '--format', 'pdf', '--lang', 'es', '-o', 'tender.pdf', '--template', 'main'], { cwd: dir, env }),
      runCli(['--library', dir, 'guide', '--format', 'pdf', '-o', 'guide.pdf'], { cwd: dir, env }),
    ]);
    expect(tender.code, tender.stderr).toBe(0);
    expect(tender.stdout).toContain('Se ha escrito tender.pdf: Cláusulas de datos, 3 cláusulas en 2 partes');
    expect(guide.code, guide.stderr).toBe(0);

    const pdf = join(dir, 'tender.pdf');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const info = pdfInfo(pdf);
    expect(info).toMatch(/^Title:\s+Cláusulas de datos$/m);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    const xmp = pdfInfo(pdf, '-meta');
    expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(xmp).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
    expect(readFileSync(pdf).toString('latin1')).toMatch(/\/Lang\s*\(es-ES\)/);
    expect(readFileSync(pdf).toString('latin1')).toContain('/StructTreeRoot');

    const text = normal(pdfText(pdf));
    for (const s of ['ANEXO N.º __', 'Cláusulas de datos', 'Expte. EXP-2026-7', 'Apéndice I. Perfil de datos de la licitación']) expect(text).toContain(s);
    // 2 parts, 3 clauses, 2 appendices.
    expectContentsMatchPages(pdf, 7);
    expect(contents(pdf)[0]).toEqual({ heading: '1. Disposiciones generales', page: 3 });

    const guidePdf = join(dir, 'guide.pdf');
    expect(pdfInfo(guidePdf, '-meta')).toContain('<pdfaid:part>2</pdfaid:part>');
    expectContentsMatchPages(guidePdf, contents(guidePdf).length);
    expect(contents(guidePdf).length).toBeGreaterThan(3);
    // No LibreOffice profile or temporary document is left behind.
    expect(existsSync(join(dir, 'document.docx'))).toBe(false);
  }, 240_000);

  it.skipIf(!office)(office ? '--toc-page-numbers writes the pages LibreOffice lays out into a Word document' : `--toc-page-numbers ${SKIPPED}`, async () => {
    const dir = fixtureCopy('render');
    const result = await runCli(['--library', dir, 'build', 'answers/tender.yaml', '--toc-page-numbers', '-o', 'paged.docx', '--template', 'main'], { cwd: dir, env: { ...PATHS, SOURCE_DATE_EPOCH: '0' } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('estimate');
    const document = (await docxParts(join(dir, 'paged.docx'))).get('word/document.xml')!;
    const toc = /<w:sdt>[\s\S]*?<\/w:sdt>/.exec(document)![0];
    const entries = paragraphs(toc).map((p) => /^(.*?)(\d+)$/.exec(p)!.slice(1));
    expect(entries.map(([title]) => title)).toEqual(['1.General provisions', '1.1.Terms of the contract', '1.2.Second clause with lists', '2.Data protection', '2.1.Personal data', 'Appendix I. Tender data profile', 'Appendix II. Provenance of the clauses']);
    const numbers = entries.map(([, page]) => Number(page));
    // The first part starts on page 3, after the cover and the contents; pages only go forward; each appendix starts a page.
    expect(numbers.slice(0, 3)).toEqual([3, 3, 3]);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(numbers[6]).toBe(numbers[5]! + 1);
    expect(toc).toMatch(/PAGEREF _Toc1 \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/><\/w:r><w:r><w:t>3<\/w:t><\/w:r>/);
  }, 120_000);
});

describe('an interrupted PDF', () => {
  it.skipIf(!office)(office ? 'Ctrl-C stops LibreOffice and removes its private folder, leaving no PDF' : `interrupt ${SKIPPED}`, async () => {
    const dir = fixtureCopy('render');
    const tmp = testdir();
    const child = spawn(process.execPath, [BIN, '--library', dir, 'build', join(dir, 'answers/tender.yaml'), '--format', 'pdf', '-o', join(dir, 'tender.pdf'), '--template', 'main'], {
      env: { ...PATHS, TMPDIR: tmp, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const done = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const running = () => spawnSync('pgrep', ['-f', tmp], { encoding: 'utf8' }).stdout.trim();
    // Wait until LibreOffice runs on the private profile.
    const start = Date.now();
    while (running() === '' && Date.now() - start < 60_000) await new Promise((r) => setTimeout(r, 50));
    expect(running(), 'LibreOffice started').not.toBe('');
    child.kill('SIGINT');
    expect(await done).toBe(130);
    expect(stderr).toContain('clausula: interrupted (SIGINT)');
    const gone = Date.now();
    while (running() !== '' && Date.now() - gone < 10_000) await new Promise((r) => setTimeout(r, 50));
    expect(running(), 'no LibreOffice left running').toBe('');
    expect(readdirSync(tmp)).toEqual([]);
    expect(existsSync(join(dir, 'tender.pdf'))).toBe(false);
  }, 120_000);
});

describe('without LibreOffice', () => {
  // A PATH that has node but no soffice.
  function noOffice(): { dir: string; env: Record<string, string> } {
    const dir = fixtureCopy('render');
    const bin = join(testdir(), 'bin');
    mkdirSync(bin);
    symlinkSync(process.execPath, join(bin, 'node'));
    return { dir, env: { PATH: bin } };
  }

  it('--format pdf says which package to install, and writes nothing', async () => {
    const { dir, env } = noOffice();
    const result = await runCli(['--library', dir, 'build', 'answers/tender.yaml', '--format', 'pdf', '-o', 'tender.pdf', '--template', 'main'], { cwd: dir, env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('clausula: error: a PDF needs LibreOffice, which is not installed (no soffice program on the PATH)');
    expect(result.stderr).toContain('How to fix: install LibreOffice: on Debian or Ubuntu `sudo apt-get install libreoffice-writer-nogui`');
    expect(result.stderr).toContain('https://www.libreoffice.org/download/');
    expect(existsSync(join(dir, 'tender.pdf'))).toBe(false);
    const given = await runCli(['--library', dir, 'guide', '--format', 'pdf', '-o', 'guide.pdf'], { cwd: dir, env: { ...env, CLAUSULA_SOFFICE: 'soffice' } });
    expect(given.code).toBe(2);
    expect(given.stderr).toContain('CLAUSULA_SOFFICE is soffice, which is not a program');
  });

  it('--toc-page-numbers falls back to an estimate, and says so', async () => {
    const { dir, env } = noOffice();
    const result = await runCli(['--library', dir, 'build', 'answers/tender.yaml', '--toc-page-numbers', '-o', 'paged.docx', '--template', 'main'], { cwd: dir, env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain("clausula: warning: LibreOffice is not installed, so the table of contents' page numbers are an estimate; update the table in Word");
    const toc = /<w:sdt>[\s\S]*?<\/w:sdt>/.exec((await docxParts(join(dir, 'paged.docx'))).get('word/document.xml')!)![0];
    expect(paragraphs(toc)[0]).toMatch(/^1\.General provisions\d+$/);
  });

  it('options that do not fit the format are usage errors', async () => {
    const dir = fixtureCopy('render');
    const toc = await runCli(['--library', dir, 'build', 'answers/tender.yaml', '--format', 'pdf', '--toc-page-numbers', '-o', 'x.pdf'], { cwd: dir });
    expect(toc.code).toBe(2);
    expect(toc.stderr).toContain('--toc-page-numbers only applies to Word documents: a PDF always has them');
    const md = await runCli(['--library', dir, 'build', 'answers/tender.yaml', '--format', 'md', '--reference-doc', 'x.docx', '-o', 'x.md'], { cwd: dir });
    expect(md.stderr).toContain('--reference-doc only applies to Word documents and PDFs');
  });
});

describe('the contents LibreOffice lays out', () => {
  it('reads the page after the last tab of each entry, and nothing else', () => {
    expect(parseTocPages('1.\tGeneral\t3\r\n1.1.\tTerms\t3\nnot an entry\nAppendix I. Profile\t12\n\t\n')).toEqual(['3', '3', '12']);
  });
});
