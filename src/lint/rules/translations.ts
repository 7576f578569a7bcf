import type { PathSegment, YamlSource } from '../../library/yaml-source.js';
import type { Check, LintContext } from '../context.js';

/** Every text in every library language; no texts in other languages. */
export const checkTranslations: Check = (ctx) => {
  const { library } = ctx;
  if (ctx.languages.length === 0) return;
  const manifest = library.manifest!;
  localized(ctx, manifest.source, ['title'], manifest.value.title, 'the library title');
  if (manifest.value.publisher) localized(ctx, manifest.source, ['publisher'], manifest.value.publisher, 'the publisher');
  manifest.value.categories.forEach((c, i) => {
    localized(ctx, manifest.source, ['categories', i, 'title'], c.title, `the title of category ${c.id}`);
    if (c.description) localized(ctx, manifest.source, ['categories', i, 'description'], c.description, `the description of category ${c.id}`);
  });

  for (const clause of library.clauses) {
    const v = clause.value;
    localized(ctx, clause.source, ['title'], v.title, 'the title');
    localized(ctx, clause.source, ['text'], v.text, 'the text');
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

  const questions = library.questionsFile;
  if (questions) {
    questions.value.sections.forEach((section, s) => {
      localized(ctx, questions.source, ['sections', s, 'title'], section.title, `the title of section ${section.id}`);
      if (section.intro) localized(ctx, questions.source, ['sections', s, 'intro'], section.intro, `the intro of section ${section.id}`);
      section.questions.forEach((q, i) => {
        const base = ['sections', s, 'questions', i];
        localized(ctx, questions.source, [...base, 'label'], q.label, `the label of ${q.id}`);
        localized(ctx, questions.source, [...base, 'prompt'], q.prompt, `the prompt of ${q.id}`);
        if (q.help) localized(ctx, questions.source, [...base, 'help'], q.help, `the help of ${q.id}`);
        if (q.fact) localized(ctx, questions.source, [...base, 'fact'], q.fact, `the fact of ${q.id}`);
        if (q.validation?.message) localized(ctx, questions.source, [...base, 'validation', 'message'], q.validation.message, `the validation message of ${q.id}`);
        (q.options ?? []).forEach((o, k) => localized(ctx, questions.source, [...base, 'options', k, 'label'], o.label, `the label of option ${o.value} of ${q.id}`));
      });
    });
  }

  for (const template of library.templates) {
    localized(ctx, template.source, ['title'], template.value.title, 'the template title');
    if (template.value.description) localized(ctx, template.source, ['description'], template.value.description, 'the template description');
    template.value.parts.forEach((part, p) => {
      localized(ctx, template.source, ['parts', p, 'heading'], part.heading, `the heading of part ${p + 1}`);
      if (part.intro) localized(ctx, template.source, ['parts', p, 'intro'], part.intro, `the intro of part ${p + 1}`);
    });
  }
};

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
