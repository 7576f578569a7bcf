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
import { REPO_ROOT } from '../helpers/cli.js';
import { testdir } from '../helpers/testdir.js';

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

  it('knows the shipped scenarios', () => {
    expect(readFileSync(join(REPO_ROOT, 'clauses/scenarios', scenarios[0]!), 'utf8')).toContain('answers:');
  });
});
