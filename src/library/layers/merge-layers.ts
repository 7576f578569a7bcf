import { posix } from 'node:path';
import type { Finding } from '../../finding.js';
import type { Category, LibraryManifest, LibraryManifestFile } from '../../schema/library.js';
import type { BaseLink, Excluded, Layer, Library, Located, QuestionEntry, SectionEntry, Where } from '../model.js';
import type { LayerFiles } from '../read-layer.js';
import { rebased, type YamlSource } from '../yaml-source.js';
import { indexLibrary } from './index-library.js';
import { mergeInterview, type InterviewParts } from './interview.js';
import { layerOf } from './standalone.js';

/** Where the base is, seen from the library that extends it. */
export interface BaseSeat {
  /** From the library's folder to the base's, forward slashes. */
  prefix: string;
  link: BaseLink;
}

/** What a library's `exclude:` leaves out of its base, by kind. */
export interface Exclusions {
  clauses: Set<string>;
  questions: Set<string>;
  templates: Set<string>;
  all: Map<string, Excluded>;
}

/** Sort the ids of `exclude:` by what they name in the base: a clause, a question or a template (first found). Ids the base lacks are lint's to report. */
export function exclusionsOf(manifest: LibraryManifestFile, base: Library): Exclusions {
  const out: Exclusions = { clauses: new Set(), questions: new Set(), templates: new Set(), all: new Map() };
  (manifest.exclude ?? []).forEach(({ id, reason }, index) => {
    const kind = base.clauseById.has(id) || base.brokenClauseIds.has(id) ? 'clause' : base.questions.has(id) ? 'question' : base.templateById.has(id) ? 'template' : undefined;
    if (kind === undefined || out.all.has(id)) return;
    out[kind === 'clause' ? 'clauses' : kind === 'question' ? 'questions' : 'templates'].add(id);
    out.all.set(id, { kind, reason, index });
  });
  return out;
}

/**
 * A library merged over its base. Clauses and templates: a new id adds, the same id
 * replaces the base's in its place, `exclude:` removes. The interview: see mergeInterview.
 * The manifest's languages and categories come from the base unless the library gives them
 * (a category with a base id retitles it). Every base item keeps its layer, and its file
 * is seen from this library's folder, so that messages name it as the user can open it.
 */
export function mergeLayers(files: LayerFiles, base: Library, seat: BaseSeat, findings: Finding[]): Library {
  const own = files.manifest!;
  const excluded = exclusionsOf(own.value, base);
  const view = new SourceView(seat.prefix);

  const clauses = replaceById(base.clauses, files.clauses, excluded.clauses, view);
  const templates = replaceById(base.templates, files.templates, excluded.templates, view);
  const parts: InterviewParts | undefined =
    base.interview && (files.questionsFile || !files.hasQuestionsFile)
      ? mergeInterview({ sections: base.interview.sections.map((s) => view.section(s)), questions: view.questions(base.questions) }, files.questionsFile, excluded.questions)
      : undefined;

  const library: Library = {
    dir: files.dir,
    manifest: { value: mergedManifest(own.value, base.manifest!.value, excluded), source: own.source, layer: own.layer },
    interview: parts ? { sections: parts.sections } : undefined,
    clauses,
    templates,
    scenarios: files.scenarios,
    lock: files.lock,
    brokenClauseIds: new Set([...files.brokenClauseIds, ...[...base.brokenClauseIds].filter((id) => !excluded.clauses.has(id))]),
    sources: new Map([...files.sources, ...[...base.sources].map(([file, source]) => [posix.join(seat.prefix, file), view.source(source)] as const)]),
    findings: [...files.findings, ...rebasedFindings(base.findings, seat.prefix), ...findings],
    layers: [layerOf(files), ...baseLayers(base, seat)],
    base,
    baseUnavailable: base.baseUnavailable,
    excluded: excluded.all,
    questions: new Map(),
    clauseById: new Map(),
    templateById: new Map(),
  };
  indexLibrary(library, parts);
  return library;
}

/**
 * A library whose base cannot be used (not found, not the library named, a circle): only
 * its own files, marked so that lint reports the base's problem rather than every name the
 * base would have defined, and so that no document is built from it.
 */
export function unmergedLibrary(files: LayerFiles, findings: Finding[], base?: Library, prefix?: string, link?: BaseLink): Library {
  const manifest = files.manifest!;
  const parts = files.questionsFile ? mergeInterview({ sections: [], questions: new Map() }, files.questionsFile, new Set()) : undefined;
  const value = manifest.value;
  const library: Library = {
    dir: files.dir,
    manifest: { value: { ...value, languages: value.languages ?? [], categories: value.categories ?? [] } as LibraryManifest, source: manifest.source, layer: manifest.layer },
    interview: parts ? { sections: parts.sections } : undefined,
    clauses: files.clauses,
    templates: files.templates,
    scenarios: files.scenarios,
    lock: files.lock,
    brokenClauseIds: files.brokenClauseIds,
    sources: files.sources,
    findings: [...files.findings, ...(base && prefix !== undefined ? rebasedFindings(base.findings, prefix) : []), ...findings],
    layers: [layerOf(files), ...(base && prefix !== undefined && link ? baseLayers(base, { prefix, link }) : [])],
    base: undefined,
    baseUnavailable: true,
    excluded: new Map(),
    questions: new Map(),
    clauseById: new Map(),
    templateById: new Map(),
  };
  indexLibrary(library, parts);
  return library;
}

function baseLayers(base: Library, seat: BaseSeat): Layer[] {
  return base.layers.map((l, i) => ({ ...l, prefix: posix.join(seat.prefix, l.prefix), ...(i === 0 ? { found: seat.link } : {}) }));
}

function rebasedFindings(findings: readonly Finding[], prefix: string): Finding[] {
  return findings.map((f) => ({ ...f, file: posix.join(prefix, f.file) }));
}

function mergedManifest(own: LibraryManifestFile, base: LibraryManifest, excluded: Exclusions): LibraryManifest {
  const languages = own.languages ?? base.languages;
  const defaultLanguage = own.defaultLanguage ?? (base.defaultLanguage && languages.includes(base.defaultLanguage) ? base.defaultLanguage : undefined);
  const defaultTemplate = own.defaultTemplate ?? (base.defaultTemplate && !excluded.templates.has(base.defaultTemplate) ? base.defaultTemplate : undefined);
  const merged: LibraryManifest = {
    ...base,
    ...own,
    languages,
    categories: mergeCategories(base.categories, own.categories ?? []),
  };
  if (defaultLanguage) merged.defaultLanguage = defaultLanguage;
  else delete merged.defaultLanguage;
  if (defaultTemplate) merged.defaultTemplate = defaultTemplate;
  else delete merged.defaultTemplate;
  // What the base says of itself is not said of this library.
  if (!own.extends) delete merged.extends;
  if (!own.exclude) delete merged.exclude;
  return merged;
}

function mergeCategories(base: readonly Category[], own: readonly Category[]): Category[] {
  const out = base.map((c) => own.find((o) => o.id === c.id) ?? c);
  for (const c of own) if (!base.some((b) => b.id === c.id)) out.push(c);
  return out;
}

/** The base's items, each replaced in its place by the library's item with its id, less the excluded; then the library's new items. */
function replaceById<T extends { id: string }>(base: readonly Located<T>[], own: readonly Located<T>[], excluded: ReadonlySet<string>, view: SourceView): Located<T>[] {
  const ownIds = new Set(own.map((o) => o.value.id));
  const out: Located<T>[] = [];
  const placed = new Set<Located<T>>();
  for (const item of base) {
    const id = item.value.id;
    if (excluded.has(id) && !ownIds.has(id)) continue;
    if (ownIds.has(id)) {
      for (const o of own) {
        if (o.value.id === id && !placed.has(o)) {
          out.push(o);
          placed.add(o);
        }
      }
      continue;
    }
    out.push(view.located(item));
  }
  for (const o of own) if (!placed.has(o)) out.push(o);
  return out;
}

/** The base's files as seen from the library: one view of each source, so that a position is worked out once. */
class SourceView {
  private readonly views = new Map<YamlSource, YamlSource>();
  constructor(private readonly prefix: string) {}

  source(source: YamlSource): YamlSource {
    let view = this.views.get(source);
    if (!view) {
      view = rebased(source, this.prefix);
      this.views.set(source, view);
    }
    return view;
  }

  located<T>(item: Located<T>): Located<T> {
    return { ...item, source: this.source(item.source) };
  }

  where(where: Where): Where {
    return { source: this.source(where.source), path: where.path };
  }

  section(entry: SectionEntry): SectionEntry {
    return { ...entry, at: (field) => this.where(entry.at(field)) };
  }

  questions(questions: ReadonlyMap<string, QuestionEntry>): Map<string, QuestionEntry> {
    return new Map([...questions].map(([id, e]) => [id, { ...e, source: this.source(e.source), at: (field?: string) => this.where(e.at(field)) }]));
  }
}
