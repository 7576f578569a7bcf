import { StringDecoder } from 'node:string_decoder';
import { Transform, type TransformCallback } from 'node:stream';

/** Asks the terminal to mark pasted text (bracketed paste), and to stop. */
export const PASTE_ON = '\x1b[?2004h';
export const PASTE_OFF = '\x1b[?2004l';
const START = '\x1b[200~';
const END = '\x1b[201~';

/**
 * The terminal's input with pasted text joined into one line. With bracketed paste on, the
 * terminal wraps whatever is pasted in ESC[200~ … ESC[201~; the line breaks inside (a
 * title copied from Word over two lines) become spaces, so the paste is one answer and
 * nothing leaks into the next question. Everything typed passes through as it is.
 */
export class PasteJoiner extends Transform {
  private readonly decoder = new StringDecoder('utf8');
  private pasting = false;
  /** Inside a paste: a line break seen and not yet turned into a space, and whether text came before it. */
  private pendingBreak = false;
  private pastedText = false;
  /** The end of a chunk that may be the start of a marker cut in two. */
  private held = '';

  override _transform(chunk: Buffer | string, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.push(this.join(this.held + (typeof chunk === 'string' ? chunk : this.decoder.write(chunk))));
    callback();
  }

  override _flush(callback: TransformCallback): void {
    this.push(this.join(this.held + this.decoder.end(), true));
    callback();
  }

  private join(text: string, last = false): string {
    let out = '';
    let rest = text;
    this.held = '';
    for (;;) {
      const marker = this.pasting ? END : START;
      const at = rest.indexOf(marker);
      if (at === -1) {
        const keep = last ? 0 : partialMarker(rest, marker);
        out += this.piece(rest.slice(0, rest.length - keep));
        this.held = rest.slice(rest.length - keep);
        return out;
      }
      out += this.piece(rest.slice(0, at));
      rest = rest.slice(at + marker.length);
      this.pasting = !this.pasting;
      this.pendingBreak = false;
      this.pastedText = false;
    }
  }

  private piece(text: string): string {
    if (!this.pasting) return text;
    // Line breaks inside a paste join the lines with one space (none at its ends), and tabs
    // become spaces: even when the paste arrives in several chunks.
    let out = '';
    for (const ch of text) {
      if (ch === '\r' || ch === '\n') {
        this.pendingBreak = true;
        continue;
      }
      if (this.pendingBreak && this.pastedText && ch !== ' ' && ch !== '\t') out += ' ';
      if (ch !== ' ' && ch !== '\t') this.pendingBreak = false;
      if (this.pendingBreak) continue; // spaces around a line break
      out += ch === '\t' ? ' ' : ch;
      this.pastedText = true;
    }
    return out;
  }
}

/** How many characters at the end of `text` could begin `marker` — two at least: a lone ESC is the Esc key, passed on at once. */
function partialMarker(text: string, marker: string): number {
  for (let n = Math.min(marker.length - 1, text.length); n > 1; n--) if (marker.startsWith(text.slice(-n))) return n;
  return 0;
}
