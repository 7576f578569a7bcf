import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
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

async function buildAll(dir: string): Promise<Built[]> {
  const out: Built[] = [];
  for (const file of scenarios) {
    const name = basename(file, '.yaml');
    const answers = join(REPO_ROOT, 'clauses/scenarios', file);
    const docx = join(dir, `${name}.docx`);
    const built = await runCli(['build', answers, '-o', docx], { cwd: dir, env: { SOURCE_DATE_EPOCH: '1795000000' } });
    expect(built.code, `${name}: ${built.stderr}`).toBe(0);
    const json = await runCli(['build', answers, '--format', 'json', '-o', '-'], { cwd: dir, env: { SOURCE_DATE_EPOCH: '1795000000' } });
    const doc = JSON.parse(json.stdout) as { parts: { heading: string; clauses: { title: string }[] }[] };
    out.push({ name, docx, titles: doc.parts.flatMap((p) => p.clauses.map((c) => c.title)), headings: doc.parts.map((p) => p.heading) });
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
