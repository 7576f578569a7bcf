import { execFileSync } from 'node:child_process';
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './cli.js';
import { clauseFile, edit, lock } from './layers.js';

const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 'Base', GIT_AUTHOR_EMAIL: 'base@example.org', GIT_COMMITTER_NAME: 'Base', GIT_COMMITTER_EMAIL: 'base@example.org', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_SYSTEM: '/dev/null' };

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, env: GIT_ENV, encoding: 'utf8' });
}

/**
 * The edits that make release 2.0.0 of the fixture base out of 1.0.0: ownership.generated-data
 * and exit.long-contract and security.self-assessment reworded (1.1.0), security.certification
 * removed, ownership.reuse added, the hosting question relabelled, an annex added to the
 * template. Locked, and linting clean.
 */
export function makeBaseTwo(dir: string): void {
  const bump = (file: string, from: string, to: string, note: string) => {
    edit(dir, file, from, to);
    edit(dir, file, 'version: 1.0.0', 'version: 1.1.0');
    edit(dir, file, 'changelog:\n', `changelog:\n  - { version: 1.1.0, date: 2026-12-01, note: ${note} }\n`);
  };
  bump('clauses/ownership/generated-data.yaml', 'belong to the Authority', 'belong exclusively to the Authority', 'Exclusive ownership.');
  bump('clauses/exit/long-contract.yaml', 'every year', 'every six months', 'Twice a year.');
  bump('clauses/security/self-assessment.yaml', 'declares conformity by self-assessment', 'declares conformity by a signed self-assessment', 'Signed.');
  rmSync(join(dir, 'clauses/security/certification.yaml'));
  edit(dir, 'clauses/scenarios/cloud-service.yaml', ' security.certification,', '');
  writeFileSync(join(dir, 'clauses/ownership/reuse.yaml'), clauseFile('ownership.reuse', { when: 'generatesData', text: 'The Authority may reuse the data for any public purpose.' }));
  edit(dir, 'clauses/questions.yaml', 'label: { en: the hosting }', 'label: { en: where the data are hosted }');
  edit(dir, 'templates/main.yaml', 'annexes: [answers, provenance]', 'annexes: [answers, provenance, rationale]');
  edit(dir, 'clauses/library.yaml', 'version: 1.0.0', 'version: 2.0.0');
  lock(dir);
}

/** A git repository holding the fixture base, with releases 1.0.0 and 2.0.0 tagged v1.0.0 and v2.0.0, checked out at `at`. */
export function baseRepository(dir: string, at: 'v1.0.0' | 'v2.0.0' = 'v1.0.0'): string {
  cpSync(join(REPO_ROOT, 'tests/fixtures/basic'), dir, { recursive: true });
  lock(dir);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'Release 1.0.0');
  git(dir, 'tag', 'v1.0.0');
  makeBaseTwo(dir);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'Release 2.0.0');
  git(dir, 'tag', 'v2.0.0');
  git(dir, 'checkout', '-q', at);
  return dir;
}
