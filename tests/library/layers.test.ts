import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/library/load-library.js';
import { shownFile } from '../../src/library/yaml-source.js';
import { locate } from '../../src/library/yaml-source.js';
import { baseLibrary, clauseFile, layerOver } from '../helpers/layers.js';
import { testdir } from '../helpers/testdir.js';

const ids = (dir: string) => loadLibrary(dir).clauses.map((c) => `${c.value.id} ${c.layer}`);

describe('a library over a base', () => {
  it('adds, replaces in place and excludes clauses; each clause knows its layer', () => {
    const base = baseLibrary();
    const city = layerOver(
      base,
      {
        'clauses/ownership/generated-data.yaml': clauseFile('ownership.generated-data', { overrides: '1.0.0', text: 'All data belong to the City.' }),
        'clauses/audit/city-audit.yaml': clauseFile('audit.city-audit'),
      },
      { manifest: 'exclude:\n  - { id: exit.old-handover, reason: Never used here. }\ncategories:\n  - { id: audit, title: { en: Audit } }' },
    );
    // The base's clauses in the base's order (its files, sorted), the adapted one in its place, the new ones after.
    expect(ids(city)).toEqual([
      'exit.handover fixture-lib',
      'exit.long-contract fixture-lib',
      'general.definitions fixture-lib',
      'ownership.generated-data city-lib',
      'ownership.sensor-data fixture-lib',
      'personal-data.breach fixture-lib',
      'personal-data.processor fixture-lib',
      'security.certification fixture-lib',
      'security.ens fixture-lib',
      'security.self-assessment fixture-lib',
      'audit.city-audit city-lib',
    ]);
    const library = loadLibrary(city);
    expect(library.clauseById.get('ownership.generated-data')!.value.text).toEqual({ en: 'All data belong to the City.' });
    expect(library.findings).toEqual([]);
    // Languages and categories come from the base; a category of its own is added after the base's.
    expect(library.manifest!.value.languages).toEqual(['en']);
    expect(library.manifest!.value.categories.map((c) => c.id)).toEqual(['general', 'ownership', 'personal-data', 'security', 'exit', 'audit']);
    expect(library.manifest!.value.defaultTemplate).toBe('main');
    expect(library.layers.map((l) => [l.release, l.prefix === '' ? '' : 'base', l.found?.kind ?? null])).toEqual([
      ['city-lib@1.0.0', '', null],
      ['fixture-lib@1.0.0', 'base', 'folder'],
    ]);
    expect([...library.excluded]).toEqual([['exit.old-handover', { kind: 'clause', reason: 'Never used here.', index: 0 }]]);
    // A base file is named from the library's folder, so that messages point at it.
    const handover = library.clauseById.get('exit.handover')!;
    expect(handover.source.file).toBe('clauses/exit/handover.yaml');
    expect(shownFile(handover.source)).toBe(`${library.layers[1]!.prefix}/clauses/exit/handover.yaml`);
    expect(locate(handover.source, ['when']).start).toEqual({ line: 6, column: 7 });
  });

  it('adapts questions field by field, options by value; adds questions and sections; leaves excluded questions out', () => {
    const base = baseLibrary();
    const city = layerOver(
      base,
      {
        'clauses/questions.yaml': `sections:
  - id: data
    overrides: 1.0.0
    intro: { en: About the data the contract touches. }
    questions:
      - id: hosting
        overrides: 1.0.0
        default: municipal
        options:
          - { value: municipal, label: { en: The municipal data centre } }
          - { value: none, label: { en: Not hosted anywhere } }
      - id: cityRegister
        type: boolean
        label: { en: the city register }
        prompt: { en: Is the system in the city's register? }
  - id: city
    title: { en: The city }
    questions:
      - id: districtName
        type: text
        label: { en: the district }
        prompt: { en: Which district? }
`,
      },
      { manifest: 'exclude:\n  - { id: dataKinds, reason: The city does not ask it. }' },
    );
    const library = loadLibrary(city);
    expect(library.findings).toEqual([]);
    expect(library.interview!.sections.map((s) => [s.section.id, s.layer, s.section.questions.map((q) => q.id)])).toEqual([
      ['contract', 'fixture-lib', ['authorityName', 'contractTitle', 'contractType', 'contractDurationMonths']],
      ['data', 'city-lib', ['generatesData', 'processesPersonalData', 'hosting', 'ensCategory', 'cityRegister']],
      ['city', 'city-lib', ['districtName']],
    ]);
    const hosting = library.questions.get('hosting')!;
    expect(hosting.layer).toBe('city-lib');
    expect(hosting.question).toMatchObject({ type: 'select', default: 'municipal', prompt: { en: 'Where are the data hosted?' } });
    expect(hosting.question.options!.map((o) => `${o.value}: ${o.label.en}`)).toEqual([
      'authority: The authority',
      'contractor: The contractor',
      'cloud-saas: Cloud service',
      'none: Not hosted anywhere',
      'municipal: The municipal data centre',
    ]);
    // What the city sets is in the city's file; the rest where the base has it.
    expect(shownFile(hosting.at('default').source)).toBe('clauses/questions.yaml');
    expect(hosting.at('default').path).toEqual(['sections', 0, 'questions', 0, 'default']);
    expect(shownFile(hosting.at('prompt').source)).toBe(`${library.layers[1]!.prefix}/clauses/questions.yaml`);
    expect(locate(hosting.at('prompt').source, hosting.at('prompt').path).start.line).toBe(52);
    const data = library.interview!.sections[1]!;
    expect(data.section.title).toEqual({ en: 'The data' });
    expect(data.section.intro).toEqual({ en: 'About the data the contract touches.' });
    expect(shownFile(data.at('title').source)).toBe(`${library.layers[1]!.prefix}/clauses/questions.yaml`);
    expect(shownFile(data.at('intro').source)).toBe('clauses/questions.yaml');
    expect(library.questions.has('dataKinds')).toBe(false);
    expect([...library.questions.values()].map((q) => q.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('replaces a template by id', () => {
    const base = baseLibrary();
    const city = layerOver(base, {
      'templates/main.yaml': 'id: main\noverrides: 1.0.0\ntitle: { en: City data clauses }\nparts:\n  - heading: { en: All }\n    include: [general, ownership, personal-data, security, exit]\n',
    });
    const library = loadLibrary(city);
    expect(library.templates.map((t) => `${t.value.id} ${t.layer} ${t.value.title.en}`)).toEqual(['main city-lib City data clauses']);
  });

  it('a chain of three: a coalition base, a region over it, a city over the region', () => {
    const base = baseLibrary();
    const region = layerOver(
      base,
      {
        'clauses/ownership/sensor-data.yaml': clauseFile('ownership.sensor-data', { overrides: '1.0.0', text: 'Sensor data belong to the region.' }),
        'clauses/general/region.yaml': clauseFile('general.region'),
      },
      { id: 'region-lib', manifest: 'exclude:\n  - { id: security.self-assessment, reason: The region certifies. }' },
    );
    const city = layerOver(
      region,
      {
        'clauses/ownership/generated-data.yaml': clauseFile('ownership.generated-data', { overrides: '1.0.0', text: 'All data belong to the City.' }),
        'clauses/general/region.yaml': clauseFile('general.region', { overrides: '1.0.0', text: 'The region, as the city reads it.' }),
      },
      { library: 'region-lib' },
    );
    expect(ids(city)).toEqual([
      'exit.handover fixture-lib',
      'exit.long-contract fixture-lib',
      'exit.old-handover fixture-lib',
      'general.definitions fixture-lib',
      'ownership.generated-data city-lib',
      'ownership.sensor-data region-lib',
      'personal-data.breach fixture-lib',
      'personal-data.processor fixture-lib',
      'security.certification fixture-lib',
      'security.ens fixture-lib',
      'general.region city-lib',
    ]);
    const library = loadLibrary(city);
    expect(library.findings).toEqual([]);
    expect(library.layers.map((l) => `${l.release} ${l.found?.range ?? ''}`)).toEqual(['city-lib@1.0.0 ', 'region-lib@1.0.0 ^1.0.0', 'fixture-lib@1.0.0 ^1.0.0']);
    // The base of the base is seen from the city's folder too.
    expect(shownFile(library.clauseById.get('exit.handover')!.source)).toBe(`${library.layers[2]!.prefix}/clauses/exit/handover.yaml`);
  });
});

describe('where the base is found', () => {
  it('an npm package: node_modules of the library folder or a folder above it, as Node looks packages up', () => {
    const base = baseLibrary();
    const project = testdir({ 'package.json': '{ "name": "city-project", "private": true }' });
    mkdirSync(join(project, 'node_modules/@coalition'), { recursive: true });
    symlinkSync(base, join(project, 'node_modules/@coalition/data-clauses'));
    const city = join(project, 'library');
    mkdirSync(join(city, 'clauses'), { recursive: true });
    writeFileSync(join(city, 'clauses/library.yaml'), 'id: city-lib\ntitle: { en: City }\nversion: 1.0.0\nextends: { library: fixture-lib, version: ^1.0.0, from: "@coalition/data-clauses" }\n');
    const library = loadLibrary(city);
    expect(library.findings).toEqual([]);
    expect(library.layers[1]).toMatchObject({ release: 'fixture-lib@1.0.0', prefix: '../node_modules/@coalition/data-clauses', found: { kind: 'package', from: '@coalition/data-clauses' } });
    expect(library.clauses).toHaveLength(11);
  });

  it('no from: the library clausula ships', () => {
    const city = testdir({ 'clauses/library.yaml': 'id: city-lib\ntitle: { en: City }\nversion: 1.0.0\nextends: { library: bcn-data-clauses, version: ">=1.0.0-0" }\n' });
    const library = loadLibrary(city);
    expect(library.layers[1]).toMatchObject({ id: 'bcn-data-clauses', found: { kind: 'shipped', from: undefined } });
    expect(library.clauses.length).toBeGreaterThan(20);
    expect(library.clauses.every((c) => c.layer === 'bcn-data-clauses')).toBe(true);
    expect(library.manifest!.value.languages).toEqual(['ca', 'es', 'en']);
  });
});
