import { hasValue } from '../expr/evaluate.js';
import { conflicts, followingAnswer, ruleQuestions, ruleReason } from '../library/consistency.js';
import { pick, type Library, type QuestionEntry } from '../library/model.js';
import type { AnswerValue } from '../schema/common.js';
import { messages, type InterviewMessages } from '../text/messages/index.js';
import { WentBack, type MenuItem, type Prompter } from './prompter.js';
import { labelOf, reviewSections, reviewText, shownAnswer } from './review.js';
import { answer, needsAnswer, progress, questionnaire, settle, unanswered, wouldSetAside, type Questionnaire, type Session } from './state.js';

export interface InterviewOptions {
  library: Library;
  language: string;
  /** The answers so far (none, or read from the file being resumed). Updated as the officer answers. */
  session: Session;
  prompter: Prompter;
  /** Go straight to the review (`--review`). */
  startAtReview?: boolean;
  /** Called after every answer, before the next question: where the answers are saved. */
  changed?: () => Promise<void>;
}

/** How the officer left the review. */
export type InterviewOutcome = 'save' | 'build';

type ReviewAction = 'answer' | 'change' | 'save' | 'build';
const BACK = '';
const KEEP = '';

/**
 * The interview: ask what is missing, section by section, re-reading every condition
 * after each answer (Esc goes back a question); then the review, where the officer changes
 * answers until they save or build. `session` always holds the answers given so far —
 * also when the prompter rejects because the officer stopped — so the caller can save them.
 */
export async function runInterview(options: InterviewOptions): Promise<InterviewOutcome> {
  const flow = new Flow(options);
  settle(flow.q, options.session);
  if (!options.startAtReview) await flow.askRemaining();
  for (;;) {
    const action = await flow.review();
    if (action === 'save' || action === 'build') return action;
    if (action === 'answer') await flow.askRemaining();
    else await flow.change();
  }
}

class Flow {
  readonly q: Questionnaire;
  private readonly t: InterviewMessages;
  private readonly introduced = new Set<number>();
  private lastHeader = -1;
  private lastChanged: string | undefined;
  /** Contradictions the officer chose to keep (question id and rule): not raised again. */
  private readonly kept = new Set<string>();

  constructor(private readonly o: InterviewOptions) {
    this.q = questionnaire(o.library);
    this.t = messages(o.language).interview;
  }

  /**
   * Ask every question that is asked and not yet answered, in order; none of `leave`.
   * Esc goes back to the question answered before, offered for editing; going forward again
   * offers the ones after it the same way, until the first unanswered one.
   */
  async askRemaining(leave: ReadonlySet<string> = new Set()): Promise<void> {
    const { answers } = this.o.session;
    const asked = new Set<string>(leave);
    const history: string[] = [];
    const forward: string[] = [];
    for (;;) {
      const again = forward.pop();
      const entry =
        again !== undefined && needsAnswerOrAsked(this.q, again, this.o.session)
          ? this.o.library.questions.get(again)!
          : this.q.entries.find((e) => !asked.has(e.question.id) && needsAnswer(this.q, e, answers));
      if (!entry) return;
      this.header(entry);
      try {
        await this.ask(entry, history.length > 0);
      } catch (error) {
        if (!(error instanceof WentBack)) throw error;
        const previous = history.pop();
        if (previous === undefined) {
          this.o.prompter.say(this.t.firstQuestion, 'muted');
        } else {
          // The question left is asked again on the way forward when it had an answer (it was itself gone back to).
          if (answers.has(entry.question.id)) forward.push(entry.question.id);
          forward.push(previous);
          asked.delete(previous);
          this.lastHeader = -1;
        }
        continue;
      }
      asked.add(entry.question.id);
      history.push(entry.question.id);
    }
  }

  async review(): Promise<ReviewAction> {
    const { prompter, session, language } = this.o;
    this.lastHeader = -1;
    prompter.say(this.t.reviewTitle, 'title');
    prompter.say(reviewText(reviewSections(this.q, session.answers, language)));
    const found = conflicts(this.o.library, session.answers, this.q.whens);
    if (found.length > 0) {
      for (const c of found) prompter.say(this.t.conflict(pick(c.rule.conflict, language)), 'muted');
      prompter.say(this.t.conflictsLeft(found.length), 'muted');
    }
    const missing = unanswered(this.q, session.answers).length;
    const items: MenuItem<ReviewAction>[] = [];
    if (missing > 0) items.push({ value: 'answer', label: this.t.answerRemaining(missing) });
    items.push({ value: 'change', label: this.t.changeAnswer }, { value: 'save', label: this.t.saveAndQuit });
    items.push(missing > 0 ? { value: 'build', label: this.t.buildNow, disabled: this.t.answerFirst } : { value: 'build', label: this.t.buildNow });
    for (;;) {
      try {
        return await prompter.choose(this.t.whatNext, items, missing > 0 ? 'answer' : 'build');
      } catch (error) {
        // Esc at the review: there is nothing before it to go back to; the menu stays.
        if (!(error instanceof WentBack)) throw error;
      }
    }
  }

  /**
   * Change one answer. Answers the change would make unasked are named first, and set
   * aside only if the officer keeps the change; those it brings back return; questions it
   * brings in are asked.
   */
  async change(): Promise<void> {
    const { prompter, session, language } = this.o;
    const items: MenuItem<string>[] = [];
    for (const section of reviewSections(this.q, session.answers, language)) {
      items.push({ separator: section.heading });
      for (const line of section.lines) items.push({ value: line.entry.question.id, label: `${line.label}: ${line.value}` });
    }
    items.push({ value: BACK, label: this.t.back });
    let id: string;
    try {
      id = await prompter.choose(this.t.whichAnswer, items, this.lastChanged);
    } catch (error) {
      if (error instanceof WentBack) return;
      throw error;
    }
    const entry = this.o.library.questions.get(id);
    if (id === BACK || !entry) return;
    this.lastChanged = id;
    // Only what the change brings in is asked now; what was already missing stays for "answer the remaining".
    const missingBefore = new Set(unanswered(this.q, session.answers).map((e) => e.question.id));
    missingBefore.delete(id);
    try {
      await this.ask(entry, false);
    } catch (error) {
      if (error instanceof WentBack) return;
      throw error;
    }
    await this.askRemaining(missingBefore);
  }

  private async ask(entry: QuestionEntry, canGoBack: boolean): Promise<void> {
    const { question } = entry;
    const { session, prompter } = this.o;
    const current = session.answers.get(question.id);
    const answered = hasValue(current);
    // An answer that follows from earlier ones (the library's `follows:`) is the suggestion, with the reason.
    const follows = answered ? undefined : followingAnswer(entry, session.answers);
    const initial = answered ? current : follows ? follows.answer : (question.default ?? undefined);
    const reason = follows ? ruleReason(follows.rule, this.o.library, this.o.language) : undefined;
    const value = await prompter.ask({
      question,
      initial,
      answered,
      ...(reason ? { because: this.t.suggestedBecause(reason) } : {}),
      progress: progress(this.q, session.answers, question.id),
      canGoBack,
    });
    if (!(await this.keepChange(question.id, value, current))) return;
    const settled = answer(this.q, session, question.id, value);
    if (settled.restored.length > 0) prompter.say(this.t.restored(this.labels(settled.restored)), 'muted');
    await this.o.changed?.();
    await this.resolveConflicts(question.id);
  }

  /**
   * After an answer: if it contradicts another (a rule of the library says so), say what
   * conflicts and let the officer change either answer, or keep both.
   */
  private async resolveConflicts(id: string): Promise<void> {
    const { prompter, session, language, library } = this.o;
    for (;;) {
      const c = conflicts(library, session.answers, this.q.whens).find(
        (x) => !this.kept.has(`${x.entry.question.id}#${x.index}`) && (x.entry.question.id === id || ruleQuestions(x.rule).includes(id)),
      );
      if (!c) return;
      prompter.say(this.t.conflict(pick(c.rule.conflict, language)), 'muted');
      const involved = [...new Set([c.entry.question.id, ...ruleQuestions(c.rule)])].filter((q) => session.answers.has(q) && library.questions.has(q));
      const items: MenuItem<string>[] = involved.map((q) => {
        const entry = library.questions.get(q)!;
        return { value: q, label: `${labelOf(entry, language)}: ${shownAnswer(entry, session.answers.get(q), language)}` };
      });
      items.push({ value: KEEP, label: this.t.keepBoth });
      let choice: string;
      try {
        choice = await prompter.choose(this.t.resolveConflict, items, id);
      } catch (error) {
        if (!(error instanceof WentBack)) throw error;
        choice = KEEP;
      }
      if (choice === KEEP) {
        this.kept.add(`${c.entry.question.id}#${c.index}`);
        return;
      }
      // Answering again settles this contradiction, raises another (ask looks again), or keeps it: look again.
      try {
        await this.ask(library.questions.get(choice)!, false);
      } catch (error) {
        if (!(error instanceof WentBack)) throw error;
      }
    }
  }

  /** Before answers are set aside by a change: say which, and let the officer keep the old answer. */
  private async keepChange(id: string, value: AnswerValue, previous: AnswerValue | undefined): Promise<boolean> {
    if (previous === undefined) return true;
    const dropped = wouldSetAside(this.q, this.o.session, id, value).filter((d) => hasValue(this.o.session.answers.get(d)));
    if (dropped.length === 0) return true;
    this.o.prompter.say(this.t.dropping(this.labels(dropped)), 'muted');
    return this.o.prompter.confirm(this.t.keepChange, true);
  }

  private labels(ids: readonly string[]): string {
    return ids.map((id) => labelOf(this.o.library.questions.get(id)!, this.o.language)).join('; ');
  }

  private header(entry: QuestionEntry): void {
    if (entry.sectionIndex === this.lastHeader) return;
    this.lastHeader = entry.sectionIndex;
    const { prompter, language } = this.o;
    prompter.say(this.t.section(entry.sectionIndex + 1, this.q.sectionCount, pick(entry.section.title, language)), 'heading');
    if (entry.section.intro && !this.introduced.has(entry.sectionIndex)) prompter.say(pick(entry.section.intro, language), 'paragraph');
    this.introduced.add(entry.sectionIndex);
  }
}

/** A question gone back to is offered again on the way forward only while it is still asked. */
function needsAnswerOrAsked(q: Questionnaire, id: string, session: Session): boolean {
  const entry = q.entries.find((e) => e.question.id === id);
  return entry !== undefined && (needsAnswer(q, entry, session.answers) || session.answers.has(id));
}
