import { hasValue } from '../expr/evaluate.js';
import { pick, type Library, type QuestionEntry } from '../library/model.js';
import type { MenuItem, Prompter } from './prompter.js';
import { reviewSections, reviewText } from './review.js';
import { needsAnswer, prune, questionnaire, unanswered, type AnswerState, type Questionnaire } from './state.js';
import { interviewTexts, type InterviewTexts } from './texts.js';

export interface InterviewOptions {
  library: Library;
  language: string;
  /** The answers so far (empty, or read from the file being resumed). Updated as the officer answers. */
  answers: AnswerState;
  prompter: Prompter;
  /** Go straight to the review (`--review`). */
  startAtReview?: boolean;
}

/** How the officer left the review. */
export type InterviewOutcome = 'save' | 'build';

type ReviewAction = 'answer' | 'change' | 'save' | 'build';
const BACK = '';

/**
 * The interview: ask what is missing, section by section, re-reading every condition
 * after each answer; then the review, where the officer changes answers until they save
 * or build. `answers` always holds the answers given so far — also when the prompter
 * rejects because the officer pressed Ctrl-C — so the caller can save them.
 */
export async function runInterview(options: InterviewOptions): Promise<InterviewOutcome> {
  const session = new Session(options);
  prune(session.q, options.answers);
  if (!options.startAtReview) await session.askRemaining();
  for (;;) {
    const action = await session.review();
    if (action === 'save' || action === 'build') return action;
    if (action === 'answer') await session.askRemaining();
    else await session.change();
  }
}

class Session {
  readonly q: Questionnaire;
  private readonly t: InterviewTexts;
  private readonly introduced = new Set<number>();
  private lastHeader = -1;
  private lastChanged: string | undefined;

  constructor(private readonly o: InterviewOptions) {
    this.q = questionnaire(o.library);
    this.t = interviewTexts(o.language);
  }

  /** Ask every question that is asked and not yet answered, in order; none twice, none of `leave`. */
  async askRemaining(leave: ReadonlySet<string> = new Set()): Promise<void> {
    const askedNow = new Set<string>(leave);
    for (;;) {
      const entry = this.q.entries.find((e) => !askedNow.has(e.question.id) && needsAnswer(this.q, e, this.o.answers));
      if (!entry) return;
      this.header(entry);
      askedNow.add(entry.question.id);
      await this.ask(entry);
    }
  }

  async review(): Promise<ReviewAction> {
    const { prompter, answers, language } = this.o;
    this.lastHeader = -1;
    prompter.say(this.t.reviewTitle, 'title');
    prompter.say(reviewText(reviewSections(this.q, answers, language)));
    const missing = unanswered(this.q, answers).length;
    const items: MenuItem<ReviewAction>[] = [];
    if (missing > 0) items.push({ value: 'answer', label: this.t.answerRemaining(missing) });
    items.push({ value: 'change', label: this.t.changeAnswer }, { value: 'save', label: this.t.saveAndQuit });
    items.push(missing > 0 ? { value: 'build', label: this.t.buildNow, disabled: this.t.answerFirst } : { value: 'build', label: this.t.buildNow });
    return prompter.choose(this.t.whatNext, items, missing > 0 ? 'answer' : 'build');
  }

  /** Change one answer; questions it makes unasked lose their answers, and those it brings in are asked. */
  async change(): Promise<void> {
    const { prompter, answers, language } = this.o;
    const items: MenuItem<string>[] = [];
    for (const section of reviewSections(this.q, answers, language)) {
      items.push({ separator: section.heading });
      for (const line of section.lines) items.push({ value: line.entry.question.id, label: `${line.label}: ${line.value}` });
    }
    items.push({ value: BACK, label: this.t.back });
    const id = await prompter.choose(this.t.whichAnswer, items, this.lastChanged);
    const entry = this.o.library.questions.get(id);
    if (id === BACK || !entry) return;
    this.lastChanged = id;
    // Only what the change brings in is asked now; what was already missing stays for "answer the remaining".
    const missingBefore = new Set(unanswered(this.q, answers).map((e) => e.question.id));
    missingBefore.delete(id);
    await this.ask(entry);
    await this.askRemaining(missingBefore);
  }

  private async ask(entry: QuestionEntry): Promise<void> {
    const { question } = entry;
    const current = this.o.answers.get(question.id);
    const answered = hasValue(current);
    const initial = answered ? current : (question.default ?? undefined);
    const value = await this.o.prompter.ask({ question, initial, answered });
    this.o.answers.set(question.id, value);
    prune(this.q, this.o.answers);
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
