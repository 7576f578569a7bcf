import { diffWordsWithSpace } from 'diff';

export interface Segment {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** A line of the compared text with its changes, or a gap standing for unchanged lines left out. */
export type DiffLine = { segments: Segment[] } | { gap: true };

/**
 * A word-level diff of two texts, cut into lines (a clause text has one paragraph or
 * list item a line) and reduced to the lines that changed, with a gap where unchanged
 * lines were left out: what a reviewer needs to see, and no more.
 */
export function wordDiffLines(before: string, after: string): DiffLine[] {
  const lines: Segment[][] = [[]];
  for (const change of diffWordsWithSpace(before.trimEnd(), after.trimEnd())) {
    const kind: Segment['kind'] = change.added ? 'added' : change.removed ? 'removed' : 'same';
    const pieces = change.value.split('\n');
    pieces.forEach((piece, i) => {
      if (i > 0) lines.push([]);
      if (piece !== '') lines[lines.length - 1]!.push({ kind, text: piece });
    });
  }
  const changed = (line: Segment[]) => line.some((s) => s.kind !== 'same' && s.text.trim() !== '');
  const out: DiffLine[] = [];
  let last = -1;
  lines.forEach((line, i) => {
    if (!changed(line)) return;
    if (lines.slice(last + 1, i).some((l) => l.length > 0)) out.push({ gap: true });
    out.push({ segments: coalesce(line) });
    last = i;
  });
  if (out.length > 0 && lines.slice(last + 1).some((l) => l.length > 0)) out.push({ gap: true });
  return out;
}

/**
 * Changes separated only by spaces read as one change: `[-asks it to-]{+designates as
 * confidential+}` rather than `[-asks-]{+designates+} [-it-]{+as+} [-to-]{+confidential+}`.
 * Whitespace both sides share at the edges of a change stays outside it.
 */
function coalesce(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  const push = (kind: Segment['kind'], text: string) => {
    if (text === '') return;
    const prev = out[out.length - 1];
    if (prev && prev.kind === kind) prev.text += text;
    else out.push({ kind, text });
  };
  let i = 0;
  while (i < segments.length) {
    const first = segments[i]!;
    if (first.kind === 'same') {
      push('same', first.text);
      i++;
      continue;
    }
    let removed = '';
    let added = '';
    for (; i < segments.length; i++) {
      const s = segments[i]!;
      const next = segments[i + 1];
      if (s.kind === 'removed') removed += s.text;
      else if (s.kind === 'added') added += s.text;
      else if (/^\s+$/.test(s.text) && next !== undefined && next.kind !== 'same') {
        removed += s.text;
        added += s.text;
      } else break;
    }
    const lead = commonWhitespace(removed, added, 'start');
    const trail = commonWhitespace(removed.slice(lead.length), added.slice(lead.length), 'end');
    push('same', lead);
    const r = removed.slice(lead.length, removed.length - trail.length);
    const a = added.slice(lead.length, added.length - trail.length);
    if (r.trim() !== '') push('removed', r);
    if (a.trim() !== '') push('added', a);
    if (r.trim() === '' && a.trim() === '') push('same', r.length >= a.length ? r : a);
    push('same', trail);
  }
  return out;
}

function commonWhitespace(a: string, b: string, side: 'start' | 'end'): string {
  let n = 0;
  const at = (s: string, k: number) => (side === 'start' ? s[k] : s[s.length - 1 - k]);
  while (n < a.length && n < b.length && at(a, n) === at(b, n) && /\s/.test(at(a, n)!)) n++;
  return side === 'start' ? a.slice(0, n) : a.slice(a.length - n);
}
