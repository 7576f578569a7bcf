import type { Expr } from '../expr/ast.js';
import { describeCondition } from '../expr/describe.js';
import { parseCondition } from '../expr/parse.js';
import type { Clause, ChangelogEntry, ClauseStatus, ClauseText, LegalBasis } from '../schema/clause.js';
import { passagesOf } from '../text/passages.js';
import type { Localized } from '../schema/common.js';
import type { Question } from '../schema/questions.js';
import type { Template } from '../schema/template.js';
import { canonicalJson } from '../text/hash.js';
import { compareIds } from './lock.js';
import { defaultLanguageOf, pick, type Library } from '../library/model.js';
import { questionConditions } from '../library/validate-answers.js';
import { conditionEffect, type ConditionEffect, type ConditionScope } from './condition-change.js';
import { checkVersion, type Level, maxLevel, type Reason, type VersionCheck } from './policy.js';
import { wordDiffLines, type DiffLine } from './word-diff.js';

/** What a side of the comparison is: a folder or a git revision, and the release it holds. */
export interface SideInfo {
  /** As the user named it: a folder path or a revision (v1.2.0, HEAD~3). */
  label: string;
  /** The commit a revision resolved to; absent for folders. */
  commit?: string;
  library: string;
  version: string;
}

export interface ClauseSummary {
  id: string;
  version: string;
  status: ClauseStatus;
  title: string;
}

export interface TextChange {
  field: 'title' | 'text' | 'guidance';
  language: string;
  lines: DiffLine[];
}

export interface ListChange {
  added: string[];
  removed: string[];
}

export interface ClauseChange {
  id: string;
  title: string;
  /** Deprecated: its status became deprecated in NEW. Changed: anything else changed. */
  kind: 'changed' | 'deprecated';
  status?: { from: ClauseStatus; to: ClauseStatus };
  supersededBy?: string;
  version: VersionCheck;
  /** The old and new `when` (absent: always), read aloud in the library's language, and how the change acts. */
  condition?: { from?: string; to?: string; fromWords: string; toWords: string; effect: ConditionEffect };
  requires: ListChange;
  excludes: ListChange;
  legalBasis: ListChange;
  texts: TextChange[];
  /** Other fields that changed and need no new version: order, changelog. */
  other: string[];
  /** Changelog entries NEW has and OLD had not. */
  changelog: ChangelogEntry[];
}

export interface QuestionSummary {
  id: string;
  type: Question['type'];
  section: string;
  required: boolean;
}

export interface QuestionChange {
  id: string;
  type?: { from: Question['type']; to: Question['type'] };
  options: ListChange;
  required?: { from: boolean; to: boolean };
  /** Other fields that changed: label, prompt, help, fact, default, when, validation, option labels, section. */
  fields: string[];
  reasons: Reason[];
}

export interface TemplateChange {
  id: string;
  fields: string[];
  include: ListChange;
  reasons: Reason[];
}

export interface ManifestChange {
  id?: { from: string; to: string };
  languages: ListChange;
  /** Other fields of library.yaml that changed (the version is reported on its own). */
  fields: string[];
}

export interface LibraryDiff {
  old: SideInfo;
  new: SideInfo;
  /** The library version and whether its bump matches every change below. */
  version: VersionCheck;
  manifest: ManifestChange;
  clauses: { added: ClauseSummary[]; removed: ClauseSummary[]; deprecated: ClauseChange[]; changed: ClauseChange[] };
  questions: { added: QuestionSummary[]; removed: QuestionSummary[]; changed: QuestionChange[]; sectionsChanged: boolean };
  templates: { added: string[]; removed: string[]; changed: TemplateChange[] };
  /** How many version checks (the library's and each clause's) do not match the policy. */
  mismatches: number;
  /** True when no clause, question, template or manifest field differs (the version may). */
  empty: boolean;
}

export interface Side {
  library: Library;
  label: string;
  commit?: string;
}

/** Compare two loaded libraries: pure, no file system. */
export function compareLibraries(oldSide: Side, newSide: Side): LibraryDiff {
  const oldLib = oldSide.library;
  const newLib = newSide.library;
  const language = defaultLanguageOf(newLib);
  const scope = conditionScope(oldLib, newLib);
  const libraryReasons: Reason[] = [];

  // Clauses
  const oldClauses = clauseMap(oldLib);
  const newClauses = clauseMap(newLib);
  const summary = (c: Clause): ClauseSummary => ({ id: c.id, version: c.version, status: c.status, title: pick(c.title, language) });
  const added: ClauseSummary[] = [];
  const removed: ClauseSummary[] = [];
  const deprecated: ClauseChange[] = [];
  const changed: ClauseChange[] = [];
  for (const [id, clause] of newClauses) {
    const before = oldClauses.get(id);
    if (!before) {
      added.push(summary(clause));
      libraryReasons.push({ level: 'minor', message: `clause ${id} added` });
      continue;
    }
    const change = compareClause(before, clause, language, scope);
    if (!change) continue;
    (change.kind === 'deprecated' ? deprecated : changed).push(change);
    libraryReasons.push(...clauseReasonsForLibrary(change));
  }
  for (const [id, clause] of oldClauses) {
    if (newClauses.has(id)) continue;
    removed.push(summary(clause));
    libraryReasons.push({ level: 'major', message: `clause ${id} removed` });
  }

  // Questions
  const questions = compareQuestions(oldLib, newLib);
  for (const q of questions.added) {
    libraryReasons.push(
      q.required && !hasDefault(newLib, q.id)
        ? { level: 'major', message: `question ${q.id} added and required: answers files written before lack its answer` }
        : { level: 'minor', message: `question ${q.id} added` },
    );
  }
  for (const q of questions.removed) libraryReasons.push({ level: 'major', message: `question ${q.id} removed: answers files that answer it no longer fit` });
  for (const q of questions.changed) libraryReasons.push(...q.reasons);
  if (questions.sectionsChanged) libraryReasons.push({ level: 'patch', message: 'interview sections changed' });

  // Templates
  const templates = compareTemplates(oldLib, newLib);
  for (const id of templates.added) libraryReasons.push({ level: 'minor', message: `template ${id} added` });
  for (const id of templates.removed) libraryReasons.push({ level: 'major', message: `template ${id} removed: build --template ${id} stops working` });
  for (const t of templates.changed) libraryReasons.push(...t.reasons);

  // The manifest
  const manifest = compareManifest(oldLib, newLib);
  if (manifest.id) libraryReasons.push({ level: 'major', message: `library id ${manifest.id.from} → ${manifest.id.to}: answers files name the library` });
  for (const l of manifest.languages.removed) libraryReasons.push({ level: 'major', message: `language ${l} removed` });
  for (const l of manifest.languages.added) libraryReasons.push({ level: 'minor', message: `language ${l} added` });
  if (manifest.fields.length > 0) libraryReasons.push({ level: 'patch', message: `library.yaml changed: ${manifest.fields.join(', ')}` });

  const oldInfo = sideInfo(oldSide);
  const newInfo = sideInfo(newSide);
  const version = checkVersion(oldInfo.version, newInfo.version, libraryReasons);
  const sortById = <T extends { id: string }>(list: T[]) => list.sort((a, b) => compareIds(a.id, b.id));
  const mismatches = [version, ...deprecated.map((c) => c.version), ...changed.map((c) => c.version)].filter((v) => v.verdict !== 'ok').length;
  const empty =
    added.length + removed.length + deprecated.length + changed.length === 0 &&
    questions.added.length + questions.removed.length + questions.changed.length === 0 &&
    !questions.sectionsChanged &&
    templates.added.length + templates.removed.length + templates.changed.length === 0 &&
    !manifest.id &&
    manifest.languages.added.length + manifest.languages.removed.length + manifest.fields.length === 0;
  return {
    old: oldInfo,
    new: newInfo,
    version,
    manifest,
    clauses: { added: sortById(added), removed: sortById(removed), deprecated: sortById(deprecated), changed: sortById(changed) },
    questions,
    templates,
    mismatches,
    empty,
  };
}

function sideInfo(side: Side): SideInfo {
  const manifest = side.library.manifest?.value;
  return {
    label: side.label,
    ...(side.commit ? { commit: side.commit } : {}),
    library: manifest?.id ?? '',
    version: manifest?.version ?? '0.0.0',
  };
}

function clauseMap(library: Library): Map<string, Clause> {
  const map = new Map<string, Clause>();
  for (const [id, located] of library.clauseById) map.set(id, located.value);
  return new Map([...map].sort(([a], [b]) => compareIds(a, b)));
}

/** Questions of both libraries (NEW's where both have one), so old conditions can be read too. */
function conditionScope(oldLib: Library, newLib: Library): ConditionScope {
  const questions = new Map<string, { question: Question }>(oldLib.questions);
  for (const [id, entry] of newLib.questions) questions.set(id, entry);
  const whens = new Map<string, Expr>(questionConditions(oldLib));
  for (const id of newLib.questions.keys()) whens.delete(id);
  for (const [id, expr] of questionConditions(newLib)) whens.set(id, expr);
  return { questions, whenOf: (id) => whens.get(id) };
}

function compareClause(before: Clause, after: Clause, language: string, scope: ConditionScope): ClauseChange | undefined {
  if (canonicalJson(before) === canonicalJson(after)) return undefined;
  const reasons: Reason[] = [];
  const texts: TextChange[] = [];
  for (const field of ['title', 'text', 'guidance'] as const) {
    const changedLanguages = compareLocalized(field === 'text' ? textForDiff(before.text) : before[field], field === 'text' ? textForDiff(after.text) : after[field], field, texts);
    if (changedLanguages.length > 0 && field !== 'guidance') reasons.push({ level: 'patch', message: `${field} changed (${changedLanguages.join(', ')})` });
  }
  reasons.push(...passageConditionReasons(before.text, after.text, scope));

  let condition: ClauseChange['condition'];
  if ((before.when ?? '') !== (after.when ?? '')) {
    const effect = conditionEffect(before.when, after.when, scope);
    condition = {
      ...(before.when !== undefined ? { from: before.when } : {}),
      ...(after.when !== undefined ? { to: after.when } : {}),
      fromWords: conditionWords(before.when, scope, language),
      toWords: conditionWords(after.when, scope, language),
      effect,
    };
    reasons.push(conditionReason(effect));
  }

  const requires = listChange(before.requires ?? [], after.requires ?? []);
  for (const id of requires.added) reasons.push({ level: 'minor', message: `now requires ${id}: a new duty comes with the clause` });
  for (const id of requires.removed) reasons.push({ level: 'major', message: `no longer requires ${id}: a duty no longer comes with the clause` });
  const excludes = listChange(before.excludes ?? [], after.excludes ?? []);
  for (const id of excludes.added) reasons.push({ level: 'major', message: `now excludes ${id}: that clause is left out of more tenders` });
  for (const id of excludes.removed) reasons.push({ level: 'minor', message: `no longer excludes ${id}: that clause is in more tenders` });
  const legalBasis = listChange((before.legalBasis ?? []).map(basisText), (after.legalBasis ?? []).map(basisText));
  if (legalBasis.added.length + legalBasis.removed.length > 0) reasons.push({ level: 'patch', message: 'legal basis changed' });

  const other: string[] = [];
  if ((before.order ?? 100) !== (after.order ?? 100)) other.push('order');
  if (before.category !== after.category) other.push('category');
  const changelog = after.changelog.filter((entry) => !before.changelog.some((old) => canonicalJson(old) === canonicalJson(entry)));
  if (changelog.length > 0 || after.changelog.length !== before.changelog.length) other.push('changelog');

  const statusChanged = before.status !== after.status;
  return {
    id: after.id,
    title: pick(after.title, language),
    kind: statusChanged && after.status === 'deprecated' ? 'deprecated' : 'changed',
    ...(statusChanged ? { status: { from: before.status, to: after.status } } : {}),
    ...(after.supersededBy ? { supersededBy: after.supersededBy } : {}),
    version: checkVersion(before.version, after.version, reasons),
    ...(condition ? { condition } : {}),
    requires,
    excludes,
    legalBasis,
    texts,
    other,
    changelog,
  };
}

function conditionWords(when: string | undefined, scope: ConditionScope, language: string): string {
  if (when === undefined) return describeCondition(undefined, scope.questions, language);
  const parsed = parseCondition(when);
  return parsed.ok ? describeCondition(parsed.expr, scope.questions, language) : when;
}

/** What a changed condition needs: of the clause, or (`passage`: "passage 3") of one passage of its text. */
function conditionReason(effect: ConditionEffect, passage?: string): Reason {
  const subject = passage ? `${passage}: condition` : 'condition';
  const it = passage ? 'it' : 'the clause';
  switch (effect) {
    case 'narrower':
      return { level: 'major', message: `${subject} narrowed: some tenders that had ${it} no longer get it` };
    case 'wider':
      return { level: 'minor', message: `${subject} widened: ${it} applies to more tenders` };
    case 'equivalent':
      return { level: 'patch', message: `${subject} rewritten: it applies to the same tenders` };
    case 'unknown':
      return { level: 'minor', message: `${subject} changed, and clausula cannot tell whether it narrows (if it does, the clause needs a major version)` };
  }
}

/** The library needs at least what each clause change needs, and at least the bump the author gave the clause. */
function clauseReasonsForLibrary(change: ClauseChange): Reason[] {
  const reasons: Reason[] = [];
  const { version } = change;
  const given: Level = version.bump === 'down' ? 'none' : version.bump;
  const level = maxLevel(version.required, given);
  if (level !== 'none') {
    const versions = version.from === version.to ? version.from : `${version.from} → ${version.to}`;
    reasons.push({ level, message: `clause ${change.id} changed (${versions})` });
  }
  if (change.status) {
    const { from, to } = change.status;
    const message = `clause ${change.id} ${to === 'deprecated' ? 'deprecated' : `${from} → ${to}`}`;
    if (from === 'approved') reasons.push({ level: 'major', message: `${message}: no longer in documents` });
    else if (to === 'approved') reasons.push({ level: 'minor', message: `${message}: now in documents` });
    else reasons.push({ level: 'patch', message });
  }
  return reasons;
}

/** Push a word diff for each language whose text differs; return those languages. */
function compareLocalized(before: Localized, after: Localized, field: TextChange['field'], out: TextChange[]): string[] {
  const languages = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  const changedLanguages: string[] = [];
  for (const language of languages) {
    const a = before[language] ?? '';
    const b = after[language] ?? '';
    if (a === b) continue;
    changedLanguages.push(language);
    out.push({ field, language, lines: wordDiffLines(a, b) });
  }
  return changedLanguages;
}

/**
 * A clause text as one text per language, for the word diff: passages one after the other,
 * each that prints only under a condition headed by that condition, so a changed condition
 * shows where it is.
 */
export function textForDiff(text: ClauseText): Localized {
  if (!Array.isArray(text)) return text;
  const out: Localized = {};
  for (const passage of text) {
    const head = [...(passage.when !== undefined ? [`when: ${passage.when}`] : []), ...(passage.defines ? [`defines: ${Object.values(passage.defines).flat().join(' / ')}`] : [])];
    for (const [language, body] of Object.entries(passage.text)) {
      const piece = head.length > 0 ? `[${head.join('; ')}]\n${body.trimEnd()}` : body.trimEnd();
      out[language] = out[language] === undefined ? piece : `${out[language]}\n\n${piece}`;
    }
  }
  return out;
}

/**
 * A passage whose text is unchanged but whose condition changed acts like a clause whose
 * condition changed: narrower prints it in fewer tenders (major), wider in more (minor).
 * Passages are paired by their text; a passage whose text changed is a text change.
 */
function passageConditionReasons(before: ClauseText, after: ClauseText, scope: ConditionScope): Reason[] {
  const reasons: Reason[] = [];
  const old = passagesOf(before);
  passagesOf(after).forEach((passage, i) => {
    const twin = old.find((p) => canonicalJson(p.text) === canonicalJson(passage.text));
    if (!twin || twin.when === passage.when) return;
    reasons.push(conditionReason(conditionEffect(twin.when, passage.when, scope), `passage ${i + 1}`));
  });
  return reasons;
}

/** A legal basis as release notes list it: every language, so a change to one shows. */
function basisText(basis: LegalBasis): string {
  const ref = typeof basis.ref === 'string' ? basis.ref : Object.entries(basis.ref).map(([language, text]) => `${language}: ${text}`).join(' | ');
  return basis.url ? `${ref} <${basis.url}>` : ref;
}

function listChange(before: readonly string[], after: readonly string[]): ListChange {
  return { added: after.filter((x) => !before.includes(x)), removed: before.filter((x) => !after.includes(x)) };
}

function questionEntries(library: Library): Map<string, { question: Question; section: string }> {
  const map = new Map<string, { question: Question; section: string }>();
  for (const [id, entry] of library.questions) map.set(id, { question: entry.question, section: entry.section.id });
  return map;
}

function hasDefault(library: Library, id: string): boolean {
  const value = library.questions.get(id)?.question.default;
  return value !== undefined && value !== null;
}

const QUESTION_FIELDS = ['label', 'prompt', 'help', 'fact', 'default', 'when', 'validation'] as const;

function compareQuestions(oldLib: Library, newLib: Library): LibraryDiff['questions'] {
  const before = questionEntries(oldLib);
  const after = questionEntries(newLib);
  const summary = (q: Question, section: string): QuestionSummary => ({ id: q.id, type: q.type, section, required: q.required !== false });
  const added: QuestionSummary[] = [];
  const removed: QuestionSummary[] = [];
  const changed: QuestionChange[] = [];
  for (const [id, now] of after) {
    const old = before.get(id);
    if (!old) {
      added.push(summary(now.question, now.section));
      continue;
    }
    if (canonicalJson(old) === canonicalJson(now)) continue;
    const q0 = old.question;
    const q1 = now.question;
    const reasons: Reason[] = [];
    const change: QuestionChange = { id, options: listChange(optionValues(q0), optionValues(q1)), fields: [], reasons };
    if (q0.type !== q1.type) {
      change.type = { from: q0.type, to: q1.type };
      reasons.push({ level: 'major', message: `question ${id} changed type (${q0.type} → ${q1.type}): old answers may not fit` });
    }
    for (const value of change.options.removed) reasons.push({ level: 'major', message: `option ${id}=${value} removed: answers that chose it no longer fit` });
    for (const value of change.options.added) reasons.push({ level: 'minor', message: `option ${id}=${value} added` });
    const required0 = q0.required !== false;
    const required1 = q1.required !== false;
    if (required0 !== required1) {
      change.required = { from: required0, to: required1 };
      reasons.push(
        required1 && !hasDefault(newLib, id)
          ? { level: 'major', message: `question ${id} now required: answers files that left it out no longer build` }
          : { level: 'minor', message: `question ${id} ${required1 ? 'now required, with a default' : 'now optional'}` },
      );
    }
    for (const field of QUESTION_FIELDS) if (canonicalJson(q0[field] ?? null) !== canonicalJson(q1[field] ?? null)) change.fields.push(field);
    const labels = (q: Question) => canonicalJson((q.options ?? []).filter((o) => optionValues(q0).includes(o.value) && optionValues(q1).includes(o.value)));
    if (labels(q0) !== labels(q1)) change.fields.push('option labels');
    if (old.section !== now.section) change.fields.push('section');
    if (change.fields.length > 0) reasons.push({ level: 'patch', message: `question ${id}: ${change.fields.join(', ')} changed` });
    changed.push(change);
  }
  for (const [id, old] of before) if (!after.has(id)) removed.push(summary(old.question, old.section));
  const sections = (library: Library) => canonicalJson((library.interview?.sections ?? []).map(({ section: s }) => ({ id: s.id, title: s.title, intro: s.intro })));
  const byId = <T extends { id: string }>(list: T[]) => list.sort((a, b) => compareIds(a.id, b.id));
  return { added: byId(added), removed: byId(removed), changed: byId(changed), sectionsChanged: sections(oldLib) !== sections(newLib) };
}

function optionValues(q: Question): string[] {
  return (q.options ?? []).map((o) => o.value);
}

const TEMPLATE_FIELDS = ['title', 'description', 'parts', 'annexes'] as const;

function compareTemplates(oldLib: Library, newLib: Library): LibraryDiff['templates'] {
  const before = new Map([...oldLib.templateById].map(([id, t]) => [id, t.value]));
  const after = new Map([...newLib.templateById].map(([id, t]) => [id, t.value]));
  const added = [...after.keys()].filter((id) => !before.has(id)).sort(compareIds);
  const removed = [...before.keys()].filter((id) => !after.has(id)).sort(compareIds);
  const changed: TemplateChange[] = [];
  for (const id of [...after.keys()].sort(compareIds)) {
    const t0 = before.get(id);
    const t1 = after.get(id)!;
    if (!t0 || canonicalJson(t0) === canonicalJson(t1)) continue;
    const fields = TEMPLATE_FIELDS.filter((f) => canonicalJson(t0[f] ?? null) !== canonicalJson(t1[f] ?? null));
    const include = listChange(includes(t0), includes(t1));
    const structural = include.added.length + include.removed.length > 0 || fields.includes('annexes') || canonicalJson(includesByPart(t0)) !== canonicalJson(includesByPart(t1));
    const reasons: Reason[] = [
      structural
        ? { level: 'minor', message: `template ${id} changed: what documents hold, or where` }
        : { level: 'patch', message: `template ${id} changed: ${fields.join(', ')}` },
    ];
    changed.push({ id, fields: [...fields], include, reasons });
  }
  return { added, removed, changed };
}

function includes(t: Template): string[] {
  return [...new Set(t.parts.flatMap((p) => p.include))];
}

function includesByPart(t: Template): string[][] {
  return t.parts.map((p) => p.include);
}

const MANIFEST_FIELDS = ['title', 'defaultLanguage', 'jurisdiction', 'licence', 'publisher', 'defaultTemplate', 'categories'] as const;

function compareManifest(oldLib: Library, newLib: Library): ManifestChange {
  const m0 = oldLib.manifest?.value;
  const m1 = newLib.manifest?.value;
  if (!m0 || !m1) return { languages: { added: [], removed: [] }, fields: [] };
  return {
    ...(m0.id !== m1.id ? { id: { from: m0.id, to: m1.id } } : {}),
    languages: listChange(m0.languages, m1.languages),
    fields: MANIFEST_FIELDS.filter((f) => canonicalJson(m0[f] ?? null) !== canonicalJson(m1[f] ?? null)),
  };
}
