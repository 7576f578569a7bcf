import { countBySeverity } from '../../library/finding.js';
import type { Library } from '../../library/model.js';
import type { CommandContext } from '../context.js';

/** Commands that only read the library still say when part of it could not be read. */
export function warnUnreadable(ctx: CommandContext, library: Library): void {
  const { error } = countBySeverity(library.findings);
  if (error === 0) return;
  const files = new Set(library.findings.filter((f) => f.severity === 'error').map((f) => f.file));
  ctx.io.stderr.write(`clausula: warning: ${files.size} library ${files.size === 1 ? 'file' : 'files'} could not be read and ${files.size === 1 ? 'is' : 'are'} left out; run clausula lint to see why\n`);
}
