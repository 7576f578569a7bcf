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
    expect(result.stdout).toContain('  ✗ Line 6 of the cover: the document has “Parking sensors, whose data the contractor owns”; the build writes “Parking sensors”\n');
    expect(result.stdout).toContain('  ✗ Paragraph 1 of clause 1.1 “Terms of the contract”: the document has “…lle awards the contract “Parking sensors, whose data the contractor owns”. Note: none.”; the build writes “…lle awards the contract “Parking sensors”. Note: none.”\n');
    expect(result.stdout).toContain('  ✗ Paragraph 6 of “Appendix I. Tender data profile”: the document has “Parking sensors, whose data the contractor owns”; the build writes “Parking sensors”\n');
    expect(result.stdout).toContain(NOT_VERIFIED);
  });

  test('an answer edited in the text and in the recorded answers, hash recomputed: caught against the officer’s answers file', async () => {
    const forged = { ...FIXTURE_ANSWERS, contractTitle: 'Parking sensors, whose data the contractor owns' };
    let bytes = await edit(DOC, (xml) => xml.replaceAll('>Parking sensors<', `>${forged.contractTitle}<`));
    bytes = await edit(CUSTOM, (xml) => recordAnswers(xml, forged), bytes);
    // Consistent with itself: an unkeyed record can be rewritten by whoever edits the file (docs/documents.md).
    const alone = await verifyBytes(bytes);
    expect(alone.code, alone.stdout).toBe(0);
    expect(alone.stdout).toContain(`answers: 8 recorded in the document, hash ${answersHash(forged).slice(7, 19)}\n`);
    const checked = await verifyBytes(bytes, '--answers', 'answers/tender.yaml');
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain('answers: 8 recorded in the document, hash ');
    expect(checked.stdout).toContain(', not those of answers/tender.yaml\n');
    expect(checked.stdout).toContain('✗ the answer to contractTitle is “Parking sensors, whose data the contractor owns” in the document and “Parking sensors” in the answers file\n');
    expect(checked.stdout).toContain(NOT_VERIFIED);
    const honest = await verifyBytes(original, '--answers', 'answers/tender.yaml');
    expect(honest.code, honest.stdout).toBe(0);
    expect(honest.stdout).toContain(', the same as answers/tender.yaml\n');
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
    expect(result.stdout).toContain('✗ the answers the document records select clause data.personal, which the document does not list\n');
    expect(result.stdout).toContain('  ✗ Clause 2.1 “Personal data”: missing whole (its heading and 1 paragraph)\n');
    expect(result.stdout).toContain('  ✗ The document has 2 clause headings; the build writes 3\n');
  });

  test('every clause property removed and the count set to 0', async () => {
    const bytes = await edit(CUSTOM, (xml) => setProperty(['general.terms', 'general.lists', 'data.personal'].reduce((x, id) => setProperty(x, `clausula.clause.${id}`, null), xml), 'clausula.clauses', '0'));
    const result = await verifyBytes(bytes);
    expect(result.code).toBe(1);
    for (const id of ['general.terms', 'general.lists', 'data.personal']) expect(result.stdout).toContain(`✗ the answers the document records select clause ${id}, which the document does not list\n`);
    expect(result.stdout).toContain('0 clauses: 0 as in the library\n');
    expect(result.stdout).toContain(NOT_VERIFIED);
  });

  test.each(['3.0', '3e0', ' 3', '+3', '0x3', '３', '', '03'])('a clause count that is not a whole number: %j', async (count) => {
    const result = await verifyBytes(await edit(CUSTOM, (xml) => setProperty(xml, 'clausula.clauses', count)));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`✗ the property clausula.clauses is “${count.replace(/^ /, ' ')}”, not a whole number\n`);
  });

  test('text hidden with w:vanish in a run: reported, and missing from what Word shows', async () => {
    const result = await verifyBytes(await edit(DOC, (xml) => xml.replace('<w:r><w:t xml:space="preserve">Personal data of ', '<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve">Personal data of ')));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('  ✗ In paragraph 1 of clause 2.1 “Personal data”: hidden text, which Word does not show: “Personal data of ”\n');
    expect(result.stdout).toContain('  ✗ Paragraph 1 of clause 2.1 “Personal data”: the document has “City of Testville stay in the EEA.”; the build writes “Personal data of City of Testville stay in the EEA.”\n');
  });

  test.each([
    ['a character style', (xml: string) => xml.replace('<w:name w:val="Clausula Answer"/>', '<w:name w:val="Clausula Answer"/><w:rPr><w:vanish/></w:rPr>'), 'hidden text, which Word does not show: “City of Testville”'],
    ['the paragraph style its text is based on', (xml: string) => xml.replace(/(<w:style w:type="paragraph" w:styleId="ListNumber">[\s\S]*?)(<\/w:style>)/, '$1<w:rPr><w:vanish w:val="true"/></w:rPr>$2'), 'hidden text, which Word does not show: “keep records;”'],
    ['the document defaults', (xml: string) => xml.replace('<w:rPrDefault><w:rPr>', '<w:rPrDefault><w:rPr><w:vanish/>'), 'hidden text, which Word does not show: “Data clauses”'],
  ])('text hidden with w:vanish in %s', async (_what, change, says) => {
    const result = await verifyBytes(await edit('word/styles.xml', change));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(says);
  });

  test('text read through XML comments, CDATA and other namespace prefixes as Word reads it', async () => {
    // The old text left in a comment, where a reader of the raw XML would find it.
    const comment = await verifyBytes(await edit(DOC, (xml) => xml.replace('stay in the EEA.', 'may leave the EEA.<!-- </w:t><w:t>stay in the EEA. -->')));
    expect(comment.code).toBe(1);
    expect(comment.stdout).toContain('the document has “Personal data of City of Testville may leave the EEA.”; the build writes “Personal data of City of Testville stay in the EEA.”');
    // The same namespace under another prefix is the same element to Word.
    const prefix = await verifyBytes(await edit(DOC, (xml) => xml.replace('<w:t xml:space="preserve"> stay in the EEA.</w:t>', '<x:t xml:space="preserve" xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"> may leave the EEA.</x:t>')));
    expect(prefix.code).toBe(1);
    expect(prefix.stdout).toContain('the document has “Personal data of City of Testville may leave the EEA.”');
    // And the w: prefix bound to another namespace is not WordprocessingML text at all.
    const rebound = await verifyBytes(await edit(DOC, (xml) => xml.replace('<w:t xml:space="preserve"> stay in the EEA.</w:t>', '<w:t xmlns:w="urn:not-word"> stay in the EEA.</w:t><w:t xml:space="preserve"> may leave the EEA.</w:t>')));
    expect(rebound.code).toBe(1);
    expect(rebound.stdout).toContain('the document has “Personal data of City of Testville may leave the EEA.”');
    const cdata = await verifyBytes(await edit(DOC, (xml) => xml.replace('stay in the EEA.', '<![CDATA[may leave the EEA.]]>')));
    expect(cdata.code).toBe(1);
    expect(cdata.stdout).toContain('the document has “Personal data of City of Testville may leave the EEA.”');
    // Entities and character references are decoded, as Word decodes them.
    const refs = await verifyBytes(await edit(DOC, (xml) => xml.replace('stay in the EEA.', '&#115;tay in the &#x45;EA.')));
    expect(refs.code, refs.stdout).toBe(0);
  });

  test('duplicate zip entries, whatever their case', async () => {
    const evil = await edit(DOC, (xml) => xml.replace('stay in the EEA.', 'may leave the EEA.'));
    for (const name of ['word/document.xml', 'Word/Document.XML']) {
      const result = await verifyBytes(await rezip(original, (entries) => [...entries, { name, data: evilDocument(evil) }]));
      expect(result.code, result.stdout + result.stderr).toBe(1);
      expect(result.stdout).toContain(`holds two zip entries named ${name}: readers do not agree on which one is the document\n${NOT_VERIFIED}`);
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
