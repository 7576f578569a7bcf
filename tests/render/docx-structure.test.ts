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
  const result = await runCli(['--library', dir, 'build', join(dir, 'answers/tender.yaml'), '-o', join(dir, 'out.docx')], { env: { SOURCE_DATE_EPOCH: '1795000000' } });
  expect(result.stderr).toContain('1 more clause applies to this tender in template technical');
  expect(result.code).toBe(0);
  parts = await docxParts(readFileSync(join(dir, 'out.docx')));
  read = await readWordDocument(join(dir, 'out.docx'), 'out.docx');
  document = parts.get('word/document.xml')!;
});

const TERMS = [
  'Terms of the contract',
  'The City of Testville awards the contract "Parking sensors". Note: none.',
  'The Contractor shall:',
  'keep records;',
  'deliver data:',
  'monthly;',
  'on request.',
  'return the data.',
  'Amount: 1,234.5; start: 31 January 2027; kinds: Sensor readings and Personal data.',
].join('\n');

describe('the Word document', () => {
  it('has a cover with authority, contract, reference, release, language and date', () => {
    const text = paragraphs(document).join('\n');
    for (const s of ['Data clauses', 'Contracting authority', 'City of Testville', 'Parking sensors', 'EXP-2026-7', 'render-fixture@2.1.0', 'English', '18 November 2026']) {
      expect(text).toContain(s);
    }
  });

  it('puts parts under Heading 1 and clauses under Heading 2, numbered by one multi-level list', () => {
    const h1 = paragraphsWithStyle(document, 'Heading1');
    const h2 = paragraphsWithStyle(document, 'Heading2');
    expect(h1.map((p) => texts(p).join(''))).toEqual(['General provisions', 'Data protection', 'Annex I. Tender data profile', 'Annex II. Provenance of the clauses']);
    expect(h2.map((p) => texts(p).join(''))).toEqual(['Terms of the contract', 'Second clause with lists', 'Personal data']);
    const numId = (p: string) => /<w:numId w:val="(\d+)"\/>/.exec(p)?.[1];
    const level = (p: string) => /<w:ilvl w:val="(\d+)"\/>/.exec(p)?.[1];
    const headingList = numId(h1[0]!);
    expect(headingList).toBeDefined();
    expect(h1.slice(0, 2).map(numId)).toEqual([headingList, headingList]);
    expect(h1.slice(0, 2).map(level)).toEqual(['0', '0']);
    expect(h2.map(numId)).toEqual([headingList, headingList, headingList]);
    expect(h2.map(level)).toEqual(['1', '1', '1']);
    // Annexes are headings without numbers.
    expect(h1.slice(2).map(numId)).toEqual([undefined, undefined]);
    const numbering = parts.get('word/numbering.xml')!;
    const abstractId = new RegExp(`<w:num w:numId="${headingList}"><w:abstractNumId w:val="(\\d+)"/>`).exec(numbering)![1];
    const abstract = new RegExp(`<w:abstractNum [^>]*w:abstractNumId="${abstractId}"[\\s\\S]*?</w:abstractNum>`).exec(numbering)![0];
    expect(abstract).toMatch(/<w:lvl w:ilvl="0"[^>]*>[\s\S]*?<w:numFmt w:val="decimal"\/>[\s\S]*?<w:lvlText w:val="%1."\/>/);
    expect(abstract).toMatch(/<w:lvl w:ilvl="1"[^>]*>[\s\S]*?<w:numFmt w:val="decimal"\/>[\s\S]*?<w:lvlText w:val="%1.%2."\/>/);
  });

  it('letters ordered lists a) then i), and every list starts again with a list instance of its own', () => {
    const numbering = parts.get('word/numbering.xml')!;
    const ordered = [...numbering.matchAll(/<w:abstractNum [\s\S]*?<\/w:abstractNum>/g)].map((m) => m[0]).find((a) => a.includes('w:val="lowerLetter"'))!;
    expect(ordered).toMatch(/<w:lvl w:ilvl="0"[^>]*>[\s\S]*?<w:numFmt w:val="lowerLetter"\/><w:lvlText w:val="%1\)"\/>/);
    expect(ordered).toMatch(/<w:lvl w:ilvl="1"[^>]*>[\s\S]*?<w:numFmt w:val="lowerRoman"\/><w:lvlText w:val="%2\)"\/>/);
    const orderedAbstract = /w:abstractNumId="(\d+)"/.exec(ordered)![1];
    const itemsOf = (first: string, last: string) => {
      const all = [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]);
      const from = all.findIndex((p) => texts(p).join('') === first);
      const to = all.findIndex((p) => texts(p).join('') === last);
      return all.slice(from, to + 1).map((p) => ({ text: texts(p).join(''), num: /<w:numId w:val="(\d+)"\/>/.exec(p)?.[1], level: /<w:ilvl w:val="(\d+)"\/>/.exec(p)?.[1] }));
    };
    const first = itemsOf('keep records;', 'return the data.');
    expect(first.map((i) => i.level)).toEqual(['0', '0', '1', '1', '0']);
    expect(new Set(first.map((i) => i.num)).size).toBe(1);
    const second = itemsOf('first item;', 'second item.');
    expect(new Set(second.map((i) => i.num)).size).toBe(1);
    expect(second[0]!.num).not.toBe(first[0]!.num);
    // Each instance is a w:num of the lettered list that restarts its levels.
    for (const num of [first[0]!.num, second[0]!.num]) {
      expect(numbering).toMatch(new RegExp(`<w:num w:numId="${num}"><w:abstractNumId w:val="${orderedAbstract}"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>`));
    }
    const bullets = itemsOf('a bullet;', 'another bullet.');
    expect(bullets.every((b) => b.num !== undefined && b.num !== first[0]!.num && b.num !== second[0]!.num)).toBe(true);
  });

  it('writes the legal bases as footnotes, with links', () => {
    const footnotes = parts.get('word/footnotes.xml')!;
    expect(paragraphs(footnotes)).toEqual(
      expect.arrayContaining(['Law 9/2017 (LCSP), art. 122 — https://example.org/lcsp?art=122&x=1', 'Regulation (EU) 2016/679 (GDPR), art. 28', 'Law 40/2015, art. 3 — https://example.org/law40']),
    );
    expect([...document.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => m[1])).toEqual(['1', '2']);
    expect(parts.get('word/_rels/footnotes.xml.rels')).toContain('Target="https://example.org/lcsp?art=122&amp;x=1" TargetMode="External"');
  });

  it('has a table of contents with its entries written in, and nothing asking to update fields', () => {
    const toc = /<w:sdt>[\s\S]*?<\/w:sdt>/.exec(document)![0];
    expect(toc).toContain('<w:docPartGallery w:val="Table of Contents"/>');
    const entries = paragraphs(toc).filter((p) => p !== '');
    expect(entries).toEqual([
      '1.General provisions',
      '1.1.Terms of the contract',
      '1.2.Second clause with lists',
      '2.Data protection',
      '2.1.Personal data',
      'Annex I. Tender data profile',
      'Annex II. Provenance of the clauses',
    ]);
    expect(document).not.toContain('w:dirty="true"');
    expect(parts.get('word/settings.xml')).not.toContain('updateFields');
    // The field closes in the last entry: an empty paragraph after it could spill onto a blank page.
    expect(paragraphs(toc)).not.toContain('');
    expect(toc).toMatch(/Annex II\. Provenance of the clauses<\/w:t>[\s\S]*<w:fldChar w:fldCharType="end"\/><\/w:r><\/w:p><\/w:sdtContent>/);
  });

  it('has the contract reference in the header and "Page X of Y" in the footer, none on the cover', () => {
    const headers = [...parts].filter(([n]) => /^word\/header\d+\.xml$/.test(n)).map(([, x]) => paragraphs(x).join(''));
    expect(headers).toContain('EXP-2026-7');
    const footers = [...parts].filter(([n]) => /^word\/footer\d+\.xml$/.test(n)).map(([, x]) => x);
    const footer = footers.find((f) => f.includes('PAGE'))!;
    expect(footer).toMatch(/Page [\s\S]*PAGE[\s\S]* of [\s\S]*NUMPAGES/);
    expect(document).toContain('<w:titlePg/>');
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
    expect(props.get('clausula.clause.general.terms')).toMatch(/^1\.2\.0 sha256:[0-9a-f]{64}$/);
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
