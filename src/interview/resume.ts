import { InputError } from '../errors.js';
import type { Finding } from '../finding.js';
import type { Library } from '../library/model.js';
import { answerProblem, checkAnswers } from '../library/validate-answers.js';
import { validateSchema } from '../library/validate-schema.js';
import { readYamlFile } from '../library/yaml-source.js';
import type { AnswersFile } from '../schema/answers.js';
import type { AnswerValue } from '../schema/common.js';
import type { AnswerState } from './state.js';

export interface ResumedFile {
  answers: AnswerState;
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

/** Read an answers file to carry on with. A file that is not an answers file at all is refused, untouched. */
export function readForResume(library: Library, absolutePath: string, display: string): ResumedFile {
  const { source, findings } = readYamlFile(absolutePath, display);
  if (findings.length > 0) throw new InputError(`cannot read the answers file ${display}`, 'fix the YAML at the position shown, or give another file name to start afresh', findings);
  const schemaFindings = validateSchema('answers', source);
  if (schemaFindings.length > 0) {
    throw new InputError(`${display} is not an answers file, so the interview leaves it alone`, 'give the name of an answers file, or a new file name', schemaFindings);
  }
  const file = source.data as AnswersFile;
  const language = file.language ?? library.manifest?.value.defaultLanguage ?? 'en';
  const checked = checkAnswers(library, file.answers, source, ['answers'], language);
  const answers: AnswerState = new Map(checked.answers);
  const invalid = new Map<string, AnswerValue>();
  // A blank answer to a question that is asked means "asked, left empty": keep it, so it is not asked again.
  for (const [id, value] of Object.entries(file.answers)) {
    const entry = library.questions.get(id);
    if (!entry) continue;
    if (value === null || value === '') answers.set(id, null);
    else if (answerProblem(entry.question, value, language)) invalid.set(id, value);
  }
  return {
    answers,
    language: file.language,
    template: file.template,
    release: file.library,
    ignored: checked.findings.filter((f) => f.severity !== 'error'),
    rejected: checked.findings.filter((f) => f.severity === 'error'),
    invalid,
  };
}
