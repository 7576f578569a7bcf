import { basename } from 'node:path';
import { suggestion } from '../../text/did-you-mean.js';
import { clauseFileFor, clauseIdForFile } from '../../library/load-library.js';
import { ownLayer } from '../../library/model.js';
import type { Check } from '../context.js';

/** Ids are unique and match their files; categories exist. */
export const checkStructure: Check = (ctx) => {
  const { library } = ctx;
  const categories = (library.manifest?.value.categories ?? []).map((c) => c.id);

  const seenClauses = new Map<string, string>();
  for (const clause of library.clauses) {
    const { id, category } = clause.value;
    const file = clause.source.file;
    const first = seenClauses.get(id);
    if (first) {
      ctx.report({ ruleId: 'duplicate-id', source: clause.source, path: ['id'], message: `clause id ${id} is also used by ${first}`, fix: 'give each clause its own id' });
    } else {
      seenClauses.set(id, file);
    }
    const expectedId = clauseIdForFile(file);
    if (expectedId !== id) {
      ctx.report({
        ruleId: 'id-path-mismatch',
        source: clause.source,
        path: ['id'],
        message: `the id ${id} does not match the file path ${file}`,
        fix: `rename the file to ${clauseFileFor(id)}, or change the id to ${expectedId}`,
      });
    }
    if (library.manifest && !categories.includes(category)) {
      ctx.report({
        ruleId: 'unknown-category',
        source: clause.source,
        path: ['category'],
        message: `"${category}" is not a category of this library`,
        fix: suggestion(category, categories) ?? `categories: ${categories.join(', ')} (clauses/library.yaml)`,
      });
    } else if (id.split('.')[0] !== category) {
      ctx.report({
        ruleId: 'unknown-category',
        source: clause.source,
        path: ['category'],
        message: `the clause is in category ${category}, but its id starts with ${id.split('.')[0]}`,
        fix: `move it to clauses/${category}/ and rename it ${category}.${id.split('.').slice(1).join('.')}`,
      });
    }
  }

  const manifest = library.manifest;
  if (manifest) {
    const seen = new Set<string>();
    // As written in the library's own manifest: a base's categories are the base's to check.
    (ownLayer(library)?.manifest.value.categories ?? []).forEach((category, i) => {
      if (seen.has(category.id)) {
        ctx.report({ ruleId: 'duplicate-id', source: manifest.source, path: ['categories', i, 'id'], message: `category ${category.id} is listed twice` });
      }
      seen.add(category.id);
    });
    const { defaultLanguage, languages, defaultTemplate } = manifest.value;
    if (defaultLanguage && !languages.includes(defaultLanguage)) {
      ctx.report({ ruleId: 'unknown-reference', source: manifest.source, path: ['defaultLanguage'], message: `the default language ${defaultLanguage} is not in languages`, fix: `add it to languages, or choose one of ${languages.join(', ')}` });
    }
    if (defaultTemplate && !library.templateById.has(defaultTemplate)) {
      ctx.report({
        ruleId: 'unknown-reference',
        source: manifest.source,
        path: ['defaultTemplate'],
        message: `there is no template ${defaultTemplate}`,
        fix: suggestion(defaultTemplate, library.templateById.keys()) ?? `create templates/${defaultTemplate}.yaml`,
      });
    }
  }

  const seenTemplates = new Set<string>();
  for (const template of library.templates) {
    const expected = basename(template.source.file).replace(/\.ya?ml$/, '');
    if (template.value.id !== expected) {
      ctx.report({
        ruleId: 'id-path-mismatch',
        source: template.source,
        path: ['id'],
        message: `the template id ${template.value.id} does not match its file name ${template.source.file}`,
        fix: `rename the file to templates/${template.value.id}.yaml, or change the id to ${expected}`,
      });
    }
    if (seenTemplates.has(template.value.id)) {
      ctx.report({ ruleId: 'duplicate-id', source: template.source, path: ['id'], message: `template id ${template.value.id} is used twice` });
    }
    seenTemplates.add(template.value.id);
  }
};
