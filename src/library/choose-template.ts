import { InputError, UsageError } from '../errors.js';
import type { Template } from '../schema/template.js';
import { suggestion } from '../text/did-you-mean.js';
import type { Library } from './model.js';

/**
 * The template a document is built from: the one asked for (--template), else the answers
 * file's `template:`, else the library's `defaultTemplate`, else its only template.
 * A name is only ever looked up among the library's templates, never read as a path.
 */
export function chooseTemplate(library: Library, requested: string | undefined, fromAnswers: { name: string; file: string } | undefined): Template {
  const names = [...library.templateById.keys()].sort();
  if (names.length === 0) throw new InputError('the library has no templates', 'add a document template under templates/ (see docs/library-format.md)');
  const find = (name: string, where: string): Template => {
    const template = library.templateById.get(name)?.value;
    if (template) return template;
    throw new InputError(`there is no template "${name}" in this library${where}`, suggestion(name, names) ?? `the templates are: ${names.join(', ')}`);
  };
  if (requested !== undefined) return find(requested, '');
  if (fromAnswers !== undefined) return find(fromAnswers.name, ` (named by ${fromAnswers.file})`);
  const fallback = library.manifest?.value.defaultTemplate;
  if (fallback !== undefined) return find(fallback, ' (the defaultTemplate of clauses/library.yaml)');
  if (names.length === 1) return library.templateById.get(names[0]!)!.value;
  throw new UsageError(`the library has ${names.length} templates and no defaultTemplate`, `choose one with --template: ${names.join(', ')}`);
}
