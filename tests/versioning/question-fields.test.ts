import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/library/load-library.js';
import { compareLibraries } from '../../src/versioning/compare-libraries.js';
import { testdir } from '../helpers/testdir.js';
import { HOSTING, releaseOne } from './diff-fixture.js';

// A question field the comparison has no rule of its own for is still named when it changes:
// a release note never says "Changed: hosting:" with nothing after it.
const FOLLOWS = `        follows:
          - if: generatesData
            answer: cloud
            conflict:
              en: "Data are generated, yet the service is not in the cloud."
              es: "Se generan datos, pero el servicio no está en la nube."
`;

describe('a question whose consistency rule changes', () => {
  it('is a patch change that names the field', () => {
    const one = releaseOne();
    const two = { ...one, 'clauses/questions.yaml': one['clauses/questions.yaml']!.replace(HOSTING, HOSTING + FOLLOWS) };
    expect(two['clauses/questions.yaml']).toContain('follows:');
    const library = (files: Record<string, string>) => loadLibrary(testdir(files));
    const newLibrary = library(two);
    expect(newLibrary.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const diff = compareLibraries({ library: library(one), label: 'v1' }, { library: newLibrary, label: 'v2' });
    expect(diff.questions.changed).toEqual([
      { id: 'hosting', options: { added: [], removed: [] }, fields: ['follows'], reasons: [{ level: 'patch', message: 'question hosting: follows changed' }] },
    ]);
  });
});
