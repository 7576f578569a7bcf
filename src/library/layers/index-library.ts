import type { Library, QuestionEntry } from '../model.js';
import type { InterviewParts } from './interview.js';

/** Build the lookup tables. First definition wins; lint reports the duplicates. */
export function indexLibrary(library: Library, parts: InterviewParts | undefined): void {
  let index = 0;
  for (const entry of parts?.sections ?? []) {
    for (const question of entry.section.questions) {
      const place = parts!.places.get(question.id);
      if (!library.questions.has(question.id) && place) {
        const where = place.at();
        const q: QuestionEntry = {
          question,
          section: entry.section,
          sectionIndex: entry.index,
          index,
          path: where.path,
          source: where.source,
          layer: place.layer,
          at: place.at,
        };
        library.questions.set(question.id, q);
      }
      index++;
    }
  }
  for (const clause of library.clauses) {
    if (!library.clauseById.has(clause.value.id)) library.clauseById.set(clause.value.id, clause);
  }
  for (const template of library.templates) {
    if (!library.templateById.has(template.value.id)) library.templateById.set(template.value.id, template);
  }
}
