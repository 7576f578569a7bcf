import type { Clause } from '../schema/clause.js';
import type { LibraryManifest, LibraryManifestFile } from '../schema/library.js';
import type { LockFile } from '../schema/lock.js';
import type { Question, QuestionsFile, Section } from '../schema/questions.js';
import type { Scenario } from '../schema/scenario.js';
import type { Template } from '../schema/template.js';
import type { Finding } from '../finding.js';
import type { PathSegment, YamlSource } from './yaml-source.js';

/** A value read from a file, with the file it came from (for positions) and the layer that gave it. */
export interface Located<T> {
  value: T;
  source: YamlSource;
  /** The id of the library whose file this is: the library itself, or a base it extends. */
  layer: string;
}

/** Where something is written: a file and the path to it inside. */
export interface Where {
  source: YamlSource;
  path: PathSegment[];
}

export interface SectionEntry {
  section: Section;
  /** Position in the interview, 0-based. */
  index: number;
  /** The layer that wrote it, or that last adapted it. */
  layer: string;
  /** Where a field of the section is written (the adapting layer's file when it sets the field); no field: the section itself. */
  at(field?: string): Where;
}

export interface QuestionEntry {
  question: Question;
  section: Section;
  sectionIndex: number;
  /** Position in the whole interview, 0-based. */
  index: number;
  /** Path of the question inside its file (the adapting layer's, for an adapted question). */
  path: (string | number)[];
  source: YamlSource;
  /** The layer that wrote it, or that last adapted it. */
  layer: string;
  /** Where a field of the question is written: the adapting layer's file when it sets the field, else the base's. */
  at(field?: string): Where;
}

/** The interview: every section, merged across the layers. */
export interface Interview {
  sections: SectionEntry[];
}

/** One library of a chain: the library itself, the base it extends, that base's base… */
export interface Layer {
  id: string;
  version: string;
  /** `id@version`. */
  release: string;
  /** Absolute path of its folder. */
  dir: string;
  /** From the top library's folder to this layer's, with forward slashes; '' for the library itself. */
  prefix: string;
  /** Its clauses/library.yaml as written. */
  manifest: Located<LibraryManifestFile>;
  /** Its clauses/questions.yaml as written, when it has one that reads. */
  questions: Located<QuestionsFile> | undefined;
  /** How the layer above found it (absent for the library itself). */
  found?: BaseLink;
}

/** A base item a library leaves out. */
export interface Excluded {
  kind: 'clause' | 'question' | 'template';
  reason: string | undefined;
  /** Its place in the library's `exclude:` list. */
  index: number;
}

/** How a library names and finds its base. */
export interface BaseLink {
  /** `extends.from` as written; absent: the library clausula ships. */
  from: string | undefined;
  /** What `from` turned out to be. */
  kind: 'folder' | 'package' | 'shipped';
  /** `extends.version`: the releases accepted. */
  range: string;
  /** For a base found as an npm package (or shipped with clausula): the package and its version, `clausula@0.2.0`. */
  package?: string;
}

/** A loaded clause library: every file that parsed and matched its schema, plus what went wrong. */
export interface Library {
  /** Absolute path of the library folder. */
  dir: string;
  /**
   * The manifest every command uses. For a library that extends a base, its languages and
   * categories are completed from the base; `source` is still the library's own file.
   */
  manifest: Located<LibraryManifest> | undefined;
  /** The interview; undefined when a questions file that should be there cannot be read. */
  interview: Interview | undefined;
  clauses: Located<Clause>[];
  templates: Located<Template>[];
  /** The library's own scenarios (a base's scenarios test the base). */
  scenarios: Located<Scenario>[];
  /** The library's own lock. */
  lock: Located<LockFile> | undefined;
  /** Ids of clause files that exist but failed to load, so references to them are not reported twice. */
  brokenClauseIds: Set<string>;
  /** Every file read, by its display path. */
  sources: Map<string, YamlSource>;
  /** Problems found while reading and checking the schema, and while merging the layers. */
  findings: Finding[];
  /** The library first, then the base it extends, and so on. One entry for a library that extends none. */
  layers: Layer[];
  /** The base as a library of its own (itself merged over its bases); absent when the library extends none or it cannot be read. */
  base: Library | undefined;
  /** Set when the library extends a base that cannot be used: its findings say why. */
  baseUnavailable: boolean;
  /** What the library's `exclude:` leaves out of its base, by id. */
  excluded: Map<string, Excluded>;
  /** Indexes, built once. */
  questions: Map<string, QuestionEntry>;
  clauseById: Map<string, Located<Clause>>;
  templateById: Map<string, Located<Template>>;
}

/** The library's own layer: the one whose folder was named. */
export function ownLayer(library: Library): Layer | undefined {
  return library.layers[0];
}

/** Is the item written in the library's own files (not inherited from a base)? */
export function isOwn(library: Library, item: { layer: string }): boolean {
  return item.layer === library.layers[0]?.id;
}

/** The library of each layer, as a library of its own: the library itself, its base, its base's base… (shorter when a base cannot be read). */
export function chainOf(library: Library): Library[] {
  const out: Library[] = [];
  for (let l: Library | undefined = library; l; l = l.base) out.push(l);
  return out;
}

/** The layer an item comes from. */
export function layerOf(library: Library, item: { layer: string }): Layer | undefined {
  return library.layers.find((l) => l.id === item.layer);
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

/** The releases of the bases, nearest first: `bcn-data-clauses@2.0.0`. Empty for a library that extends none. */
export function baseReleasesOf(library: Library): string[] {
  return library.layers.slice(1).map((l) => l.release);
}

/** The text in `language`, else in `fallback`, else any. A plain string is the same text in every language. */
export function pick(text: Record<string, string> | string | undefined, language: string, fallback?: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[language] ?? (fallback ? text[fallback] : undefined) ?? Object.values(text)[0] ?? '';
}
