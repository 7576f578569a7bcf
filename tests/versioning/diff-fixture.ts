import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadLibrary } from '../../src/library/load-library.js';
import { formatLockFile, lockOf } from '../../src/versioning/lock.js';
import { starterLibrary } from '../../src/init/starter.js';
import { testdir } from '../helpers/testdir.js';

/**
 * Two releases of a small library (en, es): v1, and v2 with a clause widened and
 * reworded, one narrowed with too small a bump, one deprecated, one added, an option
 * removed and one added, a template annex added, and the library version raised too
 * little (1.0.0 → 1.1.0 where the changes need 2.0.0).
 */
export const HOSTING = `      - id: hosting
        type: select
        required: false
        label:
          en: "where the service runs"
          es: "dónde se presta el servicio"
        prompt:
          en: "Where will the service run?"
          es: "¿Dónde se prestará el servicio?"
        options:
          - value: authority
            label: { en: "On the authority's systems", es: "En los sistemas de la administración" }
          - value: contractor
            label: { en: "On the contractor's systems", es: "En los sistemas de la empresa contratista" }
          - value: cloud
            label: { en: "In the cloud", es: "En la nube" }
`;

const REUSE = `# yaml-language-server: $schema=../../schemas/clause.schema.json
id: ownership.reuse
version: 1.0.0
status: approved
category: ownership
order: 20
title:
  en: "Reuse of the data"
  es: "Reutilización de los datos"
when: generatesData
text:
  en: >-
    The contractor shall not reuse the data for any other purpose.
  es: >-
    La empresa contratista no reutilizará los datos para ninguna otra finalidad.
guidance:
  en: >-
    Use with the ownership clause.
  es: >-
    Úsela con la cláusula de titularidad.
changelog:
  - { version: 1.0.0, date: 2026-01-15, note: First version. }
`;

export function releaseOne(): Record<string, string> {
  const files = starterLibrary('city-clauses', ['en', 'es'], '2026-01-15');
  files['clauses/library.yaml'] = files['clauses/library.yaml']!.replace('version: 0.1.0', 'version: 1.0.0');
  files['clauses/questions.yaml'] = files['clauses/questions.yaml']! + HOSTING;
  files['clauses/ownership/reuse.yaml'] = REUSE;
  return files;
}

/** The edits that make v2 out of v1, applied to a folder. */
export function makeReleaseTwo(dir: string): void {
  const edit = (file: string, from: string | RegExp, to: string) => {
    const path = join(dir, file);
    const text = readFileSync(path, 'utf8');
    const next = text.replace(from, to);
    if (next === text) throw new Error(`${String(from)} not found in ${file}`);
    writeFileSync(path, next);
  };
  const owner = 'clauses/ownership/generated-data.yaml';
  edit(owner, 'belong to', 'belong exclusively to');
  edit(owner, 'pertenecen a', 'pertenecen exclusivamente a');
  edit(owner, 'when: generatesData\n', '');
  edit(owner, 'version: 1.0.0', 'version: 1.1.0');
  edit(owner, 'changelog:\n', 'changelog:\n  - { version: 1.1.0, date: 2026-03-01, note: Exclusive ownership; applies to every contract. }\n');

  const reuse = 'clauses/ownership/reuse.yaml';
  edit(reuse, 'when: generatesData', 'when: generatesData and hosting == "cloud"');
  edit(reuse, 'version: 1.0.0', 'version: 1.0.1');
  edit(reuse, 'changelog:\n', 'changelog:\n  - { version: 1.0.1, date: 2026-03-01, note: Only for cloud services. }\n');

  const processor = 'clauses/personal-data/processor.yaml';
  const terms = readFileSync(join(dir, processor), 'utf8')
    .replace('id: personal-data.processor', 'id: personal-data.processor-terms')
    .replace('"Processing on behalf of the authority"', '"Processor terms"');
  mkdirSync(dirname(join(dir, 'clauses/personal-data/processor-terms.yaml')), { recursive: true });
  writeFileSync(join(dir, 'clauses/personal-data/processor-terms.yaml'), terms);
  edit(processor, 'status: approved', 'status: deprecated\nsupersededBy: personal-data.processor-terms');

  edit('clauses/questions.yaml', /          - value: contractor\n.*\n/, '');
  edit('clauses/questions.yaml', /(          - value: cloud\n.*\n)/, '$1          - value: cloud-saas\n            label: { en: "Software as a service", es: "Software como servicio" }\n');
  edit('templates/data-clauses.yaml', 'annexes: [answers, provenance]', 'annexes: [answers, provenance, rationale]');
  edit('clauses/library.yaml', 'version: 1.0.0', 'version: 1.1.0');
  relock(dir);
}

/** Write the folder's lock as `clausula lock` would. */
export function relock(dir: string): void {
  writeFileSync(join(dir, 'clauses/clauses.lock.yaml'), formatLockFile(lockOf(loadLibrary(dir))!));
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Clause Writer', '-c', 'user.email=writer@example.org', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_DATE: '2026-01-15T10:00:00Z', GIT_COMMITTER_DATE: '2026-01-15T10:00:00Z' },
  });
}

/** A git repository with the library at `sub` (or the top), release one tagged v1 and release two tagged v2. */
export function repository(sub = ''): { repo: string; lib: string } {
  const repo = testdir();
  const lib = sub ? join(repo, sub) : repo;
  mkdirSync(lib, { recursive: true });
  const one = testdir(releaseOne());
  relock(one);
  cpSync(one, lib, { recursive: true });
  git(repo, 'init', '-q');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'Release 1.0.0');
  git(repo, 'tag', 'v1');
  makeReleaseTwo(lib);
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'Release 1.1.0');
  git(repo, 'tag', 'v2');
  return { repo, lib };
}

/** The two releases as plain folders. */
export function folders(): { one: string; two: string } {
  const one = testdir(releaseOne());
  relock(one);
  const two = testdir();
  cpSync(one, two, { recursive: true });
  makeReleaseTwo(two);
  return { one, two };
}
