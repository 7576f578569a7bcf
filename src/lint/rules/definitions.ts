import { clauseTexts, passagesOf, termForms, usesTerm } from '../../text/passages.js';
import type { Check } from '../context.js';

/**
 * Definition passages (`defines`): the definition holds the term it defines, in each
 * language, and some other text of the library uses it, or the definition would never print.
 */
export const checkDefinitions: Check = (ctx) => {
  const { library } = ctx;
  // Every text a document can print, by language, with the passage it belongs to.
  const texts = new Map<string, { clause: string; passage: number; text: string }[]>();
  const add = (language: string, clause: string, passage: number, text: string) => texts.set(language, [...(texts.get(language) ?? []), { clause, passage, text }]);
  for (const { value } of library.clauses) {
    for (const [language, title] of Object.entries(value.title)) add(language, value.id, -1, title);
    for (const t of clauseTexts(value)) add(t.language, value.id, t.passage, t.text);
  }
  for (const { value } of library.templates) {
    for (const part of value.parts) for (const text of [part.heading, ...(part.intro ? [part.intro] : [])]) for (const [language, t] of Object.entries(text)) add(language, '', -1, t);
  }

  for (const clause of library.clauses) {
    passagesOf(clause.value.text).forEach((passage, i) => {
      if (!passage.defines) return;
      for (const language of Object.keys(passage.defines)) {
        const forms = termForms(passage, language);
        const path = ['text', i, 'defines', language];
        const own = passage.text[language];
        if (own !== undefined && !usesTerm(own, forms)) {
          ctx.report({
            ruleId: 'definition-term',
            source: clause.source,
            path,
            message: `the ${language} text of passage ${i + 1} does not contain the term it defines (${forms.join(' / ')})`,
            fix: 'write the term in the definition as the other clauses write it, or correct defines',
          });
        }
        const used = (texts.get(language) ?? []).some((t) => !(t.clause === clause.value.id && t.passage === i) && usesTerm(t.text, forms));
        if (!used) {
          ctx.report({
            ruleId: 'unused-definition',
            source: clause.source,
            path,
            message: `no other text of the library uses ${forms.join(' / ')}, so passage ${i + 1} never prints`,
            fix: 'remove the definition, or correct the term to the form the clauses use',
          });
        }
      }
    });
  }
};
