import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, spawnCli } from '../helpers/cli.js';
import { editDocx } from '../helpers/docx.js';
import { testdir } from '../helpers/testdir.js';

// The built binary, as an officer and an auditor would run it, on the shipped library.
describe('clausula build and verify (built binary, shipped library)', () => {
  it('builds the shipped example, verifies it, and catches an edited clause', async () => {
    const dir = testdir();
    const answers = join(REPO_ROOT, 'examples/smart-parking.yaml');
    const out = join(dir, 'smart-parking.docx');
    const built = spawnCli(['build', answers, '-o', out, '--rationale'], { cwd: dir, env: { SOURCE_DATE_EPOCH: '1795000000' } });
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout).toMatch(/^Wrote smart-parking\.docx: \d+ clauses in \d+ parts \(pcap-data-clauses, ca, bcn-data-clauses@/);
    expect(built.stderr).toContain('in template ppt-data-requirements; build it with: clausula build');

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
