import semver from 'semver';
import type { Localized } from '../schema/common.js';
import { isOwn, ownLayer, pick, type Library } from '../library/model.js';
import { compareLibraries, textForDiff, type ClauseChange, type ClauseSummary, type LibraryDiff, type QuestionChange, type TemplateChange } from './compare-libraries.js';

/** One side of an upgrade: a base release and where it was read from. */
export interface ReleaseSide {
  library: Library;
  /** "git tag v2.1.0 of ../bcn-data-clauses", "npm bcn-data-clauses@2.1.0", a folder. */
  source: string;
}

/** A base clause that changed and that the library adapts: the upstream change beside the library's text. */
export interface AdaptedChange {
  upstream: ClauseChange;
  /** The library's own clause; its text by language, one paragraph or list item a line. */
  own: { version: string; overrides: string | null; title: string; text: Record<string, string[]> };
}

export interface UpgradeReport {
  /** The library upgraded: `girona-data-clauses@1.0.0`. */
  library: string;
  base: string;
  from: { version: string; source: string };
  to: { version: string; source: string };
  /** `extends.version`, and whether it accepts the new release. */
  range: string;
  accepted: boolean;
  /** The language of the texts shown side by side. */
  language: string;
  /** Clauses changed upstream that the library adapts. */
  adapted: AdaptedChange[];
  /** Clauses changed upstream that the library inherits as they are. */
  inherited: ClauseChange[];
  /** Clauses changed upstream that the library excludes, with its reason. */
  excluded: { id: string; title: string; reason: string | null }[];
  /** New clauses upstream; `own` when the library already has a clause with that id (it now adapts a base clause). */
  added: (ClauseSummary & { own: boolean })[];
  /** Clauses removed upstream, and what the library did with each. */
  removed: (ClauseSummary & { here: 'adapted' | 'excluded' | 'inherited' })[];
  questions: { added: string[]; removed: string[]; changed: (QuestionChange & { adapted: boolean })[] };
  templates: { added: string[]; removed: string[]; changed: (TemplateChange & { adapted: boolean })[] };
  /** The whole comparison of the two base releases, for the JSON report. */
  diff: LibraryDiff;
  /** What to do, in order. */
  steps: string[];
}

function questionChanges(q: QuestionChange): string[] {
  return [...(q.type ? [`type ${q.type.from} → ${q.type.to}`] : []), ...q.options.added.map((o) => `option ${o} added`), ...q.options.removed.map((o) => `option ${o} removed`), ...(q.required ? [q.required.to ? 'now required' : 'now optional'] : []), ...q.fields];
}

function linesByLanguage(text: Localized): Record<string, string[]> {
  return Object.fromEntries(Object.entries(text).map(([language, body]) => [language, body.trimEnd().split('\n')]));
}

/**
 * What a new base release changes for a library over it, three ways: the base as it was,
 * the base as it will be, and the library's own adaptations. Pure: both base releases and
 * the library are loaded by the caller.
 */
export function upgradeReport(library: Library, from: ReleaseSide, to: ReleaseSide, language: string, update: string): UpgradeReport {
  const own = ownLayer(library)!;
  const link = library.layers[1]!.found!;
  const diff = compareLibraries({ library: from.library, label: from.source }, { library: to.library, label: to.source });
  const ownClause = (id: string) => {
    const c = library.clauseById.get(id);
    return c && isOwn(library, c) ? c.value : undefined;
  };
  const excludedReason = (id: string) => (library.excluded.has(id) ? (library.excluded.get(id)!.reason ?? null) : undefined);

  const adapted: AdaptedChange[] = [];
  const inherited: ClauseChange[] = [];
  const excluded: UpgradeReport['excluded'] = [];
  for (const change of [...diff.clauses.changed, ...diff.clauses.deprecated].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const mine = ownClause(change.id);
    const reason = excludedReason(change.id);
    if (mine) adapted.push({ upstream: change, own: { version: mine.version, overrides: mine.overrides ?? null, title: pick(mine.title, language), text: linesByLanguage(textForDiff(mine.text)) } });
    else if (reason !== undefined) excluded.push({ id: change.id, title: change.title, reason });
    else inherited.push(change);
  }
  const added = diff.clauses.added.map((c) => ({ ...c, own: ownClause(c.id) !== undefined }));
  const removed = diff.clauses.removed.map((c) => ({ ...c, here: ownClause(c.id) ? ('adapted' as const) : excludedReason(c.id) !== undefined ? ('excluded' as const) : ('inherited' as const) }));

  const ownQuestions = new Set<string>();
  const ownSections = own.questions?.value.sections ?? [];
  for (const s of ownSections) for (const q of s.questions ?? []) ownQuestions.add(q.id);
  const ownTemplates = new Set(library.templates.filter((t) => isOwn(library, t)).map((t) => t.value.id));
  const questions = {
    added: diff.questions.added.map((q) => q.id),
    removed: diff.questions.removed.map((q) => q.id),
    changed: diff.questions.changed.map((q) => ({ ...q, adapted: ownQuestions.has(q.id) })),
  };
  const templates = {
    added: diff.templates.added,
    removed: diff.templates.removed,
    changed: diff.templates.changed.map((t) => ({ ...t, adapted: ownTemplates.has(t.id) })),
  };

  const toVersion = diff.new.version;
  const range = semver.validRange(link.range);
  const accepted = range !== null && semver.satisfies(toVersion, range, { includePrerelease: true });
  const steps: string[] = [];
  if (!accepted) steps.push(`accept the release: in clauses/library.yaml, extends.version: "^${toVersion}" (now "${link.range}")`);
  steps.push(update);
  for (const a of adapted) steps.push(`review ${a.upstream.id}: compare the upstream change with this library's text, adapt it, give it a new version, then write overrides: ${a.upstream.version.to}`);
  for (const r of removed) {
    if (r.here === 'adapted') steps.push(`${r.id} was removed upstream: keep it as this library's own (remove its overrides:) or delete it`);
    if (r.here === 'excluded') steps.push(`${r.id} was removed upstream: remove its exclusion from clauses/library.yaml`);
  }
  for (const a of added) if (a.own) steps.push(`${a.id} is now a base clause: this library's clause replaces it; write overrides: ${a.version} once it is reviewed`);
  const newcomers = added.filter((a) => !a.own).map((a) => a.id);
  if (newcomers.length > 0) steps.push(`the new clauses come into this library's documents (${newcomers.join(', ')}): exclude any the city does not want, with its reason`);
  for (const q of questions.changed) if (q.adapted) steps.push(`review question ${q.id} (changed upstream: ${questionChanges(q).join(', ')}), then write overrides: ${toVersion} on it`);
  for (const t of templates.changed) if (t.adapted) steps.push(`review template ${t.id} (changed upstream: ${t.fields.join(', ')}), then write overrides: ${toVersion} on it`);
  if (newcomers.length > 0 && ownTemplates.size > 0) steps.push(`check that this library's templates (${[...ownTemplates].join(', ')}) place the new clauses`);
  steps.push('give this library a new version (clauses/library.yaml), then run clausula lint and clausula lock');

  return {
    library: `${own.id}@${own.version}`,
    base: diff.new.library,
    from: { version: diff.old.version, source: from.source },
    to: { version: toVersion, source: to.source },
    range: link.range,
    accepted,
    language,
    adapted,
    inherited,
    excluded,
    added,
    removed,
    questions,
    templates,
    diff,
    steps,
  };
}
