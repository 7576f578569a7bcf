import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDocument, type DocumentModel } from '../../src/assemble/document.js';
import { selectClauses } from '../../src/assemble/select.js';
import { loadAnswers } from '../../src/library/load-answers.js';
import { loadLibrary } from '../../src/library/load-library.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { writtenText } from '../../src/render/docx/text.js';
import { compareText } from '../../src/verify/compare-text.js';
import { readWordDocument } from '../../src/verify/read-document.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { testdir } from '../helpers/testdir.js';

/**
 * verify expects the text src/render/docx/text.ts says the Word renderer writes. Here every
 * shipped example, in every template and language (and the scenarios, with the rationale
 * annex and with drafts), is rendered and read back as verify reads it: the paragraphs,
 * their heading levels, footnotes, headers and footers must be exactly that text. A change
 * to the renderer that text.ts does not follow fails here, not in an auditor's hands.
 */

const library = loadLibrary(REPO_ROOT);
const date = new Date(Date.UTC(2027, 0, 31));
const examples = readdirSync(join(REPO_ROOT, 'examples')).filter((f) => f.endsWith('.yaml')).sort();
const scenarios = readdirSync(join(REPO_ROOT, 'clauses/scenarios')).filter((f) => f.endsWith('.yaml')).sort();
const templates = [...library.templateById.keys()].sort();
const languages = library.manifest!.value.languages;

function model(path: string, template: string, language: string, options: { rationale?: boolean; includeDrafts?: boolean } = {}): DocumentModel {
  const loaded = loadAnswers(library, path, basename(path));
  const selection = selectClauses(library.clauses.map((c) => c.value), loaded.answers, { includeDrafts: options.includeDrafts === true });
  return buildDocument(library, library.templateById.get(template)!.value, selection, loaded.answers, { language, date, ...options });
}

async function readBack(m: DocumentModel) {
  const file = join(testdir(), 'out.docx');
  writeFileSync(file, await renderDocx(m, { date }));
  return readWordDocument(file, 'out.docx');
}

async function expectWritten(m: DocumentModel, label: string): Promise<void> {
  const written = writtenText(m);
  const doc = await readBack(m);
  const shown = doc.body.filter((p) => p.text !== '' || p.headingLevel !== undefined || p.numbered);
  expect(
    shown.map((p) => ({ text: p.inContents ? p.text.replace(/[\t ]+$/, '') : p.text, heading: p.headingLevel })),
    label,
  ).toEqual(written.body.filter((p) => p.text !== '' || p.heading !== undefined || p.listItem).map((p) => ({ text: p.text, heading: p.heading })));
  const notes = shown.map((p) => p.footnotes.map((id) => doc.footnotes.get(id)!.map((n) => n.text.trim())));
  expect(notes, `${label}: footnotes`).toEqual(written.body.filter((p) => p.text !== '' || p.heading !== undefined || p.listItem).map((p) => (p.footnote ? [p.footnote] : [])));
  expect(doc.headers.flat().map((p) => p.text).filter((t) => t !== ''), `${label}: headers`).toEqual(written.headers);
  expect(doc.footers.flat().map((p) => p.text).filter((t) => t !== ''), `${label}: footers`).toEqual(written.footers);
  expect(compareText(written, doc), label).toEqual([]);
}

describe('the text verify expects is the text the Word renderer writes', () => {
  it(`for the ${examples.length} shipped examples, in every template and language`, async () => {
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) {
      for (const template of templates) {
        for (const language of languages) await expectWritten(model(join(REPO_ROOT, 'examples', example), template, language), `${example} ${template} ${language}`);
      }
    }
  }, 120_000);

  it(`for the ${scenarios.length} shipped scenarios, with the rationale annex and with drafts`, async () => {
    for (const [i, scenario] of scenarios.entries()) {
      const path = join(REPO_ROOT, 'clauses/scenarios', scenario);
      await expectWritten(model(path, templates[i % templates.length]!, languages[i % languages.length]!, { rationale: i % 2 === 0, includeDrafts: i % 3 === 0 }), scenario);
    }
  }, 120_000);
});

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const soffice = has('soffice');

describe('a document LibreOffice saved again still verifies', () => {
  it.skipIf(!soffice)(
    soffice ? 'after LibreOffice re-saves it as .docx, and after a round trip through .odt' : 'SKIPPED: soffice is not installed (apt-get install libreoffice-writer-nogui)',
    async () => {
      const dir = testdir();
      const built = await runCli(['build', join(REPO_ROOT, 'examples/smart-parking.yaml'), '-o', join(dir, 'tender.docx'), '--template', 'pcap-data-clauses'], { env: { SOURCE_DATE_EPOCH: '1795000000' } });
      expect(built.code, built.stderr).toBe(0);
      const profile = `-env:UserInstallation=file://${join(dir, 'profile')}`;
      const convert = (to: string, out: string, file: string) => {
        const run = spawnSync('soffice', [profile, '--headless', '--norestore', '--convert-to', to, '--outdir', join(dir, out), file], { encoding: 'utf8', timeout: 120_000 });
        expect(run.status, run.stderr).toBe(0);
      };
      convert('docx', 'resaved', join(dir, 'tender.docx'));
      convert('odt', 'odt', join(dir, 'tender.docx'));
      convert('docx', 'roundtrip', join(dir, 'odt', 'tender.odt'));
      // The same report as the file clausula wrote, but for the file's name on its first line.
      const afterName = (stdout: string) => stdout.slice(stdout.indexOf(': '));
      const fresh = await runCli(['verify', join(dir, 'tender.docx')]);
      expect(fresh.code, fresh.stdout).toBe(0);
      expect(fresh.stdout).toContain('text: tots els paràgrafs i totes les notes a peu de pàgina són tal com els escriu clausula\n');
      for (const file of ['resaved/tender.docx', 'roundtrip/tender.docx']) {
        const result = await runCli(['verify', join(dir, file)]);
        expect(result.code, `${file}:\n${result.stdout}${result.stderr}`).toBe(0);
        expect(afterName(result.stdout), file).toBe(afterName(fresh.stdout));
      }
      // And an edit made in the re-saved file is still caught.
      const { editDocx } = await import('../helpers/docx.js');
      const { readFileSync } = await import('node:fs');
      const resaved = readFileSync(join(dir, 'resaved/tender.docx'));
      writeFileSync(join(dir, 'edited.docx'), await editDocx(resaved, 'word/document.xml', (xml) => xml.replace('és la titular de les Dades del Contracte', 'no és la titular de les Dades del Contracte')));
      const edited = await runCli(['verify', join(dir, 'edited.docx')]);
      expect(edited.code).toBe(1);
      expect(edited.stdout).toMatch(/ {2}✗ El paràgraf 1 de la clàusula 2\.1 «Titularitat de les Dades del Contracte i usos permesos»: el document diu «[^»]*no és la titular[^»]*»; clausula hi escriu «[^»]*»\n/);
    },
    300_000,
  );
});
