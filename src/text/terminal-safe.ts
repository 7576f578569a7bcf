// Text that comes from a library, a document or an answers file is someone else's: printed
// as it is, an escape sequence in it would act on the reader's terminal (clear the screen,
// move the cursor, recolour, retitle the window, hide what follows) and a line feed would
// forge a line of our own ("Verified: …"). Every printer passes such text through here.

/**
 * Controls (C0, DEL, C1) and the characters that reorder a line when shown (bidirectional
 * embeddings, overrides, isolates and marks, line and paragraph separators).
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');

/**
 * How the text is laid out: `line` for a value printed inside one line (an id, a title, a
 * message), where a line feed or a tab would break the layout; `text` for a block printed
 * as it is (a clause's text), whose line feeds and tabs stay.
 */
export type Layout = 'line' | 'text';

/**
 * The text as a terminal shows it without acting on it: each unsafe character becomes a
 * visible stand-in — a C0 control its Control Pictures sign (ESC ␛, line feed ␊), DEL ␡,
 * anything else U+FFFD — so a maintainer sees that something is there, and where.
 */
export function terminalSafe(text: string, layout: Layout = 'line'): string {
  if (!UNSAFE.test(text)) return text;
  return text.replace(UNSAFE_ALL, (c) => {
    if (layout === 'text' && (c === '\n' || c === '\t')) return c;
    if (c === '\t') return ' ';
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return '\ufffd';
  });
}

/**
 * The text with its unsafe characters removed: for a value the reader may accept as it is
 * shown (an answer offered as the default), which must not turn into the stand-ins.
 */
export function withoutUnsafe(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, (c) => (c === '\t' ? ' ' : '')) : text;
}

/** Every string of a value made terminal-safe (`line` layout), for printers that lay out records: findings, reports. */
export function terminalSafeStrings<T>(value: T): T {
  if (typeof value === 'string') return terminalSafe(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => terminalSafeStrings(v)) as T;
  if (isPlainObject(value)) {
    // fromEntries defines own properties: a key named __proto__ stays a key.
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [terminalSafe(k), terminalSafeStrings(v)])) as T;
  }
  return value;
}

function isPlainObject(value: unknown): value is object {
  if (value === null || typeof value !== 'object') return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

// JSON.stringify escapes the C0 controls; these it leaves as they are.
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON for standard output: the value JSON.stringify gives, with the characters a terminal
 * would act on written as \u escapes, so printing it is harmless and parsing it gives back
 * every character.
 */
export function terminalJson(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
