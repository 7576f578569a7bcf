import { ownLayer, type Where } from '../../library/model.js';
import { dataAt, type PathSegment, type YamlSource } from '../../library/yaml-source.js';
import type { Check, LintContext } from '../context.js';
import { passagePath, passagesOf } from '../../text/passages.js';

/**
 * Every text in every library language; no texts in other languages. Only the library's own
 * files: a base's texts are the base's to translate, and a library that extends a base may
 * only narrow its languages (src/lint/rules/layers.ts).
 */
export const checkTranslations: Check = (ctx) => {
  const { library } = ctx;
  if (ctx.languages.length === 0) return;
  const manifest = ownLayer(library)?.manifest ?? library.manifest!;
  const own = manifest.value;
  localized(ctx, manifest.source, ['title'], own.title, 'the library title');
  if (own.publisher) localized(ctx, manifest.source, ['publisher'], own.publisher, 'the publisher');
  (own.categories ?? []).forEach((c, i) => {
    localized(ctx, manifest.source, ['categories', i, 'title'], c.title, `the title of category ${c.id}`);
    if (c.description) localized(ctx, manifest.source, ['categories', i, 'description'], c.description, `the description of category ${c.id}`);
  });

  for (const clause of library.clauses) {
    if (clause.source.prefix) continue;
    const v = clause.value;
    localized(ctx, clause.source, ['title'], v.title, 'the title');
    passagesOf(v.text).forEach((passage, i) => {
      const what = Array.isArray(v.text) ? `passage ${i + 1} of the text` : 'the text';
      localized(ctx, clause.source, passagePath(v.text, i), passage.text, what);
      if (passage.defines) localizedTerm(ctx, clause.source, ['text', i, 'defines'], passage.defines, `the term passage ${i + 1} defines`);
    });
    localized(ctx, clause.source, ['guidance'], v.guidance, 'the guidance');
    (v.legalBasis ?? []).forEach((basis, i) => {
      const path = ['legalBasis', i, 'ref'];
      if (typeof basis.ref !== 'string') return localized(ctx, clause.source, path, basis.ref, `legal basis ${i + 1}`);
      // The older form: one text that every document would print, whatever its language.
      ctx.report({
        ruleId: 'missing-translation',
        source: clause.source,
        path,
        message: `legal basis ${i + 1} is a single text, not one per language: every document would cite it in this language`,
        fix: `write it in each language: ref: { ${ctx.languages.map((l) => `${l}: …`).join(', ')} }`,
      });
    });
  }

  const field = (at: (field?: string) => Where, name: string, text: Record<string, string> | undefined, what: string) => {
    const where = at(name);
    if (text && !where.source.prefix) localized(ctx, where.source, where.path, text, what);
  };
  for (const { section, at } of library.interview?.sections ?? []) {
    field(at, 'title', section.title, `the title of section ${section.id}`);
    field(at, 'intro', section.intro, `the intro of section ${section.id}`);
  }
  for (const { question: q, at } of library.questions.values()) {
    field(at, 'label', q.label, `the label of ${q.id}`);
    field(at, 'prompt', q.prompt, `the prompt of ${q.id}`);
    field(at, 'help', q.help, `the help of ${q.id}`);
    field(at, 'fact', q.fact, `the fact of ${q.id}`);
    const follows = at('follows');
    if (!follows.source.prefix) (q.follows ?? []).forEach((rule, i) => localized(ctx, follows.source, [...follows.path, i, 'conflict'], rule.conflict, `the conflict message of rule ${i + 1} of ${q.id}`));
    const validation = at('validation');
    if (q.validation?.message && !validation.source.prefix) localized(ctx, validation.source, [...validation.path, 'message'], q.validation.message, `the validation message of ${q.id}`);
    const options = at('options');
    if (options.source.prefix) continue;
    const written = dataAt(options.source, options.path);
    (q.options ?? []).forEach((o) => {
      const k = Array.isArray(written) ? written.findIndex((w) => (w as { value?: unknown } | null)?.value === o.value) : -1;
      if (k !== -1) localized(ctx, options.source, [...options.path, k, 'label'], o.label, `the label of option ${o.value} of ${q.id}`);
    });
  }

  for (const template of library.templates) {
    if (template.source.prefix) continue;
    localized(ctx, template.source, ['title'], template.value.title, 'the template title');
    if (template.value.description) localized(ctx, template.source, ['description'], template.value.description, 'the template description');
    template.value.parts.forEach((part, p) => {
      localized(ctx, template.source, ['parts', p, 'heading'], part.heading, `the heading of part ${p + 1}`);
      if (part.intro) localized(ctx, template.source, ['parts', p, 'intro'], part.intro, `the intro of part ${p + 1}`);
    });
  }
};

/** A defined term: one form or a list of forms per language. */
function localizedTerm(ctx: LintContext, source: YamlSource, path: PathSegment[], term: Record<string, string | string[]>, what: string): void {
  localized(ctx, source, path, Object.fromEntries(Object.entries(term).map(([l, t]) => [l, Array.isArray(t) ? t.join(' ') : t])), what);
}

function localized(ctx: LintContext, source: YamlSource, path: PathSegment[], text: Record<string, string>, what: string): void {
  const missing = ctx.languages.filter((l) => !(l in text) || text[l]!.trim() === '');
  if (missing.length > 0) {
    ctx.report({
      ruleId: 'missing-translation',
      source,
      path,
      target: 'key',
      message: `${what} has no ${missing.join(', ')} version`,
      fix: `add ${missing.map((l) => `${l}: …`).join(' and ')}`,
    });
  }
  for (const language of Object.keys(text)) {
    if (!ctx.languages.includes(language)) {
      ctx.report({
        ruleId: 'unknown-language',
        source,
        path: [...path, language],
        target: 'key',
        message: `${what} has a ${language} version, but the library's languages are ${ctx.languages.join(', ')}`,
        fix: `add ${language} to languages in clauses/library.yaml, or remove this text`,
      });
    }
  }
}
