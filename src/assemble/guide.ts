import type { Clause, Passage } from '../schema/clause.js';
import { describeCondition, phrase } from '../expr/describe.js';
import { parseCondition } from '../expr/parse.js';
import { baseReleasesOf, pick, type Library } from '../library/model.js';
import { parseClauseText } from '../text/clause-text.js';
import { clauseBlocks, termForms } from '../text/passages.js';
import { docClause, resolveBlocks, type DocClause, type DocPart, type DocumentModel } from './document.js';
import { showable } from '../text/literal.js';
import { compareClauses } from './outline.js';
import { formatDate } from './values.js';
import { wordsFor } from './words.js';
import { typeset } from '../text/typography.js';

export interface GuideOptions {
  language: string;
  /** The guideline's date (SOURCE_DATE_EPOCH or now, decided by the caller). */
  date: Date;
}

/**
 * The guideline for tenders: every clause of the library by category, with when it
 * applies in plain words, its text (placeholders shown as the question they ask for),
 * guidance for officers, legal bases, version and status. Pure, like buildDocument.
 */
export function buildGuide(library: Library, options: GuideOptions): DocumentModel {
  const { language } = options;
  const words = wordsFor(language);
  const manifest = library.manifest!.value;
  const fallback = manifest.defaultLanguage ?? manifest.languages[0];
  const text = (t: Record<string, string> | string | undefined) => pick(t, language, fallback);
  // In a guideline a placeholder reads as the question it stands for: [Contract title].
  const placeholder = (id: string) => `[${showable(text(library.questions.get(id)?.question.label)) || id}]`;

  // Every passage prints in a guideline; one that prints only under a condition says which.
  const passageNote = (passage: Passage): string | undefined => {
    const conditions: string[] = [];
    if (passage.when !== undefined) {
      const parsed = parseCondition(passage.when);
      conditions.push(parsed.ok ? phrase(parsed.expr, library.questions, language) : passage.when);
    }
    const term = termForms(passage, language, fallback)[0];
    if (term !== undefined) conditions.push(words.documentUses(term));
    return conditions.length > 0 ? words.onlyIf(conditions) : undefined;
  };

  const byCategory = new Map<string, Clause[]>();
  for (const { value } of library.clauses) byCategory.set(value.category, [...(byCategory.get(value.category) ?? []), value]);
  const known = manifest.categories.map((c) => c.id);
  const order = [...known.filter((id) => byCategory.has(id)), ...[...byCategory.keys()].filter((id) => !known.includes(id)).sort()];

  const parts: DocPart[] = order.map((categoryId, partIndex) => {
    const category = manifest.categories.find((c) => c.id === categoryId);
    const description = category?.description ? typeset(showable(text(category.description)), words.locale) : '';
    const clauses = [...byCategory.get(categoryId)!].sort(compareClauses);
    return {
      number: String(partIndex + 1),
      heading: category ? typeset(showable(text(category.title)), words.locale) : categoryId,
      intro: description ? [{ kind: 'paragraph', runs: [{ kind: 'text', text: description }] }] : [],
      clauses: clauses.map((clause, clauseIndex): DocClause => {
        const parsed = clause.when === undefined ? undefined : parseCondition(clause.when);
        const applies = parsed === undefined || parsed.ok ? typeset(describeCondition(parsed?.expr, library.questions, language), words.locale) : clause.when!;
        return {
          ...docClause(clause, `${partIndex + 1}.${clauseIndex + 1}`, text, clauseBlocks(clause, text, undefined, passageNote), placeholder, words, () => undefined, library.clauseById.get(clause.id)?.layer ?? manifest.id),
          guide: {
            applies,
            guidance: resolveBlocks(parseClauseText(text(clause.guidance)), placeholder, words, () => undefined),
            versionLine: `${words.version} ${clause.version} · ${words.statuses[clause.status]}`,
            ...(clause.supersededBy ? { supersededBy: words.supersededBy(clause.supersededBy) } : {}),
          },
        };
      }),
    };
  });

  const release = `${manifest.id}@${manifest.version}`;
  const isoDate = options.date.toISOString().slice(0, 10);
  const libraryTitle = showable(text(manifest.title));
  const publisher = manifest.publisher ? showable(text(manifest.publisher)) : undefined;
  const coverRows = [
    { label: words.publisher, value: publisher },
    { label: words.cover.release, value: `${libraryTitle} (${release})` },
    { label: words.jurisdiction, value: manifest.jurisdiction },
    { label: words.licence, value: manifest.licence },
    { label: words.clauseCount, value: String(library.clauses.length) },
    { label: words.cover.language, value: words.languageName },
    { label: words.cover.date, value: formatDate(isoDate, language) },
  ].filter((row): row is { label: string; value: string } => row.value !== undefined);

  return {
    kind: 'guide',
    language,
    words,
    title: words.guideTitle,
    template: 'guide',
    library: { id: manifest.id, version: manifest.version, release, title: libraryTitle, bases: baseReleasesOf(library) },
    cover: {
      authority: publisher,
      contractTitle: undefined,
      contractReference: undefined,
      contractType: undefined,
      cpvCodes: undefined,
      duration: undefined,
      date: formatDate(isoDate, language),
      isoDate,
    },
    parts,
    annexes: [],
    blanks: [],
    unplaced: [],
    coverRows,
    header: `${libraryTitle} · ${release}`,
    inputs: { answers: {}, rationale: false },
  };
}
