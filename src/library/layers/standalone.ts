import type { Finding } from '../../finding.js';
import type { LibraryManifest } from '../../schema/library.js';
import type { Layer, Library, Located } from '../model.js';
import { QUESTIONS_FILE, type LayerFiles } from '../read-layer.js';
import { indexLibrary } from './index-library.js';
import { ownInterview, type InterviewParts } from './interview.js';

/** A library that extends no base: its own files are the whole library. */
export function standaloneLibrary(files: LayerFiles): Library {
  const findings = [...files.findings];
  if (!files.hasQuestionsFile) findings.push(missingFile(QUESTIONS_FILE, 'create it with the interview questions; see docs/library-format.md'));
  const parts: InterviewParts | undefined = files.questionsFile ? ownInterview(files.questionsFile, findings) : undefined;
  const library: Library = {
    dir: files.dir,
    // Without `extends`, the schema has required languages and categories: the manifest is written in full.
    manifest: files.manifest as Located<LibraryManifest> | undefined,
    interview: parts ? { sections: parts.sections } : undefined,
    clauses: files.clauses,
    templates: files.templates,
    scenarios: files.scenarios,
    lock: files.lock,
    brokenClauseIds: files.brokenClauseIds,
    sources: files.sources,
    findings,
    layers: files.manifest ? [layerOf(files)] : [],
    base: undefined,
    baseUnavailable: false,
    excluded: new Map(),
    questions: new Map(),
    clauseById: new Map(),
    templateById: new Map(),
  };
  indexLibrary(library, parts);
  return library;
}

/** The layer a library's own files make. */
export function layerOf(files: LayerFiles): Layer {
  const manifest = files.manifest!;
  return {
    id: manifest.value.id,
    version: manifest.value.version,
    release: `${manifest.value.id}@${manifest.value.version}`,
    dir: files.dir,
    prefix: '',
    manifest,
    questions: files.questionsFile,
  };
}

export function missingFile(file: string, fix: string): Finding {
  return { ruleId: 'missing-file', severity: 'error', file, start: { line: 1, column: 1 }, message: `${file} is missing`, fix };
}
