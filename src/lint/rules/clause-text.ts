import { suggestion } from '../../text/did-you-mean.js';
import { isValidPlaceholderName, placeholdersIn, strayBraces, unsupportedMarkdown } from '../../text/clause-text.js';
import { findAnswers } from '../../expr/analyse.js';
import { questionIdsOf } from '../../expr/ast.js';
import { evaluate } from '../../expr/evaluate.js';
import type { Check } from '../context.js';
import type { Expr } from '../../expr/ast.js';
import { clauseTexts, passagesOf } from '../../text/passages.js';

/** Questions documents print on their cover (DocumentModel.cover), so they count as used. */
export const COVER_QUESTIONS = ['authorityName', 'contractTitle', 'contractReference', 'contractType', 'cpvCodes', 'contractDurationMonths'];

/** Clause text: supported Markdown only; placeholders that name questions answered whenever the clause applies. */
export const checkClauseText: Check = (ctx) => {
  const { library } = ctx;
  const questionIds = [...library.questions.keys()];
  for (const clause of library.clauses) {
    const clauseCondition = ctx.clauseConditions.get(clause.value.id);
    const passages = passagesOf(clause.value.text);
    const checkedEmpty = new Set<string>();
    for (const { passage, text, path } of clauseTexts(clause.value)) {
      // A placeholder is filled when its passage prints: the clause applies and the passage's own condition holds.
      const passageWhen = passages[passage]!.when;
      const passageCondition = ctx.passageConditions.get(clause.value.id)?.get(passage);
      if (passageWhen !== undefined && !passageCondition) continue; // its syntax error is reported with the conditions
      const conditions = [clauseCondition, passageCondition].filter((e): e is Expr => e !== undefined);
      for (const u of unsupportedMarkdown(text)) {
        ctx.report({
          ruleId: 'unsupported-markdown',
          source: clause.source,
          path,
          inString: { value: text, offset: u.offset, length: u.length },
          message: `clause text cannot contain ${u.what}`,
          fix: 'use paragraphs, lists, **bold** and *italic* only; legal references go in legalBasis',
        });
      }
      for (const offset of strayBraces(text)) {
        ctx.report({
          ruleId: 'placeholder-syntax',
          source: clause.source,
          path,
          inString: { value: text, offset, length: 2 },
          message: 'stray template braces: placeholders are written {{ questionId }}',
          fix: 'close the placeholder, or remove the braces',
        });
      }
      for (const use of placeholdersIn(text)) {
        const inString = { value: text, offset: use.offset, length: use.length };
        if (!isValidPlaceholderName(use.name)) {
          ctx.report({
            ruleId: 'placeholder-syntax',
            source: clause.source,
            path,
            inString,
            message: `"${use.name}" is not a placeholder clausula can fill: placeholders name one question, without filters or expressions`,
            fix: 'write {{ questionId }}',
          });
          continue;
        }
        const entry = library.questions.get(use.name);
        if (!library.interview) continue; // every name would be unknown: questions.yaml's own error comes first
        if (!entry) {
          ctx.report({
            ruleId: 'unknown-placeholder',
            source: clause.source,
            path,
            inString,
            message: `no question provides {{ ${use.name} }}`,
            fix: suggestion(use.name, questionIds) ?? 'add the question to clauses/questions.yaml, or remove the placeholder',
          });
          continue;
        }
        const key = `${passage}:${use.name}`;
        if (checkedEmpty.has(key)) continue;
        checkedEmpty.add(key);
        // Can the passage print while this question has no answer? Only optionality or skip logic can empty it.
        if (clause.value.when !== undefined && !clauseCondition) continue;
        const whenQ = ctx.questionConditions.get(use.name);
        let canBeEmpty = entry.question.required === false;
        if (!canBeEmpty && whenQ) {
          const result = findAnswers({
            exprs: [...conditions, whenQ],
            questions: library.questions,
            whenOf: (id) => ctx.questionConditions.get(id),
            predicate: (answers) => conditions.every((c) => evaluate(c, answers)) && !evaluate(whenQ, answers),
          });
          canBeEmpty = result.analysed && result.found !== null;
        }
        if (canBeEmpty) {
          ctx.report({
            ruleId: 'placeholder-may-be-empty',
            source: clause.source,
            path,
            inString,
            message:
              entry.question.required === false
                ? `{{ ${use.name} }} is an optional question, so the document may show a blank here`
                : `{{ ${use.name} }} may be unanswered when this ${passageWhen !== undefined ? 'passage prints' : 'clause applies'} (it is asked only when ${entry.question.when})`,
            fix:
              entry.question.required === false
                ? 'make the question required, or word the clause without it'
                : `narrow the ${passageWhen !== undefined ? "passage's" : "clause's"} condition so it implies ${entry.question.when}`,
          });
        }
      }
    }
  }
};

/** Questions nobody reads. */
export const checkUnusedQuestions: Check = (ctx) => {
  const { library } = ctx;
  if (!library.interview) return;
  const used = new Set<string>(COVER_QUESTIONS);
  for (const expr of ctx.clauseConditions.values()) for (const id of questionIdsOf(expr)) used.add(id);
  for (const expr of ctx.questionConditions.values()) for (const id of questionIdsOf(expr)) used.add(id);
  for (const exprs of ctx.passageConditions.values()) for (const expr of exprs.values()) for (const id of questionIdsOf(expr)) used.add(id);
  for (const clause of library.clauses) for (const { text } of clauseTexts(clause.value)) for (const p of placeholdersIn(text)) used.add(p.name);
  for (const entry of library.questions.values()) {
    if (used.has(entry.question.id)) continue;
    ctx.report({
      ruleId: 'unused-question',
      ...entry.at('id'),
      message: `question ${entry.question.id} is not used by any condition or clause text`,
      fix: 'use it in a clause or remove it; removing a question is a major change',
    });
  }
};
