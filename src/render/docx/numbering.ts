import { AlignmentType, LevelFormat, LevelSuffix, type INumberingOptions } from 'docx';

/** The document's lists: headings (1, 1.1, 1.1.1, …), ordered clause lists (a), i), …) and bullets. */
export const LIST = {
  headings: 'clausula-headings',
  ordered: 'clausula-ordered',
  bullets: 'clausula-bullets',
} as const;

const LEVELS = 9;
const indent = (level: number) => ({ indent: { left: 567 * (level + 1), hanging: 397 } });

// a) then i), then 1), and round again for deeper lists.
const ORDERED = [LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN, LevelFormat.DECIMAL] as const;
const BULLETS = ['•', '◦', '▪'] as const;

/** The heading styles each heading level is linked to: a paragraph given Heading 2 in Word is numbered 1.2. */
const headingStyle = (level: number) => `Heading${level + 1}`;
const listStyle = (base: string, level: number) => (level < 5 ? `${base}${level === 0 ? '' : level + 1}` : undefined);

/**
 * The lists, each linked to its styles: Heading 1…9 to the heading numbers, List Number
 * and List Bullet (1 to 5) to the clause lists. The styles carry the numbering; only an
 * ordered list that starts again names its own list instance.
 */
export function numberingOptions(prefix = ''): INumberingOptions {
  return {
    config: [
      {
        reference: LIST.headings,
        levels: Array.from({ length: LEVELS }, (_, level) => ({
          level,
          format: LevelFormat.DECIMAL,
          text: `${prefix}${Array.from({ length: level + 1 }, (_, i) => `%${i + 1}.`).join('')}`,
          alignment: AlignmentType.START,
          suffix: LevelSuffix.TAB,
          style: { style: headingStyle(level), paragraph: { indent: headingIndent(level) } },
        })),
      },
      {
        reference: LIST.ordered,
        levels: Array.from({ length: LEVELS }, (_, level) => ({ level, format: ORDERED[level % 3]!, text: `%${level + 1})`, alignment: AlignmentType.START, style: { ...linked('ListNumber', level), paragraph: indent(level) } })),
      },
      {
        reference: LIST.bullets,
        levels: Array.from({ length: LEVELS }, (_, level) => ({ level, format: LevelFormat.BULLET, text: BULLETS[level % 3]!, alignment: AlignmentType.START, style: { ...linked('ListBullet', level), paragraph: indent(level) } })),
      },
    ],
  };
}

function linked(base: string, level: number): { style?: string } {
  const style = listStyle(base, level);
  return style ? { style } : {};
}

/** Headings hang from their numbers: 1. at the margin, 1.1. and 1.10. both clear of the title. */
function headingIndent(level: number): { left: number; hanging: number } {
  const width = level === 0 ? 567 : 794 + 227 * (level - 1);
  return { left: width, hanging: width };
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
