import { terminalSafeStrings } from '../../text/terminal-safe.js';
import type { AdaptedChange, UpgradeReport } from '../upgrade.js';
import type { DiffLine } from '../word-diff.js';
import { describeBump, languageName } from './common.js';
import { clauseChange, code, escape } from './markdown.js';

/**
 * For the pull request that takes a new base release: the clauses the library adapts, each
 * with the upstream change and the library's text side by side in a table (deletions
 * <del>, insertions <ins>), then what it inherits, and a checklist of what to do.
 */
export function formatUpgradeMarkdown(unsafe: UpgradeReport): string {
  const r = terminalSafeStrings(unsafe);
  const out: string[] = [];
  out.push(`# ${escape(r.base)} ${escape(r.from.version)} → ${escape(r.to.version)} for ${escape(r.library)}`, '');
  out.push(`From ${escape(r.from.version)} (${code(r.from.source)}) to ${escape(r.to.version)} (${code(r.to.source)}).`, '');
  out.push(r.accepted ? `✅ \`extends.version\` ${code(r.range)} accepts ${escape(r.to.version)}.` : `❌ \`extends.version\` ${code(r.range)} does not accept ${escape(r.to.version)}.`, '');
  const q = r.questions;
  const t = r.templates;
  out.push(
    `| Adapted and changed upstream | Inherited and changed | Excluded and changed | New upstream | Removed upstream | Questions changed | Templates changed |`,
    '|---:|---:|---:|---:|---:|---:|---:|',
    `| ${r.adapted.length} | ${r.inherited.length} | ${r.excluded.length} | ${r.added.length} | ${r.removed.length} | ${q.added.length + q.removed.length + q.changed.length} | ${t.added.length + t.removed.length + t.changed.length} |`,
    '',
  );

  if (r.adapted.length > 0) {
    out.push('## Changed upstream, adapted by this library', '');
    for (const a of r.adapted) out.push(...adapted(a, r.language));
  }
  if (r.inherited.length > 0) {
    out.push('## Changed upstream, inherited as they are', '');
    for (const c of r.inherited) out.push(...clauseChange({ ...c, texts: c.texts.filter((x) => x.language === r.language) }));
  }
  if (r.excluded.length > 0) {
    out.push('## Changed upstream, excluded by this library', '');
    for (const e of r.excluded) out.push(`- ${code(e.id)}: ${escape(e.title)}${e.reason ? ` (excluded: ${escape(e.reason)})` : ''}`);
    out.push('');
  }
  if (r.added.length > 0) {
    out.push('## New upstream', '', '| Clause | Version | Status | Title |', '|---|---|---|---|');
    for (const a of r.added) out.push(`| ${code(a.id)} | ${escape(a.version)} | ${a.status} | ${escape(a.title)}${a.own ? ' (this library has a clause with this id: it now adapts the base clause)' : ''} |`);
    out.push('');
  }
  if (r.removed.length > 0) {
    const here = { adapted: 'adapted by this library', excluded: 'excluded by this library', inherited: 'no longer in this library' } as const;
    out.push('## Removed upstream', '', '| Clause | Version | Title | Here |', '|---|---|---|---|');
    for (const c of r.removed) out.push(`| ${code(c.id)} | ${escape(c.version)} | ${escape(c.title)} | ${here[c.here]} |`);
    out.push('');
  }
  if (q.added.length + q.removed.length + q.changed.length > 0) {
    out.push('## Questions changed upstream', '');
    for (const id of q.added) out.push(`- Added: ${code(id)}`);
    for (const id of q.removed) out.push(`- Removed: ${code(id)}`);
    for (const c of q.changed) {
      const parts = [...(c.type ? [`type ${c.type.from} → ${c.type.to}`] : []), ...c.options.added.map((o) => `option ${code(o)} added`), ...c.options.removed.map((o) => `option ${code(o)} removed`), ...c.fields];
      out.push(`- Changed: ${code(c.id)}: ${parts.join(', ')}${c.adapted ? ' — **adapted by this library**' : ''}`);
    }
    out.push('');
  }
  if (t.added.length + t.removed.length + t.changed.length > 0) {
    out.push('## Templates changed upstream', '');
    for (const id of t.added) out.push(`- Added: ${code(id)}`);
    for (const id of t.removed) out.push(`- Removed: ${code(id)}`);
    for (const c of t.changed) out.push(`- Changed: ${code(c.id)}: ${[...c.include.added.map((x) => `${code(x)} placed`), ...c.include.removed.map((x) => `${code(x)} no longer placed`), ...c.fields].join(', ')}${c.adapted ? ' — **adapted by this library**' : ''}`);
    out.push('');
  }

  out.push('## What to do', '');
  for (const step of r.steps) out.push(`- [ ] ${escape(step)}`);
  return out.join('\n') + '\n';
}

function adapted(a: AdaptedChange, language: string): string[] {
  const c = a.upstream;
  const out: string[] = [`### ${code(c.id)}: ${escape(c.title)}`, ''];
  const adapts = a.own.overrides === c.version.to ? `already adapts ${escape(c.version.to)}` : `adapts ${a.own.overrides ? escape(a.own.overrides) : 'an unnamed version'}`;
  out.push(`Base ${describeBump(c.version)}; this library's ${escape(a.own.version)} ${adapts}.`, '');
  const facts: string[] = [];
  for (const reason of c.version.reasons) facts.push(`- ${reason.level}: ${escape(reason.message)}`);
  if (c.condition) facts.push(`- Condition before: ${escape(c.condition.fromWords)}`, `- Condition now: ${escape(c.condition.toWords)}`);
  for (const entry of c.changelog) facts.push(`- Changelog ${escape(entry.version)} (${escape(entry.date)}): ${escape(entry.note)}`);
  if (facts.length > 0) out.push(...facts, '');
  const upstream = c.texts.find((x) => x.field === 'text' && x.language === language);
  const left = upstream ? upstream.lines.map(cellLine).join('<br><br>') : '(the text did not change)';
  const right = (a.own.text[language] ?? []).map((l) => escape(l, true)).join('<br>');
  out.push(`| Upstream ${escape(c.version.from)} → ${escape(c.version.to)} (${escape(languageName(language))}) | This library's text (${escape(a.own.version)}) |`, '|---|---|', `| ${left} | ${right} |`, '');
  return out;
}

function cellLine(line: DiffLine): string {
  if ('gap' in line) return '…';
  return line.segments.map((s, i) => (s.kind === 'added' ? `<ins>${escape(s.text)}</ins>` : s.kind === 'removed' ? `<del>${escape(s.text)}</del>` : escape(s.text, i === 0))).join('');
}
