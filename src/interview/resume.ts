import { InputError } from '../errors.js';
import type { Finding } from '../finding.js';
import type { Library } from '../library/model.js';
import { answerProblem, checkAnswers } from '../library/validate-answers.js';
import { validateSchema } from '../library/validate-schema.js';
import { readYamlFile } from '../library/yaml-source.js';
import type { AnswersFile } from '../schema/answers.js';
import type { AnswerValue } from '../schema/common.js';
import { messages } from '../text/messages/index.js';
import type { Session } from './state.js';

export interface ResumedFile {
  /** The answers, and the answers set aside: those under `setAside:` and those given to questions not asked. */
  session: Session;
  language: string | undefined;
  template: string | undefined;
  /** The release the file names (`library:`), if any. */
  release: string | undefined;
  /** Answers ignored, with positions: unknown ids, answers to questions that are not asked. */
  ignored: Finding[];
  /**
   * Answers of the wrong type or not among the options: asked again rather than
   * refused, since the interview is how an officer repairs the file.
   */
  rejected: Finding[];
  /**
   * The values of those rejected answers, as the file has them, by question id: a face that
   * shows them at their question (the web page) writes them back until they are replaced,
   * so an answer that does not validate is never dropped unseen.
   */
  invalid: Map<string, AnswerValue>;
}

/**
 * Read an answers file to carry on with. A file that is not an answers file at all is
 * refused, untouched; `language` is the language of those messages (the file's own is not
 * known yet).
 */
export function readForResume(library: Library, absolutePath: string, display: string, language: string): ResumedFile {
  const t = messages(language).interview;
  const { source, findings } = readYamlFile(absolutePath, display);
  if (findings.length > 0) throw new InputError(messages(language).answers.cannotRead(display), t.fixYamlOrNew, findings);
  const schemaFindings = validateSchema('answers', source);
  if (schemaFindings.length > 0) throw new InputError(t.notAnswersFile(display), t.giveAnswersOrNew, schemaFindings);
  const file = source.data as AnswersFile;
  const answersLanguage = file.language ?? language;
  const checked = checkAnswers(library, file.answers, source, ['answers'], answersLanguage);
  const answers = new Map(checked.answers);
  const invalid = new Map<string, AnswerValue>();
  // A blank answer to a question that is asked means "asked, left empty": keep it, so it is not asked again.
  for (const [id, value] of Object.entries(file.answers)) {
    const entry = library.questions.get(id);
    if (!entry || checked.notAsked.has(id)) continue;
    if (value === null || value === '') answers.set(id, null);
    else if (answerProblem(entry.question, value, answersLanguage)) invalid.set(id, value);
  }
  const aside = new Map(checked.notAsked);
  for (const [id, value] of Object.entries(file.setAside ?? {})) if (library.questions.has(id) && !answers.has(id) && !aside.has(id)) aside.set(id, value);
  return {
    session: { answers, aside },
    language: file.language,
    template: file.template,
    release: file.library,
    ignored: checked.findings.filter((f) => f.severity !== 'error' && f.ruleId !== 'answer-not-asked'),
    rejected: checked.findings.filter((f) => f.severity === 'error'),
    invalid,
  };
}
