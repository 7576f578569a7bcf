import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { REPO_ROOT, spawnCli } from '../helpers/cli.js';
import { docxParts, paragraphs } from '../helpers/docx.js';
import { baseRepository, git } from '../helpers/base-repo.js';
import { baseLibrary, clauseFile, layerOver } from '../helpers/layers.js';
import { suiteFixture } from '../helpers/suite-dir.js';

const EXAMPLE = join(REPO_ROOT, 'examples/smart-parking.yaml');

interface Explained {
  clauses: { id: string; category: string; included: boolean; origin: { kind: string; layer: string } }[];
}

/**
 * What issue 18 asks a coalition to see, end to end with the built binary: a city library
 * over the library clausula ships, with a clause of its own and one it adapts, that lints
 * clean, builds, verifies, and whose document names the base. The shipped library's content
 * is read, not pinned: the clause adapted is one the example tender selects.
 */
describe('a city library over the shipped library', () => {
  let parent: string;
  let city: string;
  let adapted: { id: string; version: string; category: string };
  beforeAll(() => {
    parent = suiteFixture('basic');
    city = join(parent, 'girona');
    const init = spawnCli(['init', city, '--extends', 'bcn-data-clauses']);
    expect(init.code, init.stderr).toBe(0);
    const explained = JSON.parse(spawnCli(['explain', EXAMPLE, '--json']).stdout) as Explained;
    const pick = explained.clauses.find((c) => c.included && c.id.startsWith('ownership.')) ?? explained.clauses.find((c) => c.included)!;
    const source = parse(readFileSync(join(REPO_ROOT, 'clauses', ...pick.id.split('.').slice(0, -1), `${pick.id.split('.').pop()}.yaml`), 'utf8')) as Record<string, unknown>;
    adapted = { id: pick.id, version: String(source.version), category: pick.category };
    // The city's version of it: its own text, in every language, and which base version it adapts.
    const text = { ca: 'Les dades pertanyen a l’Ajuntament de Girona.', es: 'Los datos pertenecen al Ayuntamiento de Girona.', en: 'The data belong to Girona City Council.' };
    const mine = { ...source, version: '1.0.0', overrides: adapted.version, text, changelog: [{ version: '1.0.0', date: '2026-12-01', note: 'Adapted for Girona.' }] };
    delete (mine as Record<string, unknown>).when;
    delete (mine as Record<string, unknown>).requires;
    delete (mine as Record<string, unknown>).excludes;
    const file = join(city, 'clauses', ...adapted.id.split('.').slice(0, -1), `${adapted.id.split('.').pop()}.yaml`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, stringify(mine));
    const own = `${adapted.category}.girona-register`;
    writeFileSync(
      join(city, 'clauses', adapted.category, 'girona-register.yaml'),
      stringify({
        id: own,
        version: '1.0.0',
        status: 'approved',
        category: adapted.category,
        title: { ca: 'Registre municipal de dades', es: 'Registro municipal de datos', en: 'Municipal data register' },
        text: { ca: 'El contractista inscriu les dades al registre municipal de Girona.', es: 'El contratista inscribe los datos en el registro municipal de Girona.', en: 'The contractor enters the data in the Girona municipal register.' },
        guidance: { ca: 'Sempre.', es: 'Siempre.', en: 'Always.' },
        changelog: [{ version: '1.0.0', date: '2026-12-01', note: 'First version.' }],
      }),
    );
    const locked = spawnCli(['lock', city, '--force']);
    expect(locked.code, locked.stderr).toBe(0);
  }, 120_000);

  it('lints clean, and says which layer each clause comes from', () => {
    const lint = spawnCli(['lint', city]);
    expect(lint.stdout).toMatch(/^✔ \d+ clauses, no problems\n$/);
    const explained = JSON.parse(spawnCli(['--library', city, 'explain', EXAMPLE, '--json']).stdout) as Explained;
    const origin = (id: string) => explained.clauses.find((c) => c.id === id)?.origin;
    expect(origin(adapted.id)).toMatchObject({ kind: 'adapted', layer: 'girona' });
    expect(origin(`${adapted.category}.girona-register`)).toMatchObject({ kind: 'own', layer: 'girona' });
    expect(explained.clauses.filter((c) => c.origin.kind === 'inherited').every((c) => c.origin.layer === 'bcn-data-clauses')).toBe(true);
    expect(spawnCli(['--library', city, 'show', adapted.id]).stdout.split('\n')[1]).toMatch(new RegExp(`^adapted by girona@0\\.1\\.0 from bcn-data-clauses@\\S+ \\(base clause ${adapted.version.replace(/\./g, '\\.')}\\)$`));
  }, 120_000);

  it('builds a document with its own clause and its adaptation, whose provenance names the base, and which verifies', async () => {
    // The document that holds the adapted clause: --template names it (build writes every document otherwise).
    const explained = JSON.parse(spawnCli(['--library', city, 'explain', EXAMPLE, '--json']).stdout) as { clauses: { id: string; documents: string[] }[] };
    const template = explained.clauses.find((c) => c.id === adapted.id)!.documents[0]!;
    expect(explained.clauses.find((c) => c.id === `${adapted.category}.girona-register`)!.documents).toContain(template);
    const out = join(parent, 'tender.docx');
    const build = spawnCli(['--library', city, 'build', EXAMPLE, '-o', out, '--lang', 'en', '--template', template]);
    expect(build.code, build.stderr).toBe(0);
    const parts = await docxParts(out);
    const text = paragraphs(parts.get('word/document.xml')!).join('\n');
    expect(text).toContain('The data belong to Girona City Council.');
    expect(text).toContain('The contractor enters the data in the Girona municipal register.');
    const custom = parts.get('docProps/custom.xml')!;
    const property = (name: string) => new RegExp(`name="${name.replace(/\./g, '\\.')}"[^>]*>\\s*<vt:lpwstr>([^<]*)</vt:lpwstr>`).exec(custom)?.[1];
    expect(property('clausula.release')).toBe('girona@0.1.0');
    expect(property('clausula.bases')).toMatch(/^bcn-data-clauses@\S+$/);
    expect(property(`clausula.clause.${adapted.id}`)).toMatch(/^1\.0\.0 sha256:[0-9a-f]{64} girona$/);
    expect(property('clausula.clause.general.definitions')).toMatch(/ bcn-data-clauses$/);
    expect(text).toMatch(/The clauses come unaltered from the clause library girona@0\.1\.0, which adapts the base library bcn-data-clauses@\S+\./);
    const verify = spawnCli(['--library', city, 'verify', out]);
    expect(verify.stdout).toContain('Verified: the document matches the library.');
    expect(verify.stdout.split('\n')[0]).toMatch(/built from girona@0\.1\.0, which adapts the base library bcn-data-clauses@\S+ \(template/);
    expect(verify.code).toBe(0);
  }, 120_000);

  it('test, guide, list and graph work on the library merged over the base', () => {
    const own = `${adapted.category}.girona-register`;
    mkdirSync(join(city, 'clauses/scenarios'), { recursive: true });
    writeFileSync(
      join(city, 'clauses/scenarios/smart-parking.yaml'),
      stringify({ name: 'Smart parking in Girona', answers: (parse(readFileSync(EXAMPLE, 'utf8')) as { answers: unknown }).answers, expect: { include: [own, adapted.id, 'general.definitions'] } }),
    );
    const tested = spawnCli(['test', city]);
    expect(tested.stdout + tested.stderr).toMatch(/1 (scenario|passed)/);
    expect(tested.code, tested.stdout + tested.stderr).toBe(0);
    writeFileSync(join(city, 'clauses/scenarios/wrong.yaml'), stringify({ name: 'Wrong', answers: (parse(readFileSync(EXAMPLE, 'utf8')) as { answers: unknown }).answers, expect: { exclude: [own] } }));
    expect(spawnCli(['test', city]).code).toBe(1);
    rmSync(join(city, 'clauses/scenarios'), { recursive: true });

    const guide = spawnCli(['--library', city, 'guide', '--format', 'md', '--lang', 'en', '-o', '-']);
    expect(guide.code, guide.stderr).toBe(0);
    expect(guide.stdout).toContain('The data belong to Girona City Council.');
    expect(guide.stdout).toContain('The contractor enters the data in the Girona municipal register.');
    const list = JSON.parse(spawnCli(['--library', city, 'list', '--json']).stdout) as { clauses: { id: string }[] } | { id: string }[];
    const listed = (Array.isArray(list) ? list : list.clauses).map((c) => c.id);
    expect(listed).toContain(own);
    expect(listed).toContain(adapted.id);
    expect(spawnCli(['--library', city, 'graph']).stdout).toContain(own);
  }, 120_000);

  it('when the base has moved past the version the city adapted, lint names the clause', () => {
    const stale = join(parent, 'stale');
    cpSync(city, stale, { recursive: true });
    const file = join(stale, 'clauses', ...adapted.id.split('.').slice(0, -1), `${adapted.id.split('.').pop()}.yaml`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(`overrides: ${adapted.version}`, 'overrides: 0.0.1'));
    const lint = spawnCli(['lint', stale, '--format', 'json']);
    expect(lint.code).toBe(1);
    const findings = (JSON.parse(lint.stdout) as { findings: { ruleId: string; file: string; message: string }[] }).findings;
    expect(findings.map((f) => `${f.ruleId} ${f.file.replace(`${stale}/`, '')}`)).toEqual([`override-outdated clauses/${adapted.id.replace(/\./g, '/')}.yaml`]);
    expect(findings[0]!.message).toMatch(new RegExp(`^${adapted.id.replace(/\./g, '\\.')} adapts version 0\\.0\\.1 of the base clause, which bcn-data-clauses@\\S+ has at ${adapted.version.replace(/\./g, '\\.')}: review the upstream change`));
  }, 120_000);
});

describe('a city library over a base in git, when the base checkout moves on', () => {
  it('verify checks the document against both layers: the base release it was built over, and each clause against its layer’s lock', () => {
    const parent = suiteFixture('basic');
    const base = join(parent, 'base');
    mkdirSync(base);
    baseRepository(base, 'v1.0.0');
    const city = join(parent, 'city');
    mkdirSync(city);
    layerOver(base, { 'clauses/exit/city-archive.yaml': clauseFile('exit.city-archive') }, { dir: city });
    const answers = join(parent, 'tender.yaml');
    writeFileSync(answers, 'answers:\n  authorityName: City\n  contractTitle: Parking\n  contractType: services\n  contractDurationMonths: 36\n  generatesData: true\n  dataKinds: [operational]\n  processesPersonalData: false\n  hosting: cloud-saas\n  ensCategory: medium\n');
    const out = join(parent, 'tender.docx');
    const build = spawnCli(['--library', city, 'build', answers, '-o', out]);
    expect(build.code, build.stderr).toBe(0);
    expect(spawnCli(['--library', city, 'verify', out]).code).toBe(0);

    git(base, 'checkout', '-q', 'v2.0.0');
    const verify = spawnCli(['--library', city, 'verify', out, '--json']);
    expect(verify.code).toBe(1);
    const report = JSON.parse(verify.stdout) as { problems: { kind: string }[]; document: { bases: string[] }; library: { bases: string[] }; clauses: { id: string; verdict: string; problems: { kind: string }[] }[] };
    expect(report.document.bases).toEqual(['fixture-lib@1.0.0']);
    expect(report.library.bases).toEqual(['fixture-lib@2.0.0']);
    expect(report.problems).toContainEqual({ kind: 'other-bases', document: ['fixture-lib@1.0.0'], library: ['fixture-lib@2.0.0'], message: 'the document was built over fixture-lib@1.0.0; the library now adapts fixture-lib@2.0.0' });
    const byId = new Map(report.clauses.map((c) => [c.id, c]));
    expect(byId.get('exit.city-archive')).toMatchObject({ verdict: 'ok' });
    expect(byId.get('security.certification')!.problems.map((p) => p.kind)).toEqual(['no-such-clause', 'not-selected']);
    expect(byId.get('ownership.generated-data')!.problems.map((p) => p.kind)).toEqual(['version']);
  }, 120_000);
});

describe('a chain of three: a coalition base, a region over it, a city over the region', () => {
  it('locks every base release, builds a document whose provenance names both bases and each clause’s layer, and verifies', async () => {
    const base = baseLibrary();
    const region = layerOver(
      base,
      { 'clauses/ownership/sensor-data.yaml': clauseFile('ownership.sensor-data', { overrides: '1.0.0', text: 'Sensor data belong to the region.', when: 'generatesData' }) },
      { id: 'region-lib' },
    );
    const city = layerOver(
      region,
      {
        'clauses/ownership/generated-data.yaml': clauseFile('ownership.generated-data', { overrides: '1.0.0', text: 'All data belong to the City.', when: 'generatesData' }),
        'clauses/exit/city-archive.yaml': clauseFile('exit.city-archive', { text: 'The contractor hands the data to the city archive.' }),
      },
      { id: 'city-lib', library: 'region-lib' },
    );
    expect(spawnCli(['lint', city]).stdout).toMatch(/^✔ \d+ clauses, no problems\n$/);
    const lock = parse(readFileSync(join(city, 'clauses/clauses.lock.yaml'), 'utf8')) as { bases: { library: string; version: string; clauses: Record<string, unknown> }[] };
    expect(lock.bases.map((b) => `${b.library}@${b.version}`)).toEqual(['region-lib@1.0.0', 'fixture-lib@1.0.0']);
    expect(Object.keys(lock.bases[0]!.clauses)).toEqual(['ownership.sensor-data']);

    const answers = join(city, 'tender.yaml');
    writeFileSync(answers, 'answers:\n  authorityName: City\n  contractTitle: Parking\n  contractType: services\n  contractDurationMonths: 36\n  generatesData: true\n  dataKinds: [operational, sensor]\n  processesPersonalData: false\n  hosting: cloud-saas\n  ensCategory: medium\n');
    const out = join(city, 'tender.docx');
    const build = spawnCli(['--library', city, 'build', answers, '-o', out]);
    expect(build.code, build.stderr).toBe(0);
    const parts = await docxParts(out);
    const text = paragraphs(parts.get('word/document.xml')!).join('\n');
    expect(text).toContain('Sensor data belong to the region.');
    expect(text).toContain('All data belong to the City.');
    expect(text).toContain('The contractor hands the data to the city archive.');
    const custom = parts.get('docProps/custom.xml')!;
    const property = (name: string) => new RegExp(`name="${name.replace(/\./g, '\\.')}"[^>]*>\\s*<vt:lpwstr>([^<]*)</vt:lpwstr>`).exec(custom)?.[1];
    expect(property('clausula.release')).toBe('city-lib@1.0.0');
    expect(property('clausula.bases')).toBe('region-lib@1.0.0 fixture-lib@1.0.0');
    expect(property('clausula.clause.ownership.generated-data')).toMatch(/ city-lib$/);
    expect(property('clausula.clause.ownership.sensor-data')).toMatch(/ region-lib$/);
    expect(property('clausula.clause.security.certification')).toMatch(/ fixture-lib$/);
    const verify = spawnCli(['--library', city, 'verify', out]);
    expect(verify.stdout).toContain('Verified: the document matches the library.');
    expect(verify.code).toBe(0);
  }, 120_000);
});
