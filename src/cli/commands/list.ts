import type { Clause } from '../../schema/clause.js';
import { pick } from '../../library/model.js';
import { clauseOrigin, type ClauseOrigin } from '../../library/layers/origin.js';
import type { CommandContext } from '../context.js';
import { languageFor, loadFor } from '../load.js';
import { warnUnreadable } from './warn-unreadable.js';
import { terminalJson, terminalSafe } from '../../text/terminal-safe.js';

export async function run(ctx: CommandContext, _args: string[], options: Record<string, unknown>): Promise<number> {
  const library = loadFor(ctx);
  warnUnreadable(ctx, library);
  const language = languageFor(library, options.lang);
  const categories = (library.manifest?.value.categories ?? []).map((c) => c.id);
  const clauses = library.clauses
    .map((c) => c.value)
    .filter((c) => options.category === undefined || c.category === options.category)
    .filter((c) => options.status === undefined || c.status === options.status)
    .sort((a, b) => categories.indexOf(a.category) - categories.indexOf(b.category) || (a.order ?? 100) - (b.order ?? 100) || (a.id < b.id ? -1 : 1));

  if (options.json) {
    const rows = clauses.map((c) => ({ id: c.id, version: c.version, status: c.status, category: c.category, title: pick(c.title, language), when: c.when ?? null, layer: library.clauseById.get(c.id)?.layer ?? null }));
    ctx.io.stdout.write(terminalJson(rows) + '\n');
    return 0;
  }
  if (clauses.length === 0) {
    ctx.io.stdout.write('No clauses match.\n');
    return 0;
  }
  const width = Math.max(...clauses.map((c) => c.id.length));
  // With layers, a column says where each clause comes from: the library's own files (adding or adapting) or a base.
  const layered = library.layers.length > 1;
  const origins = new Map(clauses.map((c) => [c.id, layered ? originColumn(clauseOrigin(library, c.id)) : '']));
  const originWidth = Math.max(0, ...[...origins.values()].map((o) => o.length));
  const lines = clauses.map((c: Clause) => terminalSafe(`${c.id.padEnd(width)}  ${c.version.padEnd(7)}  ${c.status.padEnd(10)}  ${layered ? `${origins.get(c.id)!.padEnd(originWidth)}  ` : ''}${pick(c.title, language)}`));
  ctx.io.stdout.write(lines.join('\n') + `\n\n${clauses.length} ${clauses.length === 1 ? 'clause' : 'clauses'}\n`);
  return 0;
}

function originColumn(origin: ClauseOrigin | undefined): string {
  if (!origin) return '';
  return origin.kind === 'adapted' ? `${origin.layer} (adapted)` : origin.layer;
}
