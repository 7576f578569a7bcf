import { describe, expect, test } from 'vitest';
import { choosePassages } from '../../src/assemble/passages.js';
import type { Passage } from '../../src/schema/clause.js';
import { paragraphTexts } from '../../src/text/plain-text.js';
import { clauseBlocks, usesTerm } from '../../src/text/passages.js';
import { resolveBlocks } from '../../src/assemble/document.js';
import { wordsFor } from '../../src/assemble/words.js';
import { clause } from './clauses.js';

const en = (t: Record<string, string>) => t.en ?? '';

/** The clause's text as a reader sees it: each paragraph, list items labelled as documents letter them. */
function read(passages: Passage[], printed?: boolean[], note?: (p: Passage) => string | undefined): string[] {
  const blocks = resolveBlocks(clauseBlocks(clause('a.x', { text: passages }), en, printed, note), () => undefined, wordsFor('en'), () => undefined);
  const out: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') out.push(paragraphTexts([block])[0]!);
    else block.items.forEach((item, i) => out.push(`${block.ordered ? `${String.fromCharCode(97 + i)})` : '•'} ${paragraphTexts(item).join(' / ')}`));
  }
  return out;
}

describe('a clause text in passages', () => {
  const items: Passage[] = [
    { text: { en: 'The Contractor shall:' } },
    { when: 'generatesData', text: { en: '1. deliver the data;' } },
    { when: 'aiSystem != "none"', text: { en: '1. document the AI System;' } },
    { text: { en: '1. keep records.' } },
    { text: { en: 'Breach of any of them is a serious breach.' } },
  ];

  test('list items written as passages make one list, lettered again whichever print', () => {
    expect(read(items)).toEqual(['The Contractor shall:', 'a) deliver the data;', 'b) document the AI System;', 'c) keep records.', 'Breach of any of them is a serious breach.']);
    expect(read(items, [true, true, false, true, true])).toEqual(['The Contractor shall:', 'a) deliver the data;', 'b) keep records.', 'Breach of any of them is a serious breach.']);
  });

  test('a list of another kind, or a paragraph between them, starts a new list', () => {
    const mixed: Passage[] = [{ text: { en: '1. first;' } }, { text: { en: '- a bullet' } }, { text: { en: 'Then:' } }, { text: { en: '1. again.' } }];
    expect(read(mixed)).toEqual(['a) first;', '• a bullet', 'Then:', 'a) again.']);
  });

  test('the guideline notes a condition before the passage, inside the list item', () => {
    const note = (p: Passage) => (p.when ? `[Only if ${p.when}:]` : undefined);
    // (Printed as the rest of the library's text is, with the language's quotation marks.)
    expect(read(items.slice(0, 3), undefined, note)).toEqual(['The Contractor shall:', 'a) [Only if generatesData:] deliver the data;', 'b) [Only if aiSystem != “none”:] document the AI System;']);
  });
});

describe('which passages a document prints', () => {
  const definitions = clause('general.definitions', {
    title: { en: 'Definitions' },
    text: [
      { text: { en: 'In this annex:' } },
      { defines: { en: 'Contract Data' }, text: { en: '- **Contract Data**: all data of the Contract.' } },
      { defines: { en: 'Personal Data' }, text: { en: '- **Personal Data**: the personal data among the Contract Data.' } },
      { defines: { en: ['AI System', 'AI Systems'] }, text: { en: '- **the AI System**: the AI system used.' } },
      { when: 'generatesData', defines: { en: 'Data Platform' }, text: { en: '- **the Data Platform**: the platform.' } },
    ],
  });
  const privacy = clause('personal-data.terms', { title: { en: 'Processing' }, text: [{ text: { en: 'The Contractor processes Personal Data.' } }, { when: 'aiSystem != "none"', text: { en: 'Including in AI Systems.' } }] });
  const platform = clause('platform.feed', { title: { en: 'Feeding the Data Platform' }, text: { en: 'Data go to the platform.' } });

  const chosen = (answers: Record<string, unknown>, clauses = [definitions, privacy], other: string[] = []) =>
    Object.fromEntries(choosePassages(clauses, new Map(Object.entries(answers)) as never, 'en', undefined, other));

  test('a definition prints only where the rest of the document uses its term, and brings in the terms it uses itself', () => {
    // Personal Data is used by the privacy clause; its definition uses Contract Data; no AI wording prints.
    expect(chosen({ aiSystem: 'none' })).toEqual({ 'general.definitions': [true, true, true, false, false], 'personal-data.terms': [true, false] });
  });

  test("a passage's condition decides whether the text that uses a term prints, and so whether the term is defined", () => {
    expect(chosen({ aiSystem: 'high-risk' })['general.definitions']).toEqual([true, true, true, true, false]);
  });

  test('a title or a heading uses a term too; a definition with a condition needs both', () => {
    expect(chosen({ generatesData: false }, [definitions, platform])['general.definitions']).toEqual([true, false, false, false, false]);
    expect(chosen({ generatesData: true }, [definitions, platform])['general.definitions']).toEqual([true, false, false, false, true]);
    expect(chosen({}, [definitions], ['Annex on Personal Data'])['general.definitions']).toEqual([true, true, true, false, false]);
  });

  test('a term is used as written, not inside a longer word', () => {
    expect(usesTerm("les obligacions del Sistema d'IA.", ["Sistema d'IA"])).toBe(true);
    expect(usesTerm('Contract Datasets', ['Contract Data'])).toBe(false);
    expect(usesTerm('the (AI Systems)', ['AI System', 'AI Systems'])).toBe(true);
    expect(usesTerm('Dades Personals', ['Dades personals'])).toBe(false);
  });
});
