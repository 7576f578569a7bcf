import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/assemble/document.js';
import { buildGuide } from '../../src/assemble/guide.js';
import { selectClauses } from '../../src/assemble/select.js';
import { loadAnswers } from '../../src/library/load-answers.js';
import { loadLibrary } from '../../src/library/load-library.js';
import { renderDocument } from '../../src/render/index.js';
import { REPO_ROOT } from '../helpers/cli.js';

// The documents the shipped library writes for every example and every scenario, with
// each template, in each language: what a city would put in a real tender.
const library = loadLibrary(REPO_ROOT);
const LANGUAGES = ['ca', 'es', 'en'] as const;
type Language = (typeof LANGUAGES)[number];
const date = new Date('2026-12-01T00:00:00Z');

const tenderFiles = [
  ...readdirSync(join(REPO_ROOT, 'examples')).map((f) => `examples/${f}`),
  ...readdirSync(join(REPO_ROOT, 'clauses/scenarios')).map((f) => `clauses/scenarios/${f}`),
]
  .filter((f) => f.endsWith('.yaml'))
  .sort();

interface Built {
  tender: string;
  template: string;
  language: Language;
  text: string;
}

const documents: Built[] = [];
const guides = new Map<Language, string>();

beforeAll(async () => {
  for (const tender of tenderFiles) {
    const { answers } = loadAnswers(library, join(REPO_ROOT, tender), tender);
    const selection = selectClauses(
      library.clauses.map((c) => c.value),
      answers,
    );
    for (const { value: template } of library.templates) {
      for (const language of LANGUAGES) {
        const model = buildDocument(library, template, selection, answers, { language, date });
        documents.push({ tender, template: template.id, language, text: String(await renderDocument('md', model, { date })) });
      }
    }
  }
  for (const language of LANGUAGES) guides.set(language, String(await renderDocument('md', buildGuide(library, { language, date }), { date })));
});

/** Every line of the documents in `languages` that matches one of the patterns, named by document. */
function linesMatching(languages: readonly Language[], patterns: readonly RegExp[]): string[] {
  const found: string[] = [];
  const scan = (name: string, text: string) => {
    for (const line of text.split('\n')) {
      const hit = patterns.find((p) => p.test(line));
      if (hit) found.push(`${name}: ${String(hit)} in ${line.slice(0, 160)}`);
    }
  };
  for (const d of documents) if (languages.includes(d.language)) scan(`${d.tender} ${d.template} ${d.language}`, d.text);
  for (const language of languages) scan(`guide ${language}`, guides.get(language)!);
  return found;
}

// Catalan legal wording: law names, "i" joining article numbers.
const CATALAN_LEGAL = [/\bLlei\b/, /Reial decret/i, /disposició(?!n)/i, /Reglament \(UE\)/, /Reglament d'execució/i, /Decisió d'execució/i, /relativa a les/, /\barts?\. [\d.a-z]+(?:, [\d.a-z]+)* i \d/];
const SPANISH_LEGAL = [/\bLey\b/, /Real Decreto/, /disposición adicional/i, /Reglamento \(UE\)/, /\barts?\. [\d.a-z]+(?:, [\d.a-z]+)* y \d/];
const ENGLISH_LEGAL = [/\bLaw \d/, /Royal Decree/, /Regulation \(EU\)/, /Additional Provision/];

describe('documents of the shipped library cite the law in their own language', () => {
  it('builds every example and scenario with every template in every language', () => {
    expect(tenderFiles.length).toBeGreaterThanOrEqual(19);
    expect(documents.length).toBe(tenderFiles.length * library.templates.length * LANGUAGES.length);
  });

  it('no Spanish or English document, nor the Spanish and English guideline, holds Catalan legal wording', () => {
    expect(linesMatching(['es', 'en'], CATALAN_LEGAL)).toEqual([]);
  });

  it('no Catalan or English document holds Spanish legal wording', () => {
    expect(linesMatching(['ca', 'en'], SPANISH_LEGAL)).toEqual([]);
  });

  it('no Catalan or Spanish document holds English legal wording', () => {
    expect(linesMatching(['ca', 'es'], ENGLISH_LEGAL)).toEqual([]);
  });

  it('the footnotes of a Spanish and an English document cite the LCSP in that language', () => {
    const parking = (language: Language) => documents.find((d) => d.tender === 'examples/smart-parking.yaml' && d.template === 'pcap-data-clauses' && d.language === language)!.text;
    expect(parking('es')).toContain('Ley 9/2017 (LCSP), art. 122.2');
    expect(parking('en')).toContain('Law 9/2017 (LCSP), Article 122.2');
    expect(parking('ca')).toContain('Llei 9/2017 (LCSP), art. 122.2');
  });
});
