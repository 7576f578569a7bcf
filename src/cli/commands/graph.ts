import type { Clause } from '../../schema/clause.js';
import { pick } from '../../library/model.js';
import { compareClauses } from '../../assemble/outline.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import type { CommandContext } from '../context.js';
import { languageFor, loadFor } from '../load.js';
import { warnUnreadable } from './warn-unreadable.js';

export async function run(ctx: CommandContext, _args: string[], options: Record<string, unknown>): Promise<number> {
  const library = loadFor(ctx);
  warnUnreadable(ctx, library);
  const language = languageFor(library, options.lang);
  const categories = library.manifest?.value.categories ?? [];
  const clauses = library.clauses.map((c) => c.value).filter((c) => options.all === true || c.status !== 'deprecated');
  const groups = categories
    .map((cat) => ({ id: cat.id, title: pick(cat.title, language), clauses: clauses.filter((c) => c.category === cat.id).sort(compareClauses) }))
    .filter((g) => g.clauses.length > 0);
  const known = new Set(clauses.map((c) => c.id));
  const edges = clauses.flatMap((c) => [
    ...(c.requires ?? []).filter((t) => known.has(t)).map((t) => ({ from: c.id, to: t, kind: 'requires' as const })),
    ...(c.excludes ?? []).filter((t) => known.has(t)).map((t) => ({ from: c.id, to: t, kind: 'excludes' as const })),
  ]);
  const text = options.format === 'dot' ? dot(groups, edges) : mermaid(groups, edges);
  ctx.io.stdout.write(text);
  return 0;
}

interface Group {
  id: string;
  title: string;
  clauses: Clause[];
}
interface Edge {
  from: string;
  to: string;
  kind: 'requires' | 'excludes';
}

/** Mermaid flowchart: categories as subgraphs, requires as arrows, excludes as dotted crossed lines. */
function mermaid(groups: Group[], edges: Edge[]): string {
  const ids = nodeIds(groups);
  const lines = ['flowchart LR'];
  for (const g of groups) {
    lines.push(`  subgraph ${safe(g.id)}["${quote(g.title)}"]`);
    for (const c of g.clauses) lines.push(`    ${ids.get(c.id)}["${quote(c.id)}${c.status === 'draft' ? ' (draft)' : ''}"]`);
    lines.push('  end');
  }
  for (const e of edges) lines.push(e.kind === 'requires' ? `  ${ids.get(e.from)} -->|requires| ${ids.get(e.to)}` : `  ${ids.get(e.from)} -.-x|excludes| ${ids.get(e.to)}`);
  return lines.join('\n') + '\n';
}

/** Graphviz: clusters per category, requires solid, excludes dashed red. */
function dot(groups: Group[], edges: Edge[]): string {
  const lines = ['digraph clauses {', '  rankdir=LR;', '  node [shape=box, fontname="Helvetica"];'];
  for (const g of groups) {
    lines.push(`  subgraph "cluster_${g.id}" {`, `    label="${quote(g.title)}";`);
    for (const c of g.clauses) lines.push(`    "${c.id}"${c.status === 'draft' ? ' [style=dashed]' : ''};`);
    lines.push('  }');
  }
  for (const e of edges) lines.push(e.kind === 'requires' ? `  "${e.from}" -> "${e.to}" [label="requires"];` : `  "${e.from}" -> "${e.to}" [label="excludes", style=dashed, color=red];`);
  lines.push('}');
  return lines.join('\n') + '\n';
}

function nodeIds(groups: Group[]): Map<string, string> {
  const ids = new Map<string, string>();
  for (const g of groups) for (const c of g.clauses) ids.set(c.id, safe(c.id));
  return ids;
}

function safe(id: string): string {
  return id.replace(/[^A-Za-z0-9]/g, '_');
}

/** A title inside a quoted label; the graph is often read on a terminal before it is drawn. */
function quote(s: string): string {
  return terminalSafe(s).replace(/"/g, '#quot;');
}
