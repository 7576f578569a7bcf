import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { editDocx } from '../helpers/docx.js';
import { fixtureCopy } from '../helpers/testdir.js';

/**
 * verify on the render fixture: a fresh build passes; every kind of edit to the text —
 * a paragraph inserted, a whole new clause, a footnote edited, a clause deleted, clauses
 * reordered, a word changed — fails with exactly what changed and where.
 */

const ENV = { SOURCE_DATE_EPOCH: '1795000000' };

async function built(extra: string[] = [], files: Record<string, string> = {}): Promise<{ dir: string; bytes: Buffer }> {
  const dir = fixtureCopy('render', files);
  const result = await runCli(['--library', dir, 'build', 'answers/tender.yaml', '-o', 'tender.docx', '--template', 'main', ...extra], { cwd: dir, env: ENV });
  expect(result.code, result.stderr).toBe(0);
  return { dir, bytes: readFileSync(join(dir, 'tender.docx')) };
}
const verify = (dir: string, file: string, ...args: string[]) => runCli(['--library', dir, 'verify', file, ...args], { cwd: dir });

/** A paragraph as Word writes one, with an optional style. */
const para = (text: string, style?: string) => `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
/** The whole paragraph (w:p … </w:p>) that holds this text. */
const paragraphWith = (xml: string, text: string): string => {
  const at = xml.indexOf(text);
  const start = xml.lastIndexOf('<w:p>', at);
  return xml.slice(start, xml.indexOf('</w:p>', at) + '</w:p>'.length);
};
/** From the paragraph holding `from` up to (not including) the one holding `to`. */
const between = (xml: string, from: string, to: string): string => {
  // After the table of contents, which names every heading too.
  const start = xml.lastIndexOf('<w:p>', xml.indexOf(from, xml.indexOf('</w:sdt>')));
  const end = xml.lastIndexOf('<w:p>', xml.indexOf(to, start));
  return xml.slice(start, end);
};

async function tampered(part: string, edit: (xml: string) => string): Promise<{ dir: string; code: number; stdout: string }> {
  const { dir, bytes } = await built();
  writeFileSync(join(dir, 'tampered.docx'), await editDocx(bytes, part, edit));
  const result = await verify(dir, 'tampered.docx');
  return { dir, code: result.code, stdout: result.stdout };
}

const HEAD = 'tampered.docx: built from render-fixture@2.1.0 (template main, en, 2026-11-18)\nlibrary: render-fixture@2.1.0, no clauses.lock.yaml\nanswers: 8 recorded in the document, hash 8c2b142c8185\n\n';
const clauses = (terms: string, lists: string, personal: string) =>
  [`${terms ? '✗' : '✓'} general.terms  1.2.0${terms}`, `${lists ? '✗' : '✓'} general.lists  1.0.0${lists}`, `${personal ? '✗' : '✓'} data.personal  1.0.0${personal}`].join('\n') + '\n\n';
const EDITED = '  edited: its text is not what clausula writes (the differences are listed below)';
const NOT_VERIFIED = 'Not verified: the document does not match the library.\n';

describe('clausula verify', () => {
  it('passes on a fresh build, and says what it compared', async () => {
    const { dir } = await built();
    const result = await verify(dir, 'tender.docx');
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toBe(
      'tender.docx: built from render-fixture@2.1.0 (template main, en, 2026-11-18)\nlibrary: render-fixture@2.1.0, no clauses.lock.yaml\nanswers: 8 recorded in the document, hash 8c2b142c8185\n\n' +
        clauses('', '', '') +
        'text: every paragraph and footnote is as the build writes it\n\n3 clauses: 3 as in the library\nVerified: the document matches the library.\n',
    );
  });

  it('fails on a paragraph inserted between two clauses, naming where', async () => {
    const result = await tampered('word/document.xml', (xml) => xml.replace(paragraphWith(xml, 'Line one'), (p) => p + para('The Contractor may also use the data for its own purposes.')));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      HEAD +
        clauses('', EDITED, '') +
        'text: 1 difference from what the build writes:\n  ✗ After paragraph 6 of clause 1.2 “Second clause with lists”: text the build does not write: “The Contractor may also use the data for its own purposes.”\n\n3 clauses: 2 as in the library, 1 not\nEdited clauses: general.lists\n' +
        NOT_VERIFIED,
    );
  });

  it('fails on a new numbered clause, and counts the clause headings', async () => {
    const result = await tampered('word/document.xml', (xml) =>
      xml.replace(paragraphWith(xml, 'stay in the EEA.'), (p) => p + para('Assignment of data', 'Heading2') + para('The contractor may sell the data to third parties.')),
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      HEAD +
        clauses('', '', EDITED) +
        'text: 3 differences from what the build writes:\n' +
        '  ✗ After paragraph 1 of clause 2.1 “Personal data”: a clause heading the build does not write: “Assignment of data”\n' +
        '  ✗ After paragraph 1 of clause 2.1 “Personal data”: text the build does not write: “The contractor may sell the data to third parties.”\n' +
        '  ✗ The document has 4 clause headings; the build writes 3\n\n3 clauses: 2 as in the library, 1 not\nEdited clauses: data.personal\n' +
        NOT_VERIFIED,
    );
  });

  it('fails on an edited legal-basis footnote', async () => {
    const result = await tampered('word/footnotes.xml', (xml) => xml.replace('art. 122 — ', 'art. 122, which does not apply — '));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      HEAD +
        clauses(EDITED, '', '') +
        'text: 1 difference from what the build writes:\n' +
        '  ✗ Paragraph 1 of clause 1.1 “Terms of the contract”: its footnote has “Law 9/2017 (LCSP), art. 122, which does not apply — https://example.org/lcsp?art=122&x=1”; the build writes “Law 9/2017 (LCSP), art. 122 — https://example.org/lcsp?art=122&x=1”\n\n' +
        '3 clauses: 2 as in the library, 1 not\nEdited clauses: general.terms\n' +
        NOT_VERIFIED,
    );
  });

  it('fails on a deleted clause', async () => {
    const result = await tampered('word/document.xml', (xml) => xml.replace(between(xml, 'Second clause with lists', 'Data protection'), ''));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      HEAD +
        clauses('', EDITED, '') +
        'text: 2 differences from what the build writes:\n  ✗ Clause 1.2 “Second clause with lists”: missing whole (its heading and 6 paragraphs)\n  ✗ The document has 2 clause headings; the build writes 3\n\n' +
        '3 clauses: 2 as in the library, 1 not\nEdited clauses: general.lists\n' +
        NOT_VERIFIED,
    );
  });

  it('fails on reordered clauses', async () => {
    const result = await tampered('word/document.xml', (xml) => {
      const terms = between(xml, 'Terms of the contract', 'Second clause with lists');
      const lists = between(xml, 'Second clause with lists', 'Data protection');
      return xml.replace(terms + lists, lists + terms);
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      HEAD +
        clauses('', EDITED, '') +
        'text: 1 difference from what the build writes:\n  ✗ The heading of clause 1.2 “Second clause with lists” and the 6 paragraphs after it: the document has them after paragraph 1 of part 1 “General provisions”\n\n' +
        '3 clauses: 2 as in the library, 1 not\nEdited clauses: general.lists\n' +
        NOT_VERIFIED,
    );
  });

  it('fails on a changed word, showing it in context, and in JSON', async () => {
    const result = await tampered('word/document.xml', (xml) => xml.replace('stay in the EEA.', 'may leave the EEA.'));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('  ✗ Paragraph 1 of clause 2.1 “Personal data”: the document has “Personal data of City of Testville may leave the EEA.”; the build writes “Personal data of City of Testville stay in the EEA.”\n');
    const json = JSON.parse((await verify(result.dir, 'tampered.docx', '--json')).stdout);
    expect(json).toMatchObject({ version: 2, file: 'tampered.docx', ok: false, edited: ['data.personal'], problems: [] });
    expect(json.text.differences).toEqual([
      {
        kind: 'changed',
        position: { at: 'in', place: { kind: 'clause', number: '2.1', id: 'data.personal', title: 'Personal data' }, paragraph: 1 },
        expected: 'Personal data of City of Testville stay in the EEA.',
        found: 'Personal data of City of Testville may leave the EEA.',
        message: 'Paragraph 1 of clause 2.1 “Personal data”: the document has “Personal data of City of Testville may leave the EEA.”; the build writes “Personal data of City of Testville stay in the EEA.”',
      },
    ]);
    expect(json.clauses.find((c: { id: string }) => c.id === 'data.personal')).toMatchObject({ verdict: 'edited', edited: true });
  });

  it('fails on text added to the cover, the table of contents, an appendix or the header', async () => {
    const cover = await tampered('word/document.xml', (xml) => xml.replace('>Data clauses<', '>Data clauses, which do not bind the contractor<'));
    expect(cover.stdout).toContain('  ✗ Line 2 of the cover: the document has “Data clauses, which do not bind the contractor”; the build writes “Data clauses”\n');
    const toc = await tampered('word/document.xml', (xml) => xml.replace('>Terms of the contract</w:t></w:r></w:hyperlink>', '>Terms of the contract (void)</w:t></w:r></w:hyperlink>'));
    expect(toc.stdout).toContain('  ✗ Entry 2 of the table of contents: the document has “1.1. Terms of the contract (void)”; the build writes “1.1. Terms of the contract”\n');
    const annex = await tampered('word/document.xml', (xml) => {
      const at = xml.lastIndexOf('>1,234.5<');
      return `${xml.slice(0, at)}>1,234,500<${xml.slice(at + '>1,234.5<'.length)}`;
    });
    expect(annex.code).toBe(1);
    expect(annex.stdout).toContain('  ✗ Paragraph 12 of “Appendix I. Tender data profile”: the document has “1,234,500”; the build writes “1,234.5”\n');
    const header = await tampered('word/header1.xml', (xml) => xml.replace('>File EXP-2026-7<', '>File EXP-2026-7 — draft, not binding<'));
    expect(header.code).toBe(1);
    expect(header.stdout).toContain('  ✗ The header holds text the build does not write: “File EXP-2026-7 — draft, not binding”\n');
  });

  it('verifies a clause whose passages print under their own conditions, and catches a passage that should be there taken out', async () => {
    const personal = [
      'id: data.personal',
      'version: 1.0.0',
      'status: approved',
      'category: data',
      'when: processesPersonalData',
      'title: { en: Personal data, es: Datos personales }',
      'text:',
      '  - text: { en: "For personal data, the Contractor shall:", es: "En cuanto a los datos personales, la empresa contratista:" }',
      '  - when: \'"sensor" in kinds\'',
      '    text: { en: "1. calibrate the sensors of {{ authorityName }};", es: "1. calibrará los sensores de {{ authorityName }};" }',
      '  - when: \'"video" in kinds\'',
      '    text: { en: "1. blur faces;", es: "1. difuminará las caras;" }',
      '  - text: { en: "1. keep personal data in the EEA.", es: "1. mantendrá los datos personales en el EEE." }',
      'guidance: { en: When personal data are processed., es: Cuando se tratan datos personales. }',
      'changelog:',
      '  - { version: 1.0.0, date: 2026-11-20, note: First version. }',
      '',
    ].join('\n');
    const { dir, bytes } = await built([], { 'clauses/data/personal.yaml': personal });
    const ok = await verify(dir, 'tender.docx');
    expect(ok.code, ok.stdout).toBe(0);
    writeFileSync(join(dir, 'tampered.docx'), await editDocx(bytes, 'word/document.xml', (xml) => xml.replace(paragraphWith(xml, 'For personal data, the Contractor shall:'), '')));
    const taken = await verify(dir, 'tampered.docx');
    expect(taken.code).toBe(1);
    expect(taken.stdout).toContain('  ✗ Paragraph 1 of clause 2.1 “Personal data”: missing (the build writes “For personal data, the Contractor shall:”)\n');
  });

  it('reports a library whose clause or release moved on, and checks clauses.lock.yaml', async () => {
    const { dir } = await built();
    const { readWordDocument } = await import('../../src/verify/read-document.js');
    const props = (await readWordDocument(join(dir, 'tender.docx'), 'tender.docx')).properties;
    const hashOf = (id: string) => props.get(`clausula.clause.${id}`)!.split(' ')[1];
    const lock = (terms: string) =>
      `library: render-fixture\nversion: 2.1.0\nclauses:\n  general.terms: { version: 1.2.0, hash: "${terms}" }\n  general.lists: { version: 1.0.0, hash: "${hashOf('general.lists')}" }\n  data.personal: { version: 1.0.0, hash: "${hashOf('data.personal')}" }\n`;
    writeFileSync(join(dir, 'clauses/clauses.lock.yaml'), lock(hashOf('general.terms')!));
    const locked = await verify(dir, 'tender.docx');
    expect(locked.code, locked.stdout).toBe(0);
    expect(locked.stdout).toContain('library: render-fixture@2.1.0, with clauses.lock.yaml');

    writeFileSync(join(dir, 'clauses/clauses.lock.yaml'), lock(`sha256:${'0'.repeat(64)}`));
    const wrongLock = await verify(dir, 'tender.docx');
    expect(wrongLock.code).toBe(1);
    expect(wrongLock.stdout).toMatch(/✗ general\.terms {2}1\.2\.0 {2}mismatch: clauses\.lock\.yaml records version 1\.2\.0 with hash 000000000000/);

    writeFileSync(join(dir, 'clauses/clauses.lock.yaml'), lock(hashOf('general.terms')!));
    const clauseFile = join(dir, 'clauses/general/terms.yaml');
    writeFileSync(clauseFile, readFileSync(clauseFile, 'utf8').replace('version: 1.2.0', 'version: 1.3.0').replace('keep **records**', 'keep **full records**'));
    const library = join(dir, 'clauses/library.yaml');
    writeFileSync(library, readFileSync(library, 'utf8').replace('version: 2.1.0', 'version: 2.2.0'));
    const moved = await verify(dir, 'tender.docx');
    expect(moved.code).toBe(1);
    expect(moved.stdout).toContain('✗ the document was built from release render-fixture@2.1.0; the library is release render-fixture@2.2.0\n');
    expect(moved.stdout).toContain('✗ the text was not compared: it is compared with the release the document was built from (give that release with --library)\n');
    expect(moved.stdout).toContain('mismatch: the document has version 1.2.0; the library has 1.3.0');
    expect(moved.stdout).toMatch(/✓ data\.personal/);
    expect(moved.stdout).toContain('text: not compared\n');
  });

  it('fails a document built with draft clauses', async () => {
    const { dir } = await built(['--include-drafts']);
    const result = await verify(dir, 'tender.docx');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✗ the document was built with --include-drafts: it is not for tender use');
    expect(result.stdout).toMatch(/✗ data\.draft\s+0\.1\.0 {2}mismatch: it is draft in the library/);
    expect(result.stdout).toContain('text: every paragraph and footnote is as the build writes it\n');
  });

  it('speaks the document’s language', async () => {
    const { dir, bytes } = await built(['--lang', 'es']);
    writeFileSync(join(dir, 'tampered.docx'), await editDocx(bytes, 'word/document.xml', (xml) => xml.replace(paragraphWith(xml, 'Línea uno'), (p) => p + para('El contratista puede vender los datos.'))));
    const result = await verify(dir, 'tampered.docx');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('tampered.docx: generado a partir de render-fixture@2.1.0 (plantilla main, es, 2026-11-18)\nbiblioteca: render-fixture@2.1.0, sin clauses.lock.yaml\n');
    expect(result.stdout).toContain('  ✗ Después del párrafo 6 de la cláusula 1.2 «Segunda cláusula con listas»: texto que clausula no escribe: «El contratista puede vender los datos.»\n');
    expect(result.stdout).toContain('No verificado: el documento no coincide con la biblioteca.\n');
    // --lang asks for the report in another language; the document's text is quoted as it is.
    const english = await verify(dir, 'tampered.docx', '--lang', 'en');
    expect(english.code).toBe(1);
    expect(english.stdout).toContain('tampered.docx: built from render-fixture@2.1.0 (template main, es, 2026-11-18)\n');
    expect(english.stdout).toContain('  ✗ After paragraph 6 of clause 1.2 “Segunda cláusula con listas”: text the build does not write: “El contratista puede vender los datos.”\n');
    expect(english.stdout).toContain(NOT_VERIFIED);
    const json = JSON.parse((await verify(dir, 'tampered.docx', '--lang', 'ca', '--json')).stdout);
    expect(json.text.differences[0].message).toBe('Després del paràgraf 6 de la clàusula 1.2 «Segunda cláusula con listas»: text que clausula no escriu: «El contratista puede vender los datos.»');
  });

  it('exits 2 on what it cannot read', async () => {
    const { dir, bytes } = await built();
    writeFileSync(join(dir, 'notes.docx'), 'plain text');
    const notZip = await verify(dir, 'notes.docx');
    expect(notZip.code).toBe(2);
    expect(notZip.stderr).toContain('notes.docx is not a Word document (.docx): it is not a zip package');
    expect((await verify(dir, 'missing.docx')).stderr).toContain('missing.docx: no such file');
    writeFileSync(join(dir, 'bare.docx'), await editDocx(bytes, 'docProps/custom.xml', () => '<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"/>'));
    const bare = await verify(dir, 'bare.docx');
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('the document has no clausula provenance');
    expect((await runCli(['--library', dir, 'guide', '-o', 'guide.docx'], { cwd: dir })).code).toBe(0);
    const guide = await verify(dir, 'guide.docx');
    expect(guide.code).toBe(2);
    expect(guide.stderr).toContain('guide.docx is a guideline, not a tender document');
  });
});
