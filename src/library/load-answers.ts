import { InputError } from '../errors.js';
import type { AnswerValue } from '../schema/common.js';
import type { AnswersFile } from '../schema/answers.js';
import type { Scenario } from '../schema/scenario.js';
import { countBySeverity, type Finding } from '../finding.js';
import { messages, type Messages } from '../text/messages/index.js';
import { conflicts } from './consistency.js';
import { defaultLanguageOf, pick, type Library } from './model.js';
import { checkAnswers } from './validate-answers.js';
import { validateSchema } from './validate-schema.js';
import { locate, readYamlFile, type YamlSource } from './yaml-source.js';

export interface LoadedAnswers {
  file: AnswersFile;
  /** The language the answers were checked in (and their messages written in). */
  language: string;
  source: YamlSource;
  /** Valid answers to questions that are asked, by id. */
  answers: Map<string, AnswerValue>;
  /** Warnings (unknown ids, answers to questions not asked). Errors throw. */
  warnings: Finding[];
  /** Answers to questions that are not asked for these answers: ignored. */
  notAsked: Map<string, AnswerValue>;
}

/**
 * The language to check an answers file in, once its `language:` is known: a fixed one, or
 * a function of the file (--lang, else the file's, else the library's…). Before the file is
 * read, messages use `before`.
 */
export interface AnswersLanguage {
  before: string;
  of: (file: AnswersFile) => string;
}

/**
 * Read an answers file for a library. Any error — unreadable YAML, wrong shape, a wrong
 * type or an unknown option — throws an InputError listing every problem with its position.
 */
export function loadAnswers(library: Library, absolutePath: string, displayPath: string, options: { language?: AnswersLanguage; interview?: string } = {}): LoadedAnswers {
  const before = messages(options.language?.before ?? 'en').answers;
  const { source, findings } = readYamlFile(absolutePath, displayPath);
  if (findings.length > 0) throw new InputError(before.cannotRead(displayPath), before.fixYaml, findings);
  const file = asAnswersFile(source, displayPath, before);
  const language = options.language?.of(file) ?? file.language ?? defaultLanguageOf(library);
  const checked = checkAnswers(library, file.answers, source, ['answers'], language);
  if (countBySeverity(checked.findings).error > 0) {
    const t = messages(language).answers;
    throw new InputError(t.doNotFit(displayPath), t.correctOrInterview(options.interview ?? `clausula interview ${displayPath}`), checked.findings);
  }
  const t = messages(language).answers;
  const interview = options.interview ?? `clausula interview ${displayPath}`;
  // Answers that contradict each other build, but the officer is told which and why.
  const contradictions: Finding[] = conflicts(library, checked.answers).map((c) => ({
    ruleId: 'answer-conflict',
    severity: 'warning',
    file: source.file,
    ...locate(source, ['answers', c.entry.question.id], 'value'),
    message: t.conflict(pick(c.rule.conflict, language)),
    fix: t.conflictFix(interview),
  }));
  return { file, language, source, answers: checked.answers, warnings: [...checked.findings, ...contradictions], notAsked: checked.notAsked };
}

/** An answers file, or a scenario file (its answers and template), which legal staff explain and build too. */
function asAnswersFile(source: YamlSource, displayPath: string, t: Messages['answers']): AnswersFile {
  const data = source.data as Record<string, unknown> | null;
  if (data && typeof data === 'object' && 'expect' in data && validateSchema('scenario', source).length === 0) {
    const scenario = data as unknown as Scenario;
    return { answers: scenario.answers, ...(scenario.template ? { template: scenario.template } : {}) };
  }
  const schemaFindings = validateSchema('answers', source);
  if (schemaFindings.length > 0) {
    throw new InputError(t.notAnswersFile(displayPath), t.answersFileShape, schemaFindings);
  }
  return data as unknown as AnswersFile;
}
