import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { FileKind } from '../schema/index.js';
import type { Finding } from '../finding.js';
import type { Located } from './model.js';
import { readFiles, realpathOrSelf, type FileJob } from './read-files.js';
import type { YamlSource } from './yaml-source.js';
import type { Clause } from '../schema/clause.js';
import type { LibraryManifestFile } from '../schema/library.js';
import type { LockFile } from '../schema/lock.js';
import type { QuestionsFile } from '../schema/questions.js';
import type { Scenario } from '../schema/scenario.js';
import type { Template } from '../schema/template.js';
import { InputError } from '../errors.js';

export const LIBRARY_FILE = 'clauses/library.yaml';
export const QUESTIONS_FILE = 'clauses/questions.yaml';
export const LOCK_FILE = 'clauses/clauses.lock.yaml';
export const SCENARIOS_DIR = 'clauses/scenarios';
export const TEMPLATES_DIR = 'templates';

/** The file a clause with this id lives in. */
export function clauseFileFor(id: string): string {
  return `clauses/${id.split('.').join('/')}.yaml`;
}

/** The clause id a file path stands for: clauses/ownership/generated-data.yaml → ownership.generated-data. */
export function clauseIdForFile(file: string): string {
  return file
    .replace(/^clauses\//, '')
    .replace(/\.ya?ml$/, '')
    .split('/')
    .join('.');
}

/** What one library folder holds, read and schema-checked, before it is merged over any base. */
export interface LayerFiles {
  /** Absolute path of the folder. */
  dir: string;
  /** The library's id, or '' when its manifest cannot be read. */
  id: string;
  manifest: Located<LibraryManifestFile> | undefined;
  questionsFile: Located<QuestionsFile> | undefined;
  /** clauses/questions.yaml exists (read or not). */
  hasQuestionsFile: boolean;
  clauses: Located<Clause>[];
  templates: Located<Template>[];
  scenarios: Located<Scenario>[];
  lock: Located<LockFile> | undefined;
  brokenClauseIds: Set<string>;
  sources: Map<string, YamlSource>;
  findings: Finding[];
}

/** Check that a folder is a library, then read its files. */
export function readLayerFiles(dir: string, display: string): LayerFiles {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new InputError(`${display}: no such folder`, 'give the folder that holds clauses/ and templates/ (or omit --library to use the shipped library)');
  }
  if (!existsSync(join(dir, 'clauses')) || !existsSync(join(dir, LIBRARY_FILE))) {
    throw new InputError(
      `${display}: not a clause library (no ${LIBRARY_FILE})`,
      'give the folder that holds clauses/library.yaml, or create one with `clausula init DIR`',
    );
  }

  const files: LayerFiles = {
    dir,
    id: '',
    manifest: undefined,
    questionsFile: undefined,
    hasQuestionsFile: existsSync(join(dir, QUESTIONS_FILE)),
    clauses: [],
    templates: [],
    scenarios: [],
    lock: undefined,
    brokenClauseIds: new Set(),
    sources: new Map(),
    findings: [],
  };

  // Every file is read, parsed and schema-checked once, in parallel on large libraries.
  const jobs: FileJob[] = [];
  const job = (file: string, kind: FileKind, viaLink = true) => jobs.push({ absolute: join(dir, file), file, kind, viaLink });
  job(LIBRARY_FILE, 'library');
  if (files.hasQuestionsFile) job(QUESTIONS_FILE, 'questions');
  if (existsSync(join(dir, LOCK_FILE))) job(LOCK_FILE, 'lock');
  for (const { file, viaLink } of yamlFilesUnder(dir, 'clauses')) {
    if (file === LIBRARY_FILE || file === QUESTIONS_FILE || file === LOCK_FILE || file.startsWith(SCENARIOS_DIR + '/')) continue;
    job(file, 'clause', viaLink);
  }
  for (const { file, viaLink } of yamlFilesUnder(dir, SCENARIOS_DIR)) job(file, 'scenario', viaLink);
  for (const { file, viaLink } of yamlFilesUnder(dir, TEMPLATES_DIR)) job(file, 'template', viaLink);

  const results = readFiles(dir, jobs);
  // The manifest comes first: its id is the layer every other item belongs to.
  const manifestData = results[0]!.valid ? (results[0]!.source.data as LibraryManifestFile) : undefined;
  files.id = manifestData?.id ?? '';
  const layer = files.id;
  jobs.forEach((j, i) => {
    const { source, findings, valid } = results[i]!;
    files.sources.set(j.file, source);
    files.findings.push(...findings);
    const located = valid ? { value: source.data, source, layer } : undefined;
    switch (j.kind) {
      case 'library':
        files.manifest = located as Located<LibraryManifestFile> | undefined;
        break;
      case 'questions':
        files.questionsFile = located as Located<QuestionsFile> | undefined;
        break;
      case 'lock':
        files.lock = located as Located<LockFile> | undefined;
        break;
      case 'clause':
        if (located) files.clauses.push(located as Located<Clause>);
        else files.brokenClauseIds.add(brokenId(source, j.file));
        break;
      case 'scenario':
        if (located) files.scenarios.push(located as Located<Scenario>);
        break;
      case 'template':
        if (located) files.templates.push(located as Located<Template>);
        break;
    }
  });
  return files;
}

function brokenId(source: YamlSource | undefined, file: string): string {
  const data = source?.data as { id?: unknown } | undefined;
  return typeof data?.id === 'string' ? data.id : clauseIdForFile(file);
}

/**
 * YAML files under a folder of the library, sorted, as forward-slash paths relative to the
 * library, each with whether a symbolic link lies on its way from the library folder (the
 * file is one, or the folder is reached through one). Only those can lead out of the
 * library: the walk does not follow linked folders.
 */
export function yamlFilesUnder(dir: string, sub: string): { file: string; viaLink: boolean }[] {
  const root = join(dir, sub);
  if (!existsSync(root)) return [];
  const folderViaLink = realpathOrSelf(root) !== join(realpathOrSelf(dir), sub);
  const entries = readdirSync(root, { recursive: true, withFileTypes: true });
  const files: { file: string; viaLink: boolean }[] = [];
  for (const entry of entries) {
    if (!entry.isFile() && !entry.isSymbolicLink()) continue;
    if (!/\.ya?ml$/.test(entry.name)) continue;
    const parent = (entry as { parentPath?: string; path?: string }).parentPath ?? (entry as { path: string }).path;
    const absolute = join(parent, entry.name);
    files.push({ file: relative(dir, absolute).split(sep).join('/'), viaLink: folderViaLink || entry.isSymbolicLink() });
  }
  return files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
