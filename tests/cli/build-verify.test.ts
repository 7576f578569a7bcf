import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, spawnCli } from '../helpers/cli.js';
import { editDocx } from '../helpers/docx.js';
import { testdir } from '../helpers/testdir.js';

// The built binary, as an officer and an auditor would run it, on the shipped library.
describe('clausula build and verify (built binary, shipped library)', () => {
  it('builds every document of the shipped example in one step, each verified, every applicable clause in one of them; catches an edited clause', async () => {
    const dir = testdir();
    const answers = join(REPO_ROOT, 'examples/smart-parking.yaml');
    const built = spawnCli(['build', answers, '-o', `${dir}/`, '--rationale'], { cwd: dir, env: { SOURCE_DATE_EPOCH: '1795000000' } });
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).toBe('');
    const lines = built.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^S'ha escrit smart-parking-clausules-administratives\.docx: clàusules administratives, \d+ clàusules en \d+ parts \(bcn-data-clauses@[^,]+, ca\)$/);
    expect(lines[1]).toMatch(/^S'ha escrit smart-parking-prescripcions-tecniques\.docx: prescripcions tècniques, \d+ clàusules en \d+ parts \(bcn-data-clauses@[^,]+, ca\)$/);
    expect(lines[2]).toMatch(/^Les \d+ clàusules aplicables són totes en algun dels 2 documents\.$/);

    // Every clause explain selects is in one of the two documents, as verify reads them back.
    const explained = JSON.parse(spawnCli(['explain', answers, '--json'], { cwd: dir }).stdout) as { clauses: { id: string; included: boolean }[] };
    const selected = explained.clauses.filter((c) => c.included).map((c) => c.id).sort();
    const inDocuments = new Set<string>();
    for (const file of ['smart-parking-clausules-administratives.docx', 'smart-parking-prescripcions-tecniques.docx']) {
      const verified = spawnCli(['verify', file, '--json'], { cwd: dir });
      expect(verified.code, verified.stdout + verified.stderr).toBe(0);
      for (const c of (JSON.parse(verified.stdout) as { clauses: { id: string }[] }).clauses) inDocuments.add(c.id);
    }
    expect([...inDocuments].sort()).toEqual(selected);
    const out = join(dir, 'smart-parking-clausules-administratives.docx');
    const verified = spawnCli(['verify', out], { cwd: dir });
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    // In the document's language.
    expect(verified.stdout).toContain('Verificat: el document coincideix amb la biblioteca.');

    const bytes = readFileSync(out);
    const edited = await editDocx(bytes, 'word/document.xml', (xml) => {
      // The first paragraph after the first clause heading: an officer rewords it.
      const heading = xml.indexOf('<w:pStyle w:val="Heading2"/>');
      const at = xml.indexOf('<w:t xml:space="preserve">', xml.indexOf('</w:p>', heading)) + '<w:t xml:space="preserve">'.length;
      return `${xml.slice(0, at)}Amb caràcter orientatiu, ${xml.slice(at)}`;
    });
    writeFileSync(join(dir, 'edited.docx'), edited);
    const caught = spawnCli(['verify', 'edited.docx', '--json'], { cwd: dir });
    expect(caught.code).toBe(1);
    const report = JSON.parse(caught.stdout);
    expect(report.ok).toBe(false);
    expect(report.edited).toHaveLength(1);
    expect(report.text.differences).toHaveLength(1);
    expect(report.text.differences[0].message).toMatch(/^El paràgraf 1 de la clàusula 1\.1 «[^»]+»: el document diu «Amb caràcter orientatiu, /);
  });

  it('writes the guideline and refuses to overwrite it', () => {
    const dir = testdir();
    const guide = spawnCli(['guide', '--lang', 'en', '--format', 'html'], { cwd: dir });
    expect(guide.code, guide.stderr).toBe(0);
    const html = readFileSync(join(dir, 'bcn-data-clauses-guide.en.html'), 'utf8');
    expect(html).toContain('When it applies:');
    expect(html).toContain('Guidance for officers');
    const again = spawnCli(['guide', '--lang', 'en', '--format', 'html'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('bcn-data-clauses-guide.en.html already exists; clausula does not overwrite it without --force');
  });
});
