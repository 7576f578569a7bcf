/**
 * Typographic quotation marks and apostrophes, as each language prints them: «…» in
 * Catalan and Spanish (with “…” inside), “…” in English (with ‘…’ inside), and ’ for the
 * apostrophe everywhere (l’Administració, the Contractor’s). Library text is written with
 * the keyboard's straight quotes; documents print these. Answers are never changed: they
 * are literal text, as the officer typed it.
 */

interface Marks {
  open: [string, string];
  close: [string, string];
}

const ANGLED: Marks = { open: ['«', '“'], close: ['»', '”'] };
const CURLY: Marks = { open: ['“', '‘'], close: ['”', '’'] };

function marksFor(language: string): Marks {
  return /^(ca|es)\b/.test(language) ? ANGLED : CURLY;
}

// After these, a quotation mark opens; after anything else (a letter, a digit, a full stop), it closes.
const OPENS_AFTER = /[\s([{\u2014\u2013\u00ab\u201c\u2018/-]/;

/**
 * Typesets one paragraph's text, piece by piece: a quotation mark's side depends on the
 * character before it, which may end the piece before (an answer, a bold word).
 */
export class Typesetter {
  private previous = '';
  private depth = 0;
  private readonly marks: Marks;

  constructor(language: string) {
    this.marks = marksFor(language);
  }

  /** Library text: straight quotes become the language's marks. */
  text(piece: string): string {
    let out = '';
    for (const c of piece) {
      out += this.mark(c);
      this.previous = c;
    }
    return out;
  }

  /** Literal text (an answer): kept as it is, but it is what the next mark follows. */
  literal(piece: string): string {
    if (piece.length > 0) this.previous = piece[piece.length - 1]!;
    return piece;
  }

  private mark(c: string): string {
    const opens = this.previous === '' || OPENS_AFTER.test(this.previous);
    if (c === '"') {
      if (opens || this.depth === 0) {
        // A quote that opens; a lone closing quote at depth 0 (a stray mark) opens too, so marks always pair.
        const mark = this.marks.open[Math.min(this.depth, 1)]!;
        this.depth++;
        return mark;
      }
      this.depth--;
      return this.marks.close[Math.min(this.depth, 1)]!;
    }
    if (c === "'") return opens ? '‘' : '’';
    return c;
  }
}

/** A whole string of library text (a title, a heading, a legal basis) typeset on its own. */
export function typeset(text: string, language: string): string {
  return new Typesetter(language).text(text);
}
