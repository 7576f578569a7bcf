import { join } from 'node:path';
import { countBySeverity } from '../../finding.js';
import type { Library } from '../../library/model.js';
import type { CommandContext } from '../context.js';
import { displayPath } from '../load.js';
import { messages } from '../../text/messages/index.js';
import { warningLine } from '../report-error.js';

/** Commands that only read the library still say when part of it could not be read, and which part. */
export function warnUnreadable(ctx: CommandContext, library: Library): void {
  const { error } = countBySeverity(library.findings);
  if (error === 0) return;
  const files = [...new Set(library.findings.filter((f) => f.severity === 'error').map((f) => displayPath(ctx, join(library.dir, f.file))))].sort();
  const t = messages(ctx.language).common;
  const shown = files.length > 5 ? `${files.slice(0, 5).join(', ')} ${t.andMore(files.length - 5)}` : files.join(', ');
  ctx.io.stderr.write(warningLine(t.unreadableFiles(files.length, shown, ctx.command('lint')), ctx.language));
}
