import type { Clause, Passage } from '../schema/clause.js';
import { evaluate, type Answers } from '../expr/evaluate.js';
import { parseCondition } from '../expr/parse.js';
import { pick } from '../library/model.js';
import { passagesOf, termForms, usesTerm } from '../text/passages.js';

/** Whether a passage's own condition holds for the answers (no condition: it holds; one that does not parse: it does not). */
export function passageHolds(passage: Passage, answers: Answers): boolean {
  if (passage.when === undefined) return true;
  const parsed = parseCondition(passage.when);
  return parsed.ok && evaluate(parsed.expr, answers);
}

/**
 * Which passages of each clause of one document print, by clause id. A passage prints
 * when its condition holds; a definition (`defines`), besides, only when the rest of the
 * document uses its term: its other clauses' printed text and titles, the headings and
 * introductions in `otherText`, and the definitions already printed (a definition may use
 * another defined term).
 */
export function choosePassages(clauses: readonly Clause[], answers: Answers, language: string, fallback: string | undefined, otherText: readonly string[] = []): Map<string, boolean[]> {
  const text = (t: Record<string, string>) => pick(t, language, fallback);
  const used: string[] = [...otherText];
  const definitions: { printed: boolean[]; index: number; forms: string[]; text: string }[] = [];
  const chosen = new Map<string, boolean[]>();
  for (const clause of clauses) {
    used.push(text(clause.title));
    const passages = passagesOf(clause.text);
    const printed = passages.map((passage) => passageHolds(passage, answers) && passage.defines === undefined);
    passages.forEach((passage, index) => {
      if (printed[index]) used.push(text(passage.text));
      else if (passage.defines !== undefined && passageHolds(passage, answers)) definitions.push({ printed, index, forms: termForms(passage, language, fallback), text: text(passage.text) });
    });
    chosen.set(clause.id, printed);
  }
  // Until no further definition is needed: each printed one may bring in the terms it uses.
  let corpus = used.join('\n');
  for (let progress = true; progress; ) {
    progress = false;
    for (const p of definitions) {
      if (p.printed[p.index] || !usesTerm(corpus, p.forms)) continue;
      p.printed[p.index] = true;
      corpus += '\n' + p.text;
      progress = true;
    }
  }
  return chosen;
}
