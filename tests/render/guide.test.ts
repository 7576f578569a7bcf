import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { docxParts, paragraphs, paragraphsWithStyle, texts } from '../helpers/docx.js';
import { fixtureCopy } from '../helpers/testdir.js';

const PASSAGES = [
  'id: data.personal',
  'version: 1.0.0',
  'status: approved',
  'category: data',
  'when: processesPersonalData',
  'title: { en: Personal data, es: Datos personales }',
  'text:',
  '  - text: { en: "The Contractor shall:", es: "La empresa contratista:" }',
  '  - when: \'"video" in kinds\'',
  '    text: { en: "1. blur faces;", es: "1. difuminará las caras;" }',
  '  - defines: { en: Data Platform, es: Plataforma de Datos }',
  '    text: { en: "1. feed the Data Platform.", es: "1. alimentará la Plataforma de Datos." }',
  'guidance: { en: When personal data are processed., es: Cuando se tratan datos personales. }',
  'changelog:',
  '  - { version: 1.0.0, date: 2026-11-20, note: First version. }',
  '',
].join('\n');

describe('clausula guide', () => {
  it('prints every passage of a clause, each that prints only under a condition saying so, in the guideline language', async () => {
    const dir = fixtureCopy('render', { 'clauses/data/personal.yaml': PASSAGES });
    for (const [language, expected] of [
      ['en', 'The Contractor shall:\n\n1. *\\[Only if the kinds of data include “video”:\\]* blur faces;\n2. *\\[Only if the document uses “Data Platform”:\\]* feed the Data Platform.'],
      ['es', '2. *\\[Solo cuando el documento utilice «Plataforma de Datos»:\\]* alimentará la Plataforma de Datos.'],
    ] as const) {
      const result = await runCli(['--library', dir, 'guide', '--lang', language, '--format', 'md', '-o', '-'], { cwd: dir });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain(expected);
    }
  });

  it('lists every clause by category: when it applies, text, guidance, legal bases, version and status', async () => {
    const dir = fixtureCopy('render');
    const result = await runCli(['--library', dir, 'guide', '--format', 'md', '-o', '-'], { cwd: dir, env: { SOURCE_DATE_EPOCH: '1795000000' } });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('Wrote the guideline: 5 clauses in 3 categories (en, render-fixture@2.1.0)\n');
    const md = result.stdout;
    expect(md).toContain('# Guideline for the data clauses of tenders');
    expect(md).toContain('- **Clause library:** Render fixture clauses (render-fixture@2.1.0)');
    expect(md).toContain('## 1. General\n\n### 1.1 Terms of the contract\n\n*When it applies: Always applies.*');
    expect(md).toContain('The \\[the authority\\] awards the contract “\\[the contract title\\]”.');
    expect(md).toContain('**Guidance for officers**\n\nAlways include it; it names the **parties**.');
    expect(md).toContain('*Version 1.2.0 · approved*');
    expect(md).toContain('### 2.1 Personal data\n\n*When it applies: Applies when the contractor processes personal data.*');
    expect(md).toContain('### 2.2 A draft clause');
    expect(md).toContain('*Version 0.1.0 · draft*');
    expect(md).toContain('## 3. Extra');
    expect(md).toContain('[^1]: Law 9/2017 (LCSP), art. 122');
  });

  it('writes a Word guideline named after the library and language, in the language asked for', async () => {
    const dir = fixtureCopy('render');
    const result = await runCli(['--library', dir, 'guide', '--lang', 'es'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Wrote render-fixture-guide.es.docx: 5 clauses in 3 categories (es, render-fixture@2.1.0)');
    const parts = await docxParts(join(dir, 'render-fixture-guide.es.docx'));
    const document = parts.get('word/document.xml')!;
    expect(paragraphsWithStyle(document, 'Heading2').map((p) => texts(p).join(''))).toEqual(['Términos del contrato', 'Segunda cláusula con listas', 'Datos personales', 'Una cláusula en borrador', 'Solo en la otra plantilla']);
    const text = paragraphs(document).join('\n');
    expect(text).toContain('Cuándo se aplica: Se aplica cuando el contratista trata datos personales.');
    expect(text).toContain('Orientaciones para el personal gestor');
    expect(text).toContain('Versión 0.1.0 · borrador');
    // The legal bases too are in the guideline's language.
    const footnotes = paragraphs(parts.get('word/footnotes.xml')!).join('\n');
    expect(footnotes).toContain('Ley 40/2015, art. 3 — https://example.org/law40');
    expect(footnotes).not.toContain('Law 40/2015');
    const again = await runCli(['--library', dir, 'guide', '--lang', 'es'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('render-fixture-guide.es.docx already exists');
    expect((await runCli(['--library', dir, 'guide', '--format', 'html', '-o', 'g.html'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, 'g.html'), 'utf8')).toContain('<p class="applies"><strong>When it applies:</strong> <em>Applies when the contractor processes personal data.</em></p>');
    expect(existsSync(join(dir, 'g.html'))).toBe(true);
  });
});
