import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/library/load-library.js';
import { lintLibrary } from '../../src/lint/run-lint.js';
import { rules } from '../../src/lint/rule-meta.js';
import { LAYER_RULES, lintDir, type Row } from '../helpers/lint.js';
import { baseLibrary, clauseFile, edit, layerOver, lock } from '../helpers/layers.js';
import { testdir } from '../helpers/testdir.js';

/** Lint a library over a base; files named relative to the library (`../base/…` for the base's). */
function lintLayer(dir: string, base?: string): Row[] {
  if (!base) return lintDir(dir);
  const prefix = relative(dir, base);
  return lintDir(dir).map((r) => ({ ...r, file: r.file.replace(prefix, 'BASE'), message: r.message.replace(prefix, 'BASE') }));
}

const HANDOVER_WHEN = 'generatesData and hosting in ["contractor", "cloud-saas"]';

const QUESTIONS_PATCH = (overrides: string) => `sections:
  - id: data
    overrides: ${overrides}
    questions:
      - id: hosting
        overrides: ${overrides}
        default: authority
`;

/** Each layer rule: the libraries that trip it, what lint says (exactly, at its position), and a fix that passes. */
const cases: Record<string, { fails: () => { dir: string; base?: string }; expected: Row[]; passes: () => string }> = {
  'base-not-found': {
    fails: () => ({ dir: layerOver(baseLibrary(), {}, { from: '../no-such-base' }) }),
    expected: [
      {
        ruleId: 'base-not-found',
        severity: 'error',
        file: 'clauses/library.yaml',
        line: 7,
        column: 9,
        message: 'the base folder ../no-such-base does not exist',
        fix: 'give the folder, relative to this library, that holds the base library (its clauses/ and templates/), or clone it there',
      },
    ],
    passes: () => layerOver(baseLibrary()),
  },
  'base-mismatch': {
    fails: () => {
      const base = baseLibrary();
      return { dir: layerOver(base, {}, { library: 'other-lib' }), base };
    },
    expected: [
      {
        ruleId: 'base-mismatch',
        severity: 'error',
        file: 'clauses/library.yaml',
        line: 5,
        column: 12,
        message: 'the base (BASE) is the library fixture-lib, not other-lib',
        fix: 'write library: fixture-lib, or point from: at other-lib',
      },
    ],
    passes: () => layerOver(baseLibrary(), {}, { library: 'fixture-lib' }),
  },
  'base-version': {
    fails: () => ({ dir: layerOver(baseLibrary(), {}, { range: '^2.0.0', locked: false }) }),
    expected: [
      {
        ruleId: 'base-version',
        severity: 'error',
        file: 'clauses/library.yaml',
        line: 6,
        column: 12,
        message: 'the base fixture-lib is at 1.0.0, outside the releases this library accepts (^2.0.0)',
        fix: 'install a release in ^2.0.0, or accept 1.0.0 in extends.version',
      },
    ],
    passes: () => layerOver(baseLibrary(), {}, { range: '1.0.x' }),
  },
  'base-cycle': {
    fails: () => {
      const a = testdir();
      const b = testdir();
      const manifest = (id: string, other: string) => `id: ${id}\ntitle: { en: ${id} }\nversion: 1.0.0\nextends:\n  library: ${other === a ? 'lib-a' : 'lib-b'}\n  version: ^1.0.0\n  from: ${relative(id === 'lib-a' ? a : b, other)}\n`;
      mkdirSync(join(a, 'clauses'));
      mkdirSync(join(b, 'clauses'));
      writeFileSync(join(a, 'clauses/library.yaml'), manifest('lib-a', b));
      writeFileSync(join(b, 'clauses/library.yaml'), manifest('lib-b', a));
      return { dir: a, base: b };
    },
    expected: [{ ruleId: 'base-cycle', severity: 'error', file: 'BASE/clauses/library.yaml', line: 7, column: 9, message: 'the bases go round in a circle: lib-a → lib-b → lib-a', fix: 'a library cannot extend itself, directly or through its bases: point extends at the shared base' }],
    passes: () => layerOver(baseLibrary()),
  },
  'base-conflict': {
    // The city's id is the coalition base's: through the region, the chain would hold fixture-lib twice.
    fails: () => {
      const base = baseLibrary();
      const region = layerOver(base, {}, { id: 'region-lib' });
      return { dir: layerOver(region, {}, { id: 'fixture-lib', version: '3.0.0', library: 'region-lib', locked: false }), base: region };
    },
    expected: [
      {
        ruleId: 'base-conflict',
        severity: 'error',
        file: 'BASE/clauses/library.yaml',
        line: 5,
        column: 12,
        // The base as the region's `from:` names it.
        message: expect.stringMatching(/^the chain of bases holds fixture-lib twice, at 3\.0\.0 and at 1\.0\.0 \(\.\.\/clausula-test-\w+\)$/) as unknown as string,
        fix: 'a chain names each library once: extend one release of it',
      },
    ],
    passes: () => layerOver(layerOver(baseLibrary(), {}, { id: 'region-lib' }), {}, { library: 'region-lib' }),
  },
  'base-errors': {
    fails: () => {
      const base = baseLibrary({ 'clauses/exit/handover.yaml': clauseFile('exit.handover', { requires: ['exit.nowhere'], when: HANDOVER_WHEN }) });
      return { dir: layerOver(base), base };
    },
    expected: [
      {
        ruleId: 'base-errors',
        severity: 'error',
        file: 'clauses/library.yaml',
        line: 5,
        column: 3,
        message: 'the base fixture-lib@1.0.0 has an error of its own',
        fix: expect.stringMatching(/^`clausula lint \.\.\/clausula-test-\w+` shows it; they are for the base's maintainers to fix, or extend a release without them$/) as unknown as string,
      },
    ],
    passes: () => layerOver(baseLibrary({ 'clauses/exit/handover.yaml': clauseFile('exit.handover', { requires: ['personal-data.breach'], when: HANDOVER_WHEN }) })),
  },
  'base-language': {
    fails: () => ({ dir: layerOver(baseLibrary(), {}, { manifest: 'languages: [en, fr]' }) }),
    expected: [
      { ruleId: 'missing-translation', severity: 'error', file: 'clauses/library.yaml', line: 2, column: 1, message: 'the library title has no fr version', fix: 'add fr: …' },
      {
        ruleId: 'base-language',
        severity: 'error',
        file: 'clauses/library.yaml',
        line: 8,
        column: 17,
        message: 'fr is not a language of the base fixture-lib@1.0.0 (en), so its clauses have no fr text',
        fix: "keep to the base's languages: en",
      },
    ],
    passes: () => layerOver(baseLibrary(), {}, { manifest: 'languages: [en]' }),
  },
  'override-outdated': {
    fails: () => {
      const base = baseLibrary();
      const city = layerOver(base, { 'clauses/ownership/generated-data.yaml': clauseFile('ownership.generated-data', { overrides: '1.0.0' }), 'clauses/questions.yaml': QUESTIONS_PATCH('1.0.0') });
      // A base release later: the clause reworded (1.1.0), the question relabelled.
      edit(base, 'clauses/ownership/generated-data.yaml', 'belong to the Authority', 'belong exclusively to the Authority');
      edit(base, 'clauses/ownership/generated-data.yaml', 'version: 1.0.0', 'version: 1.1.0');
      edit(base, 'clauses/ownership/generated-data.yaml', 'changelog:\n', 'changelog:\n  - { version: 1.1.0, date: 2026-12-01, note: Exclusive ownership. }\n');
      edit(base, 'clauses/questions.yaml', 'label: { en: the hosting }', 'label: { en: where the data are hosted }');
      edit(base, 'clauses/library.yaml', 'version: 1.0.0', 'version: 1.1.0');
      lock(base);
      return { dir: city, base };
    },
    expected: [
      {
        ruleId: 'override-outdated',
        severity: 'error',
        file: 'clauses/ownership/generated-data.yaml',
        line: 3,
        column: 12,
        message: 'ownership.generated-data adapts version 1.0.0 of the base clause, which fixture-lib@1.1.0 has at 1.1.0: review the upstream change (1.1.0: Exclusive ownership.)',
        fix: "compare the base's 1.1.0 with this text (`clausula upgrade` shows both), adapt the clause, then write overrides: 1.1.0",
      },
      {
        ruleId: 'override-outdated',
        severity: 'error',
        file: 'clauses/questions.yaml',
        line: 6,
        column: 20,
        message: 'the base changed question hosting since fixture-lib@1.0.0, the release clauses.lock.yaml records; this adapts it as of 1.0.0: review the upstream change',
        fix: "compare the base's question hosting in fixture-lib@1.1.0 with this one (`clausula upgrade` shows both), adapt it, then write overrides: 1.1.0 and run `clausula lock`",
      },
    ],
    passes: () => layerOver(baseLibrary(), { 'clauses/ownership/generated-data.yaml': clauseFile('ownership.generated-data', { overrides: '1.0.0' }), 'clauses/questions.yaml': QUESTIONS_PATCH('1.0.0') }),
  },
  'override-removed': {
    fails: () => ({ dir: layerOver(baseLibrary(), { 'clauses/ownership/reuse.yaml': clauseFile('ownership.reuse', { overrides: '1.0.0' }) }) }),
    expected: [
      {
        ruleId: 'override-removed',
        severity: 'error',
        file: 'clauses/ownership/reuse.yaml',
        line: 3,
        column: 12,
        message: 'ownership.reuse adapts version 1.0.0 of the base clause ownership.reuse, but the base fixture-lib@1.0.0 has no clause ownership.reuse: it was removed or renamed upstream',
        fix: "review the base's release notes (`clausula upgrade`); keep the clause as this library's own by removing overrides:, or delete it",
      },
    ],
    passes: () => layerOver(baseLibrary(), { 'clauses/ownership/reuse.yaml': clauseFile('ownership.reuse') }),
  },
  'override-unmarked': {
    fails: () => ({ dir: layerOver(baseLibrary(), { 'clauses/ownership/generated-data.yaml': clauseFile('ownership.generated-data') }) }),
    expected: [
      {
        ruleId: 'override-unmarked',
        severity: 'error',
        file: 'clauses/ownership/generated-data.yaml',
        line: 1,
        column: 5,
        message: 'ownership.generated-data replaces the base clause ownership.generated-data (version 1.0.0 in fixture-lib@1.0.0) without saying which version of it it adapts',
        fix: 'add overrides: 1.0.0, so that lint can say when the base clause changes',
      },
    ],
    passes: () => layerOver(baseLibrary(), { 'clauses/ownership/generated-data.yaml': clauseFile('ownership.generated-data', { overrides: '1.0.0' }) }),
  },
  'override-without-base': {
    fails: () => {
      const dir = baseLibrary({ 'clauses/exit/handover.yaml': clauseFile('exit.handover', { overrides: '1.0.0', when: HANDOVER_WHEN }) });
      edit(dir, 'clauses/questions.yaml', '      - id: hosting\n', '      - id: cityRegister\n        overrides: 1.0.0\n        default: true\n      - id: hosting\n');
      return { dir };
    },
    expected: [
      {
        ruleId: 'override-without-base',
        severity: 'error',
        file: 'clauses/exit/handover.yaml',
        line: 3,
        column: 1,
        message: 'exit.handover says overrides: 1.0.0, but this library extends no base',
        fix: 'remove overrides:, or add extends: { library: …, version: … } to clauses/library.yaml',
      },
      {
        ruleId: 'override-without-base',
        severity: 'error',
        file: 'clauses/questions.yaml',
        line: 50,
        column: 20,
        message: 'question cityRegister says overrides:, but this library extends no base; it is left out',
        fix: 'add extends: { library: …, version: … } to clauses/library.yaml, or write it in full without overrides:',
      },
    ],
    passes: () => baseLibrary(),
  },
  'exclude-without-reason': {
    fails: () => ({ dir: layerOver(baseLibrary(), {}, { manifest: 'exclude:\n  - { id: exit.long-contract }' }) }),
    expected: [
      {
        ruleId: 'exclude-without-reason',
        severity: 'error',
        file: 'clauses/library.yaml',
        line: 9,
        column: 5,
        message: 'the exclusion of exit.long-contract gives no reason',
        fix: 'say why the library leaves it out: { id: exit.long-contract, reason: "…" }; the reviewers of the next base release read it',
      },
    ],
    passes: () => layerOver(baseLibrary(), {}, { manifest: 'exclude:\n  - { id: exit.long-contract, reason: Contracts here are short. }' }),
  },
  'exclude-required': {
    // ownership.sensor-data (base) requires exit.handover.
    fails: () => {
      const base = baseLibrary();
      return { dir: layerOver(base, {}, { manifest: 'exclude:\n  - { id: exit.handover, reason: The city has its own. }' }), base };
    },
    expected: [
      // What only the excluded clause read is left unused: a warning in the base's file, caused by this library.
      {
        ruleId: 'unused-question',
        severity: 'warning',
        file: 'BASE/clauses/questions.yaml',
        line: 49,
        column: 13,
        message: 'question hosting is not used by any condition or clause text',
        fix: 'use it in a clause or remove it; removing a question is a major change',
      },
      {
        ruleId: 'exclude-required',
        severity: 'error',
        file: 'clauses/library.yaml',
        line: 9,
        column: 11,
        message: 'exit.handover cannot be left out: ownership.sensor-data requires it (BASE/clauses/ownership/sensor-data.yaml)',
        fix: 'exclude the clauses that need it too, or keep exit.handover',
      },
    ],
    // What only the excluded clauses used goes too: the questions they read.
    passes: () =>
      layerOver(baseLibrary(), {}, {
        manifest: [
          'exclude:',
          '  - { id: exit.handover, reason: The city has its own. }',
          '  - { id: ownership.sensor-data, reason: No sensors here. }',
          '  - { id: hosting, reason: Only the handover clause read it. }',
          '  - { id: dataKinds, reason: Only the sensor clause read it. }',
        ].join('\n'),
      }),
  },
};

describe('lint of a library over a base', () => {
  it('has a failing and a passing case for every layer rule', () => {
    expect(Object.keys(cases).sort()).toEqual([...LAYER_RULES].sort());
    for (const id of LAYER_RULES) expect(rules[id], id).toBeDefined();
  });

  describe.each(Object.keys(cases))('%s', (ruleId) => {
    const c = cases[ruleId]!;
    it('fails, at the position that causes it', () => {
      const { dir, base } = c.fails();
      expect(lintLayer(dir, base)).toEqual(c.expected);
    });
    it('passes once fixed', () => {
      expect(lintDir(c.passes())).toEqual([]);
    });
  });
});

describe('what lint leaves to the base, and what it reports there', () => {
  it("keeps a finding in a base file that the library's layer causes", () => {
    // The city's template leaves the exit category out: the base's exit clauses never reach a document.
    const base = baseLibrary();
    const city = layerOver(base, { 'templates/main.yaml': 'id: main\noverrides: 1.0.0\ntitle: { en: City }\nparts:\n  - heading: { en: All }\n    include: [general, ownership, personal-data, security]\n' });
    expect(lintLayer(city, base)).toEqual([
      {
        ruleId: 'unused-category',
        severity: 'warning',
        file: 'BASE/clauses/exit/handover.yaml',
        line: 4,
        column: 11,
        message: 'no template places category exit, so exit.handover never appears in a document',
        fix: "add exit to a template's include list",
      },
    ]);
  });

  it('a base that cannot be used: only its problem, not every name it would have defined', () => {
    const city = layerOver(baseLibrary(), { 'clauses/ownership/city.yaml': clauseFile('ownership.city', { when: 'generatesData', text: 'For {{ authorityName }}.' }) }, { from: '../no-such-base', locked: false });
    const library = loadLibrary(city);
    expect(library.baseUnavailable).toBe(true);
    expect(lintLibrary(library).map((f) => f.ruleId)).toEqual(['base-not-found']);
  });
});
