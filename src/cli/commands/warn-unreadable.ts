import { join } from 'node:path';
import { countBySeverity } from '../../finding.js';
import type { Library } from '../../library/model.js';
import type { CommandContext } from '../context.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { displayPath } from '../load.js';

/** Commands that only read the library still say when part of it could not be read, and which part. */
export function warnUnreadable(ctx: CommandContext, library: Library): void {
  const { error } = countBySeverity(library.findings);
  if (error === 0) return;
  const files = [...new Set(library.findings.filter((f) => f.severity === 'error').map((f) => displayPath(ctx, join(library.dir, f.file))))].sort();
  const shown = files.length > 5 ? `${files.slice(0, 5).join(', ')} and ${files.length - 5} more` : files.join(', ');
  ctx.io.stderr.write(terminalSafe(`clausula: warning: ${files.length} library ${files.length === 1 ? 'file' : 'files'} could not be read and ${files.length === 1 ? 'is' : 'are'} left out (${shown}); run clausula lint to see why`) + '\n');
}
