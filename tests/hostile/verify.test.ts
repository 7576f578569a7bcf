import { spawn } from 'node:child_process';
import { closeSync, ftruncateSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { answersHash } from '../../src/provenance/properties.js';
import { canonicalJson } from '../../src/text/hash.js';
import { BIN, runCli, spawnCli, type CliResult } from '../helpers/cli.js';
import { declareSize, editDocx, rezip } from '../helpers/docx.js';
import { readZip } from '../../src/render/docx/zip.js';
import { suiteFixture } from '../helpers/suite-dir.js';
import { expectNoCrash, expectRefused } from './guard.js';

/**
 * A hostile editor's ways of fooling verify, and hostile packages meant to make it slow,
 * hungry or crash. Every tampering exits 1 and says what it found; every package verify
 * cannot read exits 2 with a plain message; none costs more than a document's reading.
 */

let dir: string;
let original: Buffer;

beforeAll(async () => {
  dir = suiteFixture('render');
  const result = await runCli(['--library', dir, 'build', 'answers/tender.yaml', '-o', 'tender.docx', '--template', 'main'], { cwd: dir, env: { SOURCE_DATE_EPOCH: '1795000000' } });
  expect(result.code, result.stderr).toBe(0);
  original = readFileSync(join(dir, 'tender.docx'));
});

let n = 0;
async function verifyBytes(bytes: Uint8Array, ...args: string[]): Promise<CliResult> {
  const file = `case-${++n}.docx`;
  writeFileSync(join(dir, file), bytes);
  const result = await runCli(['--library', dir, 'verify', file, ...args], { cwd: dir });
  expectNoCrash(result.stdout + result.stderr);
  return result;
}
const edit = async (part: string, change: (xml: string) => string, bytes: Uint8Array = original) => editDocx(bytes, part, change);
const DOC = 'word/document.xml';
const CUSTOM = 'docProps/custom.xml';
const NOT_VERIFIED = 'Not verified: the document does not match the library.\n';

/** The whole report, its file named as in the tests of tests/render/verify.test.ts. */
const report = (result: CliResult) => result.stdout.replace(/^case-\d+\.docx/, 'tampered.docx');
const head = (hash = '8c2b142c8185', answersFile = '') =>
  `tampered.docx: built from render-fixture@2.1.0 (template main, en, 2026-11-18)\nlibrary: render-fixture@2.1.0, no clauses.lock.yaml\nanswers: 8 recorded in the document, hash ${hash}${answersFile}\n\n`;
const EDITED = '  edited: its text is not what clausula writes (the differences are listed below)';
/** The clause lines, each ✓ or ✗ with what follows its version. */
const clauseLines = (terms: string | null, lists: string | null, personal: string | null) =>
  [
    ...(terms === null ? [] : [`${terms ? '✗' : '✓'} general.terms  1.2.0${terms}`]),
    ...(lists === null ? [] : [`${lists ? '✗' : '✓'} general.lists  1.0.0${lists}`]),
    ...(personal === null ? [] : [`${personal ? '✗' : '✓'} data.personal  1.0.0${personal}`]),
  ].join('\n') + '\n\n';
const SAME_TEXT = 'text: every paragraph and footnote is as the build writes it\n\n';
const differences = (...lines: string[]) => `text: ${lines.length} difference${lines.length === 1 ? '' : 's'} from what the build writes:\n${lines.map((l) => `  ✗ ${l}\n`).join('')}\n`;
const MAY_LEAVE = 'Paragraph 1 of clause 2.1 “Personal data”: the document has “Personal data of City of Testville may leave the EEA.”; the build writes “Personal data of City of Testville stay in the EEA.”';
/** The report of a document whose one change is "stay" made "may leave" in clause 2.1. */
const mayLeave = () => head() + clauseLines('', '', EDITED) + differences(MAY_LEAVE) + '3 clauses: 2 as in the library, 1 not\nEdited clauses: data.personal\n' + NOT_VERIFIED;

/** Replace the value of a custom property in custom.xml as clausula wrote it. */
function setProperty(xml: string, name: string, value: string | null): string {
  const pattern = new RegExp(`<property [^>]*name="${name.replace(/\./g, '\\.')}"><vt:lpwstr>[^<]*</vt:lpwstr></property>`);
  expect(xml, name).toMatch(pattern);
  return xml.replace(pattern, (p) => (value === null ? '' : p.replace(/<vt:lpwstr>[^<]*</, `<vt:lpwstr>${value}<`)));
}

/** The recorded answers, rewritten as clausula would record them (one piece: the fixture's answers are short). */
function recordAnswers(xml: string, answers: Record<string, unknown>): string {
  const text = canonicalJson(answers).replace(/[^\x21-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  expect(text.length).toBeLessThanOrEqual(255 * 2);
  let out = setProperty(xml, 'clausula.answers', `${answersHash(answers as never)} ${text.length > 255 ? 2 : 1}`);
  out = setProperty(out, 'clausula.answers.1', text.slice(0, 255).replace(/&/g, '&amp;').replace(/</g, '&lt;'));
  if (text.length > 255) out = out.replace('</Properties>', `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="99" name="clausula.answers.2"><vt:lpwstr>${text.slice(255).replace(/&/g, '&amp;').replace(/</g, '&lt;')}</vt:lpwstr></property></Properties>`);
  return out;
}

const FIXTURE_ANSWERS = { authorityName: 'City of Testville', contractTitle: 'Parking sensors', contractReference: 'EXP-2026-7', note: 'none', amount: 1234.5, startDate: '2027-01-31', kinds: ['sensor', 'personal'], processesPersonalData: true };

describe('verify is not fooled (issue 16, point 7)', () => {
  test('an answer edited in the text to carry an obligation: every paragraph that shows it differs', async () => {
    const result = await verifyBytes(await edit(DOC, (xml) => xml.replaceAll('>Parking sensors<', '>Parking sensors, whose data the contractor owns<')));
    expect(result.code).toBe(1);
    expect(report(result)).toBe(
      head() +
        clauseLines(EDITED, '', '') +
        differences(
          'Line 6 of the cover: the document has “Parking sensors, whose data the contractor owns”; the build writes “Parking sensors”',
          'Paragraph 1 of clause 1.1 “Terms of the contract”: the document has “…lle awards the contract “Parking sensors, whose data the contractor owns”. Note: none.”; the build writes “…lle awards the contract “Parking sensors”. Note: none.”',
          'Paragraph 6 of “Appendix I. Tender data profile”: the document has “Parking sensors, whose data the contractor owns”; the build writes “Parking sensors”',
        ) +
        '3 clauses: 2 as in the library, 1 not\nEdited clauses: general.terms\n' +
        NOT_VERIFIED,
    );
  });

  test('an answer edited in the text and in the recorded answers, hash recomputed: caught against the officer’s answers file', async () => {
    const forged = { ...FIXTURE_ANSWERS, contractTitle: 'Parking sensors, whose data the contractor owns' };
    let bytes = await edit(DOC, (xml) => xml.replaceAll('>Parking sensors<', `>${forged.contractTitle}<`));
    bytes = await edit(CUSTOM, (xml) => recordAnswers(xml, forged), bytes);
    // Consistent with itself: an unkeyed record can be rewritten by whoever edits the file (docs/documents.md).
    const alone = await verifyBytes(bytes);
    const forgedHash = answersHash(forged).slice(7, 19);
    expect(alone.code, alone.stdout).toBe(0);
    expect(report(alone)).toBe(head(forgedHash) + clauseLines('', '', '') + SAME_TEXT + '3 clauses: 3 as in the library\nVerified: the document matches the library.\n');
    const checked = await verifyBytes(bytes, '--answers', 'answers/tender.yaml');
    expect(checked.code).toBe(1);
    expect(report(checked)).toBe(
      head(forgedHash, ', not those of answers/tender.yaml') +
        '✗ the answer to contractTitle is “Parking sensors, whose data the contractor owns” in the document and “Parking sensors” in the answers file\n\n' +
        clauseLines('', '', '') +
        SAME_TEXT +
        '3 clauses: 3 as in the library\n' +
        NOT_VERIFIED,
    );
    const honest = await verifyBytes(original, '--answers', 'answers/tender.yaml');
    expect(honest.code, honest.stdout).toBe(0);
    expect(report(honest)).toBe(head('8c2b142c8185', ', the same as answers/tender.yaml') + clauseLines('', '', '') + SAME_TEXT + '3 clauses: 3 as in the library\nVerified: the document matches the library.\n');
  });

  test('recorded answers that build would refuse, or that do not match their hash', async () => {
    const invalid = await verifyBytes(await edit(CUSTOM, (xml) => recordAnswers(xml, { ...FIXTURE_ANSWERS, kinds: ['sensor', 'everything'] })));
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toMatch(/✗ the document records an answer to kinds that clausula build would refuse: .*everything/);
    const unknown = await verifyBytes(await edit(CUSTOM, (xml) => recordAnswers(xml, { ...FIXTURE_ANSWERS, ownsTheData: 'contractor' })));
    expect(unknown.stdout).toContain('✗ the document records an answer to ownsTheData, which the library does not ask\n');
    const hash = await verifyBytes(await edit(CUSTOM, (xml) => xml.replace('Parking\\u0020sensors', 'Parking\\u0020meters')));
    expect(hash.code).toBe(1);
    expect(hash.stdout).toContain('✗ the answers the document records do not match their hash\n');
  });

  test('a clause removed with its property and the count', async () => {
    let bytes = await edit(DOC, (xml) => {
      const start = xml.lastIndexOf('<w:p>', xml.indexOf('>Personal data<', xml.indexOf('</w:sdt>')));
      return xml.slice(0, start) + xml.slice(xml.indexOf('</w:p>', xml.indexOf('stay in the EEA.')) + 6);
    });
    bytes = await edit(CUSTOM, (xml) => setProperty(setProperty(xml, 'clausula.clause.data.personal', null), 'clausula.clauses', '2'), bytes);
    const result = await verifyBytes(bytes);
    expect(result.code).toBe(1);
    expect(report(result)).toBe(
      head() +
        '✗ the answers the document records select clause data.personal, which the document does not list\n\n' +
        clauseLines('', '', null) +
        differences('Clause 2.1 “Personal data”: missing whole (its heading and 1 paragraph)', 'The document has 2 clause headings; the build writes 3') +
        '2 clauses: 2 as in the library\nEdited clauses: data.personal\n' +
        NOT_VERIFIED,
    );
  });

  test('every clause property removed and the count set to 0', async () => {
    const bytes = await edit(CUSTOM, (xml) => setProperty(['general.terms', 'general.lists', 'data.personal'].reduce((x, id) => setProperty(x, `clausula.clause.${id}`, null), xml), 'clausula.clauses', '0'));
    const result = await verifyBytes(bytes);
    expect(result.code).toBe(1);
    expect(report(result)).toBe(
      head() +
        ['general.terms', 'general.lists', 'data.personal'].map((id) => `✗ the answers the document records select clause ${id}, which the document does not list\n`).join('') +
        '\n' +
        SAME_TEXT +
        '0 clauses: 0 as in the library\n' +
        NOT_VERIFIED,
    );
  });

  test.each(['3.0', '3e0', ' 3', '+3', '0x3', '３', '', '03'])('a clause count that is not a whole number: %j', async (count) => {
    const result = await verifyBytes(await edit(CUSTOM, (xml) => setProperty(xml, 'clausula.clauses', count)));
    expect(result.code).toBe(1);
    expect(report(result)).toBe(head() + `✗ the property clausula.clauses is “${count}”, not a whole number\n\n` + clauseLines('', '', '') + SAME_TEXT + '3 clauses: 3 as in the library\n' + NOT_VERIFIED);
  });

  test('text hidden with w:vanish in a run: reported, and missing from what Word shows', async () => {
    const result = await verifyBytes(await edit(DOC, (xml) => xml.replace('<w:r><w:t xml:space="preserve">Personal data of ', '<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve">Personal data of ')));
    expect(result.code).toBe(1);
    expect(report(result)).toBe(
      head() +
        clauseLines('', '', EDITED) +
        differences(
          'Paragraph 1 of clause 2.1 “Personal data”: the document has “City of Testville stay in the EEA.”; the build writes “Personal data of City of Testville stay in the EEA.”',
          'In paragraph 1 of clause 2.1 “Personal data”: hidden text, which Word does not show: “Personal data of ”',
        ) +
        '3 clauses: 2 as in the library, 1 not\nEdited clauses: data.personal\n' +
        NOT_VERIFIED,
    );
  });

  test('text hidden with w:vanish in a character style: every answer it styles', async () => {
    const result = await verifyBytes(await edit('word/styles.xml', (xml) => xml.replace('<w:name w:val="Clausula Answer"/>', '<w:name w:val="Clausula Answer"/><w:rPr><w:vanish/></w:rPr>')));
    expect(result.code).toBe(1);
    expect(report(result)).toBe(
      head() +
        clauseLines(EDITED, '', EDITED) +
        differences(
          'Paragraph 1 of part 1 “General provisions”: the document has “These clauses bind  and the Contractor.”; the build writes “These clauses bind City of Testville and the Contractor.”',
          'In paragraph 1 of part 1 “General provisions”: hidden text, which Word does not show: “City of Testville”',
          'Paragraph 1 of clause 1.1 “Terms of the contract”: the document has “The  awards the contract “”. Note: .”; the build writes “The City of Testville awards the contract “Parking sensors”. Note: none.”',
          'In paragraph 1 of clause 1.1 “Terms of the contract”: hidden text, which Word does not show: “City of TestvilleParking sensorsnone”',
          'Paragraph 8 of clause 1.1 “Terms of the contract”: the document has “Amount: ; start: ; kinds: .”; the build writes “Amount: 1,234.5; start: 31 January 2027; kinds: Sensor readings and Personal data.”',
          'In paragraph 8 of clause 1.1 “Terms of the contract”: hidden text, which Word does not show: “1,234.531 January 2027Sensor readings and Personal data”',
          'Paragraph 1 of clause 2.1 “Personal data”: the document has “Personal data of  stay in the EEA.”; the build writes “Personal data of City of Testville stay in the EEA.”',
          'In paragraph 1 of clause 2.1 “Personal data”: hidden text, which Word does not show: “City of Testville”',
        ) +
        '3 clauses: 1 as in the library, 2 not\nEdited clauses: general.terms, data.personal\n' +
        NOT_VERIFIED,
    );
  });

  test('text hidden with w:vanish in the paragraph style its text is based on: every list item', async () => {
    const result = await verifyBytes(await edit('word/styles.xml', (xml) => xml.replace(/(<w:style w:type="paragraph" w:styleId="ListNumber">[\s\S]*?)(<\/w:style>)/, '$1<w:rPr><w:vanish w:val="true"/></w:rPr>$2')));
    expect(result.code).toBe(1);
    const item = (place: string, n: number, text: string) => [`Paragraph ${n} of ${place}: the document has “”; the build writes “${text}”`, `In paragraph ${n} of ${place}: hidden text, which Word does not show: “${text}”`];
    const terms = 'clause 1.1 “Terms of the contract”';
    const lists = 'clause 1.2 “Second clause with lists”';
    expect(report(result)).toBe(
      head() +
        clauseLines(EDITED, EDITED, '') +
        differences(...item(terms, 3, 'keep records;'), ...item(terms, 4, 'deliver data:'), ...item(terms, 7, 'return the data.'), ...item(lists, 2, 'first item;'), ...item(lists, 3, 'second item.')) +
        '3 clauses: 1 as in the library, 2 not\nEdited clauses: general.terms, general.lists\n' +
        NOT_VERIFIED,
    );
  });

  test('text hidden with w:vanish in the document defaults: nothing shows, every paragraph is missing', async () => {
    const result = await verifyBytes(await edit('word/styles.xml', (xml) => xml.replace('<w:rPrDefault><w:rPr>', '<w:rPrDefault><w:rPr><w:vanish/>')));
    expect(result.code).toBe(1);
    const out = report(result);
    expect(out.startsWith(head() + clauseLines(EDITED, EDITED, EDITED) + 'text: 104 differences from what the build writes:\n  ✗ Line 1 of the cover: the document has “”; the build writes “Annex No. __”\n')).toBe(true);
    expect(out).toContain('  ✗ Clause 2.1 “Personal data”: missing whole (its heading and 1 paragraph)\n');
    expect(out).toContain('  ✗ In a header or footer: hidden text, which Word does not show: “File EXP-2026-7”\n');
    expect(out.endsWith('3 clauses: 0 as in the library, 3 not\nEdited clauses: general.terms, general.lists, data.personal\n' + NOT_VERIFIED)).toBe(true);
  });

  test('text read through XML comments, CDATA and other namespace prefixes as Word reads it', async () => {
    // The old text left in a comment, where a reader of the raw XML would find it.
    const comment = await verifyBytes(await edit(DOC, (xml) => xml.replace('stay in the EEA.', 'may leave the EEA.<!-- </w:t><w:t>stay in the EEA. -->')));
    expect(comment.code).toBe(1);
    expect(report(comment)).toBe(mayLeave());
    // The same namespace under another prefix is the same element to Word.
    const prefix = await verifyBytes(await edit(DOC, (xml) => xml.replace('<w:t xml:space="preserve"> stay in the EEA.</w:t>', '<x:t xml:space="preserve" xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"> may leave the EEA.</x:t>')));
    expect(prefix.code).toBe(1);
    expect(report(prefix)).toBe(mayLeave());
    // And the w: prefix bound to another namespace is not WordprocessingML text at all.
    const rebound = await verifyBytes(await edit(DOC, (xml) => xml.replace('<w:t xml:space="preserve"> stay in the EEA.</w:t>', '<w:t xmlns:w="urn:not-word"> stay in the EEA.</w:t><w:t xml:space="preserve"> may leave the EEA.</w:t>')));
    expect(rebound.code).toBe(1);
    expect(report(rebound)).toBe(mayLeave());
    const cdata = await verifyBytes(await edit(DOC, (xml) => xml.replace('stay in the EEA.', '<![CDATA[may leave the EEA.]]>')));
    expect(cdata.code).toBe(1);
    expect(report(cdata)).toBe(mayLeave());
    // Entities and character references are decoded, as Word decodes them.
    const refs = await verifyBytes(await edit(DOC, (xml) => xml.replace('stay in the EEA.', '&#115;tay in the &#x45;EA.')));
    expect(refs.code, refs.stdout).toBe(0);
  });

  test('duplicate zip entries, whatever their case', async () => {
    const evil = await edit(DOC, (xml) => xml.replace('stay in the EEA.', 'may leave the EEA.'));
    for (const name of ['word/document.xml', 'Word/Document.XML']) {
      const result = await verifyBytes(await rezip(original, (entries) => [...entries, { name, data: evilDocument(evil) }]));
      expect(result.code, result.stdout + result.stderr).toBe(1);
      expect(report(result)).toBe(`tampered.docx holds two zip entries named ${name}: readers do not agree on which one is the document\n${NOT_VERIFIED}`);
      expect(result.stderr).toBe('');
    }
  });

  test('the main document is the one the package relationships name, not word/document.xml', async () => {
    const evil = evilDocument(await edit(DOC, (xml) => xml.replace('stay in the EEA.', 'may leave the EEA.')));
    const bytes = await rezip(original, (entries) => [
      ...entries.map((e) => (e.name === '_rels/.rels' ? { ...e, data: Buffer.from(e.data.toString().replace('Target="word/document.xml"', 'Target="word/main.xml"')) } : e)),
      { name: 'word/main.xml', data: evil },
      { name: 'word/_rels/main.xml.rels', data: entries.find((e) => e.name === 'word/_rels/document.xml.rels')!.data },
    ]);
    const result = await verifyBytes(bytes);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('the document has “Personal data of City of Testville may leave the EEA.”');
  });

  test('fields that compute text, imported content, text boxes, endnotes', async () => {
    const field = await verifyBytes(await edit(DOC, (xml) => xml.replace('stay in the EEA.</w:t></w:r>', 'stay in the EEA.</w:t></w:r><w:fldSimple w:instr=" QUOTE &quot;and may be sold&quot; " w:dirty="true"/>')));
    expect(field.code).toBe(1);
    expect(field.stdout).toContain('  ✗ In paragraph 1 of clause 2.1 “Personal data”: a field that computes its text (QUOTE "and may be sold"), which the build does not write\n');
    const chunk = await verifyBytes(await edit(DOC, (xml) => xml.replace('</w:body>', '<w:altChunk r:id="rIdEvil"/></w:body>')));
    expect(chunk.code).toBe(1);
    expect(chunk.stdout).toContain(': imported content (altChunk), which the build does not write\n');
    const box = await verifyBytes(
      await edit(DOC, (xml) =>
        xml.replace('stay in the EEA.</w:t></w:r>', 'stay in the EEA.</w:t></w:r><w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>The contractor owns the data.</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>'),
      ),
    );
    expect(box.code).toBe(1);
    expect(box.stdout).toContain('text the build does not write: “The contractor owns the data.”');
    expect(box.stdout).toContain('  ✗ In paragraph 1 of clause 2.1 “Personal data”: an image or shape, which the build does not write\n');
  });

  test('a DOCTYPE, an entity it defines, an unbound prefix: input errors', async () => {
    const doctype = await verifyBytes(await edit(DOC, (xml) => xml.replace('<w:document', '<!DOCTYPE w:document [<!ENTITY x "may leave">]><w:document')));
    expectRefused(doctype, { code: 2, file: 'case-', says: /word\/document\.xml:1:\d+: a DOCTYPE declaration, which no part of a Word document has/ });
    const unbound = await verifyBytes(await edit(DOC, (xml) => xml.replace('stay in the EEA.', '<q:t>may leave</q:t>')));
    expectRefused(unbound, { code: 2, file: 'case-', says: /word\/document\.xml:1:\d+: unbound namespace prefix: "q"/ });
  });
});

/** A document.xml from a package, as bytes. */
function evilDocument(bytes: Uint8Array): Buffer {
  return Buffer.from(readZipEntry(bytes, DOC));
}

function readZipEntry(bytes: Uint8Array, name: string): Uint8Array {
  return readZip(bytes).find((e) => e.name === name)!.data;
}

describe('hostile packages cost a document’s reading, and end with a plain message (issue 16, Reliability)', () => {
  test.each([
    ['a NUL character reference', '&#0;'],
    ['a reference to U+FFFF', '&#xFFFF;'],
    ['a raw U+FFFF', '\uffff'],
    ['a lone surrogate reference', '&#xD800;'],
  ])('an invalid code point in custom.xml (%s): exit 2, the part and position named', async (_what, bad) => {
    const result = await verifyBytes(await edit(CUSTOM, (xml) => xml.replace('<vt:lpwstr>tender</vt:lpwstr>', `<vt:lpwstr>ten${bad}der</vt:lpwstr>`)));
    expectRefused(result, { code: 2, file: 'case-', says: /case-\d+\.docx: docProps\/custom\.xml:1:\d+: / });
    expect(result.stderr).toContain('How to fix: give a .docx built by clausula build');
  });

  test('a file over 2 GiB: refused by its size, before anything is read', async () => {
    const path = join(dir, 'huge.docx');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 2 * 2 ** 30 + 1);
    closeSync(fd);
    const result = await runCli(['--library', dir, 'verify', 'huge.docx'], { cwd: dir });
    expectRefused(result, { code: 2, file: 'huge.docx', says: 'huge.docx is 2.0 GiB, more than the 1 GiB a Word document clausula reads may have' });
  });

  test('a part that declares gigabytes is refused before it is unpacked', async () => {
    const bytes = declareSize(await rezip(original, (e) => e), DOC, 0xfffffff0);
    const result = await verifyBytes(bytes);
    expectRefused(result, { code: 2, file: 'case-', says: /word\/document\.xml unpacks to more than 128 MiB; it is not a document clausula built/ });
  });

  test('a zip entry that lies about its size is never inflated whole (a 64 MB heap is enough)', async () => {
    // 300 MB of spaces in the body, some 300 kB compressed, declared as 2 kB.
    const xml = readZipEntry(original, DOC);
    const text = Buffer.from(xml).toString('utf8');
    const at = text.indexOf('<w:body>') + '<w:body>'.length;
    const padding = Buffer.alloc(300 * 2 ** 20, 32);
    const big = Buffer.concat([Buffer.from(text.slice(0, at)), padding, Buffer.from(text.slice(at))]);
    expect(deflateRawSync(padding.subarray(0, 2 ** 20)).length).toBeLessThan(2 ** 12);
    const bytes = declareSize(await rezip(original, (entries) => entries.map((e) => (e.name === DOC ? { ...e, data: big } : e))), DOC, 2048);
    writeFileSync(join(dir, 'liar.docx'), bytes);
    const result = spawnCli(['--library', dir, 'verify', 'liar.docx'], { cwd: dir, env: { NODE_OPTIONS: '--max-old-space-size=64' } });
    expectRefused(result, { code: 2, file: 'liar.docx', says: 'liar.docx: word/document.xml unpacks to another size than its zip entry declares; the package was tampered with or is damaged' });
  }, 60_000);

  test('a 40 MB paragraph is reported in a line, in the memory of reading it (a 200 MB heap is enough)', async () => {
    const xml = Buffer.from(readZipEntry(original, DOC)).toString('utf8');
    const big = xml.replace('stay in the EEA.', `stay in the EEA.${'x'.repeat(40 * 2 ** 20)}`);
    writeFileSync(join(dir, 'long.docx'), await rezip(original, (entries) => entries.map((e) => (e.name === DOC ? { ...e, data: Buffer.from(big) } : e))));
    const result = spawnCli(['--library', dir, 'verify', 'long.docx'], { cwd: dir, env: { NODE_OPTIONS: '--max-old-space-size=200' } });
    expect(result.code, result.stderr).toBe(1);
    // The quote is cut to a line's length.
    expect(result.stdout).toMatch(/\n {2}✗ Paragraph 1 of clause 2\.1 “Personal data”: the document has “…ta of City of Testville stay in the EEA\.x{40,200}…”; the build writes “…ta of City of Testville stay in the EEA\.”\n\n/);
  }, 60_000);

  test('the quotes around a difference never cut a character in two', async () => {
    const { aroundDifference } = await import('../../src/verify/messages.js');
    // The texts differ in the low half of a character beyond the BMP: the whole character is shown.
    expect(aroundDifference('data 😀 here', 'data 😁 here', 2)).toEqual(['…a 😀 h…', '…a 😁 h…']);
    expect(aroundDifference(`${'y'.repeat(50)}😀z`, `${'y'.repeat(50)}😀w`, 1)).toEqual(['…😀z', '…😀w']);
  });

  test('a crafted custom.xml meant for a slow parser: read in one pass, refused with its position', async () => {
    // An unclosed property whose value runs on for 20 MB, and thousands of half-open tags.
    const bytes = await edit(CUSTOM, (xml) => xml.replace('</Properties>', `<property name="x"><vt:lpwstr>${'<property name="'.repeat(2000).replace(/</g, '&lt;')}${'a'.repeat(20 * 2 ** 20)}`));
    const result = await verifyBytes(bytes);
    expectRefused(result, { code: 2, file: 'case-', says: /docProps\/custom\.xml:1:\d+: unclosed tag: vt:lpwstr/ });
  }, 60_000);

  test('Ctrl-C while a large document is read: exit 130 at once, not when reading ends', async () => {
    // 120 MB of text in one paragraph, under the cap: seconds of parsing.
    const xml = Buffer.from(readZipEntry(original, DOC)).toString('utf8');
    const big = xml.replace('stay in the EEA.', `stay in the EEA.${'x'.repeat(120 * 2 ** 20)}`);
    writeFileSync(join(dir, 'large.docx'), await rezip(original, (entries) => entries.map((e) => (e.name === DOC ? { ...e, data: Buffer.from(big) } : e))));
    const child = spawn(process.execPath, [BIN, '--library', dir, 'verify', 'large.docx'], { cwd: dir, env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const done = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    // Wait until it is reading: the process has used a second of CPU time.
    await until(() => cpuSeconds(child.pid!) >= 1);
    child.kill('SIGINT');
    expect(await done).toBe(130);
    expect(stderr).toBe('clausula: interrupted (SIGINT); stopped without leaving a partial file\n');
  }, 120_000);
});

function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

async function until(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
