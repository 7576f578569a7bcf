import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../helpers/cli.js';
import { docxParts, paragraphs } from '../helpers/docx.js';
import { fixtureCopy } from '../helpers/testdir.js';

const EPOCH = { SOURCE_DATE_EPOCH: '1795000000' };
const build = (dir: string, ...args: string[]) => runCli(['--library', dir, 'build', ...args], { cwd: dir, env: EPOCH });

describe('clausula build', () => {
  it('writes every document the tender needs, next to the answers file, named after it and the document; never overwrites without --force', async () => {
    const dir = fixtureCopy('render');
    const first = await build(dir, 'answers/tender.yaml');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(
      [
        'Wrote answers/tender-main.docx: Data clauses, 3 clauses in 2 parts (render-fixture@2.1.0, en)',
        'Wrote answers/tender-technical.docx: Technical requirements, 1 clause in 1 part (render-fixture@2.1.0, en)',
        'Every one of the 4 clauses that apply is in one of the 2 documents.',
        '',
      ].join('\n'),
    );
    const before = readFileSync(join(dir, 'answers/tender-main.docx'));
    const technical = readFileSync(join(dir, 'answers/tender-technical.docx'));
    writeFileSync(join(dir, 'answers/tender-main.docx'), 'edited by an officer');
    const again = await build(dir, 'answers/tender.yaml');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('answers/tender-main.docx, answers/tender-technical.docx already exist; clausula does not overwrite them without --force, and wrote none of the documents');
    expect(again.stderr).toContain('How to fix: add --force to replace them, or choose another name with -o');
    expect(readFileSync(join(dir, 'answers/tender-main.docx'), 'utf8')).toBe('edited by an officer');
    // Checked for every document before any is written: with one of them gone, the other is still not replaced.
    rmSync(join(dir, 'answers/tender-technical.docx'));
    const one = await build(dir, 'answers/tender.yaml');
    expect(one.stderr).toContain('answers/tender-main.docx already exists; clausula does not overwrite it without --force');
    expect(existsSync(join(dir, 'answers/tender-technical.docx'))).toBe(false);
    await build(dir, 'answers/tender.yaml', '--template', 'technical');
    const forced = await build(dir, 'answers/tender.yaml', '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'answers/tender-main.docx')).equals(before)).toBe(true);
    expect(readFileSync(join(dir, 'answers/tender-technical.docx')).equals(technical)).toBe(true);
  });

  it('-o FOLDER/ puts the documents there; -o FILE is the stem of several documents, or the file of one', async () => {
    const dir = fixtureCopy('render');
    mkdirSync(join(dir, 'out'));
    const folder = await build(dir, 'answers/tender.yaml', '-o', 'out/', '--format', 'md');
    expect(folder.code, folder.stderr).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['tender-main.md', 'tender-technical.md']);
    const stem = await build(dir, 'answers/tender.yaml', '-o', 'out/lic.md', '--format', 'md');
    expect(stem.stdout).toContain('Wrote out/lic-main.md: Data clauses');
    expect(stem.stdout).toContain('Wrote out/lic-technical.md: Technical requirements');
    const one = await build(dir, 'answers/tender.yaml', '-o', 'out/only.md', '--format', 'md', '--template', 'main');
    expect(one.stdout).toContain('Wrote out/only.md: Data clauses, 3 clauses in 2 parts');
    const missing = await build(dir, 'answers/tender.yaml', '-o', 'nowhere/', '--format', 'md');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('the folder nowhere does not exist');
  });

  it('builds one document with --template, names it as the full build does, and says which document holds the other clauses', async () => {
    const dir = fixtureCopy('render');
    const result = await build(dir, 'answers/tender.yaml', '--template', 'technical', '--format', 'md');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Wrote answers/tender-technical.md: Technical requirements, 1 clause in 1 part');
    expect(result.stderr).toContain(
      'clausula: warning: 3 more clauses apply to this tender in Data clauses (main), which was not built; build it with: clausula --library ' + dir + ' build answers/tender.yaml --template main',
    );
    expect(readFileSync(join(dir, 'answers/tender-technical.md'), 'utf8')).toContain('### 1.1 Only in the other template');
  });

  it('refuses to leave out a clause that applies but that no document has a place for', async () => {
    const dir = fixtureCopy('render');
    writeFileSync(join(dir, 'templates/technical.yaml'), readFileSync(join(dir, 'templates/technical.yaml'), 'utf8').replace(/include: \[[^\]]*\]/, 'include: [nothing-here]'));
    const result = await build(dir, 'answers/tender.yaml', '--format', 'md');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/clausula: error: \S+ applies to this tender, but no document of the library has a place for it; no document is written/);
    expect(readdirSync(join(dir, 'answers')).filter((f) => f.endsWith('.md'))).toEqual([]);
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

  it("takes the answers file's template as --template", async () => {
    const dir = fixtureCopy('render', {
      'answers/technical.yaml': 'template: technical\nanswers:\n  authorityName: A\n  contractTitle: B\n  processesPersonalData: false\n',
    });
    const own = await build(dir, 'answers/technical.yaml', '-o', 'own.json', '--format', 'json');
    expect(own.code, own.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'own.json'), 'utf8')).template).toBe('technical');
  });

  it('fails once, naming every missing required answer with its question, before writing anything', async () => {
    const dir = fixtureCopy('render', { 'answers/partial.yaml': 'answers:\n  note: hello\n' });
    const result = await build(dir, 'answers/partial.yaml');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('answers/partial.yaml lacks 3 answers that the documents need');
    expect(result.stderr).toContain('answers/partial.yaml:1:1  error  authorityName: Which public body tenders the contract?');
    expect(result.stderr).toContain('contractTitle: What is the contract called?');
    expect(result.stderr).toContain('processesPersonalData: Will the contractor process personal data?');
    expect(result.stderr).toContain(`How to fix: add them under answers:, or run clausula --library ${dir} interview answers/partial.yaml`);
    expect(existsSync(join(dir, 'answers/partial.docx'))).toBe(false);
  });

  it('writes numbers, dates and options in the language asked for', async () => {
    const dir = fixtureCopy('render');
    const result = await build(dir, 'answers/tender.yaml', '--lang', 'es', '--format', 'md', '-o', '-', '--template', 'main');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Importe: 1.234,5; inicio: 31 de enero de 2027; tipos: Lecturas de sensores y Datos personales.');
    expect(result.stdout).toContain('### 1.1 Términos del contrato');
    expect(result.stderr).toContain('Se han escrito Cláusulas de datos en la salida estándar: 3 cláusulas en 2 partes (render-fixture@2.1.0, es)');
    const bad = await build(dir, 'answers/tender.yaml', '--lang', 'fr');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('the library has no fr texts');
  });

  it('warns about blanks, and marks a document with drafts as not for tender use', async () => {
    const dir = fixtureCopy('render', { 'answers/short.yaml': 'answers:\n  authorityName: A\n  contractTitle: B\n  processesPersonalData: false\n' });
    const result = await build(dir, 'answers/short.yaml', '--include-drafts', '--format', 'md', '-o', '-', '--template', 'main');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('4 placeholders have no answer and show […] for you to fill in: general.terms: note, general.terms: amount, general.terms: startDate, general.terms: kinds');
    expect(result.stderr).toContain('draft clauses were allowed in (--include-drafts): the documents say they are not for tender use');
    expect(result.stdout).toContain('> **DRAFT — contains clauses not approved for tender use**');
    expect(result.stdout).toContain('### 2.1 A draft clause');
    expect(result.stdout).toContain('| data.draft | 0.1.0 (draft) |');
  });

  it('adds the rationale annex with --rationale', async () => {
    const dir = fixtureCopy('render');
    const result = await build(dir, 'answers/tender.yaml', '--rationale', '--format', 'json', '-o', '-', '--template', 'main');
    const doc = JSON.parse(result.stdout);
    const rationale = doc.annexes.find((a: { kind: string }) => a.kind === 'rationale');
    expect(rationale.heading).toBe('Appendix III. Why each clause is included');
    expect(rationale.rows).toContainEqual(['Personal data (data.personal)', 'Included because the contractor processes personal data. The answers that decided it: Personal data processed: Yes.']);
  });

  it('takes the styles of a reference document, and refuses one that is not a Word document', async () => {
    const dir = fixtureCopy('render');
    expect((await build(dir, 'answers/tender.yaml', '-o', 'plain.docx', '--template', 'main')).code).toBe(0);
    // A reference whose Heading 1 is red, as an officer would restyle a document clausula built.
    const { editDocx } = await import('../helpers/docx.js');
    const restyled = await editDocx(readFileSync(join(dir, 'plain.docx')), 'word/styles.xml', (xml) =>
      xml.replace(/(<w:style [^>]*w:styleId="Heading1"[\s\S]*?<w:color w:val=")[0-9A-F]{6}/, '$1FF0000'),
    );
    writeFileSync(join(dir, 'house.docx'), restyled);
    const styled = await build(dir, 'answers/tender.yaml', '-o', 'styled.docx', '--template', 'main', '--reference-doc', 'house.docx');
    expect(styled.code).toBe(0);
    const styles = (await docxParts(join(dir, 'styled.docx'))).get('word/styles.xml')!;
    expect(/<w:style [^>]*w:styleId="Heading1"[\s\S]*?<\/w:style>/.exec(styles)![0]).toContain('<w:color w:val="FF0000"/>');
    expect(styles.match(/w:styleId="Heading1"/g)).toHaveLength(1);
    expect(styles).toContain('w:styleId="ClausulaAnswer"');

    writeFileSync(join(dir, 'fake.docx'), 'not a zip');
    const fake = await build(dir, 'answers/tender.yaml', '-o', 'x.docx', '--template', 'main', '--reference-doc', 'fake.docx');
    expect(fake.code).toBe(2);
    expect(fake.stderr).toContain('fake.docx is not a Word document (.docx): it is not a zip package');
    const missing = await build(dir, 'answers/tender.yaml', '-o', 'x.docx', '--template', 'main', '--reference-doc', 'nope.docx');
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
    await build(dir, 'answers/tender.yaml', '--lang', 'es', '-o', 'es.docx', '--template', 'main');
    const document = (await docxParts(join(dir, 'es.docx'))).get('word/document.xml')!;
    const text = paragraphs(document);
    expect(text).toEqual(expect.arrayContaining(['Anexo n.º __', 'Administración contratante', 'Expediente', 'Índice', 'Apéndice I. Perfil de datos de la licitación', 'Apéndice II. Procedencia de las cláusulas']));
    const header = [...(await docxParts(join(dir, 'es.docx')))].find(([n, x]) => n.startsWith('word/header') && x.includes('EXP-2026-7'))![1];
    expect(paragraphs(header)).toEqual(['Expte. EXP-2026-7']);
    const footer = [...(await docxParts(join(dir, 'es.docx')))].find(([n, x]) => n.startsWith('word/footer') && x.includes('NUMPAGES'))![1];
    expect(paragraphs(footer).join('')).toMatch(/^Página .* de /);
  });

  it('never writes a Word document to a terminal, but pipes one document with -o -', async () => {
    const dir = fixtureCopy('render');
    const tty = await runCli(['--library', dir, 'build', 'answers/tender.yaml', '-o', '-', '--template', 'main'], { cwd: dir, tty: true });
    expect(tty.code).toBe(2);
    expect(tty.stderr).toContain('a Word document or a PDF is binary and is not written to a terminal');
    const piped = spawnCli(['--library', dir, 'build', 'answers/tender.yaml', '-o', '-', '--template', 'main'], { cwd: dir, encoding: 'latin1' });
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout.startsWith('PK\x03\x04')).toBe(true);
    expect(piped.stderr).toContain('Wrote Data clauses to standard output: 3 clauses in 2 parts');
    const several = await build(dir, 'answers/tender.yaml', '-o', '-', '--format', 'md');
    expect(several.code).toBe(2);
    expect(several.stderr).toContain('clausula: error: standard output (-o -) takes one document, and this tender needs 2: Data clauses (main), Technical requirements (technical)');
    expect(several.stderr).toContain('How to fix: choose one with --template (main, technical), or write them into a folder with -o FOLDER/');
  });

  it('writes the page numbers into the table of contents with --toc-page-numbers', async () => {
    const dir = fixtureCopy('render');
    const result = await build(dir, 'answers/tender.yaml', '-o', 'paged.docx', '--template', 'main', '--toc-page-numbers');
    expect(result.code, result.stderr).toBe(0);
    const document = (await docxParts(join(dir, 'paged.docx'))).get('word/document.xml')!;
    const toc = /<w:sdt>[\s\S]*?<\/w:sdt>/.exec(document)![0];
    // Cover on page 1, contents on page 2, the first part from page 3.
    expect(paragraphs(toc)[0]).toBe('1.General provisions3');
    // The dot leader and the hanging indent are the TOC styles', not the entries'.
    expect(toc).not.toContain('<w:tabs>');
  });
});
