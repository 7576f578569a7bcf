import { answerProblem } from '../../library/validate-answers.js';
import { compilePattern } from '../../library/validation-pattern.js';
import { ownLayer } from '../../library/model.js';
import type { Check } from '../context.js';

/** Questions are well formed: unique ids, options where they belong, usable defaults and validation. */
export const checkQuestions: Check = (ctx) => {
  const { library } = ctx;
  if (!library.interview) return;
  // Lint speaks English (the maintainers' tool); a library's own validation messages in English when it has them.
  const language = 'en';
  const usedInConditions = new Set<string>();
  for (const expr of [...ctx.clauseConditions.values(), ...ctx.questionConditions.values()]) {
    const walk = (e: typeof expr): void => {
      if (e.kind === 'ref') usedInConditions.add(e.name);
      else if (e.kind === 'not') walk(e.operand);
      else if ('left' in e) {
        walk(e.left);
        walk(e.right);
      }
    };
    walk(expr);
  }

  // Ids given twice in the library's own questions.yaml (a base's file is the base's to lint).
  const file = ownLayer(library)?.questions;
  if (file) {
    const source = file.source;
    const seenQuestions = new Map<string, string>();
    const seenSections = new Set<string>();
    file.value.sections.forEach((section, s) => {
      if (seenSections.has(section.id)) ctx.report({ ruleId: 'duplicate-id', source, path: ['sections', s, 'id'], message: `section id ${section.id} is used twice` });
      seenSections.add(section.id);
      (section.questions ?? []).forEach((q, i) => {
        const base = ['sections', s, 'questions', i];
        const first = seenQuestions.get(q.id);
        if (first) ctx.report({ ruleId: 'duplicate-id', source, path: [...base, 'id'], message: `question id ${q.id} is already used in section ${first}`, fix: 'give each question its own id' });
        else seenQuestions.set(q.id, section.id);
        const values = new Set<string>();
        (q.options ?? []).forEach((o, k) => {
          if (values.has(o.value)) ctx.report({ ruleId: 'duplicate-id', source, path: [...base, 'options', k, 'value'], message: `option ${o.value} of ${q.id} is listed twice` });
          values.add(o.value);
        });
      });
    });
  }

  for (const entry of library.questions.values()) {
    const q = entry.question;
    const at = (field: string, ...rest: (string | number)[]) => {
      const where = entry.at(field);
      return { source: where.source, path: [...where.path, ...rest] };
    };
    const choice = q.type === 'select' || q.type === 'multiselect';
    if (choice && !q.options) {
      ctx.report({ ruleId: 'question-options', ...at('type'), message: `${q.id} is a ${q.type} question without options`, fix: 'add options: [{ value: …, label: { … } }]' });
    }
    if (!choice && q.options) {
      ctx.report({ ruleId: 'question-options', ...at('options'), target: 'key', message: `${q.id} is a ${q.type} question; only select and multiselect questions have options`, fix: 'remove the options, or change the type' });
    }
    const v = q.validation;
    if (v) {
      if (v.pattern !== undefined) {
        const pattern = compilePattern(v.pattern);
        if (!pattern.ok) {
          ctx.report({
            ruleId: 'invalid-validation',
            ...at('validation', 'pattern'),
            message: pattern.message,
            fix: pattern.fix,
          });
        }
        if (q.type !== 'text' && q.type !== 'list') ctx.report({ ruleId: 'invalid-validation', ...at('validation', 'pattern'), target: 'key', message: `a pattern only applies to text and list questions, not ${q.type}` });
      }
      if (v.min !== undefined && v.max !== undefined && v.min > v.max) {
        ctx.report({ ruleId: 'invalid-validation', ...at('validation', 'min'), message: `min (${v.min}) is above max (${v.max})` });
      }
      if ((v.min !== undefined || v.max !== undefined) && !['number', 'multiselect', 'list'].includes(q.type)) {
        ctx.report({ ruleId: 'invalid-validation', ...at('validation'), target: 'key', message: `min and max apply to number, multiselect and list questions, not ${q.type}`, fix: q.type === 'text' ? 'use minLength / maxLength' : 'remove them' });
      }
      if ((v.minLength !== undefined || v.maxLength !== undefined) && q.type !== 'text' && q.type !== 'list') {
        ctx.report({ ruleId: 'invalid-validation', ...at('validation'), target: 'key', message: `minLength and maxLength apply to text and list questions, not ${q.type}` });
      }
    }
    if (q.default !== undefined && q.default !== null) {
      const problem = answerProblem(q, q.default, language);
      if (problem) ctx.report({ ruleId: 'invalid-default', ...at('default'), message: `the default is not a valid answer: ${problem.message}`, fix: problem.fix });
    }
    if (q.type === 'boolean' && !q.fact && usedInConditions.has(q.id)) {
      ctx.report({
        ruleId: 'missing-fact',
        ...at('id'),
        message: `${q.id} is used in conditions but has no fact, so conditions read "the answer to … is yes"`,
        fix: 'add fact: { … } — what holds when the answer is yes, such as "the contractor processes personal data"',
      });
    }
  }
};
