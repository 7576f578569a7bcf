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
    out.push({ segments: merge(line) });
    last = i;
  });
  if (out.length > 0 && lines.slice(last + 1).some((l) => l.length > 0)) out.push({ gap: true });
  return out;
}

/** Adjacent segments of the same kind, joined. */
function merge(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const prev = out[out.length - 1];
    if (prev && prev.kind === s.kind) prev.text += s.text;
    else out.push({ ...s });
  }
  return out;
}
