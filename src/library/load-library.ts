import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { FileKind } from '../schema/index.js';
import type { Finding } from '../finding.js';
import type { Library, Located, QuestionEntry } from './model.js';
import { readFiles, realpathOrSelf, type FileJob } from './read-files.js';
import type { YamlSource } from './yaml-source.js';
import type { Clause } from '../schema/clause.js';
import type { LibraryManifest } from '../schema/library.js';
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

/**
 * Read a library folder: every file parsed once, checked against its schema.
 * Never throws for bad content: problems become findings. Throws InputError only
 * when the folder itself is not a library.
 */
export function loadLibrary(dirInput: string, display: string = dirInput): Library {
  const dir = resolve(dirInput);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new InputError(`${display}: no such folder`, 'give the folder that holds clauses/ and templates/ (or omit --library to use the shipped library)');
  }
  if (!existsSync(join(dir, 'clauses')) || !existsSync(join(dir, LIBRARY_FILE))) {
    throw new InputError(
      `${display}: not a clause library (no ${LIBRARY_FILE})`,
      'give the folder that holds clauses/library.yaml, or create one with `clausula init DIR`',
    );
  }

  const library: Library = {
    dir,
    manifest: undefined,
    questionsFile: undefined,
    clauses: [],
    templates: [],
    scenarios: [],
    lock: undefined,
    brokenClauseIds: new Set(),
    sources: new Map(),
    findings: [],
    questions: new Map(),
    clauseById: new Map(),
    templateById: new Map(),
  };

  // Every file is read, parsed and schema-checked once, in parallel on large libraries.
  const jobs: FileJob[] = [];
  const job = (file: string, kind: FileKind, viaLink = true) => jobs.push({ absolute: join(dir, file), file, kind, viaLink });
  job(LIBRARY_FILE, 'library');
  const hasQuestions = existsSync(join(dir, QUESTIONS_FILE));
  if (hasQuestions) job(QUESTIONS_FILE, 'questions');
  else library.findings.push(missingFile(QUESTIONS_FILE, 'create it with the interview questions; see docs/library-format.md'));
  if (existsSync(join(dir, LOCK_FILE))) job(LOCK_FILE, 'lock');
  for (const { file, viaLink } of yamlFilesUnder(dir, 'clauses')) {
    if (file === LIBRARY_FILE || file === QUESTIONS_FILE || file === LOCK_FILE || file.startsWith(SCENARIOS_DIR + '/')) continue;
    job(file, 'clause', viaLink);
  }
  for (const { file, viaLink } of yamlFilesUnder(dir, SCENARIOS_DIR)) job(file, 'scenario', viaLink);
  for (const { file, viaLink } of yamlFilesUnder(dir, TEMPLATES_DIR)) job(file, 'template', viaLink);

  const results = readFiles(dir, jobs);
  jobs.forEach((j, i) => {
    const { source, findings, valid } = results[i]!;
    library.sources.set(j.file, source);
    library.findings.push(...findings);
    const located = valid ? { value: source.data, source } : undefined;
    switch (j.kind) {
      case 'library':
        library.manifest = located as Located<LibraryManifest> | undefined;
        break;
      case 'questions':
        library.questionsFile = located as Located<QuestionsFile> | undefined;
        break;
      case 'lock':
        library.lock = located as Located<LockFile> | undefined;
        break;
      case 'clause':
        if (located) library.clauses.push(located as Located<Clause>);
        else library.brokenClauseIds.add(brokenId(source, j.file));
        break;
      case 'scenario':
        if (located) library.scenarios.push(located as Located<Scenario>);
        break;
      case 'template':
        if (located) library.templates.push(located as Located<Template>);
        break;
    }
  });

  indexLibrary(library);
  return library;
}

/** Build the lookup tables. First definition wins; lint reports the duplicates. */
function indexLibrary(library: Library): void {
  let index = 0;
  const sections = library.questionsFile?.value.sections ?? [];
  sections.forEach((section, sectionIndex) => {
    section.questions.forEach((question, questionIndex) => {
      if (!library.questions.has(question.id)) {
        const entry: QuestionEntry = {
          question,
          section,
          sectionIndex,
          index,
          path: ['sections', sectionIndex, 'questions', questionIndex],
        };
        library.questions.set(question.id, entry);
      }
      index++;
    });
  });
  for (const clause of library.clauses) {
    if (!library.clauseById.has(clause.value.id)) library.clauseById.set(clause.value.id, clause);
  }
  for (const template of library.templates) {
    if (!library.templateById.has(template.value.id)) library.templateById.set(template.value.id, template);
  }
}

function brokenId(source: YamlSource | undefined, file: string): string {
  const data = source?.data as { id?: unknown } | undefined;
  return typeof data?.id === 'string' ? data.id : clauseIdForFile(file);
}

function missingFile(file: string, fix: string): Finding {
  return { ruleId: 'missing-file', severity: 'error', file, start: { line: 1, column: 1 }, message: `${file} is missing`, fix };
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
