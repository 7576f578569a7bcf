import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { customProperties } from '../../src/provenance/read-docx.js';
import { runCli } from '../helpers/cli.js';
import { docxParts, editDocx, paragraphs } from '../helpers/docx.js';
import { fixtureCopy } from '../helpers/testdir.js';

async function built(extra: string[] = [], files: Record<string, string> = {}): Promise<{ dir: string; bytes: Buffer }> {
  const dir = fixtureCopy('render', files);
  const result = await runCli(['--library', dir, 'build', 'answers/tender.yaml', '-o', 'tender.docx', '--template', 'main', ...extra], { cwd: dir });
  expect(result.code, result.stderr).toBe(0);
  return { dir, bytes: readFileSync(join(dir, 'tender.docx')) };
}
const verify = (dir: string, file: string, ...args: string[]) => runCli(['--library', dir, 'verify', file, ...args], { cwd: dir });

describe('clausula verify', () => {
  it('passes on a fresh build', async () => {
    const { dir } = await built();
    const result = await verify(dir, 'tender.docx');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('tender.docx: built from render-fixture@2.1.0 (template main, en, ');
    expect(result.stdout).toMatch(/✓ general\.terms\s+1\.2\.0\n/);
    expect(result.stdout).toContain('3 clauses: 3 as in the library');
    expect(result.stdout).toContain('Verified: the document matches the library.');
  });

  it('fails after a clause paragraph is edited in the file, and lists the edited clause', async () => {
    const { dir, bytes } = await built();
    writeFileSync(join(dir, 'edited.docx'), await editDocx(bytes, 'word/document.xml', (xml) => xml.replace('stay in the EEA.', 'may leave the EEA.')));
    const result = await verify(dir, 'edited.docx');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✗ data\.personal\s+1\.0\.0 {2}edited: its text was edited after the document was built/);
    expect(result.stdout).toContain('Edited clauses: data.personal');
    expect(result.stdout).toContain('Not verified');
    const json = JSON.parse((await verify(dir, 'edited.docx', '--json')).stdout);
    expect(json).toMatchObject({ version: 1, file: 'edited.docx', ok: false, edited: ['data.personal'], problems: [] });
    expect(json.clauses.find((c: { id: string }) => c.id === 'data.personal')).toMatchObject({ verdict: 'edited', edited: true });
  });

  it('ignores edits outside the clauses (cover, table of contents), and catches a removed bookmark', async () => {
    const { dir, bytes } = await built();
    writeFileSync(join(dir, 'cover.docx'), await editDocx(bytes, 'word/document.xml', (xml) => xml.replace('>Data clauses<', '>Annex 7: data clauses<')));
    expect((await verify(dir, 'cover.docx')).code).toBe(0);
    writeFileSync(join(dir, 'unmarked.docx'), await editDocx(bytes, 'word/document.xml', (xml) => xml.replace(/<w:bookmarkStart w:name="_clausula_[0-9a-f]+" w:id="\d+"\/>/, '')));
    const result = await verify(dir, 'unmarked.docx');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('edited: its text is no longer marked in the document');
  });

  it("catches text changed along with its recorded hash, by the library's wording", async () => {
    const { dir, bytes } = await built();
    const { textHash } = await import('../../src/text/plain-text.js');
    const props = customProperties((await docxParts(bytes)).get('docProps/custom.xml')!);
    const [version, hash, oldText] = props.get('clausula.clause.data.personal')!.split(' ');
    const forged = textHash('Personal data\nPersonal data of City of Testville may leave the EEA.');
    let doc = await editDocx(bytes, 'word/document.xml', (xml) => xml.replace('stay in the EEA.', 'may leave the EEA.'));
    doc = await editDocx(doc, 'docProps/custom.xml', (xml) => xml.replace(`${version} ${hash} ${oldText}`, `${version} ${hash} ${forged}`));
    writeFileSync(join(dir, 'forged.docx'), doc);
    const result = await verify(dir, 'forged.docx');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("edited: its text does not read as the library's wording of this clause");
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
    const text = paragraphs((await docxParts(bytes)).get('word/document.xml')!);
    expect(text).toContain('calibrate the sensors of City of Testville;');
    expect(text.join('\n')).not.toContain('blur faces');
    const ok = await verify(dir, 'tender.docx');
    expect(ok.code, ok.stdout).toBe(0);

    // Taking out a passage that always prints, and forging the text hash to match, is caught by the wording.
    const { textHash } = await import('../../src/text/plain-text.js');
    const props = customProperties((await docxParts(bytes)).get('docProps/custom.xml')!);
    const [version, hash, oldText] = props.get('clausula.clause.data.personal')!.split(' ');
    const forged = textHash('Personal data\ncalibrate the sensors of City of Testville;\nkeep personal data in the EEA.');
    let doc = await editDocx(bytes, 'word/document.xml', (xml) => xml.replace(/<w:p>(?:(?!<w:p>).)*For personal data, the Contractor shall:(?:(?!<\/w:p>).)*<\/w:p>/s, ''));
    doc = await editDocx(doc, 'docProps/custom.xml', (xml) => xml.replace(`${version} ${hash} ${oldText}`, `${version} ${hash} ${forged}`));
    writeFileSync(join(dir, 'forged.docx'), doc);
    const forgedResult = await verify(dir, 'forged.docx');
    expect(forgedResult.code).toBe(1);
    expect(forgedResult.stdout).toContain("edited: its text does not read as the library's wording of this clause");
  });

  it('reports a library whose clause or release moved on, and checks clauses.lock.yaml', async () => {
    const { dir } = await built();
    const props = customProperties((await docxParts(join(dir, 'tender.docx'))).get('docProps/custom.xml')!);
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
    expect(wrongLock.stdout).toMatch(/✗ general\.terms\s+1\.2\.0 {2}mismatch: clauses\.lock\.yaml records version 1\.2\.0 with hash 000000000000/);

    writeFileSync(join(dir, 'clauses/clauses.lock.yaml'), lock(hashOf('general.terms')!));
    const clauseFile = join(dir, 'clauses/general/terms.yaml');
    writeFileSync(clauseFile, readFileSync(clauseFile, 'utf8').replace('version: 1.2.0', 'version: 1.3.0').replace('keep **records**', 'keep **full records**'));
    const library = join(dir, 'clauses/library.yaml');
    writeFileSync(library, readFileSync(library, 'utf8').replace('version: 2.1.0', 'version: 2.2.0'));
    const moved = await verify(dir, 'tender.docx');
    expect(moved.code).toBe(1);
    expect(moved.stdout).toContain('✗ the document was built from release render-fixture@2.1.0; the library is release render-fixture@2.2.0');
    expect(moved.stdout).toContain('mismatch: the document has version 1.2.0; the library has 1.3.0');
    expect(moved.stdout).toMatch(/✓ data\.personal/);
  });

  it('fails a document built with draft clauses', async () => {
    const { dir } = await built(['--include-drafts']);
    const result = await verify(dir, 'tender.docx');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✗ the document was built with --include-drafts: it is not for tender use');
    expect(result.stdout).toMatch(/✗ data\.draft\s+0\.1\.0 {2}mismatch: it is draft in the library/);
  });

  it('exits 2 on what it cannot read', async () => {
    const { dir, bytes } = await built();
    writeFileSync(join(dir, 'notes.docx'), 'plain text');
    const notZip = await verify(dir, 'notes.docx');
    expect(notZip.code).toBe(2);
    expect(notZip.stderr).toContain('notes.docx is not a Word document (.docx): it is not a zip package');
    expect((await verify(dir, 'missing.docx')).stderr).toContain('missing.docx: no such file');
    writeFileSync(join(dir, 'bare.docx'), await editDocx(bytes, 'docProps/custom.xml', () => '<?xml version="1.0"?><Properties/>'));
    const bare = await verify(dir, 'bare.docx');
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('the document has no clausula provenance');
    expect((await runCli(['--library', dir, 'guide', '-o', 'guide.docx'], { cwd: dir })).code).toBe(0);
    const guide = await verify(dir, 'guide.docx');
    expect(guide.code).toBe(2);
    expect(guide.stderr).toContain('guide.docx is a guideline, not a tender document');
  });
});
