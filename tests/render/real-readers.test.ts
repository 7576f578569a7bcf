import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/assemble/document.js';
import { selectClauses } from '../../src/assemble/select.js';
import { planDocuments } from '../../src/assemble/documents.js';
import { chooseTemplate } from '../../src/library/choose-template.js';
import { loadAnswers } from '../../src/library/load-answers.js';
import { loadLibrary } from '../../src/library/load-library.js';
import { defaultLanguageOf } from '../../src/library/model.js';
import { missingRequired } from '../../src/library/validate-answers.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { editDocx } from '../helpers/docx.js';
import { hostDocx, NUMBERED_HEADINGS, para } from '../helpers/host-docx.js';
import { fixtureCopy, testdir } from '../helpers/testdir.js';

const HOST_BODY = [para('Objeto del contrato', 'Ttulo1'), para('Texto del pliego.'), para('Datos', 'Ttulo1'), para('{{ clausula }}'), para('Penalidades', 'Ttulo1'), para('Las penalidades del pliego.')].join('');

// Real readers: LibreOffice turns every shipped scenario's document into a PDF (one soffice
// run for all of them), and pandoc reads them back. Skipped where they are not installed.
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const soffice = has('soffice') && has('pdftotext');
const pandoc = has('pandoc');
const scenarios = readdirSync(join(REPO_ROOT, 'clauses/scenarios')).filter((f) => f.endsWith('.yaml')).sort();
// Lines wrap at spaces and after hyphens; compare the words.
const normal = (s: string) => s.replace(/-\s+/g, '-').replace(/\s+/g, ' ');

interface Built {
  name: string;
  docx: string;
  titles: string[];
  headings: string[];
}

/** Each scenario's document, built as `clausula build SCENARIO.yaml` builds it (the library read once). */
async function buildAll(dir: string): Promise<Built[]> {
  const library = loadLibrary(REPO_ROOT);
  const date = new Date(1795000000 * 1000);
  const out: Built[] = [];
  for (const file of scenarios) {
    const name = basename(file, '.yaml');
    const path = join(REPO_ROOT, 'clauses/scenarios', file);
    const loaded = loadAnswers(library, path, file);
    const chosen = chooseTemplate(library, undefined, loaded.file.template ? { name: loaded.file.template, file } : undefined, 'en');
    const language = loaded.file.language ?? defaultLanguageOf(library);
    const selection = selectClauses(library.clauses.map((c) => c.value), loaded.answers);
    expect(missingRequired(library, loaded.answers), name).toEqual([]);
    // Every document the tender needs, as build writes them.
    const plan = planDocuments(library, selection.included.map((id) => library.clauseById.get(id)!.value), chosen);
    expect(plan.homeless, name).toEqual([]);
    for (const { template } of plan.documents) {
      const model = buildDocument(library, template, selection, loaded.answers, { language, date });
      const docx = join(dir, `${name}-${template.id}.docx`);
      writeFileSync(docx, await renderDocx(model, { date }));
      out.push({ name: `${name}-${template.id}`, docx, titles: model.parts.flatMap((p) => p.clauses.map((c) => c.title)), headings: model.parts.map((p) => p.heading) });
    }
  }
  return out;
}

describe('real readers', () => {
  it.skipIf(!soffice)(
    soffice ? `LibreOffice converts all ${scenarios.length} shipped scenarios' documents to PDF, with every clause heading and its table-of-contents entry` : 'LibreOffice check SKIPPED: soffice or pdftotext is not installed (apt-get install libreoffice-writer-nogui poppler-utils)',
    async () => {
      expect(scenarios.length).toBeGreaterThan(0);
      const dir = testdir();
      const built = await buildAll(dir);
      // A profile of its own, so a LibreOffice already running elsewhere does not swallow the job.
      const converted = spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', join(dir, 'pdf'), ...built.map((b) => b.docx)], {
        encoding: 'utf8',
        timeout: 240_000,
      });
      expect(converted.status, converted.stderr).toBe(0);
      for (const b of built) {
        const text = spawnSync('pdftotext', ['-layout', join(dir, 'pdf', `${b.name}.pdf`), '-'], { encoding: 'utf8' });
        expect(text.status, `${b.name}: ${text.stderr}`).toBe(0);
        const pdf = normal(text.stdout);
        for (const title of [...b.titles, ...b.headings]) {
          // Once in the table of contents, once as the heading.
          expect(pdf.split(normal(title)).length - 1, `${b.name}: "${title}"`).toBeGreaterThanOrEqual(2);
        }
      }
      if (pandoc) {
        const read = spawnSync('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', ...built.map((b) => b.docx)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
        expect(read.status, read.stderr).toBe(0);
        for (const title of built.flatMap((b) => b.titles)) expect(read.stdout).toContain(title);
      }
    },
    300_000,
  );

  it.skipIf(!pandoc || soffice)('pandoc reads a built document back with every clause title (pandoc only)', async () => {
    const dir = testdir();
    const built = await buildAll(dir);
    const read = spawnSync('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', built[0]!.docx], { encoding: 'utf8' });
    expect(read.status, read.stderr).toBe(0);
    for (const title of built[0]!.titles) expect(read.stdout).toContain(title);
  });

  it.skipIf(!soffice)(
    soffice ? 'LibreOffice reads the other documents: a clause added in Word with Heading 2 gets its number, builds into a hand-made and a LibreOffice-made pliego, a restyled build, the guideline' : 'LibreOffice check SKIPPED: soffice or pdftotext is not installed',
    async () => {
      const dir = fixtureCopy('render');
      const profile = `-env:UserInstallation=file://${join(dir, 'profile')}`;
      const convert = (to: string, files: string[], out: string) => {
        const run = spawnSync('soffice', [profile, '--headless', '--norestore', '--convert-to', to, '--outdir', join(dir, out), ...files.map((f) => join(dir, f))], { encoding: 'utf8', timeout: 240_000 });
        expect(run.status, run.stderr).toBe(0);
      };
      const build = async (...args: string[]) => {
        const result = await runCli(['--library', dir, ...args], { cwd: dir, env: { SOURCE_DATE_EPOCH: '1795000000' } });
        expect(result.code, result.stderr).toBe(0);
      };
      // A pliego as LibreOffice writes one: made from a hand-made one, saved by LibreOffice as .docx.
      writeFileSync(join(dir, 'hand.docx'), hostDocx({ body: HOST_BODY, ...NUMBERED_HEADINGS }));
      convert('docx:MS Word 2007 XML', ['hand.docx'], 'lo');
      await build('build', 'answers/tender.yaml', '--template', 'main', '--into', 'hand.docx', '-o', 'into-hand.docx');
      await build('build', 'answers/tender.yaml', '--template', 'main', '--into', 'lo/hand.docx', '-o', 'into-lo.docx');
      await build('build', 'answers/tender.yaml', '--template', 'main', '--into', join(REPO_ROOT, 'tests/fixtures/hosts/python-docx.docx'), '-o', 'into-py.docx');
      await build('build', 'answers/tender.yaml', '--template', 'main', '-o', 'plain.docx');
      await build('guide', '-o', 'guide.docx');
      // A lawyer adds a clause in Word: a Heading 2 paragraph, nothing else.
      const added = await editDocx(readFileSync(join(dir, 'plain.docx')), 'word/document.xml', (xml) =>
        xml.replace(/(<w:p><w:pPr><w:pStyle w:val="Heading1"\/>(?:(?!<\/w:p>)[\s\S])*Data protection)/, '<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>Added in Word</w:t></w:r></w:p>$1'),
      );
      writeFileSync(join(dir, 'added.docx'), added);
      // A house style in Spanish Word: its own heading ids and look; the document keeps its numbers.
      writeFileSync(join(dir, 'house.docx'), hostDocx({ body: para('x'), styles: NUMBERED_HEADINGS.styles.replace(/<w:numPr>[\s\S]*?<\/w:numPr>/g, '') }));
      await build('build', 'answers/tender.yaml', '--template', 'main', '--reference-doc', 'house.docx', '-o', 'styled.docx');
      convert('pdf', ['into-hand.docx', 'into-lo.docx', 'into-py.docx', 'added.docx', 'guide.docx', 'styled.docx'], 'pdf');
      const pdf = (name: string) => normal(spawnSync('pdftotext', [join(dir, 'pdf', `${name}.pdf`), '-'], { encoding: 'utf8' }).stdout);

      expect(pdf('added')).toContain('1.3. Added in Word');
      for (const name of ['into-hand', 'into-lo']) {
        const text = pdf(name);
        // The host's headings, ours numbered on from them, then the host's again.
        const order = ['Cláusula 1. Objeto del contrato', 'Cláusula 2. Datos', 'Cláusula 3. General provisions', '3.1. Terms of the contract', 'Cláusula 4. Data protection', '4.1. Personal data', 'Appendix I. Tender data profile', 'Penalidades'].map((s) => text.indexOf(s));
        expect(order.every((at) => at >= 0), `${name}: ${text}`).toBe(true);
        // (pdftotext may read the number beside the appendix table's last row.)
        expect(text).toContain('Cláusula 5.');
        expect(order, name).toEqual([...order].sort((a, b) => a - b));
        expect(text).toContain('Law 9/2017 (LCSP), art. 122');
        const verified = await runCli(['--library', dir, 'verify', `${name}.docx`], { cwd: dir });
        expect(verified.code, verified.stdout).toBe(0);
      }
      // python-docx's headings have no numbers: ours are numbered on their own, between the host's text.
      const py = pdf('into-py');
      const order = ['Pliego de cláusulas administrativas particulares', 'Datos', '1. General provisions', '1.1. Terms of the contract', '2. Data protection', '2.1. Personal data', 'Appendix II. Provenance of the clauses', 'Penalidades'].map((s) => py.indexOf(s));
      expect(order.every((at) => at >= 0), py).toBe(true);
      expect(order).toEqual([...order].sort((a, b) => a - b));
      expect(pdf('guide')).toContain('Guideline for the data clauses of tenders');
      expect(pdf('styled')).toContain('1.1. Terms of the contract');
      expect(pdf('styled')).toContain('2.1. Personal data');
    },
    300_000,
  );

  it('knows the shipped scenarios', () => {
    expect(readFileSync(join(REPO_ROOT, 'clauses/scenarios', scenarios[0]!), 'utf8')).toContain('answers:');
  });
});
