import { existsSync } from 'node:fs';
import { hasValue } from '../expr/evaluate.js';
import { choicesProblem, inputText, isRequired, parseTyped, problemMessage, type Parsed } from '../interview/answer-input.js';
import { answersFileText } from '../interview/answers-file.js';
import { readForResume } from '../interview/resume.js';
import { labelOf, reviewSections } from '../interview/review.js';
import { answer, askedEntries, emptySession, questionnaire, settle, unanswered, wouldSetAside, type Questionnaire, type Session } from '../interview/state.js';
import { formatLocation } from '../finding.js';
import { languagesOf, pick, releaseOf, type Library } from '../library/model.js';
import { messages } from '../text/messages/index.js';
import { answerProblem } from '../library/validate-answers.js';
import type { AnswerValue } from '../schema/common.js';
import type { Question } from '../schema/questions.js';
import type { AnswerInput, OptionView, QuestionView, SectionView, View } from './api.js';
import { LANGUAGE_NAMES } from './language-names.js';

// The web page's one door into the interview engine (src/interview/): the answers file read
// and written, the questions asked for its answers, an answer read with the interview's
// rules. Everything the page shows is made here from the engine, never from a copy of it.

/** What the server is started with, fixed until it stops. */
export interface Interview {
  library: Library;
  q: Questionnaire;
  /** The answers file: its absolute path, and its name as the officer gave it. */
  path: string;
  shown: string;
  /** The language when the file names none the library has: --lang, else the locale's, else the library's. */
  startLanguage: string;
  /** The command that carries on with this file, for when the server has stopped. */
  resume: string;
}

export function interviewFor(library: Library, fields: Omit<Interview, 'library' | 'q'>): Interview {
  return { library, q: questionnaire(library), ...fields };
}

/** The answers file as it stands, read afresh: the server holds nothing else. */
export interface FileState {
  exists: boolean;
  /** The answers that count, and those set aside (their questions are not asked now): kept, and back when asked again. */
  session: Session;
  /** Answers in the file that do not fit their question, as written: shown at the question, written back until replaced. */
  invalid: Map<string, AnswerValue>;
  language: string;
  template: string | undefined;
  /** About the file: answers ignored, a language or library it names that is not this one. */
  notes: string[];
}

/** Read the answers file (a file that is not an answers file throws, as the terminal interview refuses it). */
export function readState(i: Interview): FileState {
  if (!existsSync(i.path)) return { exists: false, session: emptySession(), invalid: new Map(), language: i.startLanguage, template: undefined, notes: [] };
  const resumed = readForResume(i.library, i.path, i.shown, i.startLanguage);
  const languages = languagesOf(i.library);
  const known = resumed.language !== undefined && (languages.length === 0 || languages.includes(resumed.language));
  const language = known ? resumed.language! : i.startLanguage;
  const notes = resumed.ignored.map((f) => `${formatLocation(f)}: ${f.message}${f.fix ? ` (${f.fix})` : ''}`);
  if (resumed.language !== undefined && !known) notes.unshift(messages(language).serve.unknownLanguage(resumed.language, LANGUAGE_NAMES[language] ?? language));
  const release = releaseOf(i.library);
  if (resumed.release && resumed.release.split('@')[0] !== release.split('@')[0]) notes.unshift(`${i.shown}: ${messages(language).interview.otherLibrary(resumed.release, release)}`);
  settle(i.q, resumed.session);
  return { exists: true, session: resumed.session, invalid: resumed.invalid, language, template: resumed.template, notes };
}

/** The answers file's text for this state. */
export function fileText(i: Interview, s: FileState, date: string): string {
  return answersFileText({ library: i.library, language: s.language, session: s.session, date, invalid: s.invalid, ...(s.template ? { template: s.template } : {}) });
}

export type GiveResult = { kind: 'saved'; notice?: string } | { kind: 'invalid'; message: string } | { kind: 'not-asked'; message: string } | { kind: 'bad-request'; message: string };

/**
 * Give one answer: read with the interview's rules, then settled as the terminal interview
 * settles it: the answers of questions it makes unasked are set aside (kept, and written under
 * `setAside:`), those of questions it asks again come back; `notice` says which. Changes `s`
 * only when the answer is taken.
 */
export function giveAnswer(i: Interview, s: FileState, id: string, input: AnswerInput): GiveResult {
  const entry = i.library.questions.get(id);
  if (!entry) return { kind: 'bad-request', message: `there is no question ${id}` };
  if (!askedEntries(i.q, s.session.answers).includes(entry)) return { kind: 'not-asked', message: messages(s.language).serve.notAsked };
  const parsed = readInput(entry.question, input, s.language);
  if (parsed === undefined) return { kind: 'bad-request', message: `the answer to ${id} (${entry.question.type}) must be sent as ${expectedInput(entry.question)}` };
  if (!parsed.ok) return { kind: 'invalid', message: parsed.message };
  const before = new Map(s.session.answers);
  const settled = answer(i.q, s.session, id, parsed.value);
  s.invalid.delete(id);
  const t = messages(s.language).interview;
  // What the officer had answered and no longer counts, as the terminal names it before a change.
  const setAside = settled.setAside.filter((q) => hasValue(before.get(q)));
  const notice = [setAside.length > 0 ? t.dropping(labelsOf(i, setAside, s.language)) : '', settled.restored.length > 0 ? t.restored(labelsOf(i, settled.restored, s.language)) : '']
    .filter((n) => n !== '')
    .join(' ');
  return notice ? { kind: 'saved', notice } : { kind: 'saved' };
}

/** Questions by their short names, as the terminal lists them: "The kinds of data; Personal data". */
function labelsOf(i: Interview, ids: readonly string[], language: string): string {
  return ids.map((id) => labelOf(i.library.questions.get(id)!, language)).join('; ');
}

/**
 * What choosing each option would set aside, in the words the terminal says before such a
 * change: the page says it as the option is chosen, before the answer is given.
 */
function setAsideBy(i: Interview, session: Session, question: Question, value: AnswerValue, language: string): string | undefined {
  const dropped = wouldSetAside(i.q, session, question.id, value).filter((id) => hasValue(session.answers.get(id)));
  return dropped.length > 0 ? messages(language).interview.dropping(labelsOf(i, dropped, language)) : undefined;
}

/** Switch the interview's language (it is the answers file's `language:`); false when the library has no such texts. */
export function setLanguage(i: Interview, s: FileState, language: string): boolean {
  if (!languagesOf(i.library).includes(language)) return false;
  s.language = language;
  return true;
}

/** The page's input, read as the terminal reads what is typed or chosen; undefined when it is not the kind of input the question takes. */
function readInput(question: Question, input: AnswerInput, language: string): Parsed | undefined {
  const t = messages(language).serve;
  const none = (): Parsed => (isRequired(question) ? { ok: false, message: messages(language).interview.required } : { ok: true, value: null });
  switch (question.type) {
    case 'boolean':
      if (!('choice' in input) || typeof input.choice === 'string') return undefined;
      return input.choice === null ? none() : { ok: true, value: input.choice };
    case 'select':
      if (!('choice' in input) || typeof input.choice === 'boolean') return undefined;
      if (input.choice === null) return none();
      return answerProblem(question, input.choice, language) ? { ok: false, message: t.notAnOption } : { ok: true, value: input.choice };
    case 'multiselect': {
      if (!('choices' in input) || !Array.isArray(input.choices) || !input.choices.every((c) => typeof c === 'string')) return undefined;
      const options = (question.options ?? []).map((o) => o.value);
      if (!input.choices.every((c) => options.includes(c))) return { ok: false, message: t.notAnOption };
      // In the options' order, once each: the file reads as the question lists them.
      const values = options.filter((o) => input.choices.includes(o));
      const message = choicesProblem(question, values, language);
      return message ? { ok: false, message } : { ok: true, value: values };
    }
    default:
      if (!('text' in input) || typeof input.text !== 'string') return undefined;
      return parseTyped(question, input.text, language);
  }
}

function expectedInput(question: Question): string {
  if (question.type === 'boolean') return '{ "choice": true | false | null }';
  if (question.type === 'select') return '{ "choice": "<option>" | null }';
  if (question.type === 'multiselect') return '{ "choices": ["<option>", …] }';
  return '{ "text": "…" }';
}

/** The whole interview for the page: sections and the questions asked, with answers, progress and what the file holds that does not fit. */
export function viewOf(i: Interview, s: FileState): View {
  const { language } = s;
  const t = messages(language).serve;
  const it = messages(language).interview;
  const { answers } = s.session;
  const asked = askedEntries(i.q, answers);
  const missing = unanswered(i.q, answers);
  const number = new Map(asked.map((e, n) => [e.question.id, n + 1]));
  const sections: SectionView[] = reviewSections(i.q, answers, language).map((review) => {
    const first = review.lines[0]!.entry;
    const questions = review.lines.map((line): QuestionView => {
      const { question } = line.entry;
      const n = number.get(question.id)!;
      const answered = !line.missing;
      const value = answers.get(question.id);
      const offered = answered ? value : (question.default ?? undefined);
      const invalid = s.invalid.get(question.id);
      const help = question.help ? pick(question.help, language) : '';
      const hint = question.type === 'list' ? it.listHint : question.type === 'date' ? it.dateHint : '';
      const initial = initialFor(question, offered, answered);
      return {
        id: question.id,
        type: question.type,
        number: n,
        progress: it.progress(n, asked.length),
        prompt: pick(question.prompt, language),
        label: line.label,
        changeLabel: t.change(pick(question.label, language)),
        ...(help ? { help } : {}),
        ...(hint ? { hint } : {}),
        required: isRequired(question),
        ...optionsOf(i, s.session, question, language),
        answered,
        ...(initial ? { initial } : {}),
        suggested: !answered && initial !== undefined,
        shown: line.value,
        ...(invalid !== undefined && !answered ? { invalid: { written: written(invalid), message: t.invalidInFile(written(invalid), whyInvalid(question, invalid, language)) } } : {}),
      };
    });
    const answeredHere = questions.filter((q) => q.answered).length;
    return {
      id: first.section.id,
      heading: review.heading,
      ...(first.section.intro ? { intro: pick(first.section.intro, language) } : {}),
      questions,
      progress: t.sectionProgress(answeredHere, questions.length),
    };
  });
  const title = answers.get('contractTitle');
  const answeredCount = asked.length - missing.length;
  const next = missing[0];
  return {
    language,
    languages: languagesOf(i.library).map((code) => ({ code, name: LANGUAGE_NAMES[code] ?? code })),
    texts: { ...t.page, reviewTitle: it.reviewTitle },
    file: i.shown,
    saved: s.exists,
    savedIn: t.savedIn(i.shown),
    serverGone: t.serverGone(i.resume),
    ...(hasValue(title) ? { title: String(title) } : {}),
    sections,
    total: asked.length,
    answered: answeredCount,
    progress: t.answeredOf(answeredCount, asked.length),
    ...(next ? { next: { id: next.question.id, label: it.answerRemaining(missing.length) } } : {}),
    notes: s.notes,
  };
}

/**
 * Yes/no questions have the options true and false; an optional single choice has "no answer"
 * (the empty value). A yes/no or single-choice option that would set answers aside says which.
 */
function optionsOf(i: Interview, session: Session, question: Question, language: string): Pick<QuestionView, 'options'> {
  const it = messages(language).interview;
  let options: OptionView[];
  if (question.type === 'boolean') options = [{ value: 'true', label: it.yes }, { value: 'false', label: it.no }];
  else if (question.type === 'select' || question.type === 'multiselect') options = (question.options ?? []).map((o) => ({ value: o.value, label: pick(o.label, language) }));
  else return {};
  if (question.type === 'select' && !isRequired(question)) options.push({ value: '', label: messages(language).serve.page.noAnswer });
  if (question.type === 'multiselect') return { options };
  return {
    options: options.map((option) => {
      const value = question.type === 'boolean' ? option.value === 'true' : option.value === '' ? null : option.value;
      const setsAside = setAsideBy(i, session, question, value, language);
      return setsAside ? { ...option, setsAside } : option;
    }),
  };
}

function initialFor(question: Question, value: AnswerValue | undefined, answered: boolean): QuestionView['initial'] {
  if (value === undefined) return undefined;
  switch (question.type) {
    case 'boolean':
      return typeof value === 'boolean' ? { choices: [String(value)] } : undefined;
    case 'select':
      if (value === null) return answered ? { choices: [''] } : undefined;
      return typeof value === 'string' ? { choices: [value] } : undefined;
    case 'multiselect':
      return Array.isArray(value) ? { choices: value } : undefined;
    default: {
      const text = inputText(question, value);
      return text !== undefined ? { text } : answered ? { text: '' } : undefined;
    }
  }
}

/** An answer as the file writes it, for "the file says … here". */
function written(value: AnswerValue): string {
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/** Why an answer the file holds does not fit its question, in the officer's words. */
function whyInvalid(question: Question, value: AnswerValue, language: string): string {
  const t = messages(language).serve;
  const it = messages(language).interview;
  switch (question.type) {
    case 'boolean':
      return t.yesOrNo;
    case 'select':
      return t.notAnOption;
    case 'multiselect': {
      const options = (question.options ?? []).map((o) => o.value);
      if (!Array.isArray(value) || !value.every((v) => options.includes(v))) return t.notAnOption;
      return problemMessage(question, value, language) ?? t.notAnOption;
    }
    case 'number':
      return typeof value === 'number' ? (problemMessage(question, value, language) ?? it.notANumber) : it.notANumber;
    case 'date':
      return it.notADate;
    default:
      return problemMessage(question, value, language) ?? it.required;
  }
}
