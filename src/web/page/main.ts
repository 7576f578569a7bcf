import type { QuestionView, SectionView, View } from '../api.js';
import { api, RequestFailed } from './client.js';
import { byId, fill, h } from './dom.js';
import { clausesPage, reviewPage } from './pages.js';
import { focusControl, questionForm } from './question.js';

// The page: a face of the interview that shows what the server says. It keeps only where the
// officer is (the address's #/…, so a reload comes back to the same place); every answer and
// rule is the server's, read from and written to the answers file.

type Route = { page: 'question'; id: string } | { page: 'review' } | { page: 'clauses' };

let view: View | undefined;
/** The view just came with an answer: the next move needs no fresh one. */
let fresh = false;
/** What the last answer set aside or brought back, said above the next page once. */
let notice: string | undefined;

function currentRoute(): Route | undefined {
  const hash = decodeURIComponent(location.hash);
  if (hash.startsWith('#/q/')) return { page: 'question', id: hash.slice(4) };
  if (hash === '#/review') return { page: 'review' };
  if (hash === '#/clauses') return { page: 'clauses' };
  return undefined;
}

function asked(v: View): { section: SectionView; q: QuestionView }[] {
  return v.sections.flatMap((section) => section.questions.map((q) => ({ section, q })));
}

/** Where to go: the hash, if it names something; else the first question still to answer, else the review. */
function go(hash: string, replace = false): void {
  if (location.hash === hash) void show();
  else if (replace) {
    history.replaceState(null, '', hash);
    void show();
  } else location.hash = hash;
}

/** Counts the pages asked for: a page whose view comes after a later one was asked for is not shown over it. */
let shows = 0;

async function show(): Promise<void> {
  const mine = ++shows;
  try {
    if (!fresh || !view) {
      const latest = await api.view();
      if (mine !== shows) return;
      view = latest;
    }
    fresh = false;
    const v = view;
    const route = currentRoute();
    if (!route) return go(v.next ? `#/q/${v.next.id}` : '#/review', true);
    shell(v, route);
    const main = byId('main');
    const said = notice;
    notice = undefined;
    if (route.page === 'question') {
      const all = asked(v);
      const at = all.findIndex((e) => e.q.id === route.id);
      // Not asked (any more) for these answers: carry on where there is something to answer.
      if (at === -1) return go(v.next ? `#/q/${v.next.id}` : '#/review', true);
      const { section, q } = all[at]!;
      const previous = all[at - 1];
      const firstOfSection = section.questions[0]?.id === q.id;
      const form = questionForm(v, q, {
        back: previous ? () => go(`#/q/${previous.q.id}`) : undefined,
        submit: (input) => answer(q.id, input),
      });
      fill(main, noticeBox(said), h('h1', { class: 'section-heading' }, section.heading), firstOfSection && section.intro ? h('p', { class: 'intro' }, section.intro) : null, form);
      focusControl(form);
    } else if (route.page === 'review') {
      fill(main, noticeBox(said), ...reviewPage(v));
      byId('page-heading').focus();
    } else {
      const clauses = await api.clauses();
      if (mine !== shows) return;
      fill(main, ...clausesPage(v, clauses));
      byId('page-heading').focus();
    }
  } catch (error) {
    problem(error);
  }
}

/** Send an answer; on success, on to the next question asked (the review after the last). */
async function answer(id: string, input: Parameters<typeof api.answer>[1]): Promise<string | undefined> {
  try {
    const result = await api.answer(id, input);
    view = result.view;
    if (!result.ok) {
      shell(result.view, currentRoute() ?? { page: 'review' });
      return result.message;
    }
    saved(result.notice);
    // The officer went elsewhere while the answer was on its way: they stay where they went.
    const route = currentRoute();
    if (route?.page !== 'question' || route.id !== id) return undefined;
    notice = result.notice;
    const all = asked(result.view);
    const next = all[all.findIndex((e) => e.q.id === id) + 1];
    fresh = true;
    go(next ? `#/q/${next.q.id}` : '#/review');
    return undefined;
  } catch (error) {
    problem(error);
    return undefined;
  }
}

/** What is around the page's content: the header, the sections, where the answers are saved. */
function shell(v: View, route: Route): void {
  const t = v.texts;
  document.documentElement.lang = v.language;
  document.title = v.title ? `${v.title} — ${t.appTitle}` : t.appTitle;
  byId('app-title').textContent = t.appTitle;
  byId('tender').textContent = v.title ?? '';
  byId('skip').textContent = t.skipToMain;
  byId('saved-in').textContent = v.savedIn;
  fill(
    byId('languages'),
    h(
      'div',
      { role: 'group', 'aria-labelledby': 'languages-label', class: 'languages' },
      h('span', { id: 'languages-label' }, `${t.languageLabel}:`),
      ...v.languages.map((l) =>
        h('button', { type: 'button', lang: l.code, 'aria-pressed': String(l.code === v.language), 'data-language': l.code, onclick: () => switchLanguage(l.code) }, l.name),
      ),
    ),
  );
  const current = route.page === 'question' ? v.sections.find((s) => s.questions.some((q) => q.id === route.id))?.id : undefined;
  fill(
    byId('nav'),
    h(
      'div',
      { class: 'nav-inner' },
      h('p', { class: 'progress-total', id: 'nav-progress' }, v.progress),
      h(
        'ol',
        { 'aria-label': t.sectionsLabel, class: 'sections' },
        ...v.sections.map((s) => {
          const target = s.questions.find((q) => !q.answered) ?? s.questions[0]!;
          return h(
            'li',
            { 'data-section': s.id },
            h('a', { href: `#/q/${target.id}`, 'aria-current': s.id === current ? 'step' : null }, s.heading),
            h('span', { class: 'section-progress' }, s.progress),
          );
        }),
      ),
      h(
        'ul',
        { class: 'pages' },
        h('li', {}, h('a', { href: '#/review', 'aria-current': route.page === 'review' ? 'page' : null }, t.review)),
        h('li', {}, h('a', { href: '#/clauses', 'aria-current': route.page === 'clauses' ? 'page' : null }, t.clausesAndDocuments)),
      ),
    ),
  );
  if (v.notes.length > 0 && !document.getElementById('notes')) {
    byId('main').before(h('div', { id: 'notes', class: 'notes' }, h('ul', {}, ...v.notes.map((n) => h('li', {}, n)))));
  }
}

async function switchLanguage(language: string): Promise<void> {
  try {
    view = await api.language(language);
    saved();
    fresh = true;
    await show();
    document.querySelector<HTMLButtonElement>(`button[data-language="${language}"]`)?.focus();
  } catch (error) {
    problem(error);
  }
}

/** "Saved at 12:04.", read out (the status line is a live region) with what the answer set aside or brought back. */
function saved(said?: string): void {
  if (!view) return;
  const time = new Date().toLocaleTimeString(view.language, { hour: '2-digit', minute: '2-digit' });
  byId('status').textContent = [view.texts.savedAt.replace('{time}', time), said].filter(Boolean).join(' ');
}

/** The answers a change set aside or brought back, shown above the page it leads to (read out by the status line). */
function noticeBox(said: string | undefined): HTMLElement | null {
  return said ? h('p', { id: 'notice', class: 'notice' }, said) : null;
}

/** What went wrong, at the top of the page and read out at once. */
function problem(error: unknown): void {
  const t = view?.texts;
  const words =
    error instanceof RequestFailed && error.unreachable
      ? (view?.serverGone ?? error.message)
      : error instanceof RequestFailed && error.body
        ? `${t?.failed ?? ''} ${error.body.error}${error.body.fix ? ` (${error.body.fix})` : ''}`.trim()
        : `${t?.failed ?? ''} ${error instanceof Error ? error.message : String(error)}`.trim();
  document.getElementById('problem')?.remove();
  byId('main').prepend(h('div', { id: 'problem', class: 'problem', role: 'alert' }, words));
}

function start(): void {
  // The token has done its work (the cookie carries it now): out of the address bar and the history.
  if (location.search) history.replaceState(null, '', `/${location.hash}`);
  byId('skip').addEventListener('click', (event) => {
    event.preventDefault();
    const target = document.querySelector<HTMLElement>('#main input[name="answer"]:checked, #main input[name="answer"], #main h1[tabindex]') ?? byId('main');
    target.focus();
  });
  window.addEventListener('hashchange', () => void show());
  // Back to this window after answering in another: show the file as it is now, unless the officer is typing here.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && currentRoute()?.page !== 'question') void show();
  });
  void show();
}

start();
