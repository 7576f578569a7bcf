import { InputError } from '../errors.js';
import type { Template } from '../schema/template.js';
import { messages } from '../text/messages/index.js';
import { suggestion } from '../text/did-you-mean.js';
import type { Library } from './model.js';

/**
 * The one template a document is built from when one is asked for: by --template, else by
 * the answers file's `template:`. Undefined when neither asks: then every document the
 * tender needs is built. A name is only ever looked up among the library's templates,
 * never read as a path.
 */
export function chooseTemplate(library: Library, requested: string | undefined, fromAnswers: { name: string; file: string } | undefined, language: string): Template | undefined {
  const t = messages(language).build;
  const names = [...library.templateById.keys()].sort();
  if (names.length === 0) throw new InputError(t.noTemplates, t.addTemplate);
  const find = (name: string, where: string): Template => {
    const template = library.templateById.get(name)?.value;
    if (template) return template;
    throw new InputError(t.unknownTemplate(name) + where, suggestion(name, names, language) ?? t.templatesAre(names.join(', ')));
  };
  if (requested !== undefined) return find(requested, '');
  if (fromAnswers !== undefined) return find(fromAnswers.name, t.namedBy(fromAnswers.file));
  return undefined;
}
