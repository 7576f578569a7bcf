import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeZip } from '../../src/render/docx/zip.js';
import { runCli } from '../helpers/cli.js';
import { docxParts, paragraphsWithStyle } from '../helpers/docx.js';
import { fixtureCopy } from '../helpers/testdir.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

const styleOf = (styles: string, id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '';

/** A house style as Spanish Word writes it: built-in styles under localised ids, an English default language, a list of its own. */
const SPANISH_WORD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Georgia" w:hAnsi="Georgia"/><w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Ttulo1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:link w:val="Ttulo1Car"/><w:pPr><w:keepNext/><w:numPr><w:numId w:val="7"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:color w:val="8B0000"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Ttulo2"><w:name w:val="heading 2"/><w:basedOn w:val="Ttulo1"/><w:rPr><w:color w:val="006400"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Ttulo1Car"><w:name w:val="Título 1 Car"/><w:link w:val="Ttulo1"/></w:style>
<w:style w:type="paragraph" w:styleId="Textoindependiente"><w:name w:val="Body Text"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="left"/></w:pPr></w:style>
</w:styles>`;

async function buildWith(reference: string, lang: string): Promise<{ styles: string; document: string }> {
  const dir = fixtureCopy('render');
  writeFileSync(join(dir, 'house.docx'), writeZip([{ name: 'word/styles.xml', data: Buffer.from(reference) }], new Date(0)));
  const result = await runCli(['--library', dir, 'build', 'answers/tender.yaml', '--lang', lang, '-o', 'styled.docx', '--template', 'main', '--reference-doc', 'house.docx'], { cwd: dir, env: { SOURCE_DATE_EPOCH: '0' } });
  expect(result.code, result.stderr).toBe(0);
  const parts = await docxParts(join(dir, 'styled.docx'));
  return { styles: parts.get('word/styles.xml')!, document: parts.get('word/document.xml')! };
}

describe('--reference-doc', () => {
  it('lends its look under the names Word knows, keeps the document’s numbering and its language', async () => {
    const { styles, document } = await buildWith(SPANISH_WORD, 'es');
    // Ttulo1 is "heading 1": it becomes Heading1, the id the paragraphs name, with the reference's look…
    expect(styles).not.toContain('w:styleId="Ttulo1"');
    expect(styleOf(styles, 'Heading1')).toContain('<w:color w:val="8B0000"/>');
    expect(styleOf(styles, 'Heading2')).toContain('<w:basedOn w:val="Heading1"/>');
    expect(styleOf(styles, 'Ttulo1Car')).toContain('<w:link w:val="Heading1"/>');
    expect(styleOf(styles, 'BodyText')).toContain('<w:jc w:val="left"/>');
    expect(styles.match(/w:styleId="Heading1"/g)).toHaveLength(1);
    // …and the document's heading numbers, not the reference's list (which is not lent).
    expect(styleOf(styles, 'Heading1')).toMatch(/<w:keepNext\/><w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>/);
    expect(styleOf(styles, 'Heading1')).not.toContain('<w:numId w:val="7"/>');
    expect(styleOf(styles, 'Heading2')).toMatch(/<w:numPr><w:ilvl w:val="1"\/>/);
    // What the reference lacks comes from the document's own styles.
    for (const id of ['ListNumber', 'ListBullet', 'ClausulaTable', 'ClausulaAnswer', 'Strong', 'TOC1']) expect(styleOf(styles, id), id).not.toBe('');
    // A Spanish document stays Spanish.
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="Georgia" w:hAnsi="Georgia"\/><w:lang w:val="es-ES" w:eastAsia="en-US" w:bidi="ar-SA"\/>/);
    expect(paragraphsWithStyle(document, 'Heading1').length).toBeGreaterThan(0);
  });

  it.skipIf(!has('pandoc'))(has('pandoc') ? 'with pandoc’s own reference.docx, a Spanish document stays Spanish and keeps its numbered headings' : 'pandoc reference SKIPPED: pandoc is not installed', async () => {
    const dir = fixtureCopy('render');
    const made = spawnSync('pandoc', ['-o', join(dir, 'pandoc-ref.docx'), '--print-default-data-file', 'reference.docx']);
    expect(made.status, String(made.stderr)).toBe(0);
    const result = await runCli(['--library', dir, 'build', 'answers/tender.yaml', '--lang', 'es', '-o', 'styled.docx', '--template', 'main', '--reference-doc', 'pandoc-ref.docx'], { cwd: dir, env: { SOURCE_DATE_EPOCH: '0' } });
    expect(result.code, result.stderr).toBe(0);
    const styles = (await docxParts(join(dir, 'styled.docx'))).get('word/styles.xml')!;
    expect(styles).toMatch(/<w:rPrDefault>[\s\S]*?<w:lang w:val="es-ES"/);
    expect(styles).not.toMatch(/<w:rPrDefault>(?:(?!<\/w:rPrDefault>)[\s\S])*w:val="en-US"/);
    expect(styleOf(styles, 'Heading2')).toMatch(/<w:numPr><w:ilvl w:val="1"\/><w:numId w:val="\d+"\/><\/w:numPr>/);
  });
});
