import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { docxParts, paragraphs, texts } from '../helpers/docx.js';
import { hostDocx, NUMBERED_HEADINGS, para } from '../helpers/host-docx.js';
import { fixtureCopy } from '../helpers/testdir.js';

// `build --into`: the clauses in the city's own document, in place of its {{ clausula }} paragraph.
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const ENV = { SOURCE_DATE_EPOCH: '1795000000' };

async function into(dir: string, host: Buffer, ...args: string[]) {
  writeFileSync(join(dir, 'pliego.docx'), host);
  const result = await runCli(['--library', dir, 'build', 'answers/tender.yaml', '--template', 'main', '--into', 'pliego.docx', '-o', 'out.docx', ...args], { cwd: dir, env: ENV });
  return { result, parts: result.code === 0 ? await docxParts(join(dir, 'out.docx')) : new Map<string, string>() };
}

const bodyParagraphs = (xml: string) => [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]);
const numPr = (p: string) => /<w:numPr><w:ilvl w:val="(\d+)"\/><w:numId w:val="(\d+)"\/><\/w:numPr>/.exec(p)?.slice(1);
const find = (xml: string, text: string) => bodyParagraphs(xml).find((p) => texts(p).join('') === text)!;

const HOST = [para('Objeto del contrato', 'Ttulo1'), para('El contrato tiene por objeto el servicio.'), para('Datos', 'Ttulo1'), para('{{ clausula }}'), para('Penalidades', 'Ttulo1'), para('Las penalidades del pliego.')].join('');

describe('build --into', () => {
  it('puts the clauses between the host’s own text, in its styles, numbered on from its headings, and marks them with the bookmark clausula', async () => {
    const dir = fixtureCopy('render');
    const { result, parts } = await into(dir, hostDocx({ body: HOST, ...NUMBERED_HEADINGS }));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('Wrote out.docx: Data clauses, 3 clauses in 2 parts (render-fixture@2.1.0, en)\n');
    const document = parts.get('word/document.xml')!;
    const text = paragraphs(document);
    // The host's text before and after, the marker gone, no cover and no contents of our own.
    expect(text.slice(0, 3)).toEqual(['Objeto del contrato', 'El contrato tiene por objeto el servicio.', 'Datos']);
    expect(text.slice(-2)).toEqual(['Penalidades', 'Las penalidades del pliego.']);
    expect(text).not.toContain('{{ clausula }}');
    expect(text).not.toContain('Data clauses');
    expect(document).not.toContain('Table of Contents');
    expect(text).toContain('Appendix I. Tender data profile');
    // Parts and clauses in the host's heading styles (Spanish Word's ids), numbered on from its list: the parts by its
    // Heading 1 style ("Cláusula 3."), the clauses at its second level.
    const part = find(document, 'General provisions');
    expect(part).toContain('<w:pStyle w:val="Ttulo1"/>');
    expect(numPr(part)).toBeUndefined();
    const clause = find(document, 'Terms of the contract');
    expect(clause).toContain('<w:pStyle w:val="Ttulo2"/>');
    expect(numPr(clause)).toBeUndefined();
    expect(numPr(find(document, 'Appendix I. Tender data profile'))).toEqual(['0', '0']);
    expect(parts.get('word/styles.xml')!.match(/w:styleId="Heading1"/g)).toBeNull();
    // The host's own list is untouched; ours (clause lists, bullets) come after it.
    const numbering = parts.get('word/numbering.xml')!;
    expect(numbering).toContain('<w:lvlText w:val="Cláusula %1."/>');
    expect(numbering).toMatch(/^<\?xml[^>]*><w:numbering[^>]*><w:abstractNum w:abstractNumId="0">/);
    const list = find(document, 'keep records;');
    expect(list).toContain('<w:pStyle w:val="ListNumber"/>');
    expect(Number(numPr(list)![1])).toBeGreaterThan(1);
    expect(numbering.indexOf('<w:num ')).toBeGreaterThan(numbering.lastIndexOf('<w:abstractNum '));
    // The styles the host lacks are added, without fonts of their own.
    const styles = parts.get('word/styles.xml')!;
    expect(styles).toMatch(/<w:style [^>]*w:styleId="BodyText"/);
    expect(styles.match(/w:rFonts/g)).toHaveLength(1);
    // The bookmark clausula: from the first paragraph written to an empty one after the last appendix's table, both in the body.
    const paras = bodyParagraphs(document);
    const start = paras.findIndex((p) => p.includes('w:name="clausula"'));
    const id = /<w:bookmarkStart w:id="(\d+)" w:name="clausula"\/>/.exec(paras[start]!)![1];
    const end = paras.findIndex((p) => p.includes(`<w:bookmarkEnd w:id="${id}"/>`));
    expect(texts(paras[start]!).join('')).toBe('General provisions');
    expect(texts(paras[end - 1]!).join('')).toMatch(/^[0-9a-f]{12}$/);
    expect(document).toContain(`</w:tbl><w:p><w:bookmarkEnd w:id="${id}"/></w:p><w:p><w:pPr><w:pStyle w:val="Ttulo1"/>`);
    expect(texts(paras[end + 1]!).join('')).toBe('Penalidades');
    // The same provenance as a document of its own, and the footnotes the host did not have.
    const custom = parts.get('docProps/custom.xml')!;
    expect(custom).toContain('name="clausula.release"><vt:lpwstr>render-fixture@2.1.0</vt:lpwstr>');
    expect(parts.get('[Content_Types].xml')).toContain('PartName="/docProps/custom.xml"');
    expect(parts.get('[Content_Types].xml')).toContain('PartName="/word/footnotes.xml"');
    expect(parts.get('word/_rels/document.xml.rels')).toMatch(/Type="[^"]*\/footnotes" Target="footnotes.xml"/);
    expect(parts.get('word/_rels/footnotes.xml.rels')).toContain('Target="https://example.org/lcsp?art=122&amp;x=1"');
    expect(paragraphs(parts.get('word/footnotes.xml')!)).toContain(' Law 9/2017 (LCSP), art. 122 — https://example.org/lcsp?art=122&x=1');
    expect([...document.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => m[1])).toEqual(['1', '2']);
    // The host's section and its language stay.
    expect(document).toMatch(/<w:sectPr><w:pgSz w:w="11906" w:h="16838"\/>/);
    expect(styles).toContain('<w:lang w:val="es-ES"/>');

    const verified = await runCli(['--library', dir, 'verify', 'out.docx'], { cwd: dir });
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
  });

  it('numbers the clauses on from headings numbered by hand, and on their own with --number-prefix', async () => {
    const dir = fixtureCopy('render');
    const byHand = [para('Objeto', 'Ttulo1', { numId: 1, ilvl: 0 }), para('{{ clausula }}')].join('');
    const headings = NUMBERED_HEADINGS.styles.replace(/<w:numPr>[\s\S]*?<\/w:numPr>/g, '');
    const { result, parts } = await into(dir, hostDocx({ body: byHand, styles: headings, numbering: NUMBERED_HEADINGS.numbering }));
    expect(result.code, result.stderr).toBe(0);
    const document = parts.get('word/document.xml')!;
    expect(numPr(find(document, 'General provisions'))).toEqual(['0', '1']);
    expect(numPr(find(document, 'Terms of the contract'))).toEqual(['1', '1']);

    const prefixed = await into(dir, hostDocx({ body: HOST, ...NUMBERED_HEADINGS }), '--number-prefix', 'A.', '--force');
    expect(prefixed.result.code, prefixed.result.stderr).toBe(0);
    const doc2 = prefixed.parts.get('word/document.xml')!;
    const [level, list] = numPr(find(doc2, 'General provisions'))!;
    expect(level).toBe('0');
    expect(numPr(find(doc2, 'Terms of the contract'))).toEqual(['1', list]);
    const numbering = prefixed.parts.get('word/numbering.xml')!;
    const abstract = new RegExp(`<w:num w:numId="${list}"><w:abstractNumId w:val="(\\d+)"/>`).exec(numbering)![1];
    expect(new RegExp(`<w:abstractNum w:abstractNumId="${abstract}"[\\s\\S]*?<w:lvlText w:val="A.%1."/>[\\s\\S]*?<w:lvlText w:val="A.%1.%2."/>`).test(numbering)).toBe(true);
  });

  it('keeps the host’s properties and sections, replaces an earlier build’s, and is reproducible', async () => {
    const dir = fixtureCopy('render');
    const custom = '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Expediente"><vt:lpwstr>EXP-1</vt:lpwstr></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="clausula.release"><vt:lpwstr>old@0.1.0</vt:lpwstr></property>';
    // The marker ends a section (landscape pages before it): the break stays.
    const body = para('Antes') + '<w:p><w:pPr><w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr></w:pPr><w:r><w:t>{{ clausula }}</w:t></w:r></w:p>' + para('Después');
    const host = hostDocx({ body, custom });
    const first = await into(dir, host);
    expect(first.result.code, first.result.stderr).toBe(0);
    const props = first.parts.get('docProps/custom.xml')!;
    expect(props).toContain('name="Expediente"><vt:lpwstr>EXP-1</vt:lpwstr>');
    expect(props.match(/name="clausula.release"/g)).toHaveLength(1);
    expect(props).toContain('name="clausula.release"><vt:lpwstr>render-fixture@2.1.0</vt:lpwstr>');
    expect(new Set([...props.matchAll(/pid="(\d+)"/g)].map((m) => m[1])).size).toBe([...props.matchAll(/pid="/g)].length);
    const document = first.parts.get('word/document.xml')!;
    expect(document).toMatch(/<w:p><w:pPr><w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/><\/w:sectPr><\/w:pPr><\/w:p>/);
    expect(paragraphs(document)[0]).toBe('Antes');
    expect(paragraphs(document).slice(-2)).toEqual(['', 'Después']);
    const bytes = readFileSync(join(dir, 'out.docx'));
    await into(dir, host, '--force');
    expect(readFileSync(join(dir, 'out.docx')).equals(bytes)).toBe(true);
  });

  it('into a document python-docx made (its default template): the host’s Heading 1 and List Number under our ids, its headings unnumbered, so ours are numbered on their own', async () => {
    const dir = fixtureCopy('render');
    // tests/fixtures/hosts/python-docx.docx: python-docx 0.8.11, Document() with a Title, three Heading 1 and their paragraphs, one of them {{ clausula }}.
    const { result, parts } = await into(dir, readFileSync(join(REPO_ROOT, 'tests/fixtures/hosts/python-docx.docx')));
    expect(result.code, result.stderr).toBe(0);
    const document = parts.get('word/document.xml')!;
    expect(paragraphs(document).filter((p) => p !== '').slice(0, 5)).toEqual(['Pliego de cláusulas administrativas particulares', 'Objeto del contrato', 'El contrato tiene por objeto el servicio.', 'Datos', 'General provisions']);
    expect(document).not.toContain('{{ clausula }}');
    // The host's styles of those names, once each, its look kept (python-docx's Heading 1 is blue Calibri Light).
    const styles = parts.get('word/styles.xml')!;
    for (const id of ['Heading1', 'Heading2', 'ListNumber', 'BodyText', 'Strong']) expect(styles.match(new RegExp(`w:styleId="${id}"`, 'g')), id).toHaveLength(1);
    expect(styles).toMatch(/<w:style w:type="paragraph" w:styleId="Heading1">(?:(?!<\/w:style>)[\s\S])*<w:color w:val="365F91"/);
    // Its headings have no numbers: ours are numbered by a list of their own, 1. and 1.1.
    const [level, list] = numPr(find(document, 'General provisions'))!;
    expect(level).toBe('0');
    expect(numPr(find(document, 'Terms of the contract'))).toEqual(['1', list]);
    expect(numPr(find(document, 'Objeto del contrato'))).toBeUndefined();
    const numbering = parts.get('word/numbering.xml')!;
    const abstract = new RegExp(`<w:num w:numId="${list}"><w:abstractNumId w:val="(\\d+)"/>`).exec(numbering)![1];
    expect(new RegExp(`<w:abstractNum w:abstractNumId="${abstract}"[\\s\\S]*?<w:lvlText w:val="%1."/>[\\s\\S]*?<w:lvlText w:val="%1.%2."/>`).test(numbering)).toBe(true);
    // A list item in the host's List Number, numbered by a list of ours (numIds after the host's 1–9), not the host style's list 5.
    const item = find(document, 'keep records;');
    expect(item).toContain('<w:pStyle w:val="ListNumber"/>');
    expect(Number(numPr(item)![1])).toBeGreaterThan(9);
    expect(Number(list)).toBeGreaterThan(9);
    const verified = await runCli(['--library', dir, 'verify', 'out.docx'], { cwd: dir });
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
  });

  it.skipIf(!has('pandoc'))(has('pandoc') ? 'into a document pandoc made: its footnotes and ours in order, read back by pandoc' : 'pandoc host SKIPPED: pandoc is not installed', async () => {
    const dir = fixtureCopy('render');
    writeFileSync(join(dir, 'host.md'), '# Objeto\n\nTexto del pliego.\n\n# Datos\n\n{{ clausula }}\n\n# Penalidades\n\nOtro texto[^1].\n\n[^1]: Una nota del pliego.\n');
    expect(spawnSync('pandoc', [join(dir, 'host.md'), '-o', join(dir, 'pandoc.docx')]).status).toBe(0);
    const { result, parts } = await into(dir, readFileSync(join(dir, 'pandoc.docx')));
    expect(result.code, result.stderr).toBe(0);
    // The host's note comes after ours in the text: numbered after them, and written after them (LibreOffice reads them in order).
    const footnotes = parts.get('word/footnotes.xml')!;
    expect(paragraphs(footnotes).filter((p) => p.trim() !== '').map((p) => p.trim().slice(0, 20))).toEqual(['Law 9/2017 (LCSP), a', 'Regulation (EU) 2016', 'Law 40/2015, art. 3 ', 'Una nota del pliego.']);
    const read = spawnSync('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', join(dir, 'out.docx')], { encoding: 'utf8' });
    expect(read.status, read.stderr).toBe(0);
    const order = ['Texto del pliego.', 'Datos', 'General provisions', 'Terms of the contract', 'Personal data', 'Appendix II. Provenance of the clauses', 'Penalidades', 'Otro texto'].map((s) => read.stdout.indexOf(s));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(read.stdout).toContain('Una nota del pliego.');
    expect((await runCli(['--library', dir, 'verify', 'out.docx'], { cwd: dir })).code).toBe(0);
  });
});

describe('build --into refuses, saying where', () => {
  const cases: [string, string, RegExp, RegExp][] = [
    ['no marker', para('Objeto') + para('Texto'), /pliego\.docx has no paragraph that reads \{\{ clausula \}\}/, /write \{\{ clausula \}\} alone in the paragraph where the clauses go/],
    [
      'a marker among other text',
      para('Objeto') + para('Las cláusulas de datos: {{ clausula }}'),
      /pliego\.docx has \{\{ clausula \}\} only among other text, in paragraph 2, after “Objeto”: “Las cláusulas de datos: \{\{ clausula \}\}”/,
      /put \{\{ clausula \}\} in a paragraph of its own: the clauses replace the whole paragraph/,
    ],
    [
      'two markers',
      para('Objeto') + para('{{ clausula }}') + para('Datos') + para('{{clausula}}'),
      /pliego\.docx has 2 paragraphs that read \{\{ clausula \}\}: paragraph 2, after “Objeto”; paragraph 4, after “Datos”/,
      /keep one: the clauses go in one place/,
    ],
    [
      'a marker inside a table',
      para('Objeto') + `<w:tbl><w:tr><w:tc>${para('{{ clausula }}')}</w:tc></w:tr></w:tbl>`,
      /pliego\.docx: the paragraph \{\{ clausula \}\} \(paragraph 2, after “Objeto”\) is inside a table/,
      /move \{\{ clausula \}\} out of it, into a paragraph of its own/,
    ],
    ['a marker inside a content control', `<w:sdt><w:sdtContent>${para('{{ clausula }}')}</w:sdtContent></w:sdt>`, /\(paragraph 1, at the start\) is inside a content control/, /move/],
  ];
  it.each(cases)('%s', async (_name, body, says, fix) => {
    const dir = fixtureCopy('render');
    const { result } = await into(dir, hostDocx({ body }));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(says);
    expect(result.stderr).toMatch(fix);
    expect(existsSync(join(dir, 'out.docx'))).toBe(false);
  });

  it('in the language of the answers', async () => {
    const dir = fixtureCopy('render');
    const body = para('Objeto') + `<w:tbl><w:tr><w:tc>${para('{{ clausula }}')}</w:tc></w:tr></w:tbl>`;
    const es = await into(dir, hostDocx({ body }), '--lang', 'es');
    expect(es.result.code).toBe(2);
    expect(es.result.stderr).toContain('pliego.docx: el párrafo {{ clausula }} (párrafo 2, después de «Objeto») está dentro de una tabla\n');
    expect(es.result.stderr).toContain('saque {{ clausula }} de ahí y póngalo en un párrafo propio del cuerpo del documento');
    const among = await into(dir, hostDocx({ body: para('Objeto') + para('Las cláusulas: {{ clausula }}') }), '--lang', 'es');
    expect(among.result.stderr).toContain('pliego.docx solo tiene {{ clausula }} dentro de otro texto, en el párrafo 2, después de «Objeto»: «Las cláusulas: {{ clausula }}»\n');
    const both = await runCli(['--library', dir, 'build', 'answers/tender.yaml', '--lang', 'es', '--into', 'pliego.docx', '-o', 'x.docx'], { cwd: dir, env: ENV });
    expect(both.stderr).toContain('--into escribe un solo documento en pliego.docx, y esta licitación tiene 2: main, technical\n');
    expect(both.stderr).toContain('elija con --template el que va en el pliego (main o technical)');
    expect(existsSync(join(dir, 'out.docx'))).toBe(false);
  });

  it('a host that is not a Word document, the host as output, and options that do not go with --into', async () => {
    const dir = fixtureCopy('render');
    writeFileSync(join(dir, 'pliego.docx'), hostDocx({ body: para('{{ clausula }}') }));
    const run = (...args: string[]) => runCli(['--library', dir, 'build', 'answers/tender.yaml', '--template', 'main', ...args], { cwd: dir, env: ENV });
    // A tender of two documents: which one goes into the pliego?
    const both = await runCli(['--library', dir, 'build', 'answers/tender.yaml', '--into', 'pliego.docx', '-o', 'x.docx'], { cwd: dir, env: ENV });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--into writes one document into pliego.docx, and this tender has 2: main, technical\nHow to fix: choose the one the pliego takes with --template (main or technical)');
    const itself = await run('--into', 'pliego.docx', '-o', 'pliego.docx', '--force');
    expect(itself.code).toBe(2);
    expect(itself.stderr).toContain("-o names pliego.docx itself: the city's document is never overwritten");
    writeFileSync(join(dir, 'notes.txt'), 'not a zip');
    expect((await run('--into', 'notes.txt', '-o', 'x.docx')).stderr).toContain('notes.txt is not a Word document (.docx): it is not a zip package');
    expect((await run('--into', 'missing.docx', '-o', 'x.docx')).stderr).toContain('missing.docx: no such document to build into');
    expect((await run('--into', 'pliego.docx', '--format', 'md', '-o', 'x.md')).stderr).toContain('--into writes a Word document, not md');
    expect((await run('--into', 'pliego.docx', '--reference-doc', 'pliego.docx', '-o', 'x.docx')).stderr).toContain('--reference-doc does not go with --into: the document keeps its own styles');
    expect((await run('--number-prefix', 'A.', '-o', 'x.docx')).stderr).toContain('--number-prefix only applies with --into');
    expect((await run('--into', 'pliego.docx', '--number-prefix', '%1', '-o', 'x.docx')).stderr).toContain('--number-prefix "%1" cannot go before a heading number');
    expect(existsSync(join(dir, 'x.docx'))).toBe(false);
  });
});
