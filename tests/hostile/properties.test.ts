import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { stringify } from 'yaml';
import { describe, expect, test } from 'vitest';
import { buildDocument } from '../../src/assemble/document.js';
import { literalAnswer } from '../../src/text/literal.js';
import { selectClauses } from '../../src/assemble/select.js';
import { chooseTemplate } from '../../src/library/choose-template.js';
import { loadLibrary } from '../../src/library/load-library.js';
import { answerProblem, isAsked, questionConditions } from '../../src/library/validate-answers.js';
import { renderDocument } from '../../src/render/index.js';
import type { AnswerValue } from '../../src/schema/common.js';
import type { Question } from '../../src/schema/questions.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { docxParts, paragraphs } from '../helpers/docx.js';
import { suiteFixture } from '../helpers/suite-dir.js';
import { expectNoPrototypePollution } from './guard.js';

/**
 * Properties over random input (fast-check):
 * - any answers of the right types for the shipped questions.yaml build a document, in Markdown
 *   and in Word, whose text reads back with every text answer in it, as typed;
 * - random YAML and random bytes in any library file never crash lint: findings or clean.
 * Random conditions through the parser are in tests/expr/parse.test.ts, and through the
 * checker, evaluator and describer in tests/hostile/conditions.test.ts.
 */

const library = loadLibrary(REPO_ROOT);
const whens = questionConditions(library);
const entries = [...library.questions.values()];

// What officers paste: markup of every format we write, template syntax, entities, right-to-left
// text and its override mark, emoji with joiners, control characters, line and paragraph breaks.
const PIECES = ['<w:t>x</w:t>', '</w:p><w:p>', '<script>alert(1)</script>', ']]>', '**bold**', '_it_', '# h', '- item', '1. one', '> q', '[l](http://e)', '![i](x)', '`c`', '{{ authorityName }}', '{% include "/etc/passwd" %}', '&amp;', '&#0;', '&', '<', '"', "'", '|', '\\', '*', 'שלום', 'مرحبا', '\u202e', '🏛️', '👩‍⚖️', '\u0000', '\u0007', '\u001b[31m', '\u007f', '\u0085', '\t', '\n', '\r\n', '\u2028', '\uffff', '\ud800', ' ', '  '];
const messy = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'grapheme', maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 8 }).map((parts) => parts.join(''));

function text(q: Question): fc.Arbitrary<string> {
  const v = q.validation;
  if (v?.pattern !== undefined) return fc.stringMatching(new RegExp(v.pattern, 'u'));
  // A CPV code: a division of the vocabulary, six digits, the check digit.
  if (v?.format === 'cpv') return fc.tuple(fc.constantFrom('03', '30', '45', '48', '72', '98'), fc.stringMatching(/^\d{6}-\d$/)).map(([d, rest]) => d + rest);
  const min = v?.minLength ?? 0;
  const max = v?.maxLength ?? 400;
  return messy.map((s) => (s.length < min ? s + 'Ab'.repeat(min) : s).slice(0, Math.max(min, max)));
}

function value(q: Question): fc.Arbitrary<AnswerValue> {
  const v = q.validation;
  const options = (q.options ?? []).map((o) => o.value);
  switch (q.type) {
    case 'boolean':
      return fc.boolean();
    case 'number':
      if (v?.integer) return fc.integer({ min: v?.min ?? -1e6, max: v?.max ?? 1e6 });
      return fc.oneof(fc.integer({ min: v?.min ?? -1e6, max: v?.max ?? 1e6 }), fc.double({ min: v?.min ?? -1e6, max: v?.max ?? 1e6, noNaN: true }));
    case 'date':
      return fc.date({ min: new Date('1990-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'select':
      return fc.constantFrom(...options);
    case 'multiselect':
      return fc.subarray(options, { minLength: Math.min(v?.min ?? 0, options.length), maxLength: v?.max ?? options.length });
    case 'list':
      return fc.array(text(q), { minLength: v?.min ?? 0, maxLength: Math.min(v?.max ?? 4, 4) });
    case 'text':
      return text(q);
  }
}

/** A value for every question, then only those asked given the others (skip logic). */
const answersArbitrary = fc
  .tuple(fc.constantFrom('ca', 'es', 'en'), fc.tuple(...entries.map((e) => value(e.question))))
  .map(([language, values]) => {
    const answers = new Map<string, AnswerValue>(entries.map((e, i) => [e.question.id, values[i]!]));
    // Drop the answers to questions that would not be asked, until no more drop out.
    for (let changed = true; changed; ) {
      changed = false;
      for (const entry of entries) {
        if (answers.has(entry.question.id) && !isAsked(entry, answers, whens)) {
          answers.delete(entry.question.id);
          changed = true;
        }
      }
    }
    return { language, answers };
  });

/** Every text answer (list items one by one) as the document must show it. */
function textAnswers(answers: ReadonlyMap<string, AnswerValue>): string[] {
  const out: string[] = [];
  for (const [id, v] of answers) {
    const type = library.questions.get(id)!.question.type;
    if (type === 'text' && typeof v === 'string') out.push(v);
    if (type === 'list' && Array.isArray(v)) out.push(...v);
  }
  // An answer is one line of literal text: line ends and tabs become spaces, and the control
  // characters XML cannot hold (and DEL, C1, lone surrogates, U+FFFF) are dropped (README: Reliability).
  return out.map(literalAnswer).filter((s) => s.trim() !== '');
}

async function build(language: string, answers: Map<string, AnswerValue>, format: 'md' | 'docx') {
  for (const [id, v] of answers) {
    const problem = answerProblem(library.questions.get(id)!.question, v, language);
    if (problem) throw new Error(`generated an invalid answer for ${id}: ${problem.message}`);
  }
  // One document of the tender: its answers annex holds every answer.
  const template = chooseTemplate(library, 'pcap-data-clauses', undefined, language)!;
  const selection = selectClauses(library.clauses.map((c) => c.value), answers);
  const date = new Date(Date.UTC(2027, 0, 31));
  const model = buildDocument(library, template, selection, answers, { language, date });
  return renderDocument(format, model, { date });
}

/** The text a CommonMark reader gets from Markdown: every text node, escapes and entities decoded. */
function markdownText(md: string): string {
  const parts: string[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'text') parts.push(node.value);
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(fromMarkdown(md));
  return parts.join('');
}

describe('any answers of the right types build a document that holds every text answer as typed', () => {
  test('Markdown: read back by a CommonMark parser', async () => {
    await fc.assert(
      fc.asyncProperty(answersArbitrary, async ({ language, answers }) => {
        const md = (await build(language, answers, 'md')) as string;
        const read = markdownText(md);
        for (const answer of textAnswers(answers)) expect(read).toContain(answer);
      }),
      { numRuns: 20 },
    );
  });

  test('Word: read back from word/document.xml, paragraph by paragraph', async () => {
    await fc.assert(
      fc.asyncProperty(answersArbitrary, async ({ language, answers }) => {
        const docx = (await build(language, answers, 'docx')) as Uint8Array;
        const xml = (await docxParts(docx)).get('word/document.xml')!;
        const read = paragraphs(xml).join('\n');
        for (const answer of textAnswers(answers)) expect(read).toContain(answer);
        // Well-formed as XML 1.0: no character it cannot hold.
        expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
      }),
      { numRuns: 15 },
    );
  });
});

describe('random YAML and random bytes never crash lint', () => {
  const VICTIMS = ['clauses/security/ens.yaml', 'clauses/questions.yaml', 'clauses/library.yaml', 'templates/main.yaml', 'clauses/scenarios/works.yaml'];
  const FIELDS = ['id', 'version', 'status', 'category', 'order', 'title', 'when', 'requires', 'excludes', 'supersededBy', 'text', 'guidance', 'legalBasis', 'changelog', 'sections', 'questions', 'options', 'type', 'languages', 'categories', 'parts', 'include', 'annexes', 'answers', 'expect', 'en', 'value', 'label', '__proto__', 'constructor'];
  const scalar = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('1.0.0', 'approved', 'security', 'security.ens', 'generatesData', 'ensCategory == "high"', '{{ authorityName }}', 'en', 'main', '| a |'), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
  const tree = fc.letrec<{ node: unknown }>((tie) => ({
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 6 })), tie('node'), { maxKeys: 6 })),
  })).node;
  const yamlText = fc.oneof(
    tree.map((t) => stringify(t) ?? ''),
    fc.anything().map((t) => stringify(t) ?? ''),
    fc.string({ unit: 'binary', maxLength: 200 }),
  );
  const bytes = fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b));

  // One library copy for all runs: each run writes its victim file, lints, and puts it back.
  const lib = suiteFixture('basic');
  const originals = new Map(VICTIMS.map((v) => [v, readFileSync(join(lib, v))]));
  // Mangle a real file too: random edits keep most of its structure, which reaches deeper rules.
  const edits = fc.constantFrom(...VICTIMS).chain((victim) =>
    fc.tuple(fc.constant(victim), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 8 }), fc.constantFrom('', ':', '- ', '  ', '\n', '[', '{', '"', "'", '*a', '&a ', '#', '\t', '|', '>', '?', '!!str ', '\u0000', 'é')), { maxLength: 5 }).map((ops) => {
      let s = originals.get(victim)!.toString('utf8');
      for (const [at, del, insert] of ops) {
        const i = at % (s.length + 1);
        s = s.slice(0, i) + insert + s.slice(i + del);
      }
      return s;
    })),
  );

  test('lint exits 0, 1 or 2 with findings or a clean report, never an internal error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.tuple(fc.constantFrom(...VICTIMS), fc.oneof(yamlText, bytes)), edits), async ([victim, content]) => {
        writeFileSync(join(lib, victim), content);
        try {
          const result = await runCli(['lint', lib, '--format', 'json']);
          expect([0, 1]).toContain(result.code);
          expect(result.stderr).toBe('');
          const report = JSON.parse(result.stdout) as { findings?: unknown[] } | unknown[];
          expect(report).toBeTruthy();
        } finally {
          writeFileSync(join(lib, victim), originals.get(victim)!);
        }
      }),
      { numRuns: 80 },
    );
    expectNoPrototypePollution();
  });
});
