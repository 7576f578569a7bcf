import { diffWordsWithSpace } from 'diff';
import type { Clause, ClauseText, LegalBasis } from '../schema/clause.js';
import { describeCondition } from '../expr/describe.js';
import { parseCondition } from '../expr/parse.js';
import { defaultLanguageOf, pick, type Library, type QuestionEntry } from '../library/model.js';
import { parseClauseText, type Block, type Inline } from '../text/clause-text.js';
import { passagesOf } from '../text/passages.js';
import { compareLibraries, type LibraryDiff, type Side } from './compare-libraries.js';
import { messages } from '../text/messages/index.js';

/** A piece of a paragraph: unchanged, or a tracked insertion or deletion. */
export interface RedlineRun {
  kind: 'same' | 'inserted' | 'deleted';
  text: string;
}

/**
 * A paragraph of the redline. Its mark (the end of the paragraph) is tracked too: a
 * paragraph the new text adds has an inserted mark, one it drops a deleted mark, so that
 * accepting every change leaves exactly the new paragraphs and rejecting them the old.
 */
export interface RedlineParagraph {
  runs: RedlineRun[];
  mark: RedlineRun['kind'];
}

export interface RedlineSection {
  id: string;
  change: 'added' | 'removed' | 'changed' | 'deprecated';
  /** The clause's title, old to new. */
  heading: RedlineRun[];
  /** What the reviewer needs besides the text, not tracked: versions, status, what else changed. */
  facts: string[];
  /** "Applies when …", the legal bases and the text, old to new. */
  paragraphs: RedlineParagraph[];
}

/** What a redline says: two releases and one section per changed clause. */
export interface Redline {
  /** The change author Word shows: the new side's library and release. */
  author: string;
  title: string;
  language: string;
  old: { release: string; label: string };
  new: { release: string; label: string };
  /** Lines under the title: what was compared, and how many clauses changed. */
  intro: string[];
  /** The document's subject property: from which release to which. */
  subject: string;
  sections: RedlineSection[];
}

/**
 * The changes between two libraries as a redline, in one language: for every clause added,
 * removed or changed (deprecations included), its title, condition, legal bases and text,
 * each as the old text with the new one's insertions and deletions tracked. Word and
 * LibreOffice show them as tracked changes; accepting them all gives the new text.
 */
export function redlineOf(oldSide: Side, newSide: Side, language?: string): Redline {
  const diff: LibraryDiff = compareLibraries(oldSide, newSide);
  const lang = language ?? defaultLanguageOf(newSide.library);
  // The redline's own words, in the language of its clause texts.
  const t = messages(lang).redline;
  const oldLib = oldSide.library;
  const newLib = newSide.library;
  const sections: RedlineSection[] = [];
  const section = (id: string, change: RedlineSection['change'], before: Clause | undefined, after: Clause | undefined, facts: string[]): void => {
    sections.push({
      id,
      change,
      heading: tracked(before ? [`${id} — ${pick(before.title, lang)}`] : [], after ? [`${id} — ${pick(after.title, lang)}`] : [])[0]!.runs,
      facts,
      paragraphs: tracked(before ? clauseParagraphs(before, oldLib, lang) : [], after ? clauseParagraphs(after, newLib, lang) : []),
    });
  };
  const clause = (library: Library, id: string) => library.clauseById.get(id)?.value;

  for (const c of diff.clauses.added) section(c.id, 'added', undefined, clause(newLib, c.id), [t.added(c.version, t.statuses[c.status] ?? c.status)]);
  for (const c of diff.clauses.removed) section(c.id, 'removed', clause(oldLib, c.id), undefined, [t.removed(c.version)]);
  for (const c of [...diff.clauses.deprecated, ...diff.clauses.changed]) {
    const facts = [t.version(c.version.from, c.version.to)];
    if (c.status) facts.push(t.status(t.statuses[c.status.from] ?? c.status.from, t.statuses[c.status.to] ?? c.status.to, c.supersededBy));
    const other = [...(c.texts.some((t) => t.field === 'guidance') ? ['guidance'] : []), ...c.other.filter((f) => f !== 'changelog'), ...(c.requires.added.length + c.requires.removed.length > 0 ? ['requires'] : []), ...(c.excludes.added.length + c.excludes.removed.length > 0 ? ['excludes'] : [])];
    if (other.length > 0) facts.push(t.alsoChanged(other.join(', ')));
    for (const entry of c.changelog) facts.push(t.changelog(entry.version, entry.note));
    section(c.id, c.kind === 'deprecated' ? 'deprecated' : 'changed', clause(oldLib, c.id), clause(newLib, c.id), facts);
  }
  // In document order: the categories as the new library lists them, then each clause's order and id.
  const categories = [...(newLib.manifest?.value.categories ?? []), ...(oldLib.manifest?.value.categories ?? [])].map((c) => c.id);
  const rank = (id: string) => {
    const c = clause(newLib, id) ?? clause(oldLib, id)!;
    return { category: categories.indexOf(c.category), order: c.order ?? 100 };
  };
  sections.sort((a, b) => {
    const x = rank(a.id);
    const y = rank(b.id);
    return x.category - y.category || x.order - y.order || (a.id < b.id ? -1 : 1);
  });

  const newRelease = `${diff.new.library}@${diff.new.version}`;
  const oldRelease = `${diff.old.library}@${diff.old.version}`;
  return {
    author: `${diff.new.library} ${diff.new.version}`,
    title: `${oldRelease} → ${newRelease}`,
    language: lang,
    old: { release: oldRelease, label: oldSide.label },
    new: { release: newRelease, label: newSide.label },
    intro: [
      t.intro(newRelease, newSide.label, oldRelease, oldSide.label),
      sections.length === 0 ? t.noChange : t.counts(diff.clauses.added.length, diff.clauses.removed.length, diff.clauses.deprecated.length, diff.clauses.changed.length),
    ],
    subject: t.subject(oldRelease, newRelease),
    sections,
  };
}

/**
 * What a redline shows of a clause, one paragraph a line: when it applies, in plain words;
 * its text, list items with their label, a passage that prints only under a condition
 * headed by it; its legal bases.
 */
export function clauseParagraphs(clause: Clause, library: Library, language: string): string[] {
  const out = [appliesLine(clause.when, library.questions, language)];
  out.push(...textParagraphs(clause.text, library.questions, language));
  for (const basis of clause.legalBasis ?? []) out.push(basisLine(basis, language));
  return out;
}

function appliesLine(when: string | undefined, questions: ReadonlyMap<string, QuestionEntry>, language: string): string {
  if (when === undefined) return describeCondition(undefined, questions, language);
  const parsed = parseCondition(when);
  return parsed.ok ? describeCondition(parsed.expr, questions, language) : `when: ${when}`;
}

function basisLine(basis: LegalBasis, language: string): string {
  const ref = pick(basis.ref as Record<string, string> | string, language);
  return basis.url ? `${ref} <${basis.url}>` : ref;
}

function textParagraphs(text: ClauseText, questions: ReadonlyMap<string, QuestionEntry>, language: string): string[] {
  const out: string[] = [];
  for (const passage of passagesOf(text)) {
    if (passage.when !== undefined) out.push(`[${appliesLine(passage.when, questions, language)}]`);
    if (passage.defines !== undefined) out.push(`[${pick(Object.fromEntries(Object.entries(passage.defines).map(([l, t]) => [l, Array.isArray(t) ? t.join(' / ') : t])), language)}]`);
    out.push(...blockLines(parseClauseText(pick(passage.text, language)), questions, language, ''));
  }
  return out;
}

function blockLines(blocks: readonly Block[], questions: ReadonlyMap<string, QuestionEntry>, language: string, indent: string): string[] {
  const out: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      out.push(indent + inlineText(block.inlines, questions, language));
      continue;
    }
    block.items.forEach((item, i) => {
      const label = block.ordered ? `${letter(i)}) ` : '– ';
      const lines = blockLines(item, questions, language, `${indent}    `);
      if (lines.length === 0) out.push(`${indent}${label}`);
      else out.push(`${indent}${label}${lines[0]!.trimStart()}`, ...lines.slice(1));
    });
  }
  return out;
}

/** a, b, … z, aa, ab: the letters documents label ordered lists with. */
function letter(i: number): string {
  return i < 26 ? String.fromCharCode(97 + i) : letter(Math.floor(i / 26) - 1) + letter(i % 26);
}

/** A paragraph's text; a placeholder as the question's label in guillemets: «the contract title». */
function inlineText(inlines: readonly Inline[], questions: ReadonlyMap<string, QuestionEntry>, language: string): string {
  return inlines
    .map((inline) => {
      if (inline.kind === 'break') return ' ';
      if (inline.kind === 'text') return inline.text;
      const label = questions.get(inline.name)?.question.label;
      return `«${label ? pick(label, language) : inline.name}»`;
    })
    .join('');
}

/**
 * Old and new paragraphs as one tracked text: a word diff of the two, cut at paragraph ends.
 * A paragraph end that only the new text has is an inserted mark; one only the old text has,
 * a deleted mark.
 */
export function tracked(before: readonly string[], after: readonly string[]): RedlineParagraph[] {
  if (before.length === 0 && after.length === 0) return [{ runs: [], mark: 'same' }];
  const paragraphs: RedlineParagraph[] = [];
  let runs: RedlineRun[] = [];
  const push = (kind: RedlineRun['kind'], text: string) => {
    if (text === '') return;
    const last = runs[runs.length - 1];
    if (last && last.kind === kind) last.text += text;
    else runs.push({ kind, text });
  };
  // A trailing paragraph end on each side, so that a side with fewer paragraphs ends as the other does.
  const a = before.length > 0 ? before.join('\n') + '\n' : '';
  const b = after.length > 0 ? after.join('\n') + '\n' : '';
  for (const change of diffWordsWithSpace(a, b)) {
    const kind: RedlineRun['kind'] = change.added ? 'inserted' : change.removed ? 'deleted' : 'same';
    const pieces = change.value.split('\n');
    pieces.forEach((piece, i) => {
      if (i > 0) {
        paragraphs.push({ runs, mark: kind });
        runs = [];
      }
      push(kind, piece);
    });
  }
  if (runs.length > 0) paragraphs.push({ runs, mark: 'same' });
  return paragraphs;
}
