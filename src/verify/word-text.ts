import type { DocxPackage } from './package.js';
import type { WordStyles } from './word-styles.js';
import { inW, isW, NS, onOff, parsePart, wAttr, type Tag } from './xml.js';

/** A paragraph as Word shows it: its visible text, and what else it holds that verify must see. */
export interface WordParagraph {
  /** The visible text: runs joined, tabs as "\t", line breaks as "\n"; numbering labels are not text. */
  text: string;
  /** Text in the paragraph that Word does not show (w:vanish in the run or its styles). */
  hidden: string;
  /** 1–9 for a heading (its outline level, as the table of contents reads it). */
  headingLevel: number | undefined;
  /** Whether the paragraph carries a number or bullet (it shows a label even when empty). */
  numbered: boolean;
  /** The footnotes referenced from the paragraph, in order, by id. */
  footnotes: string[];
  endnotes: string[];
  /** Fields whose result Word computes as text (anything but page numbers, links and the table of contents). */
  fields: string[];
  /** Images, shapes, embedded objects, imported content: things that can show words that are not text. */
  objects: ObjectKind[];
  /** Inside the table of contents' field. */
  inContents: boolean;
  inTextBox: boolean;
  /** Names of the bookmarks that start before (since the last paragraph) or in it, and that end in it (or after it, before the next). */
  starts: string[];
  ends: string[];
  /** In a footnotes or endnotes part: the note the paragraph belongs to. */
  note?: string;
}

type FieldKind = 'contents' | 'page' | 'link' | 'other';
interface Field {
  kind: FieldKind;
  instr: string;
  phase: 'code' | 'result';
  result: string;
  simple: boolean;
}
interface Run {
  vanish: boolean | undefined;
  style: string | undefined;
}

/** Field instructions a build writes, and page numbers (whose results change with the layout). */
function fieldKind(instr: string): FieldKind {
  const name = instr.trim().split(/\s+/, 1)[0]!.toUpperCase();
  if (name === 'TOC') return 'contents';
  if (name === 'PAGE' || name === 'NUMPAGES' || name === 'SECTIONPAGES' || name === 'PAGEREF') return 'page';
  if (name === 'HYPERLINK') return 'link';
  return 'other';
}

/** What a page-number field may show: digits or roman numerals. */
const PAGE_NUMBER = /^[\s0-9ivxlcdmIVXLCDM-]*$/;

/** What a document can hold besides text that shows or brings in words: images, objects, imported parts, macros. */
export type ObjectKind = 'image' | 'object' | 'import' | 'subdocument' | 'macros' | 'template';

const OBJECTS: Record<string, ObjectKind> = {
  drawing: 'image',
  pict: 'image',
  object: 'object',
  altChunk: 'import',
  subDoc: 'subdocument',
};
const DATE_BLOCKS = new Set(['dayShort', 'dayLong', 'monthShort', 'monthLong', 'yearShort', 'yearLong']);

/**
 * The paragraphs of a WordprocessingML part (the body, a header, footnotes) in reading
 * order: table cells row by row, text boxes where they are anchored. Text is what Word
 * shows: deleted text of tracked changes is not text and inserted text is; field codes
 * are not text and field results are; every alternative of a compatibility block
 * (mc:AlternateContent) is read, since readers differ in which one they show.
 */
export async function readParagraphs(pkg: DocxPackage, part: string, styles: WordStyles): Promise<WordParagraph[] | undefined> {
  const out: WordParagraph[] = [];
  const tags: Tag[] = [];
  const paragraphs: WordParagraph[] = [];
  const styleOf = new Map<WordParagraph, { style: string | undefined; outline: number | undefined; numId: string | undefined }>();
  const runs: Run[] = [];
  const fields: Field[] = [];
  const tables: (string | undefined)[] = [];
  const bookmarkNames = new Map<string, string>();
  let pendingStarts: string[] = [];
  let deleted = 0;
  let textBoxes = 0;
  let note: string | undefined;
  let inText = false;
  let inInstr = false;

  const current = (): WordParagraph | undefined => paragraphs[paragraphs.length - 1];
  const inContents = () => fields.some((f) => f.kind === 'contents' && f.phase === 'result');
  const newParagraph = (): WordParagraph => ({
    text: '',
    hidden: '',
    headingLevel: undefined,
    numbered: false,
    footnotes: [],
    endnotes: [],
    fields: [],
    objects: [],
    inContents: inContents(),
    inTextBox: textBoxes > 0,
    starts: [],
    ends: [],
    ...(note !== undefined ? { note } : {}),
  });
  const append = (text: string) => {
    const p = current();
    if (!p || deleted > 0 || text === '') return;
    const run = runs[runs.length - 1];
    const props = styleOf.get(p);
    const hidden = run?.vanish ?? styles.hides(run?.style, props?.style, tables.filter((t): t is string => t !== undefined));
    if (hidden) {
      p.hidden += text;
      return;
    }
    const field = fields[fields.length - 1];
    if (field && field.kind === 'page' && field.phase === 'result') {
      field.result += text;
      return;
    }
    addText(p, text);
  };
  const addText = (p: WordParagraph, text: string) => {
    if (inContents()) p.inContents = true;
    p.text += text;
  };
  const fieldInstruction = (field: Field) => {
    field.kind = fieldKind(field.instr);
    if (field.kind === 'other') current()?.fields.push(field.instr.trim().replace(/\s+/g, ' ') || '(empty)');
  };
  const endField = (field: Field | undefined) => {
    if (!field) return;
    const p = current();
    // LibreOffice writes a contents entry's whole text as its page reference's result.
    if (field.kind === 'page' && !PAGE_NUMBER.test(field.result) && p) addText(p, field.result);
  };

  const found = await parsePart(pkg, part, {
    open(tag) {
      const parent = tags[tags.length - 1];
      tags.push(tag);
      if (!inW(tag)) {
        if (tag.local === 't' && (tag.uri === NS.m || tag.uri === NS.mStrict)) inText = true;
        if (tag.local === 'r' && (tag.uri === NS.m || tag.uri === NS.mStrict)) runs.push({ vanish: undefined, style: undefined });
        return;
      }
      const p = current();
      switch (tag.local) {
        case 'p': {
          const para = newParagraph();
          para.starts.push(...pendingStarts);
          pendingStarts = [];
          styleOf.set(para, { style: undefined, outline: undefined, numId: undefined });
          paragraphs.push(para);
          return;
        }
        case 'footnote':
        case 'endnote':
          note = wAttr(tag, 'id');
          return;
        case 'txbxContent':
          textBoxes++;
          return;
        case 'tbl':
          tables.push(undefined);
          return;
        case 'tblStyle':
          if (parent && isW(parent, 'tblPr') && tables.length > 0) tables[tables.length - 1] = wAttr(tag, 'val');
          return;
        case 'pStyle':
        case 'outlineLvl':
        case 'numId': {
          const owner = tag.local === 'numId' ? tags[tags.length - 3] : parent;
          const grandOwner = tag.local === 'numId' ? tags[tags.length - 4] : tags[tags.length - 3];
          if (!p || !owner || !isW(owner, 'pPr') || !grandOwner || !isW(grandOwner, 'p')) return;
          const props = styleOf.get(p)!;
          const value = wAttr(tag, 'val');
          if (tag.local === 'pStyle') props.style = value;
          else if (tag.local === 'outlineLvl') props.outline = Number(value);
          else props.numId = value;
          return;
        }
        case 'r':
          runs.push({ vanish: undefined, style: undefined });
          return;
        case 'rStyle':
        case 'vanish':
        case 'specVanish': {
          const grand = tags[tags.length - 3];
          if (!parent || !isW(parent, 'rPr') || !grand || grand.local !== 'r' || runs.length === 0) return;
          const run = runs[runs.length - 1]!;
          if (tag.local === 'rStyle') run.style = wAttr(tag, 'val');
          else run.vanish = run.vanish === true || onOff(tag);
          return;
        }
        case 'del':
        case 'moveFrom':
          deleted++;
          return;
        case 't':
          inText = true;
          return;
        case 'instrText':
          inInstr = true;
          return;
        case 'tab':
        case 'ptab':
          if (parent && parent.local === 'r') append('\t');
          return;
        case 'br':
        case 'cr': {
          const type = wAttr(tag, 'type');
          if (parent && parent.local === 'r' && (type === undefined || type === 'textWrapping')) append('\n');
          return;
        }
        case 'noBreakHyphen':
          append('\u2011');
          return;
        case 'sym': {
          const code = parseInt(wAttr(tag, 'char') ?? '', 16);
          if (Number.isFinite(code)) append(String.fromCodePoint(code >= 0xf000 ? code - 0xf000 : code));
          return;
        }
        case 'footnoteReference':
          if (p && deleted === 0) p.footnotes.push(wAttr(tag, 'id') ?? '');
          return;
        case 'endnoteReference':
          if (p && deleted === 0) p.endnotes.push(wAttr(tag, 'id') ?? '');
          return;
        case 'fldSimple': {
          const field: Field = { kind: 'other', instr: wAttr(tag, 'instr') ?? '', phase: 'result', result: '', simple: true };
          fieldInstruction(field);
          fields.push(field);
          return;
        }
        case 'fldChar': {
          const type = wAttr(tag, 'fldCharType');
          if (type === 'begin') fields.push({ kind: 'other', instr: '', phase: 'code', result: '', simple: false });
          const top = [...fields].reverse().find((f) => !f.simple);
          if (type === 'separate' && top && top.phase === 'code') {
            fieldInstruction(top);
            top.phase = 'result';
          }
          if (type === 'end' && top) {
            if (top.phase === 'code') fieldInstruction(top);
            fields.splice(fields.lastIndexOf(top), 1);
            endField(top);
          }
          return;
        }
        case 'bookmarkStart': {
          const name = wAttr(tag, 'name') ?? '';
          bookmarkNames.set(wAttr(tag, 'id') ?? '', name);
          if (p) p.starts.push(name);
          else pendingStarts.push(name);
          return;
        }
        case 'bookmarkEnd': {
          const name = bookmarkNames.get(wAttr(tag, 'id') ?? '');
          if (name === undefined) return;
          // Between paragraphs, a bookmark ends after the one before.
          const owner = p ?? out[out.length - 1];
          owner?.ends.push(name);
          return;
        }
        default:
          if (DATE_BLOCKS.has(tag.local) && p) p.fields.push(`DATE (w:${tag.local})`);
          else if (OBJECTS[tag.local] !== undefined) {
            if (p) p.objects.push(OBJECTS[tag.local]!);
            else {
              // Block-level content Word imports or embeds: a paragraph of its own for the report.
              const block = newParagraph();
              block.objects.push(OBJECTS[tag.local]!);
              block.starts.push(...pendingStarts);
              pendingStarts = [];
              out.push(block);
            }
          }
      }
    },
    close(tag) {
      tags.pop();
      if (!inW(tag)) {
        if (tag.local === 't' && (tag.uri === NS.m || tag.uri === NS.mStrict)) inText = false;
        if (tag.local === 'r' && (tag.uri === NS.m || tag.uri === NS.mStrict)) runs.pop();
        return;
      }
      switch (tag.local) {
        case 'p': {
          const p = paragraphs.pop();
          if (!p) return;
          const props = styleOf.get(p)!;
          styleOf.delete(p);
          p.headingLevel = props.outline !== undefined ? (props.outline >= 0 && props.outline <= 8 ? props.outline + 1 : undefined) : styles.headingLevel(props.style);
          p.numbered = props.numId !== undefined ? props.numId !== '0' : styles.numbered(props.style);
          out.push(p);
          return;
        }
        case 'footnote':
        case 'endnote':
          note = undefined;
          return;
        case 'txbxContent':
          textBoxes--;
          return;
        case 'tbl':
          tables.pop();
          return;
        case 'r':
          runs.pop();
          return;
        case 'del':
        case 'moveFrom':
          deleted--;
          return;
        case 't':
          inText = false;
          return;
        case 'instrText':
          inInstr = false;
          return;
        case 'fldSimple': {
          const index = fields.findLastIndex((f) => f.simple);
          if (index >= 0) endField(fields.splice(index, 1)[0]);
          return;
        }
        default:
      }
    },
    text(text) {
      if (inText) append(text);
      else if (inInstr && deleted === 0) {
        const top = [...fields].reverse().find((f) => !f.simple);
        if (top && top.phase === 'code') top.instr += text;
      }
    },
  });
  if (!found) return undefined;
  // A bookmark that starts after the last paragraph marks nothing.
  return out;
}
