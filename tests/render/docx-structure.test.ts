import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { clauseBookmark } from '../../src/provenance/properties.js';
import { runCli } from '../helpers/cli.js';
import { docxParts, paragraphs, paragraphsWithStyle, texts } from '../helpers/docx.js';
import { fixtureCopy } from '../helpers/testdir.js';
import { readWordDocument } from '../../src/verify/read-document.js';

// One build of the fixture library, read back part by part.
let parts: Map<string, string>;
let document: string;
let read: Awaited<ReturnType<typeof readWordDocument>>;

beforeAll(async () => {
  const dir = fixtureCopy('render');
  const result = await runCli(['--library', dir, 'build', join(dir, 'answers/tender.yaml'), '-o', join(dir, 'out.docx'), '--template', 'main'], { env: { SOURCE_DATE_EPOCH: '1795000000' } });
  expect(result.stderr).toContain('1 more clause applies to this tender in Technical requirements (technical), which was not built');
  expect(result.code).toBe(0);
  parts = await docxParts(readFileSync(join(dir, 'out.docx')));
  read = await readWordDocument(join(dir, 'out.docx'), 'out.docx');
  document = parts.get('word/document.xml')!;
});

const TERMS = [
  'Terms of the contract',
  'The City of Testville awards the contract “Parking sensors”. Note: none.',
  'The Contractor shall:',
  'keep records;',
  'deliver data:',
  'monthly;',
  'on request.',
  'return the data.',
  'Amount: 1,234.5; start: 31 January 2027; kinds: Sensor readings and Personal data.',
].join('\n');

describe('the Word document', () => {
  const style = (id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(parts.get('word/styles.xml')!)?.[0] ?? '';
  const body = () => [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]);

  it('has a cover for an annex of the PCAP: the annex line, the title in Title, authority, contract, reference and date, no tool metadata', () => {
    const cover = document.slice(0, document.indexOf('<w:sdt>'));
    expect(paragraphsWithStyle(cover, 'Subtitle').map((p) => texts(p).join(''))).toEqual(['Annex No. __']);
    expect(paragraphsWithStyle(cover, 'Title').map((p) => texts(p).join(''))).toEqual(['Data clauses']);
    const text = paragraphs(cover).join('\n');
    for (const s of ['Contracting authority', 'City of Testville', 'Parking sensors', 'EXP-2026-7', '18 November 2026']) expect(text).toContain(s);
    // The release and the hashes are the provenance appendix's, not the cover's.
    expect(text).not.toContain('render-fixture');
    expect(text).not.toContain('Clause library');
    expect(cover).toContain('<w:tblStyle w:val="ClausulaCoverTable"/>');
    expect(cover).not.toContain('<w:tblBorders>');
  });

  it('numbers Heading 1 and Heading 2 by their styles, linked to one real multi-level list; appendices are unnumbered', () => {
    const h1 = paragraphsWithStyle(document, 'Heading1');
    const h2 = paragraphsWithStyle(document, 'Heading2');
    expect(h1.map((p) => texts(p).join(''))).toEqual(['General provisions', 'Data protection', 'Appendix I. Tender data profile', 'Appendix II. Provenance of the clauses']);
    expect(h2.map((p) => texts(p).join(''))).toEqual(['Terms of the contract', 'Second clause with lists', 'Personal data']);
    // No heading carries its number: the style does, so a heading added in Word is numbered too.
    for (const p of [...h1.slice(0, 2), ...h2]) expect(p).not.toContain('<w:numPr>');
    expect(h1.slice(2).every((p) => p.includes('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>'))).toBe(true);
    const numPr = (id: string) => /<w:numPr><w:ilvl w:val="(\d)"\/><w:numId w:val="(\d+)"\/><\/w:numPr>/.exec(style(id))?.slice(1);
    const [level1, list] = numPr('Heading1')!;
    expect(level1).toBe('0');
    expect(numPr('Heading2')).toEqual(['1', list]);
    const numbering = parts.get('word/numbering.xml')!;
    const abstractId = new RegExp(`<w:num w:numId="${list}"><w:abstractNumId w:val="(\\d+)"/>`).exec(numbering)![1];
    const abstract = new RegExp(`<w:abstractNum [^>]*w:abstractNumId="${abstractId}"[\\s\\S]*?</w:abstractNum>`).exec(numbering)![0];
    expect(abstract).toContain('<w:multiLevelType w:val="multilevel"/>');
    expect(abstract.match(/<w:lvl /g)).toHaveLength(9);
    expect(abstract).toMatch(/<w:lvl w:ilvl="0"[^>]*>[\s\S]*?<w:numFmt w:val="decimal"\/><w:pStyle w:val="Heading1"\/>[\s\S]*?<w:lvlText w:val="%1."\/>/);
    expect(abstract).toMatch(/<w:lvl w:ilvl="1"[^>]*>[\s\S]*?<w:numFmt w:val="decimal"\/><w:pStyle w:val="Heading2"\/>[\s\S]*?<w:lvlText w:val="%1.%2."\/>/);
  });

  it('letters ordered lists a) then i) in List Number styles, bullets in List Bullet, and every list starts again with a list instance of its own', () => {
    const numbering = parts.get('word/numbering.xml')!;
    const ordered = [...numbering.matchAll(/<w:abstractNum [\s\S]*?<\/w:abstractNum>/g)].map((m) => m[0]).find((a) => a.includes('w:val="lowerLetter"'))!;
    expect(ordered).toMatch(/<w:lvl w:ilvl="0"[^>]*>[\s\S]*?<w:numFmt w:val="lowerLetter"\/><w:pStyle w:val="ListNumber"\/>[\s\S]*?<w:lvlText w:val="%1\)"\/>/);
    expect(ordered).toMatch(/<w:lvl w:ilvl="1"[^>]*>[\s\S]*?<w:numFmt w:val="lowerRoman"\/><w:pStyle w:val="ListNumber2"\/>[\s\S]*?<w:lvlText w:val="%2\)"\/>/);
    const orderedAbstract = /w:abstractNumId="(\d+)"/.exec(ordered)![1];
    const itemsOf = (first: string, last: string) => {
      const all = body();
      const from = all.findIndex((p) => texts(p).join('') === first);
      const to = all.findIndex((p) => texts(p).join('') === last);
      return all.slice(from, to + 1).map((p) => ({ text: texts(p).join(''), style: /<w:pStyle w:val="([^"]+)"\/>/.exec(p)?.[1], num: /<w:numId w:val="(\d+)"\/>/.exec(p)?.[1], level: /<w:ilvl w:val="(\d+)"\/>/.exec(p)?.[1] }));
    };
    const first = itemsOf('keep records;', 'return the data.');
    expect(first.map((i) => i.style)).toEqual(['ListNumber', 'ListNumber', 'ListNumber2', 'ListNumber2', 'ListNumber']);
    expect(first.map((i) => i.level)).toEqual(['0', '0', '1', '1', '0']);
    expect(new Set(first.map((i) => i.num)).size).toBe(1);
    const second = itemsOf('first item;', 'second item.');
    expect(new Set(second.map((i) => i.num)).size).toBe(1);
    expect(second[0]!.num).not.toBe(first[0]!.num);
    // Each instance is a w:num of the lettered list that restarts its levels.
    for (const num of [first[0]!.num, second[0]!.num]) {
      expect(numbering).toMatch(new RegExp(`<w:num w:numId="${num}"><w:abstractNumId w:val="${orderedAbstract}"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>`));
    }
    // Bullets take their label from the List Bullet style alone.
    const bullets = itemsOf('a bullet;', 'another bullet.');
    expect(bullets.map((b) => [b.style, b.num])).toEqual([
      ['ListBullet', undefined],
      ['ListBullet', undefined],
    ]);
    expect(style('ListBullet')).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>/);
    expect(style('ListNumber')).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>/);
  });

  it('carries its look in named styles: no paragraph is aligned, indented or bordered by hand', () => {
    const all = body();
    const aligned = all.filter((p) => p.includes('<w:jc '));
    expect(aligned.length, 'paragraphs with direct alignment').toBeLessThanOrEqual(all.length / 10);
    expect(aligned).toEqual([]);
    expect(all.filter((p) => /<w:ind |<w:spacing /.test(p) && !p.includes('TOC'))).toEqual([]);
    expect(document).not.toMatch(/<w:tcBorders>|<w:tblBorders>|<w:shd /);
    expect(style('BodyText')).toContain('<w:jc w:val="both"/>');
    expect(paragraphsWithStyle(document, 'BodyText').length).toBeGreaterThan(3);
    // Bold is Strong and italic Emphasis (character styles); the answers are marked by their own.
    expect(style('Strong')).toMatch(/^<w:style w:type="character" w:styleId="Strong">[\s\S]*<w:basedOn w:val="DefaultParagraphFont"\/>[\s\S]*<w:b\/>/);
    expect(style('Emphasis')).toMatch(/^<w:style w:type="character"[\s\S]*<w:i\/>/);
    expect(style('DefaultParagraphFont')).toMatch(/^<w:style w:type="character" w:styleId="DefaultParagraphFont">/);
    expect(document).toContain('<w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t xml:space="preserve">records</w:t>');
    expect(document).not.toMatch(/<w:r><w:rPr><w:b\/>/);
    // Appendix tables: the Clausula Table style (borders, a shaded heading row).
    expect(style('ClausulaTable')).toContain('<w:tblStylePr w:type="firstRow">');
    expect(document.match(/<w:tblStyle w:val="ClausulaTable"\/>/g)).toHaveLength(2);
    expect(parts.get('word/settings.xml')).toContain('<w:doNotExpandShiftReturn/>');
  });

  it('keeps the last rows of each appendix table with the rows before them', () => {
    const table = /<w:tbl>(?:(?!<\/w:tbl>)[\s\S])*general\.terms[\s\S]*?<\/w:tbl>/.exec(document)![0];
    const rows = [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0].includes('<w:keepNext/>'));
    // The heading row (kept with the first row by its style), then three clauses: all but the last hold on to the next.
    expect(rows).toEqual([false, true, true, false]);
    expect(style('ClausulaTableHeading')).toContain('<w:keepNext/>');
    // A longer table: only its last three rows are held together.
    const answers = /<w:tbl>(?:(?!<\/w:tbl>)[\s\S])*The amount[\s\S]*?<\/w:tbl>/.exec(document)![0];
    const kept = [...answers.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0].includes('<w:keepNext/>'));
    expect(kept.length).toBeGreaterThan(6);
    expect(kept.slice(0, -3).every((k) => !k)).toBe(true);
    expect(kept.slice(-3)).toEqual([true, true, false]);
  });

  it('writes the legal bases as footnotes in Footnote Text, a space after the number, with links', () => {
    const footnotes = parts.get('word/footnotes.xml')!;
    expect(paragraphs(footnotes)).toEqual(
      expect.arrayContaining([' Law 9/2017 (LCSP), art. 122 — https://example.org/lcsp?art=122&x=1', ' Regulation (EU) 2016/679 (GDPR), art. 28', 'Law 40/2015, art. 3 — https://example.org/law40']),
    );
    expect(footnotes).toMatch(/<w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"\/><\/w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteRef\/><\/w:r><w:r><w:t xml:space="preserve"> <\/w:t><\/w:r>/);
    expect([...document.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => m[1])).toEqual(['1', '2']);
    expect(parts.get('word/_rels/footnotes.xml.rels')).toContain('Target="https://example.org/lcsp?art=122&amp;x=1" TargetMode="External"');
  });

  it('has a table of contents with its entries written in, laid out by the TOC styles, and nothing asking to update fields', () => {
    const toc = /<w:sdt>[\s\S]*?<\/w:sdt>/.exec(document)![0];
    expect(toc).toContain('<w:docPartGallery w:val="Table of Contents"/>');
    const entries = paragraphs(toc).filter((p) => p !== '');
    expect(entries).toEqual([
      '1.General provisions',
      '1.1.Terms of the contract',
      '1.2.Second clause with lists',
      '2.Data protection',
      '2.1.Personal data',
      'Appendix I. Tender data profile',
      'Appendix II. Provenance of the clauses',
    ]);
    expect(document).not.toContain('w:dirty="true"');
    expect(parts.get('word/settings.xml')).not.toContain('updateFields');
    // The field closes in the last entry: an empty paragraph after it could spill onto a blank page.
    expect(paragraphs(toc)).not.toContain('');
    expect(toc).toMatch(/Appendix II\. Provenance of the clauses<\/w:t>[\s\S]*<w:fldChar w:fldCharType="end"\/><\/w:r><\/w:p><\/w:sdtContent>/);
    // No tab stops of their own and no empty page fields: the styles hang the titles from their numbers.
    expect(toc).not.toContain('<w:tabs>');
    expect(toc).not.toContain('PAGEREF');
    expect(style('TOC1')).toContain('<w:ind w:left="567" w:hanging="567"/>');
    expect(style('TOC2')).toContain('<w:ind w:left="1361" w:hanging="794"/>');
    expect(style('TOC1')).toContain('<w:tab w:val="right" w:leader="dot" w:pos="9070"/>');
  });

  it('has "File" and the contract reference in the header and "Page X of Y" in the footer, none on the cover', () => {
    const headers = [...parts].filter(([n]) => /^word\/header\d+\.xml$/.test(n)).map(([, x]) => x);
    expect(headers.map((x) => paragraphs(x).join(''))).toContain('File EXP-2026-7');
    expect(headers.every((x) => x.includes('<w:pStyle w:val="Header"/>') && !x.includes('<w:jc '))).toBe(true);
    const footers = [...parts].filter(([n]) => /^word\/footer\d+\.xml$/.test(n)).map(([, x]) => x);
    const footer = footers.find((f) => f.includes('PAGE'))!;
    expect(footer).toMatch(/Page [\s\S]*PAGE[\s\S]* of [\s\S]*NUMPAGES/);
    expect(footer).toContain('<w:pStyle w:val="Footer"/>');
    expect(document).toContain('<w:titlePg/>');
  });

  it('says its language and its program in the package properties', () => {
    expect(parts.get('docProps/core.xml')).toContain('<dc:language>en-GB</dc:language>');
    expect(parts.get('word/styles.xml')).toMatch(/<w:rPrDefault><w:rPr>[\s\S]*<w:lang w:val="en-GB"\/>/);
    expect(parts.get('docProps/app.xml')).toContain('<Application>clausula</Application>');
    expect(parts.get('docProps/app.xml')).toContain('<Company>City of Testville</Company>');
  });

  it('has the answers and provenance annexes', () => {
    const text = paragraphs(document);
    expect(text).toEqual(expect.arrayContaining(['The amount', '1,234.5', 'The kinds of data', 'Sensor readings and Personal data', 'general.terms', '1.2.0']));
    expect(text.join('\n')).toContain('render-fixture@2.1.0');
  });

  it('carries its provenance in custom properties and bookmarks each clause exactly as generated', () => {
    const props = read.properties;
    expect(props.get('clausula.release')).toBe('render-fixture@2.1.0');
    expect(props.get('clausula.template')).toBe('main');
    expect(props.get('clausula.language')).toBe('en');
    expect(props.get('clausula.clauses')).toBe('3');
    expect(props.get('clausula.clause.general.terms')).toMatch(/^1\.2\.0 sha256:[0-9a-f]{64} render-fixture$/);
    // The bookmark runs from the clause's heading to its last paragraph.
    const bookmarked = (id: string) => {
      const name = clauseBookmark(id);
      const start = read.body.findIndex((p) => p.starts.includes(name));
      const end = read.body.findIndex((p) => p.ends.includes(name));
      return read.body.slice(start, end + 1).map((p) => p.text).join('\n');
    };
    expect(bookmarked('general.terms')).toBe(TERMS);
    expect(bookmarked('general.lists')).toBe('Second clause with lists\nIts own list starts again:\nfirst item;\nsecond item.\na bullet;\nanother bullet.\nLine one\nline two.');
    expect(bookmarked('data.personal')).toBe('Personal data\nPersonal data of City of Testville stay in the EEA.');
  });

  it('stamps the core properties with the document date', () => {
    expect(parts.get('docProps/core.xml')).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-18T11:06:40Z</dcterms:created>');
  });
});
