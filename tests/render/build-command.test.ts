import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../helpers/cli.js';
import { docxParts, paragraphs } from '../helpers/docx.js';
import { fixtureCopy } from '../helpers/testdir.js';

const EPOCH = { SOURCE_DATE_EPOCH: '1795000000' };
const build = (dir: string, ...args: string[]) => runCli(['--library', dir, 'build', ...args], { cwd: dir, env: EPOCH });

describe('clausula build', () => {
  it('writes next to the answers file by default and never overwrites without --force', async () => {
    const dir = fixtureCopy('render');
    const first = await build(dir, 'answers/tender.yaml');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('Wrote answers/tender.docx: 3 clauses in 2 parts (main, en, render-fixture@2.1.0)\n');
    const before = readFileSync(join(dir, 'answers/tender.docx'));
    writeFileSync(join(dir, 'answers/tender.docx'), 'edited by an officer');
    const again = await build(dir, 'answers/tender.yaml');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('answers/tender.docx already exists; clausula does not overwrite it without --force');
    expect(readFileSync(join(dir, 'answers/tender.docx'), 'utf8')).toBe('edited by an officer');
    const forced = await build(dir, 'answers/tender.yaml', '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'answers/tender.docx')).equals(before)).toBe(true);
  });

  it('names the file after the template when --template picks it, and says which template holds the other clauses', async () => {
    const dir = fixtureCopy('render');
    const result = await build(dir, 'answers/tender.yaml', '--template', 'technical', '--format', 'md');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Wrote answers/tender.technical.md: 1 clause in 1 part');
    expect(result.stderr).toContain('3 more clauses apply to this tender in template main; build it with: clausula build answers/tender.yaml --template main');
    expect(readFileSync(join(dir, 'answers/tender.technical.md'), 'utf8')).toContain('### 1.1 Only in the other template');
  });

  it('refuses an unknown template with a suggestion, and never reads a template name as a path', async () => {
    const dir = fixtureCopy('render');
    const typo = await build(dir, 'answers/tender.yaml', '--template', 'mian');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('there is no template "mian" in this library');
    expect(typo.stderr).toContain('did you mean main?');
    const path = await build(dir, 'answers/tender.yaml', '--template', '../../etc/passwd');
    expect(path.code).toBe(2);
    expect(path.stderr).toContain('there is no template "../../etc/passwd" in this library');
    expect(path.stderr).toContain('the templates are: main, technical');
    expect(existsSync(join(dir, 'answers/tender.docx'))).toBe(false);
  });

  it("takes the answers file's template, else the library's default, else asks when there are several", async () => {
    const dir = fixtureCopy('render', {
      'answers/technical.yaml': 'template: technical\nanswers:\n  authorityName: A\n  contractTitle: B\n  processesPersonalData: false\n',
    });
    const own = await build(dir, 'answers/technical.yaml', '-o', 'own.json', '--format', 'json');
    expect(JSON.parse(readFileSync(join(dir, 'own.json'), 'utf8')).template).toBe('technical');
    expect(own.code).toBe(0);
    writeFileSync(join(dir, 'clauses/library.yaml'), readFileSync(join(dir, 'clauses/library.yaml'), 'utf8').replace('defaultTemplate: main\n', ''));
    const none = await build(dir, 'answers/tender.yaml', '--format', 'md');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('the library has 2 templates and no defaultTemplate');
    expect(none.stderr).toContain('choose one with --template: main, technical');
  });

  it('fails once, naming every missing required answer with its question, before writing anything', async () => {
    const dir = fixtureCopy('render', { 'answers/partial.yaml': 'answers:\n  note: hello\n' });
    const result = await build(dir, 'answers/partial.yaml');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('answers/partial.yaml lacks 3 answers that the document needs');
    expect(result.stderr).toContain('answers/partial.yaml:1:1  error  authorityName: Which public body tenders the contract?');
    expect(result.stderr).toContain('contractTitle: What is the contract called?');
    expect(result.stderr).toContain('processesPersonalData: Will the contractor process personal data?');
    expect(result.stderr).toContain('How to fix: add them under answers:, or run clausula interview answers/partial.yaml');
    expect(existsSync(join(dir, 'answers/partial.docx'))).toBe(false);
  });

  it('writes numbers, dates and options in the language asked for', async () => {
    const dir = fixtureCopy('render');
    const result = await build(dir, 'answers/tender.yaml', '--lang', 'es', '--format', 'md', '-o', '-');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Importe: 1.234,5; inicio: 31 de enero de 2027; tipos: Lecturas de sensores y Datos personales.');
    expect(result.stdout).toContain('### 1.1 Términos del contrato');
    expect(result.stderr).toContain('Wrote 3 clauses in 2 parts (main, es, render-fixture@2.1.0)');
    const bad = await build(dir, 'answers/tender.yaml', '--lang', 'fr');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('the library has no fr texts');
  });

  it('warns about blanks, and marks a document with drafts as not for tender use', async () => {
    const dir = fixtureCopy('render', { 'answers/short.yaml': 'answers:\n  authorityName: A\n  contractTitle: B\n  processesPersonalData: false\n' });
    const result = await build(dir, 'answers/short.yaml', '--include-drafts', '--format', 'md', '-o', '-');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('4 placeholders have no answer and show […] for you to fill in: general.terms: note, general.terms: amount, general.terms: startDate, general.terms: kinds');
    expect(result.stderr).toContain('draft clauses were allowed in (--include-drafts)');
    expect(result.stdout).toContain('> **DRAFT — contains clauses not approved for tender use**');
    expect(result.stdout).toContain('### 2.1 A draft clause');
    expect(result.stdout).toContain('| data.draft | 0.1.0 (draft) |');
  });

  it('adds the rationale annex with --rationale', async () => {
    const dir = fixtureCopy('render');
    const result = await build(dir, 'answers/tender.yaml', '--rationale', '--format', 'json', '-o', '-');
    const doc = JSON.parse(result.stdout);
    const rationale = doc.annexes.find((a: { kind: string }) => a.kind === 'rationale');
    expect(rationale.heading).toBe('Annex III. Why each clause is included');
    expect(rationale.rows).toContainEqual(['Personal data (data.personal)', 'Applies when the contractor processes personal data. (Personal data processed: Yes.)']);
  });

  it('takes the styles of a reference document, and refuses one that is not a Word document', async () => {
    const dir = fixtureCopy('render');
    expect((await build(dir, 'answers/tender.yaml', '-o', 'plain.docx')).code).toBe(0);
    // A reference whose Heading 1 is red, as an officer would restyle a document clausula built.
    const { editDocx } = await import('../helpers/docx.js');
    const restyled = await editDocx(readFileSync(join(dir, 'plain.docx')), 'word/styles.xml', (xml) =>
      xml.replace(/(<w:style [^>]*w:styleId="Heading1"[\s\S]*?<w:color w:val=")[0-9A-F]{6}/, '$1FF0000'),
    );
    writeFileSync(join(dir, 'house.docx'), restyled);
    const styled = await build(dir, 'answers/tender.yaml', '-o', 'styled.docx', '--reference-doc', 'house.docx');
    expect(styled.code).toBe(0);
    const styles = (await docxParts(join(dir, 'styled.docx'))).get('word/styles.xml')!;
    expect(/<w:style [^>]*w:styleId="Heading1"[\s\S]*?<\/w:style>/.exec(styles)![0]).toContain('<w:color w:val="FF0000"/>');
    expect(styles.match(/w:styleId="Heading1"/g)).toHaveLength(1);
    expect(styles).toContain('w:styleId="ClausulaAnswer"');

    writeFileSync(join(dir, 'fake.docx'), 'not a zip');
    const fake = await build(dir, 'answers/tender.yaml', '-o', 'x.docx', '--reference-doc', 'fake.docx');
    expect(fake.code).toBe(2);
    expect(fake.stderr).toContain('fake.docx is not a Word document (.docx): it is not a zip package');
    const missing = await build(dir, 'answers/tender.yaml', '-o', 'x.docx', '--reference-doc', 'nope.docx');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.docx: no such reference document');
    const md = await build(dir, 'answers/tender.yaml', '--format', 'md', '--reference-doc', 'house.docx');
    expect(md.code).toBe(2);
    expect(md.stderr).toContain('--reference-doc only applies to Word documents');
    expect(existsSync(join(dir, 'x.docx'))).toBe(false);
  });

  it('refuses a bad SOURCE_DATE_EPOCH, a missing folder and a library with errors', async () => {
    const dir = fixtureCopy('render');
    const epoch = await runCli(['--library', dir, 'build', 'answers/tender.yaml'], { cwd: dir, env: { SOURCE_DATE_EPOCH: 'yesterday' } });
    expect(epoch.code).toBe(2);
    expect(epoch.stderr).toContain('SOURCE_DATE_EPOCH must be a whole number of seconds');
    const folder = await build(dir, 'answers/tender.yaml', '-o', 'no/such/dir/x.docx');
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('the folder no/such/dir does not exist');
    writeFileSync(join(dir, 'clauses/data/broken.yaml'), 'id: data.broken\nversion: [');
    const broken = await build(dir, 'answers/tender.yaml');
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('the clause library has an error; no document is built from it');
    expect(broken.stderr).toContain('clauses/data/broken.yaml');
  });

  it('reads the document back: cover in the document language, annexes in order', async () => {
    const dir = fixtureCopy('render');
    await build(dir, 'answers/tender.yaml', '--lang', 'es', '-o', 'es.docx');
    const document = (await docxParts(join(dir, 'es.docx'))).get('word/document.xml')!;
    const text = paragraphs(document);
    expect(text).toEqual(expect.arrayContaining(['Administración contratante', 'Expediente', 'Índice', 'Anexo I. Perfil de datos de la licitación', 'Anexo II. Procedencia de las cláusulas']));
    const footer = [...(await docxParts(join(dir, 'es.docx')))].find(([n, x]) => n.startsWith('word/footer') && x.includes('NUMPAGES'))![1];
    expect(paragraphs(footer).join('')).toMatch(/^Página .* de /);
  });

  it('never writes a Word document to a terminal, but pipes it with -o -', async () => {
    const dir = fixtureCopy('render');
    const tty = await runCli(['--library', dir, 'build', 'answers/tender.yaml', '-o', '-'], { cwd: dir, tty: true });
    expect(tty.code).toBe(2);
    expect(tty.stderr).toContain('a Word document is binary and is not written to a terminal');
    const piped = spawnCli(['--library', dir, 'build', 'answers/tender.yaml', '-o', '-'], { cwd: dir, encoding: 'latin1' });
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout.startsWith('PK\x03\x04')).toBe(true);
    expect(piped.stderr).toContain('Wrote 3 clauses in 2 parts');
  });

  it('writes the page numbers into the table of contents with --toc-page-numbers', async () => {
    const dir = fixtureCopy('render');
    const result = await build(dir, 'answers/tender.yaml', '-o', 'paged.docx', '--toc-page-numbers');
    expect(result.code, result.stderr).toBe(0);
    const document = (await docxParts(join(dir, 'paged.docx'))).get('word/document.xml')!;
    const toc = /<w:sdt>[\s\S]*?<\/w:sdt>/.exec(document)![0];
    // Cover on page 1, contents on page 2, the first part from page 3.
    expect(paragraphs(toc)[0]).toBe('1.General provisions3');
    expect(toc).toContain('w:leader="dot"');
  });
});
