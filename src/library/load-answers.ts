import { InputError } from '../errors.js';
import type { AnswerValue } from '../schema/common.js';
import type { AnswersFile } from '../schema/answers.js';
import type { Scenario } from '../schema/scenario.js';
import { countBySeverity, type Finding } from '../finding.js';
import type { Library } from './model.js';
import { checkAnswers } from './validate-answers.js';
import { validateSchema } from './validate-schema.js';
import { readYamlFile, type YamlSource } from './yaml-source.js';

export interface LoadedAnswers {
  file: AnswersFile;
  source: YamlSource;
  /** Valid answers to questions that are asked, by id. */
  answers: Map<string, AnswerValue>;
  /** Warnings (unknown ids, answers to questions not asked). Errors throw. */
  warnings: Finding[];
}

/**
 * Read an answers file for a library. Any error — unreadable YAML, wrong shape, a wrong
 * type or an unknown option — throws an InputError listing every problem with its position.
 */
export function loadAnswers(library: Library, absolutePath: string, displayPath: string, language?: string): LoadedAnswers {
  const { source, findings } = readYamlFile(absolutePath, displayPath);
  if (findings.length > 0) throw new InputError(`cannot read the answers file ${displayPath}`, 'fix the YAML at the position shown', findings);
  const file = asAnswersFile(source, displayPath);
  const lang = language ?? file.language ?? library.manifest?.value.defaultLanguage ?? 'en';
  const checked = checkAnswers(library, file.answers, source, ['answers'], lang);
  if (countBySeverity(checked.findings).error > 0) {
    throw new InputError(`${displayPath} has answers that do not fit the questions`, 'correct the answers shown, or run clausula interview on the file to fix them', checked.findings);
  }
  return { file, source, answers: checked.answers, warnings: checked.findings };
}

/** An answers file, or a scenario file (its answers and template), which legal staff explain and build too. */
function asAnswersFile(source: YamlSource, displayPath: string): AnswersFile {
  const data = source.data as Record<string, unknown> | null;
  if (data && typeof data === 'object' && 'expect' in data && validateSchema('scenario', source).length === 0) {
    const scenario = data as unknown as Scenario;
    return { answers: scenario.answers, ...(scenario.template ? { template: scenario.template } : {}) };
  }
  const schemaFindings = validateSchema('answers', source);
  if (schemaFindings.length > 0) {
    throw new InputError(`${displayPath} is not an answers file`, 'an answers file has `answers:` and optionally `library:`, `language:` and `template:`; see docs/library-format.md', schemaFindings);
  }
  return data as unknown as AnswersFile;
}
