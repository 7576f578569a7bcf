import { describe, expect, it } from 'vitest';
import { outline } from '../../src/assemble/outline.js';
import { loadLibrary } from '../../src/library/load-library.js';
import { inline } from '../../src/render/markdown.js';
import { typeset } from '../../src/text/typography.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';

// The coverage added to the default library for release 2.0.0: each topic, its clauses
// and the document each clause belongs in. Rights, duties with legal effect, licences,
// warranties and penalties go in the administrative clauses (PCAP); formats, standards,
// measures and metrics in the technical specifications (PPT) (LCSP art. 122.2, RGLCAP
// art. 68.3).
const PCAP = 'pcap-data-clauses';
const PPT = 'ppt-data-requirements';
const TOPICS: Record<string, Record<string, typeof PCAP | typeof PPT>> = {
  'AI literacy (AI Act art. 4)': { 'ai.literacy': PCAP },
  'prohibited AI practices (art. 5)': { 'ai.prohibited-practices': PCAP },
  'general-purpose AI models (arts. 53-55)': { 'ai.general-purpose-models': PCAP },
  'conversational assistants (art. 50, hand-off, languages, accuracy)': { 'ai.conversational-assistant': PCAP, 'ai-requirements.conversational-assistant': PPT },
  'information to affected persons (art. 26.11)': { 'ai.information-to-affected-persons': PCAP },
  'data of public-service operators': { 'access.operator-data-sharing': PCAP, 'interoperability.operator-data': PPT },
  'data bought from third parties': { 'access.third-party-data': PCAP },
  'contractor as controller or joint controller (GDPR art. 26)': { 'personal-data.independent-controller': PCAP, 'personal-data.joint-controllers': PCAP },
  'accessibility (LCSP art. 126.3, RD 1112/2018, EN 301 549)': { 'accessibility.obligations': PCAP, 'accessibility-requirements.conformance': PPT },
  'green ICT as a special condition (LCSP art. 202.1, Directive 2023/1791)': { 'penalties.green-ict-condition': PCAP, 'sustainability.green-ict-requirements': PPT },
  'connected-device security (RED 2022/30, CRA) and certified products (ENS art. 19)': {
    'security.connected-products-compliance': PCAP,
    'security-measures.connected-devices': PPT,
    'security-measures.certified-products': PPT,
  },
  'data management plan': { 'access.data-management-plan': PCAP, 'quality.data-management-plan-content': PPT },
  'source-code escrow for SaaS': { 'exit.source-code-escrow': PCAP, 'exit-requirements.escrow-materials': PPT },
};

const library = loadLibrary(REPO_ROOT);
const clauses = library.clauses.map((c) => c.value);
const byId = new Map(clauses.map((c) => [c.id, c]));

/** Where each clause of the library lands in a template, as the documents place it. */
function placedIn(templateId: string): Set<string> {
  const template = library.templateById.get(templateId)!.value;
  return new Set(outline(template, clauses).parts.flatMap((p) => p.clauses.map((c) => c.id)));
}

describe('the coverage added to the default library', () => {
  const inPcap = placedIn(PCAP);
  const inPpt = placedIn(PPT);

  it.each(Object.entries(TOPICS))('%s: approved clauses with a condition, each in one document, its technical prescriptions in the PPT', (_topic, ids) => {
    for (const [id, document] of Object.entries(ids)) {
      const clause = byId.get(id);
      expect(clause, id).toBeDefined();
      expect(clause!.status, id).toBe('approved');
      expect(clause!.when, id).toBeTruthy();
      expect(inPcap.has(id) !== inPpt.has(id), `${id} is in exactly one of the documents`).toBe(true);
      if (document === PPT) expect({ id, pcap: inPcap.has(id), ppt: inPpt.has(id) }).toEqual({ id, pcap: false, ppt: true });
    }
  });

  it('every duty, warranty and licence of the new topics is in the PCAP', () => {
    const misplaced = Object.values(TOPICS)
      .flatMap((ids) => Object.entries(ids))
      .filter(([id, document]) => document === PCAP && !inPcap.has(id))
      .map(([id]) => id);
    expect(misplaced).toEqual([]);
  });

  it.each(Object.entries(TOPICS))('%s: shipped scenarios expect each clause of the topic in', (_topic, ids) => {
    const uncovered = Object.keys(ids).filter((id) => !library.scenarios.some((s) => s.value.expect.include?.includes(id)));
    expect(uncovered).toEqual([]);
  });

  it.each(['ca', 'es', 'en'])('puts every topic in the guideline (%s): the clause title, then when it applies', async (language) => {
    const result = await runCli(['guide', '--format', 'md', '--lang', language, '-o', '-'], { env: { SOURCE_DATE_EPOCH: '1796601600' } });
    expect(result.code, result.stderr).toBe(0);
    const headings = new Map<string, string>();
    const lines = result.stdout.split('\n');
    lines.forEach((line, i) => {
      const match = /^### \d+\.\d+ (.*)$/.exec(line);
      if (match) headings.set(match[1]!, lines[i + 2] ?? '');
    });
    const always = { ca: "S'aplica sempre.", es: 'Se aplica siempre.', en: 'Always applies.' }[language]!;
    for (const id of Object.values(TOPICS).flatMap((ids) => Object.keys(ids))) {
      const title = byId.get(id)!.title[language]!;
      const applies = headings.get(inline(typeset(title, language)));
      expect(applies, `${id}: ${title}`).toMatch(/^\*\S.*\*$/);
      expect(applies, id).not.toContain(always);
    }
  });
});
