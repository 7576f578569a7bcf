// What the page and the server say to each other, as JSON. Types only: the page (a browser
// bundle) imports this file too, so it imports nothing.

/** An answer, as the answers file holds it. */
export type AnswerValue = string | number | boolean | string[] | null;

/** What the officer gave at a question, as the page sends it; the server reads it with the interview's rules. */
export type AnswerInput =
  /** text, number, date and list questions: the text as typed */
  | { text: string }
  /** yes/no and single-choice questions: the option chosen (true/false for yes/no), or null for none */
  | { choice: string | boolean | null }
  /** multiple-choice questions: the options ticked */
  | { choices: string[] };

export interface AnswerRequest {
  id: string;
  input: AnswerInput;
}

export interface OptionView {
  /** The option's value; "true"/"false" for yes/no questions. */
  value: string;
  label: string;
  /** What choosing it would set aside (answers of questions it makes unasked), said before the answer is given. */
  setsAside?: string;
}

export interface QuestionView {
  id: string;
  type: 'boolean' | 'select' | 'multiselect' | 'text' | 'number' | 'date' | 'list';
  /** 1-based position among the questions asked for these answers. */
  number: number;
  /** "Question 12 of 30". */
  progress: string;
  prompt: string;
  /** Short name, as the review lists it. */
  label: string;
  /** "Change the contract type", for the review's button. */
  changeLabel: string;
  help?: string;
  /** "separate several with commas", "YYYY-MM-DD". */
  hint?: string;
  required: boolean;
  /** The options of yes/no (true, false), single- and multiple-choice questions, in order. */
  options?: OptionView[];
  /** Whether the officer has answered (a required question left blank has not). */
  answered: boolean;
  /**
   * What the control starts with: the officer's answer, else the library's suggestion. Options
   * chosen by value ("true"/"false" for yes/no); for a text box, its text.
   */
  initial?: { choices: string[] } | { text: string };
  /** Whether `initial` is the library's suggestion rather than the officer's answer. */
  suggested: boolean;
  /** The answer as the document prints it, or the "not answered" words. */
  shown: string;
  /** An answer in the file that does not fit the question: what the file says, and why it does not fit. */
  invalid?: { written: string; message: string };
}

export interface SectionView {
  id: string;
  /** "2/6 The data". */
  heading: string;
  intro?: string;
  /** The questions asked for these answers, in order; those not asked are absent. */
  questions: QuestionView[];
  /** "3 of 5 answered". */
  progress: string;
}

export interface LanguageView {
  code: string;
  /** The language's own name: Català, Español, English. */
  name: string;
}

/** The whole interview as the answers file stands: what the page shows. */
export interface View {
  language: string;
  languages: LanguageView[];
  /** The page's own words, in `language`. */
  texts: PageTexts;
  /** The answers file, as the officer named it. */
  file: string;
  /** Whether the file exists yet (it is written at the first answer). */
  saved: boolean;
  /** "Your answers are saved in tender.yaml as you give them." */
  savedIn: string;
  /** What to say when the server has stopped: how to carry on. */
  serverGone: string;
  /** The tender's title, when answered. */
  title?: string;
  sections: SectionView[];
  /** Questions asked for these answers. */
  total: number;
  answered: number;
  /** "12 of 30 questions answered". */
  progress: string;
  /** The first question still to answer, if any, and the words for going there: "Answer the 3 remaining questions". */
  next?: { id: string; label: string };
  /** Things about the file the officer should know (answers ignored, another library's file…). */
  notes: string[];
}

/** `notice`: what the answer set aside or brought back ("…their answers are set aside: …"), to say at once. */
export type AnswerResult = { ok: true; view: View; notice?: string } | { ok: false; message: string; view: View };

export interface ClauseView {
  id: string;
  title: string;
  /** Why it is in, in plain words, as `explain` says it. */
  reason: string;
}

export interface DocumentView {
  template: string;
  title: string;
  /** "25 clauses". */
  clauses: string;
  /** The buttons: "Word (.docx)", their full name ("Download … as Word (.docx)") and the address that builds and downloads it. */
  formats: { format: string; label: string; name: string; href: string }[];
}

export interface ClausesView {
  /** The clauses the answers bring in, by the library's category order. */
  groups: { category: string; title: string; clauses: ClauseView[] }[];
  /** "The answers bring in 43 clauses." */
  intro: string;
  documents: DocumentView[];
  /** Why no document can be built yet (questions to answer, a library with errors), if so. */
  blocked?: string;
  /** Set while questions remain unanswered: the clauses may still change. */
  provisional?: boolean;
}

/** An error the server reports to the page: what happened and, when it can say, how to fix it. */
export interface ErrorBody {
  error: string;
  fix?: string;
}

/**
 * The page's own words: buttons, headings, messages around the library's questions. Words
 * with numbers or names in them come ready-made in the view; `savedAt` has `{time}` for the
 * page to fill in.
 */
export interface PageTexts {
  appTitle: string;
  skipToMain: string;
  languageLabel: string;
  sectionsLabel: string;
  savedAt: string;
  next: string;
  back: string;
  review: string;
  reviewTitle: string;
  reviewIntro: string;
  change: string;
  allAnswered: string;
  clausesAndDocuments: string;
  clausesTitle: string;
  clausesProvisional: string;
  documentsTitle: string;
  documentsIntro: string;
  suggested: string;
  noAnswer: string;
  optional: string;
  failed: string;
  loading: string;
}
