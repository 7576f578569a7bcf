import type { Finding } from '../../finding.js';
import type { Question, QuestionInFile, QuestionOption, QuestionsFile, Section } from '../../schema/questions.js';
import type { Located, QuestionEntry, SectionEntry, Where } from '../model.js';
import { locate, shownFile, type PathSegment, type YamlSource } from '../yaml-source.js';

/** Where a question is written, and by which layer: what a QuestionEntry needs besides its place in the interview. */
export interface QuestionPlace {
  layer: string;
  at(field?: string): Where;
}

/** An interview as merging builds it: the sections, and where each question is written. */
export interface InterviewParts {
  sections: SectionEntry[];
  places: Map<string, QuestionPlace>;
}

/**
 * Where each field of an item is written. An item a layer adapts is written in two places:
 * the fields the layer sets are in its file, the others where the base has them.
 */
function fieldsAt(source: YamlSource, path: PathSegment[], written: object, base?: (field?: string) => Where): (field?: string) => Where {
  return (field) => {
    if (field === undefined) return { source, path };
    if (field in written || !base) return { source, path: [...path, field] };
    return base(field);
  };
}

/**
 * The interview of a library that extends none: its questions.yaml as written. A section or
 * question that says `overrides:` has nothing to adapt here; it is left out, with an error.
 */
export function ownInterview(file: Located<QuestionsFile>, findings: Finding[]): InterviewParts {
  const sections: SectionEntry[] = [];
  const places = new Map<string, QuestionPlace>();
  file.value.sections.forEach((written, s) => {
    const path: PathSegment[] = ['sections', s];
    if (written.overrides !== undefined) {
      findings.push(withoutBase(file.source, [...path, 'overrides'], `section ${written.id}`));
      return;
    }
    const questions: Question[] = [];
    written.questions.forEach((q, i) => {
      const qPath = [...path, 'questions', i];
      if (q.overrides !== undefined) {
        findings.push(withoutBase(file.source, [...qPath, 'overrides'], `question ${q.id}`));
        return;
      }
      questions.push(q);
      if (!places.has(q.id)) places.set(q.id, { layer: file.layer, at: fieldsAt(file.source, qPath, q) });
    });
    const section: Section = { id: written.id, title: written.title, ...(written.intro ? { intro: written.intro } : {}), questions };
    sections.push({ section, index: sections.length, layer: file.layer, at: fieldsAt(file.source, path, written) });
  });
  return { sections, places };
}

function withoutBase(source: YamlSource, path: PathSegment[], what: string): Finding {
  return {
    ruleId: 'override-without-base',
    severity: 'error',
    file: shownFile(source),
    ...locate(source, path),
    message: `${what} says overrides:, but this library extends no base; it is left out`,
    fix: 'add extends: { library: …, version: … } to clauses/library.yaml, or write it in full without overrides:',
  };
}

interface Draft {
  section: Section;
  layer: string;
  at: (field?: string) => Where;
}

/**
 * A library's interview over its base's. A section or question with a base id adapts it and
 * keeps its place: a patch (it says `overrides:`) gives only what changes — the fields it
 * gives replace the base's, options merge by value — while an item written in full replaces
 * the base's. A new question goes at the end of the section it is written in, a new section
 * after the base's. Excluded questions are left out, and sections left without questions.
 * Patches of items the base does not have are left out: lint reports them.
 */
export function mergeInterview(
  base: { sections: readonly SectionEntry[]; questions: ReadonlyMap<string, QuestionEntry> },
  own: Located<QuestionsFile> | undefined,
  excluded: ReadonlySet<string>,
): InterviewParts {
  const drafts: Draft[] = base.sections.map((e) => ({ section: { ...e.section, questions: [...e.section.questions] }, layer: e.layer, at: e.at }));
  const draftOf = new Map(drafts.map((d) => [d.section.id, d]));
  const places = new Map<string, QuestionPlace>([...base.questions].map(([id, e]) => [id, { layer: e.layer, at: e.at }]));
  const home = new Map<string, Draft>();
  for (const d of drafts) for (const q of d.section.questions) home.set(q.id, d);

  own?.value.sections.forEach((written, s) => {
    const path: PathSegment[] = ['sections', s];
    let draft = draftOf.get(written.id);
    if (draft) {
      if (written.title) draft.section.title = written.title;
      if (written.intro) draft.section.intro = written.intro;
      draft.layer = own.layer;
      draft.at = fieldsAt(own.source, path, written, written.overrides !== undefined ? draft.at : undefined);
    } else if (written.overrides === undefined && written.title) {
      const section: Section = { id: written.id, title: written.title, ...(written.intro ? { intro: written.intro } : {}), questions: [] };
      draft = { section, layer: own.layer, at: fieldsAt(own.source, path, written) };
      drafts.push(draft);
      draftOf.set(written.id, draft);
    } else {
      return;
    }
    const target = draft;
    (written.questions ?? []).forEach((q, i) => {
      const qPath = [...path, 'questions', i];
      const where = home.get(q.id);
      const patch = q.overrides !== undefined;
      if (where) {
        const k = where.section.questions.findIndex((b) => b.id === q.id);
        where.section.questions[k] = patch ? patchQuestion(where.section.questions[k]!, q) : withoutOverrides(q);
        places.set(q.id, { layer: own.layer, at: fieldsAt(own.source, qPath, q, patch ? places.get(q.id)?.at : undefined) });
      } else if (!patch) {
        target.section.questions.push(withoutOverrides(q));
        places.set(q.id, { layer: own.layer, at: fieldsAt(own.source, qPath, q) });
        home.set(q.id, target);
      }
    });
  });

  const sections: SectionEntry[] = [];
  for (const d of drafts) {
    d.section.questions = d.section.questions.filter((q) => !excluded.has(q.id));
    if (d.section.questions.length > 0) sections.push({ section: d.section, index: sections.length, layer: d.layer, at: d.at });
  }
  for (const id of excluded) places.delete(id);
  return { sections, places };
}

/** A base question with a layer's patch: the fields it gives replace the base's; options merge by value. */
export function patchQuestion(base: Question, patch: QuestionInFile): Question {
  const { overrides: _overrides, options, id: _id, ...fields } = patch;
  const merged: Question = { ...base, ...(fields as Partial<Question>) };
  if (options) merged.options = mergeOptions(base.options ?? [], options);
  return merged;
}

function mergeOptions(base: readonly QuestionOption[], own: readonly QuestionOption[]): QuestionOption[] {
  const out = base.map((o) => own.find((x) => x.value === o.value) ?? o);
  for (const o of own) if (!base.some((b) => b.value === o.value)) out.push(o);
  return out;
}

function withoutOverrides(q: QuestionInFile): Question {
  const { overrides: _overrides, ...rest } = q;
  return rest as Question;
}
