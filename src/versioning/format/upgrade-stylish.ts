import type { ChalkInstance } from 'chalk';
import { terminalSafeStrings } from '../../text/terminal-safe.js';
import type { AdaptedChange, UpgradeReport } from '../upgrade.js';
import type { DiffLine } from '../word-diff.js';
import { describeBump, languageName } from './common.js';
import { clauseChange } from './stylish.js';

export interface UpgradeFormatOptions {
  chalk: ChalkInstance;
  /** Columns to lay the side-by-side texts out in. */
  width: number;
}

/**
 * For the terminal: what the new base release changes for this library, the clauses it
 * adapts first, each with the upstream change and the library's own text side by side
 * (word changes marked [-removed-]{+added+}), then what it inherits, and the steps to take.
 */
export function formatUpgradeStylish(unsafe: UpgradeReport, { chalk, width }: UpgradeFormatOptions): string {
  const r = terminalSafeStrings(unsafe);
  const out: string[] = [];
  out.push(chalk.bold(`${r.library}: ${r.base} ${r.from.version} → ${r.to.version}`));
  out.push(`  from ${r.from.version}: ${r.from.source}`);
  out.push(`  to   ${r.to.version}: ${r.to.source}`);
  out.push(`  extends.version ${r.range} ${r.accepted ? `accepts ${r.to.version}` : chalk.yellow(`does not accept ${r.to.version}`)}`, '');

  const nothing = r.adapted.length + r.inherited.length + r.excluded.length + r.added.length + r.removed.length + r.questions.added.length + r.questions.removed.length + r.questions.changed.length + r.templates.added.length + r.templates.removed.length + r.templates.changed.length === 0;
  if (nothing) out.push('No clause, question or template changed upstream.', '');

  if (r.adapted.length > 0) {
    out.push(chalk.bold(`Changed upstream, adapted by this library (${r.adapted.length})`));
    for (const a of r.adapted) out.push(...adapted(a, r.language, chalk, width), '');
  }
  if (r.inherited.length > 0) {
    out.push(chalk.bold(`Changed upstream, inherited as they are (${r.inherited.length})`));
    for (const c of r.inherited) out.push(...clauseChange({ ...c, texts: c.texts.filter((t) => t.language === r.language) }, chalk.cyan('~'), chalk), '');
  }
  if (r.excluded.length > 0) {
    out.push(chalk.bold(`Changed upstream, excluded by this library (${r.excluded.length})`));
    for (const e of r.excluded) out.push(`  ${chalk.dim('-')} ${e.id}  ${e.title}${e.reason ? chalk.dim(`  (excluded: ${e.reason})`) : ''}`);
    out.push('');
  }
  if (r.added.length > 0) {
    out.push(chalk.bold(`New upstream (${r.added.length})`));
    for (const a of r.added) out.push(`  ${chalk.green('+')} ${a.id}  ${a.version}  ${a.status}  ${a.title}${a.own ? chalk.yellow('  (this library has a clause with this id: it now adapts the base clause)') : ''}`);
    out.push('');
  }
  if (r.removed.length > 0) {
    out.push(chalk.bold(`Removed upstream (${r.removed.length})`));
    const here = { adapted: 'adapted by this library', excluded: 'excluded by this library', inherited: 'no longer in this library' } as const;
    for (const c of r.removed) out.push(`  ${chalk.red('-')} ${c.id}  ${c.version}  ${c.title}  ${chalk.dim(`(${here[c.here]})`)}`);
    out.push('');
  }
  const q = r.questions;
  if (q.added.length + q.removed.length + q.changed.length > 0) {
    out.push(chalk.bold('Questions changed upstream'));
    for (const id of q.added) out.push(`  ${chalk.green('+')} ${id}`);
    for (const id of q.removed) out.push(`  ${chalk.red('-')} ${id}`);
    for (const c of q.changed) {
      const parts = [...(c.type ? [`type ${c.type.from} → ${c.type.to}`] : []), ...c.options.added.map((o) => `+option ${o}`), ...c.options.removed.map((o) => `-option ${o}`), ...c.fields];
      out.push(`  ${chalk.cyan('~')} ${c.id}  ${parts.join(', ')}${c.adapted ? chalk.yellow('  (adapted by this library)') : ''}`);
    }
    out.push('');
  }
  const t = r.templates;
  if (t.added.length + t.removed.length + t.changed.length > 0) {
    out.push(chalk.bold('Templates changed upstream'));
    for (const id of t.added) out.push(`  ${chalk.green('+')} ${id}`);
    for (const id of t.removed) out.push(`  ${chalk.red('-')} ${id}`);
    for (const c of t.changed) out.push(`  ${chalk.cyan('~')} ${c.id}  ${[...c.include.added.map((x) => `+${x}`), ...c.include.removed.map((x) => `-${x}`), ...c.fields].join(', ')}${c.adapted ? chalk.yellow('  (adapted by this library)') : ''}`);
    out.push('');
  }

  out.push(chalk.bold('What to do'));
  r.steps.forEach((step, i) => out.push(`  ${i + 1}. ${step}`));
  return out.join('\n') + '\n';
}

function adapted(a: AdaptedChange, language: string, chalk: ChalkInstance, width: number): string[] {
  const c = a.upstream;
  const out: string[] = [];
  out.push(`  ${chalk.yellow('!')} ${chalk.bold(c.id)}  ${c.title}`);
  const pad = '      ';
  const adapts = a.own.overrides === c.version.to ? `already adapts ${c.version.to}` : `adapts ${a.own.overrides ?? '(no overrides:)'}`;
  out.push(`${pad}base ${describeBump(c.version)}; this library's ${a.own.version} ${adapts}`);
  for (const reason of c.version.reasons) out.push(`${pad}${reason.level.padEnd(5)}  ${reason.message}`);
  if (c.condition) out.push(`${pad}condition was: ${c.condition.from ?? '(always)'}`, `${pad}condition now: ${c.condition.to ?? '(always)'}`);
  for (const entry of c.changelog) out.push(`${pad}changelog ${entry.version} (${entry.date}): ${entry.note}`);
  const title = c.texts.find((t) => t.field === 'title' && t.language === language);
  if (title) out.push(`${pad}title (${languageName(language)}): ${title.lines.map(plainLine).join(' … ')}`);
  const upstream = c.texts.find((t) => t.field === 'text' && t.language === language);
  const left = upstream ? upstream.lines.map(plainLine) : ['(the text did not change)'];
  const right = a.own.text[language] ?? [];
  out.push(...sideBySide(`upstream ${c.version.from} → ${c.version.to} (${languageName(language)})`, left, `this library's text (${a.own.version})`, right, width - pad.length, chalk).map((l) => pad + l));
  return out;
}

function plainLine(line: DiffLine): string {
  if ('gap' in line) return '…';
  return line.segments.map((s) => (s.kind === 'added' ? `{+${s.text}+}` : s.kind === 'removed' ? `[-${s.text}-]` : s.text)).join('');
}

/** Two texts in two columns, each wrapped at word boundaries, with a rule between them. */
export function sideBySide(leftTitle: string, left: readonly string[], rightTitle: string, right: readonly string[], width: number, chalk: ChalkInstance): string[] {
  const column = Math.max(20, Math.floor((width - 3) / 2));
  const wrapAll = (lines: readonly string[]) => lines.flatMap((l, i) => [...(i > 0 ? [''] : []), ...wrap(l, column)]);
  const a = [...wrap(leftTitle, column).map((l) => chalk.dim(l.padEnd(column))), '─'.repeat(column)];
  const b = [...wrap(rightTitle, column).map((l) => chalk.dim(l)), '─'.repeat(column)];
  while (a.length < b.length) a.splice(a.length - 1, 0, ' '.repeat(column));
  while (b.length < a.length) b.splice(b.length - 1, 0, '');
  const l = wrapAll(left);
  const r = wrapAll(right);
  const rows = Math.max(l.length, r.length);
  const out: string[] = [];
  for (let i = 0; i < a.length; i++) out.push(`${a[i]} │ ${b[i]}`.trimEnd());
  for (let i = 0; i < rows; i++) out.push(`${(l[i] ?? '').padEnd(column)} │ ${r[i] ?? ''}`.trimEnd());
  return out;
}

/** Greedy word wrap; a word longer than the width is cut. */
export function wrap(text: string, width: number): string[] {
  if (text === '') return [''];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/ +/)) {
    let w = word;
    while (w.length > width) {
      if (line !== '') {
        lines.push(line);
        line = '';
      }
      lines.push(w.slice(0, width));
      w = w.slice(width);
    }
    if (line === '') line = w;
    else if (line.length + 1 + w.length <= width) line += ` ${w}`;
    else {
      lines.push(line);
      line = w;
    }
  }
  lines.push(line);
  return lines;
}
