import type { ClausesView, View } from '../api.js';
import { h } from './dom.js';

/** The review: every question asked, by section, with its answer and a way to change it. */
export function reviewPage(view: View): HTMLElement[] {
  const t = view.texts;
  return [
    h('h1', { id: 'page-heading', tabindex: -1 }, t.reviewTitle),
    h('p', {}, t.reviewIntro),
    h('p', { class: 'progress-total' }, view.progress),
    view.next ? h('p', {}, h('a', { class: 'button', href: `#/q/${view.next.id}`, 'data-action': 'remaining' }, view.next.label)) : h('p', { class: 'done' }, t.allAnswered),
    ...view.sections.map((section) =>
      h(
        'section',
        { 'aria-labelledby': `review-${section.id}` },
        h('h2', { id: `review-${section.id}` }, section.heading),
        h(
          'dl',
          { class: 'review' },
          ...section.questions.flatMap((q) => [
            h('dt', {}, q.label),
            h(
              'dd',
              { 'data-question': q.id, class: q.answered ? 'answered' : 'missing' },
              h('span', { class: 'answer' }, q.shown),
              ' ',
              h('a', { href: `#/q/${q.id}`, class: 'change', 'aria-label': q.changeLabel }, t.change),
            ),
          ]),
        ),
      ),
    ),
    h('p', {}, h('a', { class: 'button', href: '#/clauses', 'data-action': 'clauses' }, t.clausesAndDocuments)),
  ];
}

/** The clauses the answers bring in, each with why, and a button for each document of the tender. */
export function clausesPage(view: View, clauses: ClausesView): HTMLElement[] {
  const t = view.texts;
  const documents = h(
    'section',
    { 'aria-labelledby': 'documents-heading', class: 'documents' },
    h('h2', { id: 'documents-heading' }, t.documentsTitle),
    clauses.blocked
      ? h('p', { class: 'blocked', 'data-blocked': true }, clauses.blocked)
      : h('p', {}, t.documentsIntro),
    h(
      'ul',
      { class: 'document-list' },
      ...clauses.documents.map((d) =>
        h(
          'li',
          { 'data-template': d.template },
          h('h3', {}, d.title),
          h('p', { class: 'count' }, d.clauses),
          clauses.blocked
            ? null
            : h('p', { class: 'downloads' }, ...d.formats.map((f) => h('a', { class: 'button', href: f.href, download: '', 'aria-label': f.name, 'data-format': f.format }, f.label))),
        ),
      ),
    ),
  );
  return [
    h('h1', { id: 'page-heading', tabindex: -1 }, t.clausesTitle),
    h('p', { class: 'clause-count' }, clauses.intro),
    clauses.provisional ? h('p', { class: 'provisional' }, t.clausesProvisional) : null,
    documents,
    ...clauses.groups.map((group) =>
      h(
        'section',
        { 'aria-labelledby': `category-${group.category}` },
        h('h2', { id: `category-${group.category}` }, group.title),
        h('ul', { class: 'clauses' }, ...group.clauses.map((c) => h('li', { 'data-clause': c.id }, h('strong', {}, c.title), h('span', { class: 'reason' }, c.reason)))),
      ),
    ),
  ].filter((e): e is HTMLElement => e !== null);
}
