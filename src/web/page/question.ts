import type { AnswerInput, QuestionView, View } from '../api.js';
import { h } from './dom.js';

export interface QuestionActions {
  /** Give the answer; resolves to the message when it does not fit the question. */
  submit(input: AnswerInput): Promise<string | undefined>;
  /** The previous question, if there is one. */
  back: (() => void) | undefined;
}

/**
 * One question as a form: its section, "Question 12 of 30", the question with its help, the
 * control for its type, what the answers file holds that does not fit, and Back / Next.
 * The label, help, hint and messages are tied to the control, so a screen reader reads them with it.
 */
export function questionForm(view: View, q: QuestionView, actions: QuestionActions): HTMLFormElement {
  const t = view.texts;
  const described = ['help', 'hint', 'suggested', 'invalid', 'error'].filter((part) => part === 'error' || present(q, part));
  const describedBy = described.map((part) => `q-${part}`).join(' ');
  const error = h('p', { id: 'q-error', class: 'error', hidden: true });
  const prompt = [q.prompt, q.required ? null : h('span', { class: 'optional' }, ` (${t.optional})`)];
  const notes = [
    q.help ? h('p', { id: 'q-help', class: 'help' }, q.help) : null,
    q.hint ? h('p', { id: 'q-hint', class: 'hint' }, q.hint) : null,
    q.suggested ? h('p', { id: 'q-suggested', class: 'suggested' }, t.suggested) : null,
    q.invalid ? h('p', { id: 'q-invalid', class: 'invalid' }, q.invalid.message) : null,
  ];
  const control = isChoice(q)
    ? h('fieldset', { 'aria-describedby': describedBy }, h('legend', {}, h('h2', { class: 'prompt' }, ...prompt)), ...notes, choices(q), setAsideWarning(q), error)
    : h('div', { class: 'field' }, h('h2', { class: 'prompt' }, h('label', { for: 'q-answer' }, ...prompt)), ...notes, textBox(q, describedBy), error);

  const form = h(
    'form',
    { class: 'question', 'data-question': q.id, 'aria-labelledby': 'q-progress', novalidate: true },
    h('p', { class: 'progress', id: 'q-progress' }, q.progress),
    control,
    h(
      'div',
      { class: 'actions' },
      actions.back ? h('button', { type: 'button', class: 'secondary', 'data-action': 'back', onclick: () => actions.back?.() }, `← ${t.back}`) : null,
      h('button', { type: 'submit', 'data-action': 'next' }, `${t.next} →`),
    ),
  );
  form.addEventListener('change', () => showSetAside(form, q));
  // Enter gives the answer from an option too, as it does from a text box.
  form.addEventListener('keydown', (event) => {
    const target = event.target as HTMLInputElement;
    if (event.key === 'Enter' && (target.type === 'radio' || target.type === 'checkbox')) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  let busy = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    actions
      .submit(readInput(form, q))
      .then((message) => {
        if (message !== undefined) showProblem(form, message);
      })
      .finally(() => {
        busy = false;
      });
  });
  return form;
}

/**
 * What the option chosen would set aside, said while it is chosen, before Next gives it (a
 * live region, so a screen reader reads it out too); empty while nothing would be.
 */
function setAsideWarning(q: QuestionView): HTMLElement | null {
  if (!(q.options ?? []).some((o) => o.setsAside)) return null;
  return h('p', { id: 'q-aside', class: 'aside', 'aria-live': 'polite' });
}

function showSetAside(form: HTMLFormElement, q: QuestionView): void {
  const warning = form.querySelector<HTMLElement>('#q-aside');
  if (!warning) return;
  const chosen = form.querySelector<HTMLInputElement>('input[name="answer"]:checked')?.value;
  warning.textContent = q.options?.find((o) => o.value === chosen)?.setsAside ?? '';
}

function present(q: QuestionView, part: string): boolean {
  return part === 'help' ? q.help !== undefined : part === 'hint' ? q.hint !== undefined : part === 'suggested' ? q.suggested : q.invalid !== undefined;
}

function isChoice(q: QuestionView): boolean {
  return q.type === 'boolean' || q.type === 'select' || q.type === 'multiselect';
}

function choices(q: QuestionView): HTMLElement {
  const chosen = q.initial && 'choices' in q.initial ? q.initial.choices : [];
  const type = q.type === 'multiselect' ? 'checkbox' : 'radio';
  return h(
    'div',
    { class: 'choices' },
    ...(q.options ?? []).map((option, n) =>
      h(
        'div',
        { class: 'choice' },
        h('input', { type, id: `q-answer-${n}`, name: 'answer', value: option.value, checked: chosen.includes(option.value) }),
        h('label', { for: `q-answer-${n}` }, option.label),
      ),
    ),
  );
}

function textBox(q: QuestionView, describedBy: string): HTMLInputElement {
  const input = h('input', {
    type: 'text',
    id: 'q-answer',
    name: 'answer',
    'aria-describedby': describedBy,
    autocomplete: 'off',
    spellcheck: q.type === 'text',
    inputmode: q.type === 'number' ? 'decimal' : null,
  });
  input.value = q.initial && 'text' in q.initial ? q.initial.text : '';
  // Text copied from a document may run over several lines: it is one answer, its lines joined.
  input.addEventListener('paste', (event) => {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (!/[\r\n]/.test(text)) return;
    event.preventDefault();
    const joined = text.replace(/[ \t]*(\r\n|\r|\n)+[ \t]*/g, ' ').trim();
    input.setRangeText(joined, input.selectionStart ?? input.value.length, input.selectionEnd ?? input.value.length, 'end');
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  return input;
}

function readInput(form: HTMLFormElement, q: QuestionView): AnswerInput {
  const checked = [...form.querySelectorAll<HTMLInputElement>('input[name="answer"]:checked')].map((i) => i.value);
  switch (q.type) {
    case 'boolean':
      return { choice: checked[0] === undefined ? null : checked[0] === 'true' };
    case 'select':
      return { choice: checked[0] === undefined || checked[0] === '' ? null : checked[0] };
    case 'multiselect':
      return { choices: checked };
    default:
      return { text: form.querySelector<HTMLInputElement>('#q-answer')?.value ?? '' };
  }
}

/** The message at the question, read out at once; the control marked and focused to correct it. */
export function showProblem(form: HTMLFormElement, message: string): void {
  const error = form.querySelector<HTMLElement>('#q-error');
  if (!error) return;
  error.textContent = message;
  error.hidden = false;
  error.setAttribute('role', 'alert');
  const controls = [...form.querySelectorAll<HTMLInputElement>('input[name="answer"]')];
  for (const c of controls) c.setAttribute('aria-invalid', 'true');
  focusControl(form);
}

/** The control to start at: the chosen option, else the first; the text box. */
export function focusControl(form: HTMLFormElement): void {
  const target = form.querySelector<HTMLInputElement>('input[name="answer"]:checked') ?? form.querySelector<HTMLInputElement>('input[name="answer"]');
  target?.focus();
}
