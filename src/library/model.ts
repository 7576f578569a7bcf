import type { Clause } from '../schema/clause.js';
import type { LibraryManifest } from '../schema/library.js';
import type { LockFile } from '../schema/lock.js';
import type { Question, QuestionsFile, Section } from '../schema/questions.js';
import type { Scenario } from '../schema/scenario.js';
import type { Template } from '../schema/template.js';
import type { Finding } from '../finding.js';
import type { YamlSource } from './yaml-source.js';

/** A value read from a file, with the file it came from (for positions). */
export interface Located<T> {
  value: T;
  source: YamlSource;
}

export interface QuestionEntry {
  question: Question;
  section: Section;
  sectionIndex: number;
  /** Position in the whole interview, 0-based. */
  index: number;
  /** Path of the question inside questions.yaml. */
  path: (string | number)[];
}

/** A loaded clause library: every file that parsed and matched its schema, plus what went wrong. */
export interface Library {
  /** Absolute path of the library folder. */
  dir: string;
  manifest: Located<LibraryManifest> | undefined;
  questionsFile: Located<QuestionsFile> | undefined;
  clauses: Located<Clause>[];
  templates: Located<Template>[];
  scenarios: Located<Scenario>[];
  lock: Located<LockFile> | undefined;
  /** Ids of clause files that exist but failed to load, so references to them are not reported twice. */
  brokenClauseIds: Set<string>;
  /** Every file read, by its display path. */
  sources: Map<string, YamlSource>;
  /** Problems found while reading and checking the schema. */
  findings: Finding[];
  /** Indexes, built once. */
  questions: Map<string, QuestionEntry>;
  clauseById: Map<string, Located<Clause>>;
  templateById: Map<string, Located<Template>>;
}

export function languagesOf(library: Library): string[] {
  return library.manifest?.value.languages ?? [];
}

export function defaultLanguageOf(library: Library): string {
  const manifest = library.manifest?.value;
  return manifest?.defaultLanguage ?? manifest?.languages[0] ?? 'en';
}

export function releaseOf(library: Library): string {
  const manifest = library.manifest?.value;
  return manifest ? `${manifest.id}@${manifest.version}` : 'unknown';
}

/** The text in `language`, else in `fallback`, else any. A plain string is the same text in every language. */
export function pick(text: Record<string, string> | string | undefined, language: string, fallback?: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[language] ?? (fallback ? text[fallback] : undefined) ?? Object.values(text)[0] ?? '';
}
