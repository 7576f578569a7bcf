import type { ClauseChange, ClauseSummary, ListChange } from '../compare-libraries.js';
import type { VersionCheck } from '../policy.js';
import type { DiffLine } from '../word-diff.js';
import { terminalSafeStrings } from '../../text/terminal-safe.js';
import { describeBump, describeVerdict, type DiffFormatter, languageName, summaryLine } from './common.js';

/**
 * Release notes for a pull request or a release page (GitHub-flavoured Markdown): what
 * changed in plain words, each changed text with deletions struck through and
 * insertions underlined (<del>, <ins>), and whether each new version follows the policy.
 */
export const formatDiffMarkdown: DiffFormatter = (unsafe) => {
  // Release notes are read on a terminal too (a pull request's step summary, a pipe to less).
  const diff = terminalSafeStrings(unsafe);
  const out: string[] = [];
  const name = diff.new.library || diff.old.library;
  out.push(`# ${escape(name)} ${escape(diff.new.version)}`, '');
  out.push(`Changes from ${escape(diff.old.version)} (${code(diff.old.label)}) to ${escape(diff.new.version)} (${code(diff.new.label)}).`, '');
  out.push(diff.mismatches === 0 ? `✅ ${capitalise(summaryLine(diff))}.` : `❌ ${capitalise(summaryLine(diff))}.`, '');

  out.push('## Library version', '');
  out.push(`${describeBump(diff.version)}: ${verdictMark(diff.version)} ${describeVerdict(diff.version)}.`, '');
  if (diff.version.reasons.length > 0) {
    for (const reason of diff.version.reasons) out.push(`- ${reason.level}: ${escape(reason.message)}`);
    out.push('');
  }
  const m = diff.manifest;
  const manifestLines: string[] = [];
  if (m.id) manifestLines.push(`- Library id: ${code(m.id.from)} → ${code(m.id.to)}`);
  if (m.languages.added.length > 0) manifestLines.push(`- Languages added: ${m.languages.added.map((l) => escape(languageName(l))).join(', ')}`);
  if (m.languages.removed.length > 0) manifestLines.push(`- Languages removed: ${m.languages.removed.map((l) => escape(languageName(l))).join(', ')}`);
  if (m.fields.length > 0) manifestLines.push(`- library.yaml: ${m.fields.join(', ')} changed`);
  if (manifestLines.length > 0) out.push(...manifestLines, '');

  if (diff.empty) out.push('No clause, question or template changed.', '');

  const { added, removed, deprecated, changed } = diff.clauses;
  if (added.length > 0) out.push('## New clauses', '', ...table(added), '');
  if (removed.length > 0) out.push('## Removed clauses', '', ...table(removed), '');
  if (deprecated.length > 0) {
    out.push('## Deprecated clauses', '');
    for (const change of deprecated) out.push(...clauseChange(change));
  }
  if (changed.length > 0) {
    out.push('## Changed clauses', '');
    for (const change of changed) out.push(...clauseChange(change));
  }

  const q = diff.questions;
  if (q.added.length + q.removed.length + q.changed.length > 0 || q.sectionsChanged) {
    out.push('## Interview questions', '');
    for (const a of q.added) out.push(`- Added: ${code(a.id)} (${a.type}, section ${code(a.section)}${a.required ? ', required' : ''})`);
    for (const r of q.removed) out.push(`- Removed: ${code(r.id)}: answers files that answer it no longer fit`);
    for (const c of q.changed) {
      const parts: string[] = [];
      if (c.type) parts.push(`type ${c.type.from} → ${c.type.to}`);
      for (const value of c.options.added) parts.push(`option ${code(value)} added`);
      for (const value of c.options.removed) parts.push(`option ${code(value)} removed`);
      if (c.required) parts.push(c.required.to ? 'now required' : 'now optional');
      if (c.fields.length > 0) parts.push(`${c.fields.join(', ')} changed`);
      out.push(`- Changed: ${code(c.id)}: ${parts.join('; ')}`);
    }
    if (q.sectionsChanged) out.push('- Sections changed (titles, introductions or order)');
    out.push('');
  }

  const t = diff.templates;
  if (t.added.length + t.removed.length + t.changed.length > 0) {
    out.push('## Templates', '');
    for (const id of t.added) out.push(`- Added: ${code(id)}`);
    for (const id of t.removed) out.push(`- Removed: ${code(id)}`);
    for (const c of t.changed) {
      const include = [...c.include.added.map((x) => `${code(x)} added`), ...c.include.removed.map((x) => `${code(x)} removed`)];
      out.push(`- Changed: ${code(c.id)}: ${c.fields.join(', ')} changed${include.length > 0 ? `; includes ${include.join(', ')}` : ''}`);
    }
    out.push('');
  }
  return out.join('\n').replace(/\n+$/, '') + '\n';
};

export function clauseChange(change: ClauseChange): string[] {
  const out: string[] = [];
  out.push(`### ${code(change.id)}: ${escape(change.title)}`, '');
  out.push(`Version ${describeBump(change.version)}: ${verdictMark(change.version)} ${describeVerdict(change.version)}.`, '');
  const facts: string[] = [];
  if (change.status) facts.push(`- Status: ${change.status.from} → ${change.status.to}${change.supersededBy ? `; superseded by ${code(change.supersededBy)}` : ''}`);
  for (const reason of change.version.reasons) facts.push(`- ${reason.level}: ${escape(reason.message)}`);
  if (change.condition) {
    const { from, to, fromWords, toWords } = change.condition;
    facts.push(`- Condition before${from ? ` (${code(from)})` : ''}: ${escape(fromWords)}`);
    facts.push(`- Condition now${to ? ` (${code(to)})` : ''}: ${escape(toWords)}`);
  }
  if (hasChange(change.requires)) facts.push(`- Requires: ${listChange(change.requires)}`);
  if (hasChange(change.excludes)) facts.push(`- Excludes: ${listChange(change.excludes)}`);
  for (const ref of change.legalBasis.removed) facts.push(`- Legal basis removed: ${escape(ref)}`);
  for (const ref of change.legalBasis.added) facts.push(`- Legal basis added: ${escape(ref)}`);
  const other = change.other.filter((f) => f !== 'changelog');
  if (other.length > 0) facts.push(`- Also changed: ${other.join(', ')}`);
  if (facts.length > 0) out.push(...facts, '');
  for (const text of change.texts) {
    const field = text.field === 'text' ? 'Text' : text.field === 'title' ? 'Title' : 'Guidance (for officers, not in the tender)';
    out.push(`**${field}, ${escape(languageName(text.language))}**`, '');
    out.push(text.lines.map(renderLine).join('\n>\n'), '');
  }
  if (change.changelog.length > 0) {
    out.push(`Changelog: ${change.changelog.map((e) => `${escape(e.version)} (${escape(e.date)}): ${escape(e.note)}`).join(' ')}`, '');
  }
  return out;
}

export function renderLine(line: DiffLine): string {
  if ('gap' in line) return '> …';
  const text = line.segments
    .map((s, i) => {
      const t = escape(s.text, i === 0);
      return s.kind === 'added' ? `<ins>${t}</ins>` : s.kind === 'removed' ? `<del>${t}</del>` : t;
    })
    .join('');
  return `> ${text}`;
}

function table(list: readonly ClauseSummary[]): string[] {
  return ['| Clause | Version | Status | Title |', '|---|---|---|---|', ...list.map((c) => `| ${code(c.id)} | ${escape(c.version)} | ${c.status} | ${escape(c.title)} |`)];
}

function verdictMark(check: VersionCheck): string {
  return check.verdict === 'ok' ? '✅' : '❌';
}

function hasChange(change: ListChange): boolean {
  return change.added.length + change.removed.length > 0;
}

function listChange(change: ListChange): string {
  return [...change.added.map((x) => `${code(x)} added`), ...change.removed.map((x) => `${code(x)} removed`)].join(', ');
}

/**
 * Text shown as typed: Markdown and HTML characters are escaped, so clause text cannot
 * change the notes' structure (and an asterisk shows as an asterisk: a reviewer sees the
 * exact characters of the clause).
 */
export function escape(text: string, lineStart = false): string {
  let out = text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`);
  if (lineStart) out = out.replace(/^(\s*)(\d+)([.)])/, '$1$2\\$3').replace(/^(\s*)([-+#])/, '$1\\$2');
  return out;
}

/** An inline code span that survives backticks in its content. */
export function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

