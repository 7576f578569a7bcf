import { checkAnswers } from '../../library/validate-answers.js';
import type { Check } from '../context.js';

/** Scenario answers are valid answers: known questions, right types, options that exist. */
export const checkScenarioAnswers: Check = (ctx) => {
  // Without a readable questions.yaml every answer would be "unknown": its own error comes first.
  if (!ctx.library.interview) return;
  // Lint speaks English (the maintainers' tool); a library's own validation messages in English when it has them.
  const language = 'en';
  for (const scenario of ctx.library.scenarios) {
    const { findings } = checkAnswers(ctx.library, scenario.value.answers, scenario.source, ['answers'], language);
    ctx.findings.push(...findings);
  }
};
