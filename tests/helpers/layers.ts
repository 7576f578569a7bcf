import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { loadLibrary } from '../../src/library/load-library.js';
import { formatLockFile, lockOf } from '../../src/versioning/lock.js';
import { fixtureCopy, testdir } from './testdir.js';

/** A base library: a copy of tests/fixtures/basic (fixture-lib 1.0.0, English), with some files replaced, locked. */
export function baseLibrary(overrides: Record<string, string | null> = {}): string {
  const dir = fixtureCopy('basic', overrides);
  lock(dir);
  return dir;
}

export interface LayerOptions {
  id?: string;
  version?: string;
  /** The base's id, as `extends.library` names it (default: the base folder's). */
  library?: string;
  /** `extends.version` (default ^1.0.0). */
  range?: string;
  /** `extends.from` (default: the base folder, relative to the new library's). */
  from?: string | null;
  /** More of library.yaml, as YAML lines. */
  manifest?: string;
  /** Lock it as `clausula lock` would (default true). */
  locked?: boolean;
  /** Write it into this folder (default: a new temporary one). */
  dir?: string;
}

/** A library over `base` in a temporary folder: library.yaml written from the options, plus the given files. */
export function layerOver(base: string, files: Record<string, string> = {}, options: LayerOptions = {}): string {
  const dir = options.dir ?? testdir();
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  const from = options.from === undefined ? relative(dir, base).split(sep).join('/') : options.from;
  const baseId = options.library ?? (/^id: (\S+)$/m.exec(readFileSync(join(base, 'clauses/library.yaml'), 'utf8'))?.[1] ?? 'fixture-lib');
  mkdirSync(join(dir, 'clauses'), { recursive: true });
  writeFileSync(
    join(dir, 'clauses/library.yaml'),
    [
      `id: ${options.id ?? 'city-lib'}`,
      'title: { en: City clauses }',
      `version: ${options.version ?? '1.0.0'}`,
      'extends:',
      `  library: ${baseId}`,
      `  version: "${options.range ?? '^1.0.0'}"`,
      ...(from === null ? [] : [`  from: ${JSON.stringify(from)}`]),
      ...(options.manifest ? [options.manifest] : []),
      '',
    ].join('\n'),
  );
  if (options.locked !== false) lock(dir);
  return dir;
}

/** Record the library's lock, as `clausula lock` does. */
export function lock(dir: string): void {
  const l = lockOf(loadLibrary(dir));
  if (l) writeFileSync(join(dir, 'clauses/clauses.lock.yaml'), formatLockFile(l));
}

/** Replace text in a file of a folder; fails when the text is not there. */
export function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`${String(from)} not found in ${file}`);
  writeFileSync(path, next);
}

/** A clause file, English only. */
export function clauseFile(id: string, fields: { version?: string; overrides?: string; title?: string; text?: string; when?: string; requires?: string[]; status?: string } = {}): string {
  const category = id.split('.')[0]!;
  return [
    `id: ${id}`,
    `version: ${fields.version ?? '1.0.0'}`,
    ...(fields.overrides ? [`overrides: ${fields.overrides}`] : []),
    `status: ${fields.status ?? 'approved'}`,
    `category: ${category}`,
    `title: { en: "${fields.title ?? `Title of ${id}`}" }`,
    ...(fields.when ? [`when: '${fields.when}'`] : []),
    ...(fields.requires ? [`requires: [${fields.requires.join(', ')}]`] : []),
    'text:',
    `  en: "${fields.text ?? `Text of ${id}.`}"`,
    `guidance: { en: "Guidance for ${id}." }`,
    'changelog:',
    `  - { version: ${fields.version ?? '1.0.0'}, date: 2026-11-20, note: First version. }`,
    '',
  ].join('\n');
}
