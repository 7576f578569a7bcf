import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/library/load-library.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { passagesOf } from '../../src/text/passages.js';

// The shipped default library's contract: DESIGN.md's categories and tender profile v1.
const library = loadLibrary(REPO_ROOT);
const approved = library.clauses.map((c) => c.value).filter((c) => c.status === 'approved');

const DESIGN_CATEGORIES = ['ownership', 'access', 'platform', 'open-data', 'interoperability', 'personal-data', 'security', 'confidentiality', 'audit', 'quality', 'exit', 'ai', 'software', 'archiving', 'penalties'];

/** Tender profile v1: the core question ids, types and values (DESIGN.md). */
const PROFILE_V1: Record<string, { type: string; options?: string[]; required?: false }> = {
  authorityName: { type: 'text' },
  contractTitle: { type: 'text' },
  contractReference: { type: 'text', required: false },
  contractType: { type: 'select', options: ['services', 'supplies', 'works', 'service-concession', 'works-concession'] },
  cpvCodes: { type: 'list', required: false },
  contractDurationMonths: { type: 'number' },
  generatesData: { type: 'boolean' },
  dataKinds: { type: 'multiselect', options: ['operational', 'personal', 'sensor', 'geospatial', 'mobility', 'video', 'financial', 'health-social'] },
  processesPersonalData: { type: 'boolean' },
  specialCategoryData: { type: 'boolean' },
  hosting: { type: 'select', options: ['authority', 'contractor', 'cloud-saas', 'none'] },
  thirdCountryTransfer: { type: 'boolean' },
  subcontractorsProcessData: { type: 'boolean' },
  ensCategory: { type: 'select', options: ['none', 'basic', 'medium', 'high'] },
  iotDevices: { type: 'boolean' },
  cityPlatformIntegration: { type: 'boolean' },
  aiSystem: { type: 'select', options: ['none', 'limited-risk', 'high-risk'] },
  softwareDevelopment: { type: 'boolean' },
  openDataCandidate: { type: 'boolean' },
  openDataLicence: { type: 'select', options: ['cc-by-4.0', 'cc0-1.0', 'odbl-1.0'] },
  dataDeliveryFrequency: { type: 'select', options: ['real-time', 'daily', 'monthly', 'end-of-contract'] },
  penaltiesAsSpecialConditions: { type: 'boolean' },
};

describe('the shipped library', () => {
  it('reads without a single problem', () => {
    expect(library.findings).toEqual([]);
  });

  it('has at least 40 approved clauses, and at least one in every category of DESIGN.md', () => {
    expect(approved.length).toBeGreaterThanOrEqual(40);
    const empty = DESIGN_CATEGORIES.filter((category) => !approved.some((c) => c.category === category));
    expect(empty).toEqual([]);
  });

  it('writes every clause in Catalan, Spanish and English: title, every passage of its text, guidance and legal bases', () => {
    expect(library.manifest?.value.languages).toEqual(['ca', 'es', 'en']);
    const missing = library.clauses.flatMap(({ value: c }) => {
      const texts: [string, Record<string, string | string[]> | string][] = [
        ['title', c.title],
        ...passagesOf(c.text).map((p, i): [string, Record<string, string>] => [`text[${i}]`, p.text]),
        ...passagesOf(c.text).flatMap((p, i): [string, Record<string, string | string[]>][] => (p.defines ? [[`text[${i}].defines`, p.defines]] : [])),
        ['guidance', c.guidance],
        ...(c.legalBasis ?? []).map((b, i): [string, Record<string, string> | string] => [`legalBasis[${i}]`, b.ref]),
      ];
      return texts.flatMap(([field, text]) => ['ca', 'es', 'en'].filter((l) => typeof text === 'string' || !String(text[l] ?? '').trim()).map((l) => `${c.id} ${field}.${l}`));
    });
    expect(missing).toEqual([]);
  });

  it('gives every approved clause a legal basis, version 1.0.0 or later, and a changelog entry for it', () => {
    const bad = approved.filter((c) => !c.legalBasis?.length || !c.changelog.some((e) => e.version === c.version)).map((c) => c.id);
    expect(bad).toEqual([]);
  });

  it('asks tender profile v1 with exactly its ids, types and values', () => {
    for (const [id, expected] of Object.entries(PROFILE_V1)) {
      const question = library.questions.get(id)?.question;
      expect(question, id).toBeDefined();
      expect(question!.type, id).toBe(expected.type);
      if (expected.options) expect(question!.options?.map((o) => o.value), id).toEqual(expected.options);
      if (expected.required === false) expect(question!.required, id).toBe(false);
      for (const language of ['ca', 'es', 'en']) {
        expect(question!.prompt[language], `${id} prompt.${language}`).toBeTruthy();
        expect(question!.help?.[language], `${id} help.${language}`).toBeTruthy();
      }
    }
  });

  it('has at least 12 scenarios, some of them listing the whole selection', () => {
    expect(library.scenarios.length).toBeGreaterThanOrEqual(12);
    expect(library.scenarios.filter((s) => s.value.expect.exactly).length).toBeGreaterThanOrEqual(4);
  });

  it('has the two templates of the tender documents, which place every category between them', () => {
    expect([...library.templateById.keys()].sort()).toEqual(['pcap-data-clauses', 'ppt-data-requirements']);
    const placed = new Set([...library.templateById.values()].flatMap((t) => t.value.parts.flatMap((p) => p.include)));
    expect(DESIGN_CATEGORIES.filter((c) => !placed.has(c))).toEqual([]);
  });
});
