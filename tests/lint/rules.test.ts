import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { rules } from '../../src/lint/rule-meta.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { error, info, LAYER_RULES, lintBasic, lintDir, VERSION_RULES, warning, type Row } from '../helpers/lint.js';
import { testdir } from '../helpers/testdir.js';

/**
 * Each lint rule with a failing and a passing case, on a copy of tests/fixtures/basic
 * (which lints clean) with a file or two changed. Findings are compared whole: rule,
 * severity, file, line, column, message and fix. The version rules, which compare the
 * library with its lock, are tested in tests/versioning and left out here (lintDir).
 */

const basic = (file: string) => readFileSync(join(REPO_ROOT, 'tests/fixtures/basic', file), 'utf8');
const QUESTIONS = 'clauses/questions.yaml';
const TEMPLATE = 'templates/main.yaml';
const LIBRARY = 'clauses/library.yaml';
const X = 'clauses/exit/x.yaml';
const Y = 'clauses/exit/y.yaml';
const questionsYaml = basic(QUESTIONS);
const libraryYaml = basic(LIBRARY);

/**
 * A clause file. Lines 1–5 are id, version, status, category and title; `extra` lines
 * follow from line 6; then text (its `en:` on the line after), guidance and changelog.
 */
function clause(id: string, extra: string[] = [], o: { status?: string; version?: string; text?: string; category?: string; title?: string } = {}): string {
  return [
    `id: ${id}`,
    `version: ${o.version ?? '1.0.0'}`,
    `status: ${o.status ?? 'approved'}`,
    `category: ${o.category ?? id.split('.')[0]}`,
    `title: ${o.title ?? '{ en: "A title" }'}`,
    ...extra,
    'text:',
    `  en: ${o.text ?? 'The Contractor does this.'}`,
    'guidance: { en: "How to use it." }',
    'changelog:',
    '  - { version: 1.0.0, date: 2026-11-20, note: First version. }',
    '',
  ].join('\n');
}

/** A clause whose text is the passages given (each a YAML list item of 2-space indent); `text:` is on line 6 + extra. */
function withPassages(id: string, extra: string[], passages: string[]): string {
  return clause(id, extra).replace(/text:\n {2}en: .*\n/, () => `text:\n${passages.join('\n')}\n`);
}

/** questions.yaml with one question added at the end (its first line is line 67). */
const withQuestion = (yaml: string) => ({ [QUESTIONS]: questionsYaml + yaml });
/** questions.yaml with a piece replaced. */
function questionsWith(from: string, to: string): Record<string, string> {
  if (!questionsYaml.includes(from)) throw new Error(`not in questions.yaml: ${from}`);
  // A function, so `$` in the new text is taken as written (no $' or $& patterns).
  return { [QUESTIONS]: questionsYaml.replace(from, () => to) };
}
const template = (general: string, data: string) => ({
  [TEMPLATE]: `id: main\ntitle: { en: Data clauses }\nparts:\n  - heading: { en: General }\n    include: [${general}]\n  - heading: { en: Data }\n    include: [${data}]\n`,
});
const scenario = (body: string) => ({ 'clauses/scenarios/s.yaml': `name: A scenario\n${body}` });
const DATA_WHEN = '      - id: dataKinds\n        type: multiselect\n        when: generatesData';
const TITLE_Q = '        prompt: { en: What is the contract called? }';
const DURATION_V = 'validation: { min: 1, max: 600,';

interface Case {
  name: string;
  files: Record<string, string | null>;
  expected: Row[];
}

const failing: Record<string, Case[]> = {
  'yaml-syntax': [
    { name: 'an unclosed quote', files: { [X]: clause('exit.x', ['when: "generatesData']) }, expected: [error('yaml-syntax', X, 6, 21, 'missing closing "quote', 'check the indentation and quoting on this line')] },
    {
      // Its own error only: the names it defines are not then reported unknown everywhere.
      name: 'a broken questions.yaml',
      files: questionsWith('    title: { en: The data }', '    title: { en: The data }\n    oops'),
      expected: [error('yaml-syntax', QUESTIONS, 28, 5, 'implicit keys need to be on a single line', 'check the YAML on this line: indentation, the colon after each key, and matching quotes and brackets')],
    },
  ],
  schema: [
    { name: 'a missing field', files: { [X]: clause('exit.x').replace(/text:\n.*\n/, '') }, expected: [error('schema', X, 1, 1, 'missing field "text"', 'add text: …')] },
    { name: 'a blank text', files: { [X]: clause('exit.x', [], { text: '"   "' }) }, expected: [error('schema', X, 7, 7, 'text.en must not be blank')] },
    { name: 'a wrong type', files: { [X]: clause('exit.x', ['order: first']) }, expected: [error('schema', X, 6, 8, 'order must be a whole number, not the text "first"')] },
    // YAML reads 1.0 as a number: the message shows it as written.
    { name: 'a version written as a number', files: { [X]: clause('exit.x', [], { version: '1.0' }) }, expected: [error('schema', X, 2, 10, 'version must be text, not the number 1.0')] },
    {
      name: 'a value not in the list',
      files: { [X]: clause('exit.x', [], { status: 'aproved' }) },
      expected: [error('schema', X, 3, 9, 'status is "aproved", which is not one of: draft, approved, deprecated', 'did you mean approved?')],
    },
  ],
  'unknown-field': [
    { name: 'a misspelt field', files: { [X]: clause('exit.x', ['titel: { en: x }']) }, expected: [error('unknown-field', X, 6, 1, 'unknown field "titel"', 'did you mean title?')] },
    {
      name: 'a field nothing like a known one',
      files: { [X]: clause('exit.x', ['reviewer: Anna']) },
      expected: [error('unknown-field', X, 6, 1, 'unknown field "reviewer"', 'remove it; allowed fields: id, version, overrides, status, category, order, title, when, requires, excludes, supersededBy, text, guidance, legalBasis, changelog')],
    },
  ],
  'invalid-semver': [
    { name: 'two numbers', files: { [X]: clause('exit.x', [], { version: '"1.0"' }) }, expected: [error('invalid-semver', X, 2, 10, 'version is "1.0", which is not a semantic version such as 1.2.0')] },
    { name: 'a v prefix', files: { [X]: clause('exit.x', [], { version: 'v1.0.0' }) }, expected: [error('invalid-semver', X, 2, 10, 'version is "v1.0.0", which is not a semantic version such as 1.2.0')] },
  ],
  'missing-file': [
    // Only the missing file: conditions, placeholders and answers cannot be checked without it.
    { name: 'no questions.yaml', files: { [QUESTIONS]: null }, expected: [error('missing-file', QUESTIONS, 1, 1, 'clauses/questions.yaml is missing', 'create it with the interview questions; see docs/library-format.md')] },
  ],
  'duplicate-id': [
    {
      name: 'two clauses with one id',
      files: { [X]: clause('exit.handover') },
      expected: [
        error('duplicate-id', X, 1, 5, 'clause id exit.handover is also used by clauses/exit/handover.yaml', 'give each clause its own id'),
        error('id-path-mismatch', X, 1, 5, 'the id exit.handover does not match the file path clauses/exit/x.yaml', 'rename the file to clauses/exit/handover.yaml, or change the id to exit.x'),
      ],
    },
    {
      name: 'two questions with one id',
      files: withQuestion('      - { id: hosting, type: boolean, label: { en: h }, prompt: { en: h? } }\n'),
      expected: [error('duplicate-id', QUESTIONS, 67, 15, 'question id hosting is already used in section data', 'give each question its own id')],
    },
    {
      name: 'two sections with one id',
      files: withQuestion('  - id: data\n    title: { en: D }\n    questions:\n      - { id: authorityEmail, type: text, label: { en: e }, prompt: { en: e? } }\n'),
      expected: [
        error('duplicate-id', QUESTIONS, 67, 9, 'section id data is used twice'),
        warning('unused-question', QUESTIONS, 70, 15, 'question authorityEmail is not used by any condition or clause text', 'use it in a clause or remove it; removing a question is a major change'),
      ],
    },
    {
      name: 'an option listed twice',
      files: questionsWith('          - { value: high, label: { en: High } }', '          - { value: high, label: { en: High } }\n          - { value: high, label: { en: Higher } }'),
      expected: [error('duplicate-id', QUESTIONS, 67, 22, 'option high of ensCategory is listed twice')],
    },
    { name: 'a category listed twice', files: { [LIBRARY]: libraryYaml + '  - id: exit\n    title: { en: Exit again }\n' }, expected: [error('duplicate-id', LIBRARY, 17, 9, 'category exit is listed twice')] },
    {
      name: 'two templates with one id',
      files: { 'templates/other.yaml': 'id: main\ntitle: { en: Other }\nparts:\n  - heading: { en: General }\n    include: [general]\n' },
      expected: [
        error('duplicate-id', 'templates/other.yaml', 1, 5, 'template id main is used twice'),
        error('id-path-mismatch', 'templates/other.yaml', 1, 5, 'the template id main does not match its file name templates/other.yaml', 'rename the file to templates/main.yaml, or change the id to other'),
      ],
    },
  ],
  'id-path-mismatch': [
    { name: 'a clause', files: { [X]: clause('exit.y') }, expected: [error('id-path-mismatch', X, 1, 5, 'the id exit.y does not match the file path clauses/exit/x.yaml', 'rename the file to clauses/exit/y.yaml, or change the id to exit.x')] },
    {
      name: 'a template',
      files: { 'templates/other.yaml': 'id: second\ntitle: { en: Other }\nparts:\n  - heading: { en: General }\n    include: [general]\n' },
      expected: [error('id-path-mismatch', 'templates/other.yaml', 1, 5, 'the template id second does not match its file name templates/other.yaml', 'rename the file to templates/second.yaml, or change the id to other')],
    },
  ],
  'unknown-category': [
    {
      name: 'not a category of the library',
      files: { [X]: clause('exit.x', [], { category: 'exitt' }) },
      expected: [
        error('unknown-category', X, 4, 11, '"exitt" is not a category of this library', 'did you mean exit?'),
        warning('unused-category', X, 4, 11, 'no template places category exitt, so exit.x never appears in a document', "add exitt to a template's include list"),
      ],
    },
    {
      name: 'not the first part of the id',
      files: { [X]: clause('exit.x', [], { category: 'security' }) },
      expected: [error('unknown-category', X, 4, 11, 'the clause is in category security, but its id starts with exit', 'move it to clauses/security/ and rename it security.x')],
    },
  ],
  'unknown-reference': [
    {
      name: 'requires and excludes',
      files: { [X]: clause('exit.x', ['requires: [exit.handovr]', 'excludes: [exit.nothing-like-it]']) },
      expected: [
        error('unknown-reference', X, 6, 12, 'requires names exit.handovr, which is not a clause of this library', 'did you mean exit.handover?'),
        error('unknown-reference', X, 7, 12, 'excludes names exit.nothing-like-it, which is not a clause of this library', 'remove it or create the clause'),
      ],
    },
    { name: 'itself', files: { [X]: clause('exit.x', ['requires: [exit.x]']) }, expected: [error('unknown-reference', X, 6, 12, 'exit.x requires itself', 'remove it')] },
    {
      name: 'supersededBy',
      files: { [X]: clause('exit.x', ['supersededBy: exit.handovr'], { status: 'deprecated' }) },
      expected: [error('unknown-reference', X, 6, 15, 'supersededBy names exit.handovr, which is not a clause of this library', 'did you mean exit.handover?')],
    },
    {
      name: 'a template',
      files: template('generl, exit.handovr', 'ownership, personal-data, security, exit, general'),
      expected: [
        error('unknown-reference', TEMPLATE, 5, 15, 'generl is not a category of this library', 'did you mean general?'),
        error('unknown-reference', TEMPLATE, 5, 23, 'exit.handovr is not a clause of this library', 'did you mean exit.handover?'),
      ],
    },
    {
      name: 'a scenario',
      files: scenario('template: mian\nanswers: {}\nexpect:\n  include: [exit.handovr]\n  exclude: [exit.gone]\n'),
      expected: [
        error('unknown-reference', 'clauses/scenarios/s.yaml', 2, 11, 'there is no template mian', 'did you mean main?'),
        error('unknown-reference', 'clauses/scenarios/s.yaml', 5, 13, 'exit.handovr is not a clause of this library', 'did you mean exit.handover?'),
        error('unknown-reference', 'clauses/scenarios/s.yaml', 6, 13, 'exit.gone is not a clause of this library'),
      ],
    },
    {
      name: 'the library’s default template and language',
      files: { [LIBRARY]: libraryYaml.replace('defaultTemplate: main', 'defaultTemplate: mian\ndefaultLanguage: es') },
      expected: [
        error('unknown-reference', LIBRARY, 5, 18, 'there is no template mian', 'did you mean main?'),
        error('unknown-reference', LIBRARY, 6, 18, 'the default language es is not in languages', 'add it to languages, or choose one of en'),
      ],
    },
  ],
  'requires-cycle': [
    {
      name: 'two clauses requiring each other',
      files: { [X]: clause('exit.x', ['requires: [exit.y]']), [Y]: clause('exit.y', ['requires: [exit.x]']) },
      expected: [error('requires-cycle', Y, 6, 12, 'requires go round in a circle: exit.x → exit.y → exit.x', 'remove one of these requires')],
    },
  ],
  'requires-and-excludes': [
    {
      name: 'the same clause',
      files: { [X]: clause('exit.x', ['requires: [security.ens]', 'excludes: [security.ens]']) },
      expected: [error('requires-and-excludes', X, 6, 12, 'exit.x both requires and excludes security.ens', 'keep one of the two')],
    },
  ],
  'requires-excluded': [
    {
      name: 'both apply for some answers',
      files: { [X]: clause('exit.x', ['when: generatesData', 'excludes: [exit.handover]']) },
      expected: [
        error(
          'requires-excluded',
          X,
          7,
          12,
          'exit.x excludes exit.handover, but ownership.sensor-data requires it, and both apply when dataKinds: [sensor], generatesData: true',
          'narrow one of the two conditions, or drop the requires or the excludes',
        ),
      ],
    },
  ],
  'exclude-chain': [
    {
      name: 'an excluded clause that excludes another',
      files: { [X]: clause('exit.x', ['when: generatesData', 'excludes: [security.certification]']) },
      expected: [warning('exclude-chain', X, 7, 12, 'exit.x excludes security.certification, which itself excludes security.self-assessment', 'exclude directly what should be left out')],
    },
  ],
  'approved-requires-draft': [
    {
      name: 'a draft',
      files: { [X]: clause('exit.x', ['requires: [exit.long-contract]']) },
      expected: [error('approved-requires-draft', X, 6, 12, 'approved clause exit.x requires exit.long-contract, which is draft', 'approve exit.long-contract first, or drop the requirement')],
    },
    {
      name: 'a deprecated clause, with its successor',
      files: { [X]: clause('exit.x', ['requires: [exit.old-handover]']) },
      expected: [error('approved-requires-draft', X, 6, 12, 'approved clause exit.x requires exit.old-handover, which is deprecated', 'require exit.handover instead')],
    },
  ],
  'template-deprecated-clause': [
    {
      name: 'a deprecated clause placed by id',
      files: template('general, exit.old-handover', 'ownership, personal-data, security, exit'),
      expected: [error('template-deprecated-clause', TEMPLATE, 5, 24, 'the template places exit.old-handover, which is deprecated', 'use exit.handover instead')],
    },
  ],
  'deprecated-without-successor': [
    {
      name: 'no supersededBy',
      files: { [X]: clause('exit.x', [], { status: 'deprecated' }) },
      expected: [warning('deprecated-without-successor', X, 3, 9, 'exit.x is deprecated but does not say what supersedes it', 'add supersededBy: <clause id> (or delete the clause if nothing does)')],
    },
  ],
  'missing-translation': [
    { name: 'no text for the language', files: { [X]: clause('exit.x', [], { title: '{}' }) }, expected: [error('missing-translation', X, 5, 1, 'the title has no en version', 'add en: …')] },
    {
      name: 'a legal basis without the language',
      files: { [X]: clause('exit.x', ['legalBasis:', '  - ref: { en: "Law 9/2017 (LCSP), Article 122.2" }', '  - ref: { fr: "Loi" }']) },
      expected: [
        error('missing-translation', X, 8, 5, 'legal basis 2 has no en version', 'add en: …'),
        warning('unknown-language', X, 8, 12, "legal basis 2 has a fr version, but the library's languages are en", 'add fr to languages in clauses/library.yaml, or remove this text'),
      ],
    },
    {
      // The form before legal bases were translatable: read, but every document would print it as written.
      name: 'a legal basis written once for every language',
      files: { [X]: clause('exit.x', ['legalBasis: [{ ref: "Llei 9/2017 (LCSP), art. 122.2" }]']) },
      expected: [error('missing-translation', X, 6, 21, 'legal basis 1 is a single text, not one per language: every document would cite it in this language', 'write it in each language: ref: { en: … }')],
    },
  ],
  'unknown-language': [
    {
      name: 'a text in a language the library does not have',
      files: { [X]: clause('exit.x', [], { title: '{ en: "A title", fr: "Un titre" }' }) },
      expected: [warning('unknown-language', X, 5, 25, "the title has a fr version, but the library's languages are en", 'add fr to languages in clauses/library.yaml, or remove this text')],
    },
  ],
  'unknown-placeholder': [
    { name: 'a misspelt question', files: { [X]: clause('exit.x', [], { text: 'For {{ authorityNme }}.' }) }, expected: [error('unknown-placeholder', X, 7, 11, 'no question provides {{ authorityNme }}', 'did you mean authorityName?')] },
    {
      name: 'no question near it',
      files: { [X]: clause('exit.x', [], { text: 'For {{ mayor }}.' }) },
      expected: [error('unknown-placeholder', X, 7, 11, 'no question provides {{ mayor }}', 'add the question to clauses/questions.yaml, or remove the placeholder')],
    },
  ],
  'placeholder-syntax': [
    {
      name: 'a filter and a stray {{',
      files: { [X]: clause('exit.x', [], { text: 'For {{ authorityName | upcase }} and {{ oops.' }) },
      expected: [
        error('placeholder-syntax', X, 7, 11, '"authorityName | upcase" is not a placeholder clausula can fill: placeholders name one question, without filters or expressions', 'write {{ questionId }}'),
        error('placeholder-syntax', X, 7, 44, 'stray template braces: placeholders are written {{ questionId }}', 'close the placeholder, or remove the braces'),
      ],
    },
    {
      name: 'a template tag',
      files: { [X]: clause('exit.x', [], { text: '"{% if x %}Text."' }) },
      expected: [
        error('placeholder-syntax', X, 7, 8, 'stray template braces: placeholders are written {{ questionId }}', 'close the placeholder, or remove the braces'),
        error('placeholder-syntax', X, 7, 16, 'stray template braces: placeholders are written {{ questionId }}', 'close the placeholder, or remove the braces'),
      ],
    },
  ],
  'placeholder-may-be-empty': [
    {
      name: 'a question asked only sometimes, in a clause that always applies',
      files: { [X]: clause('exit.x', [], { text: 'The kinds are {{ dataKinds }}.' }) },
      expected: [
        warning('placeholder-may-be-empty', X, 7, 21, '{{ dataKinds }} may be unanswered when this clause applies (it is asked only when generatesData)', "narrow the clause's condition so it implies generatesData"),
      ],
    },
    {
      name: 'an optional question',
      files: {
        ...withQuestion('      - { id: contractReference, type: text, required: false, label: { en: r }, prompt: { en: r? } }\n'),
        [X]: clause('exit.x', [], { text: 'Reference {{ contractReference }}.' }),
      },
      expected: [warning('placeholder-may-be-empty', X, 7, 17, '{{ contractReference }} is an optional question, so the document may show a blank here', 'make the question required, or word the clause without it')],
    },
  ],
  'unused-question': [
    {
      name: 'a question nothing reads',
      files: withQuestion('      - { id: extraQuestion, type: boolean, label: { en: e }, prompt: { en: e? } }\n'),
      expected: [warning('unused-question', QUESTIONS, 67, 15, 'question extraQuestion is not used by any condition or clause text', 'use it in a clause or remove it; removing a question is a major change')],
    },
  ],
  'changelog-missing': [
    {
      name: 'no entry for the current version',
      files: { [X]: clause('exit.x', [], { version: '1.1.0' }) },
      expected: [error('changelog-missing', X, 9, 1, 'the changelog has no entry for the current version 1.1.0', 'add - { version: 1.1.0, date: YYYY-MM-DD, note: what changed }')],
    },
  ],
  'unsupported-markdown': [
    { name: 'a heading', files: { [X]: clause('exit.x', [], { text: '"# Heading"' }) }, expected: [error('unsupported-markdown', X, 7, 8, 'clause text cannot contain a heading', 'use paragraphs, lists, **bold** and *italic* only; legal references go in legalBasis')] },
    {
      name: 'a link and code',
      files: { [X]: clause('exit.x', [], { text: 'See [the law](https://boe.es) and `code`.' }) },
      expected: [
        error('unsupported-markdown', X, 7, 11, 'clause text cannot contain a link', 'use paragraphs, lists, **bold** and *italic* only; legal references go in legalBasis'),
        error('unsupported-markdown', X, 7, 41, 'clause text cannot contain code', 'use paragraphs, lists, **bold** and *italic* only; legal references go in legalBasis'),
      ],
    },
  ],
  'condition-syntax': [
    { name: '&&', files: { [X]: clause('exit.x', ['when: generatesData && hosting == "none"']) }, expected: [error('condition-syntax', X, 6, 21, 'the condition does not parse: unexpected "&"', 'write `and` / `or`')] },
    // Errors at the end of the text point at what is left open.
    { name: 'an unclosed (', files: { [X]: clause('exit.x', ['when: generatesData and (hosting == "none"']) }, expected: [error('condition-syntax', X, 6, 25, 'the condition does not parse: a "(" is never closed', 'add the missing ")"')] },
    { name: 'a trailing and', files: { [X]: clause('exit.x', ['when: generatesData and']) }, expected: [error('condition-syntax', X, 6, 21, 'the condition does not parse: expected expression after and', 'write what comes after and, or remove it')] },
    {
      name: "a question's condition",
      files: questionsWith(DATA_WHEN, `${DATA_WHEN} ==`),
      expected: [error('condition-syntax', QUESTIONS, 36, 29, 'the condition does not parse: expected expression after ==', 'write what comes after ==, or remove it')],
    },
    {
      name: 'a function call',
      files: { [X]: clause('exit.x', ["when: 'constructor.constructor(\"return process\")()'"]) },
      expected: [error('condition-syntax', X, 6, 8, 'the condition does not parse: conditions cannot call functions', 'compare answers with ==, !=, <, >, in, and, or, not')],
    },
  ],
  'unknown-question': [
    { name: 'in a condition', files: { [X]: clause('exit.x', ['when: generatesDta']) }, expected: [error('unknown-question', X, 6, 7, '"generatesDta" is not a question of this library', 'did you mean generatesData?')] },
    {
      name: "in a question's condition",
      files: questionsWith(DATA_WHEN, DATA_WHEN.replace('when: generatesData', 'when: generateData')),
      expected: [
        // dataKinds is then never asked, so the clause reading it can never apply.
        error('dead-clause', 'clauses/ownership/sensor-data.yaml', 6, 7, 'no answers can satisfy this condition, so ownership.sensor-data is never selected', 'check the values it compares and the skip logic (`when`) of the questions it uses'),
        error('unanswerable-question', 'clauses/ownership/sensor-data.yaml', 6, 20, 'dataKinds is never answered here: it is asked only when generateData, which cannot hold at this point of the condition', 'rewrite the condition so it reads this question only where it is asked'),
        error('unknown-question', QUESTIONS, 36, 15, '"generateData" is not a question of this library', 'did you mean generatesData?'),
        warning('answer-not-asked', 'clauses/scenarios/cloud-service.yaml', 8, 3, 'dataKinds (generateData) is answered but not asked for these answers; the answer is ignored', 'remove it, or change the answers that decide whether it is asked'),
      ],
    },
    {
      name: 'in the answers of a scenario (a warning: the answer is ignored)',
      files: scenario('answers:\n  contractTitel: x\nexpect:\n  include: [general.definitions]\n'),
      expected: [warning('unknown-question', 'clauses/scenarios/s.yaml', 3, 3, '"contractTitel" is not a question of this library; the answer is ignored', 'did you mean contractTitle?')],
    },
  ],
  'unknown-option': [
    { name: 'in a condition', files: { [X]: clause('exit.x', ['when: hosting == "clod-saas"']) }, expected: [error('unknown-option', X, 6, 18, '"clod-saas" is not an option of hosting', 'did you mean cloud-saas?')] },
    {
      name: "in a passage's condition, at its place",
      files: { [X]: withPassages('exit.x', [], ['  - text: { en: "The Contractor shall:" }', '  - when: generatesData and hosting == "clod-saas"', '    text: { en: "1. keep them." }']) },
      expected: [error('unknown-option', X, 8, 40, '"clod-saas" is not an option of hosting', 'did you mean cloud-saas?')],
    },
    {
      name: 'in the answers of a scenario',
      files: scenario('answers:\n  contractType: servics\nexpect:\n  include: [general.definitions]\n'),
      expected: [error('unknown-option', 'clauses/scenarios/s.yaml', 3, 17, '"servics" is not an option of contractType', 'did you mean services?')],
    },
  ],
  'type-mismatch': [
    { name: 'a yes/no question compared with text', files: { [X]: clause('exit.x', ['when: generatesData == "yes"']) }, expected: [error('type-mismatch', X, 6, 7, 'a yes/no answer is compared with text')] },
    {
      name: 'a choice used as a yes/no test',
      files: { [X]: clause('exit.x', ['when: generatesData and hosting']) },
      expected: [error('type-mismatch', X, 6, 25, 'hosting is a choice (hosting), not a yes/no answer', 'compare it: hosting == "authority"')],
    },
  ],
  'unanswerable-question': [
    {
      name: 'read where its own skip logic rules it out',
      files: { [X]: clause('exit.x', ['when: not generatesData and processesPersonalData']) },
      expected: [
        error('dead-clause', X, 6, 7, 'no answers can satisfy this condition, so exit.x is never selected', 'check the values it compares and the skip logic (`when`) of the questions it uses'),
        error(
          'unanswerable-question',
          X,
          6,
          29,
          'processesPersonalData is never answered here: it is asked only when generatesData, which cannot hold at this point of the condition',
          'rewrite the condition so it reads this question only where it is asked',
        ),
      ],
    },
    {
      // Read only when generatesData is false, that is when it is never asked (and then `not` makes the whole always true).
      name: 'in an `or` whose left side already decided',
      files: { [X]: clause('exit.x', ['when: generatesData or not (processesPersonalData)']) },
      expected: [
        warning('always-true', X, 6, 7, 'every possible set of answers satisfies this condition', 'remove `when`: a clause without a condition always applies'),
        error(
          'unanswerable-question',
          X,
          6,
          29,
          'processesPersonalData is never answered here: it is asked only when generatesData, which cannot hold at this point of the condition',
          'rewrite the condition so it reads this question only where it is asked',
        ),
      ],
    },
  ],
  'question-order': [
    {
      name: 'a question that depends on a later one',
      files: questionsWith(TITLE_Q, `${TITLE_Q}\n        when: generatesData`),
      expected: [
        error('question-order', QUESTIONS, 13, 15, 'contractTitle depends on generatesData, which is asked after it', 'move generatesData before contractTitle in clauses/questions.yaml'),
        warning('answer-not-asked', 'clauses/scenarios/works.yaml', 4, 3, 'contractTitle (generatesData) is answered but not asked for these answers; the answer is ignored', 'remove it, or change the answers that decide whether it is asked'),
      ],
    },
  ],
  'dead-clause': [
    {
      name: 'two values of one choice at once',
      files: { [X]: clause('exit.x', ['when: contractType == "works" and contractType == "services"']) },
      expected: [error('dead-clause', X, 6, 7, 'no answers can satisfy this condition, so exit.x is never selected', 'check the values it compares and the skip logic (`when`) of the questions it uses')],
    },
    {
      name: "beyond a number's validation",
      files: { [X]: clause('exit.x', ['when: contractDurationMonths > 600']) },
      expected: [error('dead-clause', X, 6, 7, 'no answers can satisfy this condition, so exit.x is never selected', 'check the values it compares and the skip logic (`when`) of the questions it uses')],
    },
  ],
  'dead-passage': [
    {
      name: "a passage's condition that contradicts its clause's",
      files: { [X]: withPassages('exit.x', ['when: generatesData'], ['  - text: { en: "The Contractor shall:" }', '  - when: not generatesData', '    text: { en: "1. keep them." }']) },
      expected: [
        error('dead-passage', X, 9, 11, 'no answers that select exit.x satisfy this condition, so passage 2 never prints', "check the values it compares against the clause's own condition and the skip logic (`when`) of the questions it uses"),
      ],
    },
  ],
  'definition-term': [
    {
      name: 'a definition that does not hold its term',
      files: { [X]: withPassages('exit.x', [], ['  - defines: { en: Contractor }', '    text: { en: "- **the Supplier** means the company awarded the contract." }']) },
      expected: [error('definition-term', X, 7, 20, 'the en text of passage 1 does not contain the term it defines (Contractor)', 'write the term in the definition as the other clauses write it, or correct defines')],
    },
  ],
  'unused-definition': [
    {
      name: 'a term no other clause uses',
      files: { [X]: withPassages('exit.x', [], ['  - defines: { en: [Data Platform, Data Platforms] }', '    text: { en: "- **the Data Platform** means the platform of the Authority." }']) },
      expected: [warning('unused-definition', X, 7, 20, 'no other text of the library uses Data Platform / Data Platforms, so passage 1 never prints', 'remove the definition, or correct the term to the form the clauses use')],
    },
  ],
  'always-true': [
    {
      name: 'a tautology',
      files: { [X]: clause('exit.x', ['when: generatesData or not generatesData']) },
      expected: [warning('always-true', X, 6, 7, 'every possible set of answers satisfies this condition', 'remove `when`: a clause without a condition always applies')],
    },
    { name: 'true', files: { [X]: clause('exit.x', ["when: 'true'"]) }, expected: [warning('always-true', X, 6, 7, 'every possible set of answers satisfies this condition', 'remove `when`: a clause without a condition always applies')] },
    {
      name: 'a passage that prints whenever its clause does',
      files: { [X]: withPassages('exit.x', ['when: generatesData'], ['  - text: { en: "The Contractor shall:" }', '  - when: generatesData and hosting != "none" or generatesData', '    text: { en: "1. keep them." }']) },
      expected: [warning('always-true', X, 9, 11, 'every set of answers that selects exit.x satisfies this condition, so passage 2 always prints with the clause', "remove the passage's `when`")],
    },
  ],
  'dead-question': [
    {
      name: 'a question never asked',
      files: questionsWith(DATA_WHEN, `${DATA_WHEN} and not generatesData`),
      expected: [
        error('dead-clause', 'clauses/ownership/sensor-data.yaml', 6, 7, 'no answers can satisfy this condition, so ownership.sensor-data is never selected', 'check the values it compares and the skip logic (`when`) of the questions it uses'),
        error(
          'unanswerable-question',
          'clauses/ownership/sensor-data.yaml',
          6,
          20,
          'dataKinds is never answered here: it is asked only when generatesData and not generatesData, which cannot hold at this point of the condition',
          'rewrite the condition so it reads this question only where it is asked',
        ),
        warning('dead-question', QUESTIONS, 36, 15, 'no answers satisfy this condition, so dataKinds is never asked', 'fix the condition or remove the question'),
        warning('answer-not-asked', 'clauses/scenarios/cloud-service.yaml', 8, 3, 'dataKinds (generatesData and not generatesData) is answered but not asked for these answers; the answer is ignored', 'remove it, or change the answers that decide whether it is asked'),
      ],
    },
  ],
  'not-analysed': [
    {
      name: 'a list question with 13 values mentioned',
      files: {
        ...withQuestion('      - { id: cpvCodes, type: list, label: { en: CPV codes }, prompt: { en: Which CPV codes? } }\n'),
        [X]: clause('exit.x', [`when: '${'abcdefghijklm'.split('').map((c) => `"${c}" in cpvCodes`).join(' or ')}'`]),
      },
      expected: [info('not-analysed', X, 6, 7, 'the condition is not checked for dead or always-true cases: it uses cpvCodes, a list question, which has too many possible answers to try')],
    },
  ],
  'question-options': [
    {
      name: 'a select without options',
      files: withQuestion('      - { id: authorityKind, type: select, label: { en: k }, prompt: { en: k? } }\n'),
      expected: [
        warning('unused-question', QUESTIONS, 67, 15, 'question authorityKind is not used by any condition or clause text', 'use it in a clause or remove it; removing a question is a major change'),
        error('question-options', QUESTIONS, 67, 36, 'authorityKind is a select question without options', 'add options: [{ value: …, label: { … } }]'),
      ],
    },
    {
      name: 'a text question with options',
      files: questionsWith(TITLE_Q, `${TITLE_Q}\n        options: [{ value: a, label: { en: A } }]`),
      expected: [error('question-options', QUESTIONS, 13, 9, 'contractTitle is a text question; only select and multiselect questions have options', 'remove the options, or change the type')],
    },
  ],
  'invalid-default': [
    {
      name: 'a default of the wrong type',
      files: questionsWith('        fact: { en: the contractor generates data }', '        fact: { en: the contractor generates data }\n        default: "yes"'),
      expected: [error('invalid-default', QUESTIONS, 34, 18, 'the default is not a valid answer: generatesData must be true or false, not the text "yes"', 'write true or false (without quotes)')],
    },
  ],
  'invalid-validation': [
    {
      name: 'a pattern that is not a regular expression',
      files: questionsWith(TITLE_Q, `${TITLE_Q}\n        validation: { pattern: '(' }`),
      expected: [error('invalid-validation', QUESTIONS, 13, 32, 'the pattern is not a valid regular expression: Invalid regular expression: /(/u: Unterminated group')],
    },
    {
      // Nested repetition: exponential time on a crafted answer, so it is refused, never run.
      name: 'a pattern that can take exponential time',
      files: questionsWith(TITLE_Q, `${TITLE_Q}\n        validation: { pattern: '^(a+)+$' }`),
      expected: [
        error(
          'invalid-validation',
          QUESTIONS,
          13,
          32,
          'the pattern repeats a repetition (such as (a+)+), which can take exponential time on some answers',
          'write it without a repeated group that itself repeats; the pattern is not applied until then',
        ),
      ],
    },
    {
      // The scenarios' answers then fail it too.
      name: 'min above max',
      files: questionsWith(DURATION_V, 'validation: { min: 600, max: 1,'),
      expected: [
        error('invalid-validation', QUESTIONS, 25, 28, 'min (600) is above max (1)'),
        error('answer-invalid', 'clauses/scenarios/cloud-service.yaml', 6, 27, 'contractDurationMonths is 36, below the minimum of 600', 'Give a number of months between 1 and 600.'),
        error('answer-invalid', 'clauses/scenarios/works.yaml', 6, 27, 'contractDurationMonths is 6, below the minimum of 600', 'Give a number of months between 1 and 600.'),
      ],
    },
    { name: 'a pattern on a number', files: questionsWith(DURATION_V, "validation: { pattern: '^1', min: 1, max: 600,"), expected: [error('invalid-validation', QUESTIONS, 25, 23, 'a pattern only applies to text and list questions, not number')] },
    {
      name: 'min on a text',
      files: questionsWith(TITLE_Q, `${TITLE_Q}\n        validation: { min: 1 }`),
      expected: [error('invalid-validation', QUESTIONS, 13, 9, 'min and max apply to number, multiselect and list questions, not text', 'use minLength / maxLength')],
    },
    { name: 'minLength on a number', files: questionsWith(DURATION_V, 'validation: { minLength: 1, min: 1, max: 600,'), expected: [error('invalid-validation', QUESTIONS, 25, 9, 'minLength and maxLength apply to text and list questions, not number')] },
  ],
  'missing-fact': [
    {
      name: 'a yes/no question in conditions, without fact',
      files: questionsWith('        fact: { en: the contractor generates data }\n', ''),
      expected: [
        warning(
          'missing-fact',
          QUESTIONS,
          29,
          13,
          'generatesData is used in conditions but has no fact, so conditions read "the answer to … is yes"',
          'add fact: { … } — what holds when the answer is yes, such as "the contractor processes personal data"',
        ),
      ],
    },
  ],
  'unused-category': [
    {
      name: 'a category no template places',
      files: template('general', 'ownership, personal-data, security'),
      expected: [warning('unused-category', 'clauses/exit/handover.yaml', 4, 11, 'no template places category exit, so exit.handover never appears in a document', "add exit to a template's include list")],
    },
  ],
  'duplicate-include': [
    {
      name: 'a category and a clause placed twice',
      files: template('general, exit.handover', 'ownership, personal-data, security, exit, general, exit.handover'),
      expected: [
        warning('duplicate-include', TEMPLATE, 7, 57, 'category general is already placed earlier in this template', 'remove this entry'),
        warning('duplicate-include', TEMPLATE, 7, 66, 'exit.handover is already placed earlier in this template', 'remove this entry'),
      ],
    },
  ],
  'answer-type': [
    {
      name: 'text for a yes/no question',
      files: scenario('answers:\n  generatesData: "yes"\nexpect:\n  include: [general.definitions]\n'),
      expected: [error('answer-type', 'clauses/scenarios/s.yaml', 3, 18, 'generatesData must be true or false, not the text "yes"', 'write true or false (without quotes)')],
    },
  ],
  'answer-invalid': [
    {
      name: "outside the question's validation, with its message as the fix",
      files: scenario('answers:\n  contractDurationMonths: 0\nexpect:\n  include: [general.definitions]\n'),
      expected: [error('answer-invalid', 'clauses/scenarios/s.yaml', 3, 27, 'contractDurationMonths is 0, below the minimum of 1', 'Give a number of months between 1 and 600.')],
    },
  ],
  'answer-not-asked': [
    {
      name: 'an answer to a question the interview skips',
      files: scenario('answers:\n  generatesData: false\n  processesPersonalData: true\nexpect:\n  include: [general.definitions]\n'),
      expected: [warning('answer-not-asked', 'clauses/scenarios/s.yaml', 4, 3, 'processesPersonalData (generatesData) is answered but not asked for these answers; the answer is ignored', 'remove it, or change the answers that decide whether it is asked')],
    },
  ],
  'scenario-no-expectation': [
    { name: 'nothing expected', files: scenario('answers: {}\nexpect: {}\n'), expected: [warning('scenario-no-expectation', 'clauses/scenarios/s.yaml', 3, 9, 'the scenario expects nothing, so it can never fail', 'list clauses under expect.include and expect.exclude')] },
  ],
};

/** The mistake put right: no findings at all. */
const passing: Record<string, Record<string, string | null>[]> = {
  'yaml-syntax': [{ [X]: clause('exit.x', ['when: "generatesData"']) }],
  schema: [{ [X]: clause('exit.x', ['order: 5']) }],
  'unknown-field': [{ [X]: clause('exit.x') }],
  'invalid-semver': [{ [X]: clause('exit.x', [], { version: '1.0.0-rc.1+build.5' }).replace('version: 1.0.0, date', 'version: 1.0.0-rc.1+build.5, date') }],
  'missing-file': [{}],
  'duplicate-id': [{ [X]: clause('exit.x', [], { text: 'See {{ hostingNote }}.' }), ...withQuestion('      - { id: hostingNote, type: text, label: { en: h }, prompt: { en: h? } }\n') }],
  'id-path-mismatch': [{ [X]: clause('exit.x'), 'templates/other.yaml': 'id: other\ntitle: { en: Other }\nparts:\n  - heading: { en: General }\n    include: [general]\n' }],
  'unknown-category': [{ [X]: clause('exit.x', [], { category: 'exit' }) }],
  'unknown-reference': [
    { [X]: clause('exit.x', ['requires: [exit.handover]', 'excludes: [exit.old-handover]']) },
    { [X]: clause('exit.x', ['supersededBy: exit.handover'], { status: 'deprecated' }) },
    scenario('template: main\nanswers: {}\nexpect:\n  include: [general.definitions]\n  exclude: [exit.handover]\n'),
  ],
  'requires-cycle': [{ [X]: clause('exit.x', ['requires: [exit.y]']), [Y]: clause('exit.y', ['requires: [security.ens]']) }],
  'requires-and-excludes': [{ [X]: clause('exit.x', ['requires: [security.ens]', 'excludes: [exit.old-handover]']) }],
  // sensor-data (which requires exit.handover) applies only when data are generated.
  'requires-excluded': [{ [X]: clause('exit.x', ['when: not generatesData', 'excludes: [exit.handover]']) }],
  'exclude-chain': [{ [X]: clause('exit.x', ['when: generatesData', 'excludes: [security.self-assessment]']) }],
  // A draft may require a draft.
  'approved-requires-draft': [{ [X]: clause('exit.x', ['requires: [exit.long-contract]'], { status: 'draft' }) }],
  'template-deprecated-clause': [template('general, exit.handover', 'ownership, personal-data, security, exit')],
  'deprecated-without-successor': [{ [X]: clause('exit.x', ['supersededBy: exit.handover'], { status: 'deprecated' }) }],
  'missing-translation': [{ [X]: clause('exit.x', ['legalBasis: [{ ref: { en: "Law 9/2017 (LCSP), Article 122.2" } }]'], { title: '{ en: "A title" }' }) }],
  'unknown-language': [{ [X]: clause('exit.x', [], { title: '{ en: "A title" }' }) }],
  'unknown-placeholder': [{ [X]: clause('exit.x', [], { text: 'For {{ authorityName }} and {{authorityName}}.' }) }],
  'placeholder-syntax': [{ [X]: clause('exit.x', [], { text: 'For {{ contractTitle }}, in braces {like this}.' }) }],
  // The clause applies only when the question is asked.
  'placeholder-may-be-empty': [{ [X]: clause('exit.x', ['when: generatesData'], { text: 'The kinds are {{ dataKinds }}.' }) }],
  'unused-question': [{ ...withQuestion('      - { id: extraQuestion, type: text, label: { en: e }, prompt: { en: e? } }\n'), [X]: clause('exit.x', [], { text: 'See {{ extraQuestion }}.' }) }],
  'changelog-missing': [{ [X]: clause('exit.x', [], { version: '1.1.0' }).replace('changelog:\n', 'changelog:\n  - { version: 1.1.0, date: 2026-12-01, note: Clearer. }\n') }],
  'unsupported-markdown': [{ [X]: clause('exit.x', [], { text: '|\n    The Contractor **shall**, *where possible*:\n    1. keep them;\n       - safe.\n    2. return them.' }) }],
  'condition-syntax': [{ [X]: clause('exit.x', ['when: generatesData and (hosting == "none")']) }],
  'unknown-question': [{ [X]: clause('exit.x', ['when: generatesData']) }],
  'unknown-option': [{ [X]: clause('exit.x', ['when: hosting == "cloud-saas"']) }],
  'type-mismatch': [{ [X]: clause('exit.x', ['when: generatesData == true and hosting != "none"']) }],
  'unanswerable-question': [{ [X]: clause('exit.x', ['when: generatesData and not processesPersonalData']) }],
  'question-order': [questionsWith('        when: generatesData\n        label: { en: personal data processed }', '        when: generatesData and "personal" in dataKinds\n        label: { en: personal data processed }')],
  'dead-clause': [{ [X]: clause('exit.x', ['when: contractType == "works" or contractType == "services"']) }],
  'always-true': [
    { [X]: clause('exit.x', ['when: generatesData or contractType == "works"']) },
    { [X]: withPassages('exit.x', ['when: generatesData'], ['  - text: { en: "The Contractor shall:" }', '  - when: hosting != "none"', '    text: { en: "1. keep them." }']) },
  ],
  'dead-passage': [{ [X]: withPassages('exit.x', ['when: generatesData'], ['  - text: { en: "The Contractor shall:" }', '  - when: hosting == "cloud-saas"', '    text: { en: "1. keep them." }']) }],
  'definition-term': [{ [X]: withPassages('exit.x', [], ['  - defines: { en: Contractor }', '    text: { en: "- **the Contractor** means the company awarded the contract." }']) }],
  'unused-definition': [{ [X]: withPassages('exit.x', [], ['  - defines: { en: [Contractor, Contractors] }', '    text: { en: "- **the Contractor** means the company awarded the contract." }']) }],
  'dead-question': [questionsWith(DATA_WHEN, `${DATA_WHEN} and contractType != "works"`)],
  // With fewer values mentioned, the condition is analysed.
  'not-analysed': [
    {
      ...withQuestion('      - { id: cpvCodes, type: list, label: { en: CPV codes }, prompt: { en: Which CPV codes? } }\n'),
      [X]: clause('exit.x', [`when: '${'abcdefghijkl'.split('').map((c) => `"${c}" in cpvCodes`).join(' or ')}'`]),
    },
  ],
  'question-options': [
    {
      ...withQuestion('      - { id: authorityKind, type: select, label: { en: k }, prompt: { en: k? }, options: [{ value: city, label: { en: City } }, { value: region, label: { en: Region } }] }\n'),
      [X]: clause('exit.x', ['when: authorityKind == "city"']),
    },
  ],
  'invalid-default': [questionsWith('        fact: { en: the contractor generates data }', '        fact: { en: the contractor generates data }\n        default: false')],
  'invalid-validation': [questionsWith(TITLE_Q, `${TITLE_Q}\n        validation: { pattern: '^[A-Z]', minLength: 3, maxLength: 200 }`)],
  'missing-fact': [{}],
  'unused-category': [template('general, exit.handover', 'ownership, personal-data, security, exit')],
  'duplicate-include': [template('general, security.ens', 'ownership, personal-data, security, exit')],
  'answer-type': [scenario('answers:\n  generatesData: true\n  dataKinds: [sensor]\nexpect:\n  include: [ownership.sensor-data]\n')],
  'answer-invalid': [scenario('answers:\n  contractDurationMonths: 600\nexpect:\n  exclude: [exit.long-contract]\n')],
  'answer-not-asked': [scenario('answers:\n  generatesData: true\n  processesPersonalData: true\nexpect:\n  include: [personal-data.processor]\n')],
  'scenario-no-expectation': [scenario('answers: {}\nexpect: { exactly: true }\n')],
};

describe('the fixture', () => {
  test('tests/fixtures/basic lints clean', () => {
    expect(lintBasic()).toEqual([]);
  });

  test('every rule lint knows has a failing and a passing case here (or is a version or layer rule)', () => {
    const covered = Object.keys(failing).filter((id) => failing[id]!.length > 0 && (passing[id]?.length ?? 0) > 0);
    expect([...covered, ...VERSION_RULES, ...LAYER_RULES].sort()).toEqual(Object.keys(rules).sort());
  });
});

describe.each(Object.keys(failing))('%s', (ruleId) => {
  test.each(failing[ruleId]!.map((c) => [c.name, c] as const))('fails: %s', (_name, c) => {
    const findings = lintBasic(c.files);
    expect(findings).toEqual(c.expected);
    // The rule under test is among them, at its default severity (unknown-question in answers is a warning by design).
    expect(findings.some((f) => f.ruleId === ruleId)).toBe(true);
  });

  test.each((passing[ruleId] ?? []).map((files, i) => [i + 1, files] as const))('passes: case %i', (_i, files) => {
    expect(lintBasic(files)).toEqual([]);
  });
});

describe('severities are the rules’ defaults', () => {
  test.each(Object.keys(failing))('%s', (ruleId) => {
    const own = failing[ruleId]!.flatMap((c) => c.expected).filter((f) => f.ruleId === ruleId && !(ruleId === 'unknown-question' && f.file.startsWith('clauses/scenarios/')));
    for (const f of own) expect(f.severity).toBe(rules[ruleId]!.severity);
  });
});

describe('a library with many mistakes', () => {
  test('every mistake is reported, with its rule and exact position', () => {
    const findings = lintBasic({
      [X]: clause('exit.x', ['when: generatesData && hosting == "none"', 'requires: [exit.handovr]'], { version: '1.1.0', text: 'For {{ authorityNme }}.' }),
      [Y]: clause('exit.y', ['when: contractType == "works" and contractType == "services"', 'excludes: [security.certification]'], { title: '{ en: "A title", fr: "Un titre" }' }),
      'clauses/security/z.yaml': clause('security.z', ['titel: { en: x }']),
      'clauses/ownership/generated-data.yaml': basic('clauses/ownership/generated-data.yaml').replace('contractType != "works"', 'contractType != "wroks"'),
      'clauses/personal-data/breach.yaml': basic('clauses/personal-data/breach.yaml').replace('status: approved', 'status: approved\nstatus: draft'),
      [QUESTIONS]: questionsYaml.replace(TITLE_Q, `${TITLE_Q}\n        when: generatesData`) + '      - { id: extraQuestion, type: boolean, label: { en: e }, prompt: { en: e? } }\n',
      [TEMPLATE]: 'id: main\ntitle: { en: Data clauses }\nparts:\n  - heading: { en: General }\n    include: [general, exit.old-handover]\n  - heading: { en: Data }\n    include: [ownership, personal-data, security, exit]\n',
      'clauses/scenarios/s.yaml': 'name: Bad answers\nanswers:\n  generatesData: "yes"\nexpect: {}\n',
    });
    expect(findings).toEqual([
      error('condition-syntax', X, 6, 21, 'the condition does not parse: unexpected "&"', 'write `and` / `or`'),
      error('unknown-reference', X, 7, 12, 'requires names exit.handovr, which is not a clause of this library', 'did you mean exit.handover?'),
      error('unknown-placeholder', X, 9, 11, 'no question provides {{ authorityNme }}', 'did you mean authorityName?'),
      error('changelog-missing', X, 11, 1, 'the changelog has no entry for the current version 1.1.0', 'add - { version: 1.1.0, date: YYYY-MM-DD, note: what changed }'),
      warning('unknown-language', Y, 5, 25, "the title has a fr version, but the library's languages are en", 'add fr to languages in clauses/library.yaml, or remove this text'),
      error('dead-clause', Y, 6, 7, 'no answers can satisfy this condition, so exit.y is never selected', 'check the values it compares and the skip logic (`when`) of the questions it uses'),
      warning('exclude-chain', Y, 7, 12, 'exit.y excludes security.certification, which itself excludes security.self-assessment', 'exclude directly what should be left out'),
      error('unknown-option', 'clauses/ownership/generated-data.yaml', 6, 42, '"wroks" is not an option of contractType', 'did you mean works?'),
      error('yaml-syntax', 'clauses/personal-data/breach.yaml', 4, 1, 'duplicate key: status appears twice in the same mapping', 'remove one of the two entries'),
      error('question-order', QUESTIONS, 13, 15, 'contractTitle depends on generatesData, which is asked after it', 'move generatesData before contractTitle in clauses/questions.yaml'),
      warning('unused-question', QUESTIONS, 68, 15, 'question extraQuestion is not used by any condition or clause text', 'use it in a clause or remove it; removing a question is a major change'),
      error('answer-type', 'clauses/scenarios/s.yaml', 3, 18, 'generatesData must be true or false, not the text "yes"', 'write true or false (without quotes)'),
      warning('scenario-no-expectation', 'clauses/scenarios/s.yaml', 4, 9, 'the scenario expects nothing, so it can never fail', 'list clauses under expect.include and expect.exclude'),
      warning('answer-not-asked', 'clauses/scenarios/works.yaml', 4, 3, 'contractTitle (generatesData) is answered but not asked for these answers; the answer is ignored', 'remove it, or change the answers that decide whether it is asked'),
      error('unknown-field', 'clauses/security/z.yaml', 6, 1, 'unknown field "titel"', 'did you mean title?'),
      error('template-deprecated-clause', TEMPLATE, 5, 24, 'the template places exit.old-handover, which is deprecated', 'use exit.handover instead'),
    ]);
    expect(new Set(findings.map((f) => f.ruleId)).size).toBe(16);
  });
});

describe('whole small libraries', () => {
  const tiny = {
    'clauses/library.yaml': 'id: tiny\ntitle: { en: Tiny, es: Diminuta }\nversion: 1.0.0\nlanguages: [en, es]\ncategories:\n  - id: general\n    title: { en: General, es: General }\n',
    'clauses/questions.yaml': 'sections:\n  - id: s\n    title: { en: S, es: S }\n    questions:\n      - { id: authorityName, type: text, label: { en: a, es: a }, prompt: { en: a?, es: a? } }\n',
    'clauses/general/scope.yaml': 'id: general.scope\nversion: 1.0.0\nstatus: approved\ncategory: general\ntitle: { en: Scope, es: Ámbito }\ntext:\n  en: For {{ authorityName }}.\n  es: Para {{ authorityName }}.\nguidance: { en: G, es: G }\nlegalBasis: [{ ref: { en: "Law 9/2017, Article 1", es: "Ley 9/2017, art. 1" } }]\nchangelog:\n  - { version: 1.0.0, date: 2026-11-20, note: First. }\n',
    'templates/main.yaml': 'id: main\ntitle: { en: T, es: T }\nparts:\n  - heading: { en: H, es: H }\n    include: [general]\n',
  };

  test('a two-language library lints clean', () => {
    expect(lintDir(testdir(tiny))).toEqual([]);
  });

  test('a text missing in one language, in every kind of file', () => {
    const dir = testdir({
      ...tiny,
      'clauses/library.yaml': tiny['clauses/library.yaml'].replace('title: { en: General, es: General }', 'title: { en: General }'),
      'clauses/questions.yaml': tiny['clauses/questions.yaml'].replace('prompt: { en: a?, es: a? }', 'prompt: { en: a? }'),
      'clauses/general/scope.yaml': tiny['clauses/general/scope.yaml'].replace('  es: Para {{ authorityName }}.\n', '').replace('legalBasis: [{ ref: { en: "Law 9/2017, Article 1", es: "Ley 9/2017, art. 1" } }]', 'legalBasis:\n  - ref: { en: "Law 9/2017, Article 1" }'),
      'templates/main.yaml': tiny['templates/main.yaml'].replace('heading: { en: H, es: H }', 'heading: { es: H }'),
    });
    expect(lintDir(dir)).toEqual([
      error('missing-translation', 'clauses/general/scope.yaml', 6, 1, 'the text has no es version', 'add es: …'),
      error('missing-translation', 'clauses/general/scope.yaml', 10, 5, 'legal basis 1 has no es version', 'add es: …'),
      error('missing-translation', 'clauses/library.yaml', 7, 5, 'the title of category general has no es version', 'add es: …'),
      error('missing-translation', 'clauses/questions.yaml', 5, 67, 'the prompt of authorityName has no es version', 'add es: …'),
      error('missing-translation', 'templates/main.yaml', 4, 5, 'the heading of part 1 has no en version', 'add en: …'),
    ]);
  });
});
