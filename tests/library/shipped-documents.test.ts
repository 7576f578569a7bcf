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

/** The text with the typographic apostrophe the renderer sets read as a straight one, as the clauses are written. */
const plainQuotes = (text: string) => text.replace(/\u2019/g, "'");
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
        documents.push({ tender, template: template.id, language, text: plainQuotes(String(await renderDocument('md', model, { date }))) });
      }
    }
  }
  for (const language of LANGUAGES) guides.set(language, plainQuotes(String(await renderDocument('md', buildGuide(library, { language, date }), { date }))));
}, 180_000); // some 120 documents: a shared, loaded machine needs more than the default 30 s

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

/** The built documents of the tenders whose answers satisfy `test`, with that template. */
function documentsWhere(test: (answers: Record<string, unknown>) => boolean, template?: string): Built[] {
  return documents.filter((d) => (template === undefined || d.template === template) && test(answersOf(d.tender)));
}

const answersCache = new Map<string, Record<string, unknown>>();
function answersOf(tender: string): Record<string, unknown> {
  let answers = answersCache.get(tender);
  if (!answers) {
    answers = Object.fromEntries(loadAnswers(library, join(REPO_ROOT, tender), tender).answers);
    answersCache.set(tender, answers);
  }
  return answers;
}

/** The lines of the documents that match a pattern, named by document (footnotes, cover and annexes left out). */
function bodyLinesMatching(docs: readonly Built[], pattern: RegExp): string[] {
  return docs.flatMap((d) =>
    d.text
      .split('\n')
      .filter((line) => !line.startsWith('[^') && !line.startsWith('|') && pattern.test(line))
      .map((line) => `${d.tender} ${d.template} ${d.language}: ${line.slice(0, 140)}`),
  );
}

describe('documents of the shipped library put each thing where the law puts it', () => {
  const PCAP = 'pcap-data-clauses';
  const PPT = 'ppt-data-requirements';
  const PPT_CATEGORIES = ['general', 'interoperability', 'platform', 'quality', 'security-measures', 'ai-requirements', 'preservation', 'accessibility-requirements', 'sustainability', 'exit-requirements'];

  it('the technical specifications hold only technical prescriptions: no clause of a category of the administrative clauses', () => {
    const ppt = library.templateById.get(PPT)!.value;
    const categories = [...new Set(ppt.parts.flatMap((p) => p.include).map((i) => i.split('.')[0]!))];
    expect(categories.filter((c) => !PPT_CATEGORIES.includes(c))).toEqual([]);
    const pcap = library.templateById.get(PCAP)!.value;
    const pcapCategories = new Set(pcap.parts.flatMap((p) => p.include).map((i) => i.split('.')[0]!));
    expect(categories.filter((c) => c !== 'general' && pcapCategories.has(c))).toEqual([]);
  });

  it('no technical specifications, in any language, grant a right, a licence, a warranty or a penalty', () => {
    const pattern = /penalit|penalidad|penalt|llicència d'ús|licencia de uso|licen[cs]e to use|garanteix|garantiza que|warrants|cedeix|cede a la|assigns|indemnitz|indemniza|indemnify|resoldre el Contracte|resolver el Contrato|terminate the Contract/i;
    expect(bodyLinesMatching(documentsWhere(() => true, PPT), pattern)).toEqual([]);
  });

  it('a concession document never computes on a contract price', () => {
    const concession = documentsWhere((a) => String(a.contractType).endsWith('-concession'));
    expect(concession.length).toBeGreaterThan(0);
    expect(bodyLinesMatching(concession, /preu del Contracte|preu inicial|precio del Contrato|precio inicial|Contract price|price of the Contract|initial price/)).toEqual([]);
    // …and the penalty scale says which base it uses instead.
    const parking = documents.find((d) => d.tender === 'examples/smart-parking.yaml' && d.template === PCAP && d.language === 'ca')!.text;
    expect(parking).toContain("La base de càlcul de les penalitats és l'import dels ingressos obtinguts per l'explotació del servei");
    const works = documents.find((d) => d.tender === 'clauses/scenarios/car-park-works-concession.yaml' && d.template === PCAP && d.language === 'es')!.text;
    expect(works).toContain('Durante la fase de construcción, la base de cálculo de las penalidades es el presupuesto total de la obra');
  });

  it('a contract with a price computes its penalties on it', () => {
    const text = documents.find((d) => d.tender === 'clauses/scenarios/cloud-hr-non-eea.yaml' && d.template === PCAP && d.language === 'en')!.text;
    expect(text).toContain('The base for calculating penalties is the Contract price, excluding VAT.');
    expect(text).toContain('2. penalties for delay accumulating to a multiple of 5% of the Contract price, excluding VAT');
  });

  it('the processor clause describes the processing: subject matter, duration, nature, purpose, types of data, data subjects, the controller\'s duties and rights', () => {
    const docs = documentsWhere((a) => a.processesPersonalData === true, PCAP);
    expect(docs.length).toBeGreaterThanOrEqual(20);
    const social = docs.find((d) => d.tender === 'examples/social-services.yaml' && d.language === 'en')!.text;
    expect(social).toContain('its purpose is gestionar los expedientes de las personas y familias atendidas por los servicios sociales municipales y hacer su seguimiento.');
    expect(social).toContain('- **Nature of the processing:** collection, recording, organisation, storage, consultation, use, alteration, analysis, disclosure to the Authority and erasure.');
    expect(social).toContain('- **Type of Personal Data:** identification data (name, identity document, signature), contact details, financial or bank data, social or family circumstances and health data.');
    expect(social).toContain('- **Categories of data subjects:** service users, minors, vulnerable persons and the Authority\'s staff.');
    expect(social).toContain('As controller, the Authority shall give the Contractor documented instructions');
    for (const d of docs) expect(d.text, `${d.tender} ${d.language}`).not.toMatch(/\*\*(Naturalesa del tractament|Naturaleza del tratamiento|Nature of the processing):\*\* \[…\]/);
  });

  it('a tender without an AI system has no AI wording; works without data have no personal-data wording', () => {
    expect(bodyLinesMatching(documentsWhere((a) => a.aiSystem === 'none'), /Sistema d'IA|Sistema de IA|AI System|2024\/1689/)).toEqual([]);
    const noData = documentsWhere((a) => a.contractType === 'works' && a.generatesData === false);
    expect(noData.length).toBeGreaterThan(0);
    expect(bodyLinesMatching(noData, /Dades Personals|Datos Personales|Personal Data|dades personals|datos personales|personal data|RGPD|GDPR/)).toEqual([]);
  });

  it('each document defines only the terms it uses', () => {
    const terms: Record<string, string[]> = {
      ca: ['Dades del Contracte', 'Dades Personals', 'Plataforma de Dades', 'Dades Obertes', 'Programari Desenvolupat', "Sistema d'IA"],
      es: ['Datos del Contrato', 'Datos Personales', 'Plataforma de Datos', 'Datos Abiertos', 'Software Desarrollado', 'Sistema de IA'],
      en: ['Contract Data', 'Personal Data', 'Data Platform', 'Open Data', 'Developed Software', 'AI System'],
    };
    const problems: string[] = [];
    for (const d of documents) {
      const lines = d.text.split('\n').filter((l) => !l.startsWith('[^') && !l.startsWith('|'));
      for (const term of terms[d.language]!) {
        const definition = lines.find((l) => l.startsWith('- **') && l.includes(`${term}**:`));
        const used = lines.some((l) => l !== definition && l.includes(term));
        if (definition && !used) problems.push(`${d.tender} ${d.template} ${d.language}: defines ${term}, never used`);
        if (!definition && used) problems.push(`${d.tender} ${d.template} ${d.language}: uses ${term}, never defined`);
      }
    }
    expect(problems).toEqual([]);
  });
});
