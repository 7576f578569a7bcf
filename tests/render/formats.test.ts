import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { docxParts, paragraphs } from '../helpers/docx.js';
import { suiteFixture } from '../helpers/suite-dir.js';

let dir: string;
const out: Record<string, string> = {};
beforeAll(async () => {
  dir = suiteFixture('render');
  for (const format of ['md', 'html', 'json', 'docx']) {
    const result = await runCli(['--library', dir, 'build', 'answers/tender.yaml', '--format', format, '-o', `t.${format}`, '--rationale', '--template', 'main'], { cwd: dir, env: { SOURCE_DATE_EPOCH: '1795000000' } });
    expect(result.code, result.stderr).toBe(0);
    if (format !== 'docx') out[format] = readFileSync(join(dir, `t.${format}`), 'utf8');
  }
  const parts = await docxParts(join(dir, 't.docx'));
  out.docx = [...paragraphs(parts.get('word/document.xml')!), ...paragraphs(parts.get('word/footnotes.xml')!)].join('\n');
});

// What every format must carry, as the reader sees it.
const CONTENT = [
  'Data clauses',
  'City of Testville',
  'EXP-2026-7',
  'render-fixture@2.1.0',
  '18 November 2026',
  'General provisions',
  'These clauses bind City of Testville and the Contractor.',
  'Terms of the contract',
  'The City of Testville awards the contract “Parking sensors”. Note: none.',
  'on request.',
  'Amount: 1,234.5; start: 31 January 2027; kinds: Sensor readings and Personal data.',
  'Second clause with lists',
  'another bullet.',
  'Personal data of City of Testville stay in the EEA.',
  'Appendix I. Tender data profile',
  'Appendix II. Provenance of the clauses',
  'Appendix III. Why each clause is included',
  'Included because the contractor processes personal data.',
];

describe('md, html, json and docx carry the same content', () => {
  const unescape = (format: string, text: string) =>
    format === 'md' ? text.replace(/\\(.)/g, '$1') : format === 'html' ? text.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&') : text;
  for (const format of ['md', 'html', 'docx']) {
    it(format, () => {
      const text = unescape(format, out[format]!);
      for (const s of CONTENT) expect(text, s).toContain(s);
      expect(text).toContain('Law 9/2017 (LCSP), art. 122');
    });
  }

  it('json has a stable, versioned shape', () => {
    const doc = JSON.parse(out.json!);
    expect(Object.keys(doc)).toEqual(['format', 'version', 'kind', 'language', 'title', 'template', 'library', 'date', 'header', 'annexLine', 'notice', 'cover', 'parts', 'annexes', 'blanks', 'unplaced']);
    expect(doc).toMatchObject({ format: 'clausula-document', version: 1, kind: 'tender', language: 'en', template: 'main', date: '2026-11-18', header: 'File EXP-2026-7', annexLine: 'Annex No. __', notice: null, unplaced: ['extra.annexed'] });
    expect(doc.cover[0]).toEqual({ label: 'Contracting authority', value: 'City of Testville' });
    const clause = doc.parts[0].clauses[0];
    expect(Object.keys(clause)).toEqual(['number', 'id', 'version', 'status', 'hash', 'shortHash', 'textHash', 'title', 'blocks', 'legalBasis', 'rationale', 'guide']);
    expect(clause).toMatchObject({ number: '1.1', id: 'general.terms', version: '1.2.0', status: 'approved', title: 'Terms of the contract', guide: null });
    expect(clause.blocks[2]).toEqual({
      kind: 'list',
      ordered: true,
      items: [
        [{ kind: 'paragraph', runs: [{ kind: 'text', text: 'keep ', bold: false, italic: false, answer: false }, { kind: 'text', text: 'records', bold: true, italic: false, answer: false }, { kind: 'text', text: ';', bold: false, italic: false, answer: false }] }],
        expect.any(Array),
        expect.any(Array),
      ],
    });
    expect(clause.legalBasis).toEqual([{ ref: 'Law 9/2017 (LCSP), art. 122', url: 'https://example.org/lcsp?art=122&x=1' }]);
    // Its text, paragraph by paragraph, holds the same content.
    const strings: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') strings.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        const o = v as { kind?: string; runs?: { text?: string }[] };
        if (o.kind === 'paragraph') strings.push((o.runs ?? []).map((r) => r.text ?? '\n').join(''));
        else Object.values(o).forEach(walk);
      }
    };
    walk(doc);
    const text = strings.join('\n');
    for (const s of CONTENT.filter((c) => !c.startsWith('Appendix '))) expect(text, s).toContain(s);
    expect(doc.annexes.map((a: { heading: string }) => a.heading)).toEqual(CONTENT.filter((c) => c.startsWith('Appendix ')));
  });

  it('md is read back by a CommonMark reader as a numbered outline with lists', () => {
    expect(out.md).toContain('## 1. General provisions\n\nThese clauses bind City of Testville and the Contractor.\n\n### 1.1 Terms of the contract');
    expect(out.md).toContain('1. keep **records**;\n2. deliver *data*:\n   1. monthly;\n   2. on request.\n3. return the data.');
    expect(out.md).toContain('[^1]: Law 9/2017 (LCSP), art. 122 — https://example.org/lcsp?art=122\\&x=1');
  });

  it('html letters ordered lists a) and i) and links the footnotes', () => {
    expect(out.html).toContain('<ol class="alpha">\n<li>keep <strong>records</strong>;</li>');
    expect(out.html).toContain('<ol class="roman">');
    expect(out.html).toContain('<a href="https://example.org/lcsp?art=122&amp;x=1">');
    expect(out.html).toContain('<html lang="en">');
  });
});
