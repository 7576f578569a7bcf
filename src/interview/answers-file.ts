import { Document, isMap, isScalar, isSeq, Scalar, visit } from 'yaml';
import { hasValue } from '../expr/evaluate.js';
import { pick, releaseOf, type Library, type QuestionEntry } from '../library/model.js';
import type { AnswerValue } from '../schema/common.js';
import { messages } from '../text/messages/index.js';
import { answersInOrder, questionnaire, type AnswerState, type Questionnaire, type Session } from './state.js';

export interface AnswersFileInput {
  library: Library;
  language: string;
  session: Session;
  /** The day it is written, YYYY-MM-DD, for the header. */
  date: string;
  /** Kept from the file being resumed. */
  template?: string;
  /**
   * Answers that do not validate, as the file had them (ResumedFile.invalid): written back at
   * their question's place until the officer replaces them, so none is dropped unseen.
   */
  invalid?: ReadonlyMap<string, AnswerValue>;
}

/**
 * The answers file `build`, `explain` and scenarios read: a comment header naming the
 * tender, the library release, the language, and the answers of asked questions in
 * interview order, each section under a comment with its title. An optional question
 * left blank is written empty, so a resumed interview does not ask it again. Answers set
 * aside (their questions are no longer asked) follow under `setAside:`, so that switching
 * an answer back brings them back even in a later session; build ignores them.
 */
export function answersFileText(input: AnswersFileInput): string {
  const { library, language, session } = input;
  const answers = session.answers;
  const q = questionnaire(library);
  const ordered = withInvalid(q, answersInOrder(q, answers), input.invalid);
  const data: Record<string, unknown> = { library: releaseOf(library), language };
  if (input.template) data.template = input.template;
  data.answers = Object.fromEntries(ordered.map(([entry, value]) => [entry.question.id, value]));
  const aside = q.entries.filter((e) => session.aside.has(e.question.id) && hasValue(session.aside.get(e.question.id)));
  if (aside.length > 0) data.setAside = Object.fromEntries(aside.map((e) => [e.question.id, session.aside.get(e.question.id)]));

  const doc = new Document(data);
  doc.commentBefore = [` clausula answers: ${headline(answers)}`, ` written by clausula interview on ${input.date}`].join('\n');
  const setAside = doc.get('setAside');
  if (isMap(setAside)) {
    for (const pair of setAside.items) if (isSeq(pair.value)) pair.value.flow = true;
    const key = isMap(doc.contents) ? doc.contents.items.find((pair) => isScalar(pair.key) && pair.key.value === 'setAside')?.key : undefined;
    if (isScalar(key)) key.commentBefore = ` ${messages(language).interview.setAsideNote}`;
  }
  const map = doc.get('answers');
  if (isMap(map)) {
    let section = -1;
    map.items.forEach((pair, i) => {
      const entry = ordered[i]![0];
      if (isSeq(pair.value)) pair.value.flow = true;
      if (entry.sectionIndex !== section && isScalar(pair.key)) {
        section = entry.sectionIndex;
        pair.key.commentBefore = ` ${oneLine(pick(entry.section.title, language))}`;
      }
    });
  }
  // YAML 1.1 readers (and people) take these words for true/false: keep them text.
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && /^(y|yes|n|no|on|off)$/i.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return doc.toString({ nullStr: '', lineWidth: 0, flowCollectionPadding: false });
}

/** The answers to write, in interview order: the valid ones and, where a question has none, the invalid one the file had. */
function withInvalid(q: Questionnaire, valid: [QuestionEntry, AnswerValue][], invalid: ReadonlyMap<string, AnswerValue> | undefined): [QuestionEntry, AnswerValue][] {
  if (!invalid || invalid.size === 0) return valid;
  const byId = new Map(valid.map(([entry, value]) => [entry.question.id, value]));
  const out: [QuestionEntry, AnswerValue][] = [];
  for (const entry of q.entries) {
    const id = entry.question.id;
    if (byId.has(id)) out.push([entry, byId.get(id) as AnswerValue]);
    else if (invalid.has(id)) out.push([entry, invalid.get(id) as AnswerValue]);
  }
  return out;
}

/** "Smart parking concession (EXP-2026-0412)", from the answers that name the tender. */
function headline(answers: AnswerState): string {
  const title = answers.get('contractTitle');
  const reference = answers.get('contractReference');
  const parts = [hasValue(title) ? oneLine(String(title)) : 'untitled tender'];
  if (hasValue(reference)) parts.push(`(${oneLine(String(reference))})`);
  return parts.join(' ');
}

/** A comment holds one line: whatever an answer contains must not end it early. */
function oneLine(text: string): string {
  return text.replace(/[\s\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
}
