import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeZip } from '../../src/render/docx/zip.js';
import { runCli } from '../helpers/cli.js';
import { docxParts } from '../helpers/docx.js';
import { fixtureCopy } from '../helpers/testdir.js';
import { expectNoCrash, expectRefused, failOnProcessWarnings, unchanged } from './guard.js';

/**
 * Reference documents whose parts are not what Word writes: styles or a theme that are not
 * well-formed XML, declare a document type (entities that expand or read other files), or
 * are some other kind of XML. Each is an input error naming the document and the part,
 * with nothing written; the theme is never copied into a document unchecked.
 */

failOnProcessWarnings();

const ANSWERS = 'answers:\n  authorityName: Example Council\n  contractTitle: Resurfacing\n  contractType: works\n  contractDurationMonths: 6\n  generatesData: false\n  hosting: none\n  ensCategory: basic\n';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:rPr><w:color w:val="FF0000"/></w:rPr></w:style></w:styles>`;
const THEME = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><a:theme xmlns:a="${A}" name="House"><a:themeElements/></a:theme>`;

function reference(dir: string, parts: Record<string, string>): string {
  writeFileSync(join(dir, 'house.docx'), writeZip(Object.entries(parts).map(([name, text]) => ({ name, data: Buffer.from(text, 'utf8') })), new Date(0)));
  return 'house.docx';
}

const build = (dir: string, ...args: string[]) => runCli(['--library', '.', 'build', 'answers.yaml', ...args], { cwd: dir, env: { SOURCE_DATE_EPOCH: '0' } });

describe('a reference document whose parts are not what Word writes', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ['styles that are not well-formed', { 'word/styles.xml': `<w:styles xmlns:w="${W}"><w:style></w:styles>` }, /house\.docx: word\/styles\.xml cannot be read: it is not well-formed XML: .*mismatch/],
    [
      'styles with a DOCTYPE (an entity that would expand a billion times)',
      { 'word/styles.xml': `<?xml version="1.0"?><!DOCTYPE w:styles [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:styles xmlns:w="${W}">&b;</w:styles>` },
      /house\.docx: word\/styles\.xml cannot be read: it declares a document type \(<!DOCTYPE …>\), which Word documents never do/,
    ],
    [
      'styles with a DOCTYPE that reads another file',
      { 'word/styles.xml': `<!DOCTYPE w:styles SYSTEM "file:///etc/passwd"><w:styles xmlns:w="${W}"/>` },
      /house\.docx: word\/styles\.xml cannot be read: it declares a document type/,
    ],
    ['styles with a control character', { 'word/styles.xml': `<w:styles xmlns:w="${W}">\u0001</w:styles>` }, /word\/styles\.xml cannot be read: it is not well-formed XML: it holds the control character U\+0001 at line 1, column 82/],
    ['styles in UTF-16', { 'word/styles.xml': `<?xml version="1.0" encoding="UTF-16"?><w:styles xmlns:w="${W}"/>` }, /word\/styles\.xml cannot be read: it is encoded in UTF-16; Word documents are in UTF-8/],
    ['styles of another namespace', { 'word/styles.xml': '<styles><style/></styles>' }, /house\.docx: word\/styles\.xml is not WordprocessingML styles: its root element is <styles>/],
    ['a theme that is not well-formed', { 'word/styles.xml': STYLES, 'word/theme/theme1.xml': `<a:theme xmlns:a="${A}">` }, /house\.docx: word\/theme\/theme1\.xml cannot be read: it is not well-formed XML/],
    ['a theme with a DOCTYPE', { 'word/styles.xml': STYLES, 'word/theme/theme1.xml': `<!DOCTYPE a:theme [<!ENTITY x SYSTEM "file:///etc/passwd">]><a:theme xmlns:a="${A}">&x;</a:theme>` }, /word\/theme\/theme1\.xml cannot be read: it declares a document type/],
    ['a theme that is some other XML', { 'word/styles.xml': STYLES, 'word/theme/theme1.xml': '<html><script>alert(1)</script></html>' }, /house\.docx: word\/theme\/theme1\.xml is not a DrawingML theme: its root element is <html>/],
  ];
  test.each(cases)('%s', async (_name, parts, says) => {
    const dir = fixtureCopy('basic', { 'answers.yaml': ANSWERS });
    const path = reference(dir, parts);
    const result = await unchanged(dir, () => build(dir, '--reference-doc', path, '-o', 'out.docx'));
    expectRefused(result, { code: 2, file: path, says });
    expect(result.stderr).toContain('How to fix: give a .docx saved by Word or LibreOffice');
    expectNoCrash(result.stderr);
  });

  test('a well-formed theme is lent with the styles; one that needs parts of its own is left out', async () => {
    const dir = fixtureCopy('basic', { 'answers.yaml': ANSWERS });
    reference(dir, { 'word/styles.xml': STYLES, 'word/theme/theme1.xml': THEME });
    expect((await build(dir, '--reference-doc', 'house.docx', '-o', 'lent.docx')).code).toBe(0);
    expect((await docxParts(join(dir, 'lent.docx'))).get('word/theme/theme1.xml')).toBe(THEME);

    const pictured = THEME.replace('name="House">', `name="House" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><a:blip r:embed="rId1"/>`);
    reference(dir, { 'word/styles.xml': STYLES, 'word/theme/theme1.xml': pictured });
    expect((await build(dir, '--reference-doc', 'house.docx', '-o', 'own.docx')).code).toBe(0);
    const own = (await docxParts(join(dir, 'own.docx'))).get('word/theme/theme1.xml');
    expect(own).not.toContain('House');
    expect(readFileSync(join(dir, 'own.docx')).length).toBeGreaterThan(0);
  });
});
