import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../helpers/cli.js';
import { docxParts } from '../helpers/docx.js';
import { fixtureCopy } from '../helpers/testdir.js';

describe('reproducible builds', () => {
  it('same inputs and SOURCE_DATE_EPOCH give a byte-identical .docx, in one process and in another', async () => {
    const dir = fixtureCopy('render');
    const env = { SOURCE_DATE_EPOCH: '1795000000' };
    const args = (out: string) => ['--library', dir, 'build', 'answers/tender.yaml', '-o', out, '--rationale', '--template', 'main'];
    expect((await runCli(args('a.docx'), { cwd: dir, env })).code).toBe(0);
    expect((await runCli(args('b.docx'), { cwd: dir, env })).code).toBe(0);
    // The built binary, in a fresh process: docx's process-wide counters start elsewhere there.
    const spawned = spawnCli(args('c.docx'), { cwd: dir, env });
    expect(spawned.code, spawned.stderr).toBe(0);
    const a = readFileSync(join(dir, 'a.docx'));
    expect(readFileSync(join(dir, 'b.docx')).equals(a)).toBe(true);
    expect(readFileSync(join(dir, 'c.docx')).equals(a)).toBe(true);

    expect((await runCli(args('later.docx'), { cwd: dir, env: { SOURCE_DATE_EPOCH: '1795086400' } })).code).toBe(0);
    expect(readFileSync(join(dir, 'later.docx')).equals(a)).toBe(false);
  });

  it('without SOURCE_DATE_EPOCH the document is dated now', async () => {
    const dir = fixtureCopy('render');
    const before = Date.now();
    expect((await runCli(['--library', dir, 'build', 'answers/tender.yaml', '-o', 'now.docx', '--template', 'main'], { cwd: dir })).code).toBe(0);
    const core = (await docxParts(join(dir, 'now.docx'))).get('docProps/core.xml')!;
    const created = Date.parse(/<dcterms:created[^>]*>([^<]+)</.exec(core)![1]!);
    expect(created).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(created).toBeLessThanOrEqual(Date.now());
  });
});
