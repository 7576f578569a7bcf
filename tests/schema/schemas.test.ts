import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileKinds, jsonSchemaFor, schemaFileName, type FileKind } from '../../src/schema/index.js';
import { REPO_ROOT } from '../helpers/cli.js';

describe('published JSON Schemas', () => {
  it.each(fileKinds)('schemas/%s.schema.json matches the schema source (run `clausula schema --out schemas --force` after changing src/schema)', (kind) => {
    const committed = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas', schemaFileName(kind)), 'utf8'));
    expect(committed).toEqual(jsonSchemaFor(kind));
  });
});

/** The kind of a shipped YAML file, from where it lives. */
function kindOf(file: string): FileKind {
  if (file === 'clauses/library.yaml') return 'library';
  if (file === 'clauses/questions.yaml') return 'questions';
  if (file === 'clauses/clauses.lock.yaml') return 'lock';
  if (file.startsWith('clauses/scenarios/')) return 'scenario';
  if (file.startsWith('templates/')) return 'template';
  if (file.startsWith('examples/')) return 'answers';
  return 'clause';
}

function yamlFiles(dir: string): string[] {
  const root = join(REPO_ROOT, dir);
  if (!existsSync(root)) return [];
  return (readdirSync(root, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => relative(REPO_ROOT, join(root, f)).split('\\').join('/'))
    .sort();
}

describe('shipped YAML files', () => {
  const files = [...yamlFiles('clauses'), ...yamlFiles('templates'), ...yamlFiles('examples')];

  it('exist', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files)('%s starts with a yaml-language-server line naming its schema', (file) => {
    const first = readFileSync(join(REPO_ROOT, file), 'utf8').split('\n')[0] ?? '';
    const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
    expect(match, `first line of ${file}: ${first}`).not.toBeNull();
    const target = resolve(dirname(join(REPO_ROOT, file)), match![1]!);
    expect(relative(REPO_ROOT, target).split('\\').join('/')).toBe(`schemas/${schemaFileName(kindOf(file))}`);
  });
});
