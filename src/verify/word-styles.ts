import type { DocxPackage } from './package.js';
import { isW, onOff, parsePart, wAttr, type Tag } from './xml.js';

interface StyleInfo {
  name: string | undefined;
  basedOn: string | undefined;
  /** Whether the style's run properties hide text (w:vanish), when it says. */
  vanish: boolean | undefined;
  /** 0-based outline level from the style's paragraph properties. */
  outline: number | undefined;
  /** Whether the style's paragraph properties number its paragraphs. */
  numbered: boolean | undefined;
}

/** What verify needs from styles.xml: which styles hide text, which make headings or numbered paragraphs. */
export interface WordStyles {
  /** Text in a run of this character style, in a paragraph of this style, in tables of these styles, is hidden. */
  hides(runStyle: string | undefined, paragraphStyle: string | undefined, tableStyles: readonly string[]): boolean;
  /** The heading level (1–9) of a paragraph of this style, if it is a heading. */
  headingLevel(paragraphStyle: string | undefined): number | undefined;
  numbered(paragraphStyle: string | undefined): boolean;
}

export async function readStyles(pkg: DocxPackage, part: string | undefined): Promise<WordStyles> {
  const styles = new Map<string, StyleInfo>();
  let defaultParagraph: string | undefined;
  let defaultsVanish = false;
  if (part !== undefined) {
    let current: StyleInfo | undefined;
    const stack: Tag[] = [];
    await parsePart(pkg, part, {
      open(tag) {
        const parent = stack[stack.length - 1];
        const grand = stack[stack.length - 2];
        stack.push(tag);
        if (isW(tag, 'style')) {
          current = { name: undefined, basedOn: undefined, vanish: undefined, outline: undefined, numbered: undefined };
          const id = wAttr(tag, 'styleId');
          if (id !== undefined && !styles.has(id)) styles.set(id, current);
          if (wAttr(tag, 'type') === 'paragraph' && onOff1(wAttr(tag, 'default')) && id !== undefined) defaultParagraph = id;
          return;
        }
        if (current && parent && isW(parent, 'style')) {
          if (isW(tag, 'name')) current.name = wAttr(tag, 'val');
          if (isW(tag, 'basedOn')) current.basedOn = wAttr(tag, 'val');
        }
        // Run properties of the style itself, or of one of a table style's conditional parts.
        if ((isW(tag, 'vanish') || isW(tag, 'specVanish')) && parent && isW(parent, 'rPr') && grand) {
          if (current && (isW(grand, 'style') || isW(grand, 'tblStylePr'))) current.vanish = current.vanish === true || onOff(tag);
          else if (isW(grand, 'rPrDefault')) defaultsVanish ||= onOff(tag);
        }
        if (current && parent && isW(parent, 'pPr') && grand && isW(grand, 'style')) {
          if (isW(tag, 'outlineLvl')) current.outline = Number(wAttr(tag, 'val'));
          if (isW(tag, 'numPr')) current.numbered ??= true;
        }
        if (current && isW(tag, 'numId') && parent && isW(parent, 'numPr') && grand && isW(grand, 'pPr')) current.numbered = wAttr(tag, 'val') !== '0';
      },
      close(tag) {
        stack.pop();
        if (isW(tag, 'style')) current = undefined;
      },
      text() {},
    });
  }

  /** The styles a style is based on, nearest first, stopping at a loop. */
  const chain = (id: string | undefined): StyleInfo[] => {
    const out: StyleInfo[] = [];
    const seen = new Set<string>();
    for (let at = id; at !== undefined && !seen.has(at); ) {
      seen.add(at);
      const style = styles.get(at);
      if (!style) break;
      out.push(style);
      at = style.basedOn;
    }
    return out;
  };
  const nearest = <K extends keyof StyleInfo>(id: string | undefined, key: K): StyleInfo[K] | undefined => chain(id).find((s) => s[key] !== undefined)?.[key];
  const paragraphStyle = (id: string | undefined) => (id !== undefined && styles.has(id) ? id : defaultParagraph);

  return {
    // Word combines hidden text from the styles as a toggle; any of them saying so counts here,
    // which can only report more hidden text than Word shows, never less.
    hides: (runStyle, pStyle, tableStyles) =>
      defaultsVanish || nearest(runStyle, 'vanish') === true || nearest(paragraphStyle(pStyle), 'vanish') === true || tableStyles.some((t) => nearest(t, 'vanish') === true),
    headingLevel(pStyle) {
      const id = paragraphStyle(pStyle);
      const outline = nearest(id, 'outline');
      if (outline !== undefined) return outline >= 0 && outline <= 8 ? outline + 1 : undefined;
      for (const style of chain(id)) {
        const match = /^heading ([1-9])$/i.exec(style.name ?? '');
        if (match) return Number(match[1]);
      }
      return undefined;
    },
    numbered: (pStyle) => nearest(paragraphStyle(pStyle), 'numbered') === true,
  };
}

function onOff1(value: string | undefined): boolean {
  return value !== undefined && !['false', '0', 'off'].includes(value);
}
