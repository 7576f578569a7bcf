import type { ChalkInstance } from 'chalk';
import type { ClauseChange, ClauseSummary, LibraryDiff, ListChange, TextChange } from '../compare-libraries.js';
import type { VersionCheck } from '../policy.js';
import type { DiffLine } from '../word-diff.js';
import { terminalSafeStrings } from '../../text/terminal-safe.js';
import { describeBump, describeVerdict, type DiffFormatter, languageName, summaryLine } from './common.js';

/**
 * For the terminal: one section per kind of change, word diffs in git's
 * `--word-diff=plain` notation ([-removed-]{+added+}), coloured on a terminal.
 */
export const formatDiffStylish: DiffFormatter = (unsafe, { chalk }) => {
  // Titles, texts, notes and messages come from the two libraries.
  const diff = terminalSafeStrings(unsafe);
  const out: string[] = [];
  const side = (s: LibraryDiff['old']) => `${s.version} (${s.label})`;
  const title = diff.old.library === diff.new.library ? diff.new.library : `${diff.old.library} → ${diff.new.library}`;
  out.push(chalk.bold(`${title} ${side(diff.old)} → ${side(diff.new)}`), '');

  if (diff.empty) out.push('No clause, question or template changed.', '');

  out.push(`${chalk.bold('Library version')} ${describeBump(diff.version)}  ${verdict(diff.version, chalk)}`);
  for (const reason of decisive(diff.version)) out.push(`  ${reason.level.padEnd(5)}  ${reason.message}`);
  const others = diff.version.reasons.length - decisive(diff.version).length;
  if (others > 0) out.push(chalk.dim(`  and ${others} smaller ${others === 1 ? 'change' : 'changes'}`));
  const m = diff.manifest;
  if (m.id) out.push(`  library id: ${m.id.from} → ${m.id.to}`);
  if (m.languages.added.length + m.languages.removed.length > 0) out.push(`  languages: ${listChange(m.languages, chalk)}`);
  if (m.fields.length > 0) out.push(`  library.yaml: ${m.fields.join(', ')} changed`);
  out.push('');

  const { added, removed, deprecated, changed } = diff.clauses;
  if (added.length > 0) out.push(chalk.bold('Added clauses'), ...summaries(added, chalk.green('+')), '');
  if (removed.length > 0) out.push(chalk.bold('Removed clauses'), ...summaries(removed, chalk.red('-')), '');
  if (deprecated.length > 0) {
    out.push(chalk.bold('Deprecated clauses'));
    for (const change of deprecated) out.push(...clauseChange(change, chalk.yellow('!'), chalk), '');
  }
  if (changed.length > 0) {
    out.push(chalk.bold('Changed clauses'));
    for (const change of changed) out.push(...clauseChange(change, chalk.cyan('~'), chalk), '');
  }

  const q = diff.questions;
  if (q.added.length + q.removed.length + q.changed.length > 0 || q.sectionsChanged) {
    out.push(chalk.bold('Questions'));
    for (const a of q.added) out.push(`  ${chalk.green('+')} ${a.id}  ${a.type}, section ${a.section}${a.required ? ', required' : ''}`);
    for (const r of q.removed) out.push(`  ${chalk.red('-')} ${r.id}  ${r.type}, section ${r.section}`);
    for (const c of q.changed) {
      const parts: string[] = [];
      if (c.type) parts.push(`type ${c.type.from} → ${c.type.to}`);
      if (c.options.added.length + c.options.removed.length > 0) parts.push(`options ${listChange(c.options, chalk)}`);
      if (c.required) parts.push(c.required.to ? 'now required' : 'now optional');
      if (c.fields.length > 0) parts.push(`${c.fields.join(', ')} changed`);
      out.push(`  ${chalk.cyan('~')} ${c.id}  ${parts.join('; ')}`);
    }
    if (q.sectionsChanged) out.push(`  ${chalk.cyan('~')} sections changed (titles, introductions or order)`);
    out.push('');
  }

  const t = diff.templates;
  if (t.added.length + t.removed.length + t.changed.length > 0) {
    out.push(chalk.bold('Templates'));
    for (const id of t.added) out.push(`  ${chalk.green('+')} ${id}`);
    for (const id of t.removed) out.push(`  ${chalk.red('-')} ${id}`);
    for (const c of t.changed) {
      const include = c.include.added.length + c.include.removed.length > 0 ? `; includes ${listChange(c.include, chalk)}` : '';
      out.push(`  ${chalk.cyan('~')} ${c.id}  ${c.fields.join(', ')} changed${include}`);
    }
    out.push('');
  }

  out.push(diff.mismatches === 0 ? chalk.green(`✔ ${summaryLine(diff)}`) : chalk.red.bold(`✖ ${summaryLine(diff)}`));
  return out.join('\n') + '\n';
};

/** The reasons that set the level needed. */
function decisive(check: VersionCheck) {
  return check.reasons.filter((r) => r.level === check.required);
}

function verdict(check: VersionCheck, chalk: ChalkInstance): string {
  return check.verdict === 'ok' ? chalk.green(`✔ ${describeVerdict(check)}`) : chalk.red(`✖ ${describeVerdict(check)}`);
}

function summaries(list: readonly ClauseSummary[], mark: string): string[] {
  const width = Math.max(...list.map((c) => c.id.length));
  return list.map((c) => `  ${mark} ${c.id.padEnd(width)}  ${c.version}  ${c.status}  ${c.title}`);
}

export function clauseChange(change: ClauseChange, mark: string, chalk: ChalkInstance): string[] {
  const out: string[] = [];
  out.push(`  ${mark} ${chalk.bold(change.id)}  ${describeBump(change.version)}  ${verdict(change.version, chalk)}`);
  const pad = '      ';
  out.push(`${pad}${change.title}`);
  if (change.status) out.push(`${pad}status: ${change.status.from} → ${change.status.to}${change.supersededBy ? `, superseded by ${change.supersededBy}` : ''}`);
  for (const reason of change.version.reasons) out.push(`${pad}${reason.level.padEnd(5)}  ${reason.message}`);
  if (change.condition) {
    out.push(`${pad}condition was: ${change.condition.from ?? '(always)'}`);
    out.push(`${pad}condition now: ${change.condition.to ?? '(always)'}`);
  }
  if (change.requires.added.length + change.requires.removed.length > 0) out.push(`${pad}requires: ${listChange(change.requires, chalk)}`);
  if (change.excludes.added.length + change.excludes.removed.length > 0) out.push(`${pad}excludes: ${listChange(change.excludes, chalk)}`);
  for (const ref of change.legalBasis.removed) out.push(`${pad}legal basis ${chalk.red('-')} ${ref}`);
  for (const ref of change.legalBasis.added) out.push(`${pad}legal basis ${chalk.green('+')} ${ref}`);
  for (const text of change.texts) out.push(...textChange(text, pad, chalk));
  for (const entry of change.changelog) out.push(`${pad}changelog ${entry.version} (${entry.date}): ${entry.note}`);
  const other = change.other.filter((f) => f !== 'changelog');
  if (other.length > 0) out.push(`${pad}also changed: ${other.join(', ')}`);
  return out;
}

function textChange(text: TextChange, pad: string, chalk: ChalkInstance): string[] {
  const out = [`${pad}${text.field} (${languageName(text.language)}):`];
  for (const line of text.lines) out.push(`${pad}  ${renderLine(line, chalk)}`);
  return out;
}

export function renderLine(line: DiffLine, chalk: ChalkInstance): string {
  if ('gap' in line) return chalk.dim('…');
  return line.segments
    .map((s) => (s.kind === 'added' ? chalk.green(`{+${s.text}+}`) : s.kind === 'removed' ? chalk.red(`[-${s.text}-]`) : s.text))
    .join('');
}

function listChange(change: ListChange, chalk: ChalkInstance): string {
  return [...change.added.map((x) => chalk.green(`+${x}`)), ...change.removed.map((x) => chalk.red(`-${x}`))].join(' ');
}
