// Writes a synthetic clause library of N clauses for the benchmark: three languages,
// realistic text lengths, conditions over the shipped questions, requires edges.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CATEGORIES = ['general', 'ownership', 'access', 'platform', 'open-data', 'interoperability', 'personal-data', 'security', 'confidentiality', 'audit', 'quality', 'exit', 'ai', 'software', 'archiving', 'penalties'];

// Conditions in the style of the shipped library, over its questions.
const CONDITIONS = [
  undefined,
  'generatesData',
  'processesPersonalData',
  'generatesData and hosting in ["contractor", "cloud-saas"]',
  'ensCategory in ["medium", "high"]',
  'processesPersonalData and thirdCountryTransfer',
  '"sensor" in dataKinds or iotDevices',
  'aiSystem == "high-risk"',
  'softwareDevelopment and contractDurationMonths >= 24',
  'openDataCandidate and openDataLicence != "odbl-1.0"',
  'contractType in ["service-concession", "works-concession"] and generatesData',
  'specialCategoryData or largeScaleProcessing',
];

const WORDS = {
  en: 'the contractor shall deliver all contract data to the authority in an open machine readable format within the period stated including metadata and documentation and shall keep them complete accurate and up to date throughout the term'.split(' '),
  es: 'la empresa contratista deberá entregar todos los datos del contrato a la administración en un formato abierto y legible por máquina dentro del plazo indicado con sus metadatos y documentación y mantenerlos completos exactos y actualizados durante la vigencia'.split(' '),
  ca: "l'empresa contractista haurà de lliurar totes les dades del contracte a l'administració en un format obert i llegible per màquina dins el termini indicat amb les metadades i la documentació i mantenir-les completes exactes i actualitzades durant la vigència".split(' '),
};

function sentence(language, seed, length) {
  const words = WORDS[language];
  const out = [];
  for (let i = 0; i < length; i++) out.push(words[(seed * 7 + i * 13) % words.length]);
  const s = out.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1) + '.';
}

function text(language, seed) {
  // About 900 characters: two paragraphs and a lettered list, like a real clause.
  const p1 = `${sentence(language, seed, 40)} ${sentence(language, seed + 1, 25)}`;
  const items = [0, 1, 2].map((k) => `   ${k + 1}. ${sentence(language, seed + k + 2, 14)}`).join('\n');
  const p2 = `${sentence(language, seed + 5, 30)} {{ authorityName }}.`;
  return `${p1}\n\n${items}\n\n${p2}`;
}

function block(key, texts, indent = '  ') {
  return `${key}:\n` + Object.entries(texts).map(([l, t]) => `${indent}${l}: |\n${t.split('\n').map((line) => (line ? `${indent}  ${line}` : '')).join('\n')}`).join('\n');
}

/** Write a library of `count` clauses into `dir` (which must not exist or be empty). */
export function generateLibrary(dir, count, shippedRoot) {
  mkdirSync(join(dir, 'clauses', 'scenarios'), { recursive: true });
  mkdirSync(join(dir, 'templates'), { recursive: true });
  copyFileSync(join(shippedRoot, 'clauses', 'questions.yaml'), join(dir, 'clauses', 'questions.yaml'));
  const categories = CATEGORIES.map((id) => `  - id: ${id}\n    title: { ca: ${id}, es: ${id}, en: ${id} }`).join('\n');
  writeFileSync(join(dir, 'clauses', 'library.yaml'), `id: bench-${count}\ntitle: { ca: Banc, es: Banco, en: Bench }\nversion: 1.0.0\nlanguages: [ca, es, en]\ndefaultLanguage: ca\ndefaultTemplate: all\ncategories:\n${categories}\n`);
  writeFileSync(join(dir, 'templates', 'all.yaml'), `id: all\ntitle: { ca: Tot, es: Todo, en: Everything }\nparts:\n  - heading: { ca: Clàusules, es: Cláusulas, en: Clauses }\n    include: [${CATEGORIES.join(', ')}]\nannexes: [answers, provenance]\n`);
  const perCategory = Math.ceil(count / CATEGORIES.length);
  let n = 0;
  for (const category of CATEGORIES) {
    mkdirSync(join(dir, 'clauses', category), { recursive: true });
    for (let i = 0; i < perCategory && n < count; i++, n++) {
      const name = `clause-${String(i).padStart(5, '0')}`;
      const condition = CONDITIONS[n % CONDITIONS.length];
      // Every fifth clause requires the one before it in its category: chains, no cycles.
      const requires = i > 0 && i % 5 === 0 ? `requires: [${category}.clause-${String(i - 1).padStart(5, '0')}]\n` : '';
      const lines = [
        `id: ${category}.${name}`,
        'version: 1.0.0',
        'status: approved',
        `category: ${category}`,
        `order: ${i}`,
        `title: { ca: "Clàusula ${n}", es: "Cláusula ${n}", en: "Clause ${n}" }`,
        ...(condition ? [`when: '${condition}'`] : []),
        requires.trimEnd(),
        block('text', { ca: text('ca', n), es: text('es', n), en: text('en', n) }),
        block('guidance', { ca: sentence('ca', n, 20), es: sentence('es', n, 20), en: sentence('en', n, 20) }),
        'legalBasis:',
        '  - { ref: "Llei 9/2017 (LCSP), art. 122.2", url: "https://www.boe.es/eli/es/l/2017/11/08/9/con" }',
        'changelog:',
        '  - { version: 1.0.0, date: 2026-11-20, note: First version. }',
      ].filter((l) => l !== '');
      writeFileSync(join(dir, 'clauses', category, `${name}.yaml`), lines.join('\n') + '\n');
    }
  }
  writeFileSync(
    join(dir, 'clauses', 'scenarios', 'smoke.yaml'),
    `name: Smoke\nanswers:\n  authorityName: Ajuntament\n  contractTitle: Benchmark\n  contractType: services\n  contractDurationMonths: 12\n  dataContact: Oficina\n  generatesData: true\n  dataKinds: [operational]\n  dataDeliveryFrequency: monthly\n  publicRecords: false\n  processesPersonalData: false\n  hosting: none\n  ensCategory: none\n  iotDevices: false\n  cityPlatformIntegration: false\n  aiSystem: none\n  softwareDevelopment: false\n  openDataCandidate: false\n  handoverDays: 30\n  penaltiesAsSpecialConditions: false\nexpect:\n  include: [general.clause-00000]\n`,
  );
}
