import type { DiffFormatter } from './common.js';
import { terminalJson } from '../../text/terminal-safe.js';

/**
 * Stable JSON for scripts: { version: 1, ok, old, new, libraryVersion, manifest, clauses,
 * questions, templates, mismatches }. Text changes are lists of lines; each line is a list
 * of segments { kind: same|added|removed, text } or { gap: true } for unchanged lines left out.
 */
export const formatDiffJson: DiffFormatter = (diff) => {
  const { version, ...rest } = diff;
  return terminalJson({ version: 1, ok: diff.mismatches === 0, ...rest, libraryVersion: version }) + '\n';
};
