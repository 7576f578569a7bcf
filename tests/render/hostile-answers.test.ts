import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes } from 'mdast';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { docxParts, paragraphs } from '../helpers/docx.js';
import { suiteFixture } from '../helpers/suite-dir.js';

// Answers an officer could type (or paste): markup of every kind we write, template syntax,
// emoji, right-to-left text, a very long answer and control characters.
const LONG = 'Ab'.repeat(5000);
const HOSTILE = {
  authorityName: '<w:t>Fake</w:t> & <script>alert(1)</script>',
  contractTitle: LONG,
  contractReference: 'مرحبا بالعالم שלום 🏛️',
  note: '**x** {{x}} {% raw %} [link](http://evil) `code` # not a heading &amp; 😀',
};
const YAML = [
  'answers:',
  `  authorityName: ${JSON.stringify(HOSTILE.authorityName)}`,
  `  contractTitle: ${LONG}`,
  `  contractReference: ${JSON.stringify(HOSTILE.contractReference)}`,
  `  note: ${JSON.stringify(HOSTILE.note)}`,
  // Control characters: XML cannot hold most of them; they are dropped, never a crash.
  '  startDate: 2027-01-31',
  '  processesPersonalData: true',
  '',
].join('\n');
const CONTROL = 'answers:\n  authorityName: "bell\\x07 and \\x1b[31mred\\x1b[0m\\x00 end"\n  contractTitle: "tab\\there, line\\nbreak"\n  processesPersonalData: false\n';

let dir: string;
beforeAll(async () => {
  dir = suiteFixture('render', { 'answers/hostile.yaml': YAML, 'answers/control.yaml': CONTROL });
  for (const format of ['docx', 'md', 'html', 'json']) {
    const result = await runCli(['--library', dir, 'build', 'answers/hostile.yaml', '--format', format, '-o', `hostile.${format}`, '--template', 'main'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
  }
});

describe('answers are literal text in every format', () => {
  it('docx: each answer reads back exactly as typed, and the package is well-formed', async () => {
    const parts = await docxParts(join(dir, 'hostile.docx'));
    const text = paragraphs(parts.get('word/document.xml')!).join('\n');
    for (const value of Object.values(HOSTILE)) expect(text).toContain(value);
    expect(text).toContain(`The ${HOSTILE.authorityName} awards the contract “${LONG}”. Note: ${HOSTILE.note}.`);
    // No answer became markup: the only w:t elements are clausula's own.
    expect(parts.get('word/document.xml')).toContain('&lt;w:t&gt;Fake&lt;/w:t&gt;');
    const verify = await runCli(['--library', dir, 'verify', 'hostile.docx'], { cwd: dir });
    expect(verify.code, verify.stdout).toBe(0);
  });

  it('md: the answers are text nodes when read back as Markdown, never emphasis, links, code or HTML', () => {
    const md = readFileSync(join(dir, 'hostile.md'), 'utf8');
    const tree = fromMarkdown(md);
    const kinds = new Set<string>();
    let text = '';
    const walk = (node: Nodes): void => {
      kinds.add(node.type);
      if (node.type === 'text') text += node.value;
      if ('children' in node) for (const child of node.children) walk(child as Nodes);
    };
    walk(tree);
    for (const value of Object.values(HOSTILE)) expect(text).toContain(value);
    for (const forbidden of ['html', 'link', 'inlineCode', 'code', 'image']) expect(kinds.has(forbidden), forbidden).toBe(false);
  });

  it('html: everything is escaped', () => {
    const html = readFileSync(join(dir, 'hostile.html'), 'utf8');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<w:t>');
    expect(html).toContain('&lt;w:t&gt;Fake&lt;/w:t&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('**x** {{x}} {% raw %} [link](http://evil) `code` # not a heading &amp;amp; 😀');
    expect(html).toContain(HOSTILE.contractReference);
    expect(html).toContain(LONG);
  });

  it('json: the answers are runs marked as answers, with the text as typed', () => {
    const doc = JSON.parse(readFileSync(join(dir, 'hostile.json'), 'utf8'));
    const runs = doc.parts[0].clauses[0].blocks[0].runs;
    expect(runs).toContainEqual({ kind: 'text', text: HOSTILE.note, bold: false, italic: false, answer: true });
    expect(runs).toContainEqual({ kind: 'text', text: LONG, bold: false, italic: false, answer: true });
  });

  it('drops control characters XML cannot hold and turns tabs and line ends into spaces', async () => {
    const result = await runCli(['--library', dir, 'build', 'answers/control.yaml', '-o', 'control.docx', '--template', 'main'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const text = paragraphs((await docxParts(join(dir, 'control.docx'))).get('word/document.xml')!).join('\n');
    expect(text).toContain('The bell and [31mred[0m end awards the contract “tab here, line break”.');
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });
});
