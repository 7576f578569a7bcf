import type { Severity } from '../finding.js';

export interface RuleMeta {
  severity: Severity;
  /** One line: what the rule checks. */
  description: string;
}

/** Every rule lint can report, for SARIF's rule table, JUnit's test names and the README. */
export const rules: Record<string, RuleMeta> = {
  'yaml-syntax': { severity: 'error', description: 'The file is valid, readable YAML inside the library folder: no syntax errors, duplicate keys, unknown tags, alias bombs, binary content or links out of the library.' },
  schema: { severity: 'error', description: 'The file matches the JSON Schema of its kind.' },
  'unknown-field': { severity: 'error', description: 'Every field is one the file kind knows.' },
  'invalid-semver': { severity: 'error', description: 'Versions are semantic versions (MAJOR.MINOR.PATCH).' },
  'missing-file': { severity: 'error', description: 'The library has its manifest and its questions.' },
  'duplicate-id': { severity: 'error', description: 'Clause, question, section, template and option ids are unique.' },
  'id-path-mismatch': { severity: 'error', description: "A clause's id matches its file path; a template's id matches its file name." },
  'unknown-category': { severity: 'error', description: "A clause's category is one of the library's categories and the first part of its id." },
  'unknown-reference': { severity: 'error', description: 'requires, excludes, supersededBy, templates and scenarios name clauses and categories that exist.' },
  'requires-cycle': { severity: 'error', description: 'No clause requires itself through a chain of requires.' },
  'requires-and-excludes': { severity: 'error', description: 'A clause does not both require and exclude the same clause.' },
  'requires-excluded': { severity: 'error', description: 'No answers select a clause that requires another while a selected clause excludes it.' },
  'exclude-chain': { severity: 'warning', description: 'An excluded clause does not itself exclude others (the outcome would depend on order).' },
  'approved-requires-draft': { severity: 'error', description: 'An approved clause does not require a draft or deprecated clause.' },
  'template-deprecated-clause': { severity: 'error', description: 'Templates do not name deprecated clauses.' },
  'deprecated-without-successor': { severity: 'warning', description: 'A deprecated clause says which clause supersedes it.' },
  'missing-translation': { severity: 'error', description: 'Every text exists in every library language.' },
  'unknown-language': { severity: 'warning', description: 'Texts are only given in the library languages.' },
  'unknown-placeholder': { severity: 'error', description: 'Every {{ placeholder }} in a clause text names a question.' },
  'placeholder-syntax': { severity: 'error', description: 'Placeholders are written {{ questionId }}; no stray {{, }} or template tags.' },
  'placeholder-may-be-empty': { severity: 'warning', description: 'A placeholder names a question that is always answered when the clause applies.' },
  'unused-question': { severity: 'warning', description: 'Every question is used by a condition, a placeholder or the document cover.' },
  'changelog-missing': { severity: 'error', description: "A clause's current version has a changelog entry." },
  'unsupported-markdown': { severity: 'error', description: 'Clause text uses only paragraphs, lists, bold and italic.' },
  'condition-syntax': { severity: 'error', description: 'Conditions parse.' },
  'unknown-question': { severity: 'error', description: 'Conditions and answers name questions that exist.' },
  'unknown-option': { severity: 'error', description: 'A value compared with a choice question is one of its options.' },
  'type-mismatch': { severity: 'error', description: 'Conditions compare values of the same type and are yes/no tests.' },
  'unanswerable-question': { severity: 'error', description: "A condition does not read a question where the question's own skip logic means it is never answered." },
  'question-order': { severity: 'error', description: "A question's condition only uses questions asked before it." },
  'dead-clause': { severity: 'error', description: 'Some answers satisfy the condition (the clause can be selected).' },
  'dead-passage': { severity: 'error', description: "Some answers that select a clause satisfy the condition of each of its passages (the passage can print)." },
  'definition-term': { severity: 'error', description: 'A definition passage contains, in each language, the term it defines.' },
  'unused-definition': { severity: 'warning', description: 'A defined term is used by some other clause of the library.' },
  'always-true': { severity: 'warning', description: 'A condition that every possible answer satisfies should be removed.' },
  'dead-question': { severity: 'warning', description: "A question's condition can hold (the question can be asked)." },
  'not-analysed': { severity: 'info', description: 'Conditions over text, numbers or dates are not checked for dead or always-true branches.' },
  'question-options': { severity: 'error', description: 'Choice questions have options; other questions do not.' },
  'invalid-default': { severity: 'error', description: "A question's default is a valid answer to it." },
  'invalid-validation': { severity: 'error', description: "A question's validation is usable: a valid pattern, min not above max, fitting its type." },
  'missing-fact': { severity: 'warning', description: 'Yes/no questions used in conditions say, in `fact`, what a yes means, so conditions read well.' },
  'unused-category': { severity: 'warning', description: 'Every category holding clauses appears in a template.' },
  'duplicate-include': { severity: 'warning', description: 'A template places each clause once.' },
  'answer-type': { severity: 'error', description: "An answer has the question's type." },
  'answer-invalid': { severity: 'error', description: "An answer passes the question's validation." },
  'answer-not-asked': { severity: 'warning', description: 'Answers are given only to questions that are asked.' },
  'scenario-no-expectation': { severity: 'warning', description: 'A scenario expects at least one clause in or out.' },
  'version-not-bumped': { severity: 'error', description: "A clause whose normative content changed has a new version." },
  'version-decreased': { severity: 'error', description: 'Versions never go down.' },
  'lock-stale': { severity: 'error', description: 'clauses.lock.yaml records every clause at its current version and content.' },
  'base-not-found': { severity: 'error', description: 'The base a library extends is where `extends.from` says: a folder, an installed npm package, or the library clausula ships.' },
  'base-mismatch': { severity: 'error', description: 'The base found is the library `extends.library` names.' },
  'base-version': { severity: 'error', description: "The base's release is one `extends.version` accepts." },
  'base-cycle': { severity: 'error', description: 'No library extends itself, directly or through its bases.' },
  'base-conflict': { severity: 'error', description: 'A chain of bases holds each library once.' },
  'base-errors': { severity: 'error', description: 'The base has no lint errors of its own.' },
  'base-language': { severity: 'error', description: "A library that extends a base uses only the base's languages." },
  'override-outdated': { severity: 'error', description: 'An item that adapts a base item names the version of it the base has: a change upstream is reviewed before it is taken.' },
  'override-removed': { severity: 'error', description: 'An item that adapts a base item adapts one the base still has.' },
  'override-unmarked': { severity: 'error', description: 'An item with the id of a base item says which version of it it adapts (`overrides:`).' },
  'override-without-base': { severity: 'error', description: '`overrides:` only appears in a library that extends a base.' },
  'exclude-without-reason': { severity: 'error', description: 'Every exclusion of a base item says why.' },
  'exclude-required': { severity: 'error', description: 'Nothing left in the library needs an excluded item: no clause requires it, no condition or placeholder uses it, no template places it.' },
  'library-version-not-bumped': { severity: 'error', description: 'The library version rises when any clause changes.' },
};

export function ruleMeta(id: string): RuleMeta {
  return rules[id] ?? { severity: 'error', description: id };
}
