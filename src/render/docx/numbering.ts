import { AlignmentType, LevelFormat, LevelSuffix, type INumberingOptions } from 'docx';

/** The document's lists: headings (1, 1.1), ordered clause lists (a), i), …) and bullets. */
export const LIST = {
  headings: 'clausula-headings',
  ordered: 'clausula-ordered',
  bullets: 'clausula-bullets',
} as const;

const indent = (level: number) => ({ paragraph: { indent: { left: 567 * (level + 1), hanging: 397 } } });

// a) then i), then 1), and round again for deeper lists.
const ORDERED = [LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN, LevelFormat.DECIMAL] as const;
const BULLETS = ['•', '◦', '▪'] as const;

export function numberingOptions(): INumberingOptions {
  return {
    config: [
      {
        reference: LIST.headings,
        levels: [
          { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, suffix: LevelSuffix.TAB, style: { paragraph: { indent: { left: 567, hanging: 567 } } } },
          { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2.', alignment: AlignmentType.START, suffix: LevelSuffix.TAB, style: { paragraph: { indent: { left: 794, hanging: 794 } } } },
        ],
      },
      {
        reference: LIST.ordered,
        levels: Array.from({ length: 9 }, (_, level) => ({ level, format: ORDERED[level % 3]!, text: `%${level + 1})`, alignment: AlignmentType.START, style: indent(level) })),
      },
      {
        reference: LIST.bullets,
        levels: Array.from({ length: 9 }, (_, level) => ({ level, format: LevelFormat.BULLET, text: BULLETS[level % 3]!, alignment: AlignmentType.START, style: indent(level) })),
      },
    ],
  };
}

/**
 * Hands out list instances. Every ordered list that does not continue an ordered list
 * around it gets an instance of its own, so its letters start again at a): in every
 * clause, and for every list within a clause.
 */
export function listInstances(): () => number {
  let next = 0;
  return () => ++next;
}
