import semver from 'semver';
import { placeholdersIn } from '../../text/clause-text.js';
import { contentHash } from '../../text/hash.js';
import { suggestion } from '../../text/did-you-mean.js';
import { questionIdsOf, type Expr } from '../../expr/ast.js';
import { layerOf, ownLayer, type Library } from '../../library/model.js';
import { shownFile, type PathSegment, type YamlSource } from '../../library/yaml-source.js';
import type { Check, LintContext } from '../context.js';

const UPGRADE = '`clausula upgrade`';

/**
 * A library over its base: the exclusions, and every item that adapts a base item.
 *
 * - `overrides:` on a clause names the version of the base clause it was adapted from: the
 *   base clause at another version is an upstream change to review (override-outdated);
 *   a base without the clause, one removed upstream (override-removed); a clause with a
 *   base id and no `overrides:`, an adaptation nobody dated (override-unmarked).
 * - Questions, sections and templates have no version of their own: `overrides:` names the
 *   base release they were adapted against, and the lock records the base item as it was;
 *   a base item that changed since, while `overrides:` names an older release, is an
 *   upstream change to review.
 * - `exclude:` entries give a reason, name a base item, and leave out nothing another
 *   clause, condition, placeholder or template needs.
 *
 * The base's own problems are the base's: run-lint reports them as one finding.
 */
export const checkLayers: Check = (ctx) => {
  const { library } = ctx;
  const manifest = ownLayer(library)?.manifest;
  if (!manifest) return;
  const base = library.base;
  if (!manifest.value.extends) {
    checkWithoutBase(ctx);
    return;
  }
  if (!base?.manifest) return; // the base's problem is reported where extends names it
  checkLanguages(ctx, base, manifest.source);
  checkExclusions(ctx, base, manifest.source);
  checkClauseOverrides(ctx, base);
  checkUnversionedOverrides(ctx, base);
};

/** `overrides:` on a clause or template of a library that extends nothing. (Questions and sections: see ownInterview.) */
function checkWithoutBase(ctx: LintContext): void {
  for (const item of [...ctx.library.clauses, ...ctx.library.templates]) {
    if (item.value.overrides === undefined) continue;
    ctx.report({
      ruleId: 'override-without-base',
      source: item.source,
      path: ['overrides'],
      target: 'key',
      message: `${item.value.id} says overrides: ${item.value.overrides}, but this library extends no base`,
      fix: 'remove overrides:, or add extends: { library: …, version: … } to clauses/library.yaml',
    });
  }
}

/** A library over a base may narrow the base's languages, never add one: the base's texts would be missing in it. */
function checkLanguages(ctx: LintContext, base: Library, source: YamlSource): void {
  const own = ownLayer(ctx.library)!.manifest.value.languages;
  const baseLanguages = base.manifest!.value.languages;
  (own ?? []).forEach((language, i) => {
    if (baseLanguages.includes(language)) return;
    ctx.report({
      ruleId: 'base-language',
      source,
      path: ['languages', i],
      message: `${language} is not a language of the base ${base.layers[0]!.release} (${baseLanguages.join(', ')}), so its clauses have no ${language} text`,
      fix: `keep to the base's languages: ${baseLanguages.join(', ')}`,
    });
  });
}

function checkExclusions(ctx: LintContext, base: Library, source: YamlSource): void {
  const { library } = ctx;
  const entries = ownLayer(library)!.manifest.value.exclude ?? [];
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    const path = ['exclude', i];
    if (seen.has(entry.id)) {
      ctx.report({ ruleId: 'duplicate-id', source, path: [...path, 'id'], message: `${entry.id} is excluded twice`, fix: 'remove this entry' });
      return;
    }
    seen.add(entry.id);
    if (entry.reason === undefined) {
      ctx.report({
        ruleId: 'exclude-without-reason',
        source,
        path,
        message: `the exclusion of ${entry.id} gives no reason`,
        fix: `say why the library leaves it out: { id: ${entry.id}, reason: "…" }; the reviewers of the next base release read it`,
      });
    }
    const excluded = library.excluded.get(entry.id);
    if (!excluded) {
      const known = [...base.clauseById.keys(), ...base.questions.keys(), ...base.templateById.keys()];
      ctx.report({
        ruleId: 'unknown-reference',
        source,
        path: [...path, 'id'],
        message: `the base ${base.layers[0]!.release} has no clause, question or template ${entry.id}`,
        fix: suggestion(entry.id, known) ?? 'remove the entry (the base may have removed it)',
      });
      return;
    }
    if (excluded.kind === 'clause' && library.clauseById.get(entry.id)?.layer === ownLayer(library)!.id) {
      ctx.report({
        ruleId: 'unknown-reference',
        source,
        path: [...path, 'id'],
        message: `${entry.id} is both excluded and adapted by this library (clauses/${entry.id.split('.').join('/')}.yaml)`,
        fix: 'keep one: remove the exclusion to use the adapted clause, or delete the clause file',
      });
      return;
    }
    for (const need of neededBy(ctx, entry.id, excluded.kind)) {
      ctx.report({
        ruleId: 'exclude-required',
        source,
        path: [...path, 'id'],
        message: `${entry.id} cannot be left out: ${need}`,
        fix: excluded.kind === 'question' ? `exclude what uses it too, or keep ${entry.id}` : `exclude the clauses that need it too, or keep ${entry.id}`,
      });
    }
  });
}

/** What in the merged library still needs an excluded item, in words. */
function neededBy(ctx: LintContext, id: string, kind: 'clause' | 'question' | 'template'): string[] {
  const { library } = ctx;
  const out: string[] = [];
  const conditionUses = (expr: Expr | undefined) => expr !== undefined && questionIdsOf(expr).includes(id);
  const where = (item: { source: YamlSource }) => shownFile(item.source);
  if (kind === 'clause') {
    for (const c of library.clauses) {
      if (c.value.status === 'deprecated') continue;
      if (c.value.requires?.includes(id)) out.push(`${c.value.id} requires it (${where(c)})`);
      if (c.value.supersededBy === id) out.push(`${c.value.id} is superseded by it (${where(c)})`);
    }
    for (const t of library.templates) if (t.value.parts.some((p) => p.include.includes(id))) out.push(`template ${t.value.id} places it (${where(t)})`);
  } else if (kind === 'question') {
    for (const c of library.clauses) {
      if (c.value.status === 'deprecated') continue;
      const uses = [conditionUses(ctx.clauseConditions.get(c.value.id)) ? 'condition' : undefined, Object.values(c.value.text).some((t) => placeholdersIn(t).some((p) => p.name === id)) ? 'text' : undefined].filter(Boolean);
      if (uses.length > 0) out.push(`the ${uses.join(' and ')} of ${c.value.id} ${uses.length > 1 ? 'use' : 'uses'} it (${where(c)})`);
    }
    for (const q of library.questions.values()) if (conditionUses(ctx.questionConditions.get(q.question.id))) out.push(`question ${q.question.id} is asked only when ${q.question.when}`);
  } else if (library.manifest?.value.defaultTemplate === id) {
    out.push('it is the default template (defaultTemplate in clauses/library.yaml)');
  }
  return out;
}

/** Each of the library's own clauses with a base clause's id. */
function checkClauseOverrides(ctx: LintContext, base: Library): void {
  const { library } = ctx;
  const own = ownLayer(library)!;
  const release = base.layers[0]!.release;
  for (const clause of library.clauses) {
    if (clause.layer !== own.id) continue;
    const { id, overrides } = clause.value;
    const upstream = base.clauseById.get(id);
    if (!upstream) {
      if (overrides === undefined || base.brokenClauseIds.has(id)) continue;
      ctx.report({
        ruleId: 'override-removed',
        source: clause.source,
        path: ['overrides'],
        message: `${id} adapts version ${overrides} of the base clause ${id}, but the base ${release} has no clause ${id}: it was removed or renamed upstream`,
        fix: `review the base's release notes (${UPGRADE}); keep the clause as this library's own by removing overrides:, or delete it`,
      });
      continue;
    }
    const baseVersion = upstream.value.version;
    const from = layerOf(base, upstream)?.release ?? release;
    if (overrides === undefined) {
      ctx.report({
        ruleId: 'override-unmarked',
        source: clause.source,
        path: ['id'],
        message: `${id} replaces the base clause ${id} (version ${baseVersion} in ${from}) without saying which version of it it adapts`,
        fix: `add overrides: ${baseVersion}, so that lint can say when the base clause changes`,
      });
      continue;
    }
    if (overrides === baseVersion) continue;
    const newer = semver.valid(overrides) && semver.gt(baseVersion, overrides);
    const notes = upstream.value.changelog.filter((e) => semver.valid(e.version) && semver.gt(e.version, overrides) && semver.lte(e.version, baseVersion));
    ctx.report({
      ruleId: 'override-outdated',
      source: clause.source,
      path: ['overrides'],
      message: newer
        ? `${id} adapts version ${overrides} of the base clause, which ${from} has at ${baseVersion}: review the upstream change${notes.length > 0 ? ` (${notes.map((n) => `${n.version}: ${n.note}`).join('; ')})` : ''}`
        : `${id} says it adapts version ${overrides} of the base clause, but ${from} has it at ${baseVersion}`,
      fix: newer ? `compare the base's ${baseVersion} with this text (${UPGRADE} shows both), adapt the clause, then write overrides: ${baseVersion}` : `write overrides: ${baseVersion}, the version this clause was adapted from`,
    });
  }
}

interface Adaptation {
  key: string;
  what: string;
  overrides: string | undefined;
  source: YamlSource;
  path: PathSegment[];
  /** The base's item now; undefined when the base has none. */
  baseItem: unknown;
}

/** Questions, sections and templates that adapt a base item: dated by the base release, checked against the lock. */
function checkUnversionedOverrides(ctx: LintContext, base: Library): void {
  const { library } = ctx;
  const release = base.layers[0]!;
  const locked = library.lock?.value.overrides ?? {};
  const lockedRelease = library.lock?.value.bases?.[0];
  for (const a of adaptations(library, base)) {
    if (a.baseItem === undefined) {
      if (a.overrides === undefined) continue;
      ctx.report({
        ruleId: 'override-removed',
        source: a.source,
        path: [...a.path, 'overrides'],
        message: `${a.what} adapts the base's ${a.what} as of release ${a.overrides}, but the base ${release.release} has no ${a.what}: it was removed or renamed upstream`,
        fix: `review the base's release notes (${UPGRADE}); remove overrides: to keep it as this library's own, or delete it`,
      });
      continue;
    }
    if (a.overrides === undefined) {
      ctx.report({
        ruleId: 'override-unmarked',
        source: a.source,
        path: [...a.path, 'id'],
        message: `${a.what} replaces the base's ${a.what} without saying which base release it adapts`,
        fix: `add overrides: ${release.version}, so that lint can say when the base changes it`,
      });
      continue;
    }
    if (!semver.valid(a.overrides)) continue;
    if (semver.gt(a.overrides, release.version)) {
      ctx.report({
        ruleId: 'override-outdated',
        source: a.source,
        path: [...a.path, 'overrides'],
        message: `${a.what} says it adapts base release ${a.overrides}, but the base is ${release.release}`,
        fix: `write overrides: ${release.version}`,
      });
      continue;
    }
    const then = locked[a.key];
    if (semver.lt(a.overrides, release.version) && then !== undefined && then !== contentHash(a.baseItem)) {
      ctx.report({
        ruleId: 'override-outdated',
        source: a.source,
        path: [...a.path, 'overrides'],
        message: `the base changed ${a.what} since ${lockedRelease ? `${lockedRelease.library}@${lockedRelease.version}, the release clauses.lock.yaml records` : 'the lock'}; this adapts it as of ${a.overrides}: review the upstream change`,
        fix: `compare the base's ${a.what} in ${release.release} with this one (${UPGRADE} shows both), adapt it, then write overrides: ${release.version} and run \`clausula lock\``,
      });
    }
  }
}

/** Every question, section and template of the library's own files that has a base item's id, or says overrides. */
function adaptations(library: Library, base: Library): Adaptation[] {
  const own = ownLayer(library)!;
  const out: Adaptation[] = [];
  const file = own.questions;
  const baseSections = new Map((base.interview?.sections ?? []).map((e) => [e.section.id, e.section]));
  file?.value.sections.forEach((section, s) => {
    const b = baseSections.get(section.id);
    if (b || section.overrides !== undefined) {
      out.push({ key: `section.${section.id}`, what: `section ${section.id}`, overrides: section.overrides, source: file.source, path: ['sections', s], baseItem: b ? { id: b.id, title: b.title, intro: b.intro } : undefined });
    }
    (section.questions ?? []).forEach((q, i) => {
      const bq = base.questions.get(q.id)?.question;
      if (bq || q.overrides !== undefined) out.push({ key: `question.${q.id}`, what: `question ${q.id}`, overrides: q.overrides, source: file.source, path: ['sections', s, 'questions', i], baseItem: bq });
    });
  });
  for (const t of library.templates) {
    if (t.layer !== own.id) continue;
    const bt = base.templateById.get(t.value.id)?.value;
    if (bt || t.value.overrides !== undefined) out.push({ key: `template.${t.value.id}`, what: `template ${t.value.id}`, overrides: t.value.overrides, source: t.source, path: [], baseItem: bt });
  }
  return out;
}
