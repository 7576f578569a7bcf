import { describe, expect, it } from 'vitest';
import type { DocBlock } from '../../src/assemble/document.js';
import { parseClauseText } from '../../src/text/clause-text.js';
import { resolveBlocks } from '../../src/assemble/document.js';
import { wordsFor } from '../../src/assemble/words.js';
import { paragraphTexts } from '../../src/text/plain-text.js';
import { blockSpecs, makeParagraphs } from '../../src/render/docx/blocks.js';

const blocks = (markdown: string): DocBlock[] => resolveBlocks(parseClauseText(markdown), () => 'ANSWER', wordsFor('en'), () => undefined);

describe('clause text as Word paragraphs', () => {
  it('writes one paragraph for each paragraph verify reads back, whatever the nesting', () => {
    const text = [
      'Intro with {{ x }}.',
      '',
      '1. one',
      '',
      '   a second paragraph in item one',
      '2. two',
      '   - bullet under two',
      '     1. ordered under a bullet',
      '3.',
      '',
      'Outro.',
    ].join('\n');
    const parsed = blocks(text);
    let instances = 0;
    const specs = blockSpecs(parsed, () => ++instances);
    expect(specs.map((s) => s.children.length > 0)).toHaveLength(paragraphTexts(parsed).length);
    expect(paragraphTexts(parsed)).toEqual(['Intro with ANSWER.', 'one', 'a second paragraph in item one', 'two', 'bullet under two', 'ordered under a bullet', '', 'Outro.']);
    // Every paragraph is formatted by its style alone: Body Text, List Number, List Bullet, List Continue.
    expect(specs.map((s) => s.options.style)).toEqual(['BodyText', 'ListNumber', 'ListContinue', 'ListNumber', 'ListBullet2', 'ListNumber3', 'ListNumber', 'BodyText']);
    expect(specs.every((s) => s.options.alignment === undefined && s.options.indent === undefined)).toBe(true);
    // The continuation paragraph has no label; bullets take theirs from the style; the ordered list under a bullet starts a list of its own.
    expect(specs[2]!.options.numbering).toBeUndefined();
    expect(specs[4]!.options.numbering).toBeUndefined();
    expect(specs[5]!.options.numbering).toEqual({ reference: 'clausula-ordered', level: 2, instance: 2, custom: true });
    expect(specs[6]!.options.numbering).toEqual({ reference: 'clausula-ordered', level: 0, instance: 1, custom: true });
    expect(makeParagraphs(specs)).toHaveLength(8);
  });
});
