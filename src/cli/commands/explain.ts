import { Chalk, type ChalkInstance } from 'chalk';
import { InputError } from '../../errors.js';
import type { AnswerValue } from '../../schema/common.js';
import { suggestion } from '../../text/did-you-mean.js';
import { explainSelection, type ClauseExplanation, type ReasonView } from '../../assemble/explain.js';
import { selectClauses } from '../../assemble/select.js';
import { baseReleasesOf, pick } from '../../library/model.js';
import { originWords } from '../../library/layers/origin.js';
import { readAnswersArgument } from '../answers-input.js';
import type { CommandContext } from '../context.js';
import { languageFor, loadFor } from '../load.js';
import { warnUnreadable } from './warn-unreadable.js';
import { terminalJson, terminalSafe, terminalSafeStrings } from '../../text/terminal-safe.js';

export async function run(ctx: CommandContext, args: string[], options: Record<string, unknown>): Promise<number> {
  const library = loadFor(ctx);
  warnUnreadable(ctx, library);
  const [answersPath, clauseId] = args as [string, string | undefined];
  const loaded = readAnswersArgument(ctx, library, answersPath, options.lang as string | undefined);
  const language = languageFor(library, options.lang ?? loaded.file.language);
  const selection = selectClauses(library.clauses.map((c) => c.value), loaded.answers, { includeDrafts: options.includeDrafts === true });
  let explained = explainSelection(library, selection.decisions, loaded.answers, language);
  if (clauseId !== undefined) {
    explained = explained.filter((e) => e.id === clauseId);
    if (explained.length === 0) {
      throw new InputError(`there is no clause ${clauseId} in this library`, suggestion(clauseId, library.clauseById.keys()) ?? 'run clausula list to see the clause ids');
    }
  }
  const release = library.manifest ? `${library.manifest.value.id}@${library.manifest.value.version}` : 'unknown';
  const bases = baseReleasesOf(library);
  if (options.json) {
    const report = {
      version: 1,
      library: release,
      bases,
      language,
      answers: Object.fromEntries(loaded.answers),
      selected: selection.included.length,
      total: selection.decisions.length,
      conflicts: selection.conflicts,
      clauses: explained,
    };
    ctx.io.stdout.write(terminalJson(report) + '\n');
    return 0;
  }
  const chalk = new Chalk({ level: ctx.color ? 1 : 0 });
  const out: string[] = [];
  if (clauseId === undefined) {
    const over = bases.length > 0 ? ` over ${bases.join(' over ')}` : '';
    out.push(chalk.bold(`${selection.included.length} of ${selection.decisions.length} clauses selected`) + chalk.dim(`  (${terminalSafe(release + over)}, ${language})`), '');
  }
  let category: string | undefined;
  for (const e of explained) {
    if (clauseId === undefined && e.category !== category) {
      category = e.category;
      const title = library.manifest?.value.categories.find((c) => c.id === category)?.title;
      out.push(chalk.underline(terminalSafe(`${category}${title ? ` — ${pick(title, language)}` : ''}`)));
    }
    out.push(...formatExplanation(terminalSafeStrings(e), chalk, bases.length > 0), '');
  }
  for (const conflict of selection.conflicts) out.push(chalk.yellow(`conflict: ${terminalSafe(conflict)}`));
  ctx.io.stdout.write(out.join('\n').replace(/\n+$/, '') + '\n');
  return 0;
}

function formatExplanation(e: ClauseExplanation, chalk: ChalkInstance, layered: boolean): string[] {
  const mark = e.included ? chalk.green('✔ in ') : chalk.red('✘ out');
  const lines = [`  ${mark}  ${chalk.bold(e.id)}  ${e.title}`];
  if (layered) lines.push(`         ${chalk.dim(originWords(e.origin))}`);
  lines.push(`         ${chalk.dim(reasonWords(e.reasons[0]))}${e.reasons.slice(1).map((r) => chalk.dim(`; ${reasonWords(r)}`)).join('')}`);
  if (e.when !== null) {
    lines.push(`         ${chalk.dim('when:')} ${e.when}`);
    lines.push(`         ${chalk.dim(e.applies)}`);
    for (const line of e.trace) {
      const result = line.result === undefined ? chalk.dim('not needed') : line.result ? chalk.green('true') : chalk.red('false');
      const read = Object.entries(line.answers)
        .map(([id, v]) => `${id} = ${valueWords(v)}`)
        .join(', ');
      lines.push(`           ${'  '.repeat(line.depth)}${line.text}  → ${result}${read ? chalk.dim(`   (${read})`) : ''}`);
    }
  }
  if (e.included && e.passages.length > 0) {
    lines.push(`         ${chalk.dim('passages under their own condition:')}`);
    for (const p of e.passages) {
      const said = [...(p.when !== null ? [`when: ${p.when}`] : []), ...(p.defines !== null ? [`defines "${p.defines}": printed only where the document uses it`] : [])].join('; ');
      lines.push(`           ${p.holds ? chalk.green('✔') : chalk.red('✘')} ${p.number}  ${said}${p.holds ? '' : chalk.dim('  (left out)')}`);
    }
  }
  return lines;
}

function reasonWords(reason: ReasonView | undefined): string {
  if (!reason) return '';
  switch (reason.kind) {
    case 'always':
      return 'no condition: always applies';
    case 'condition':
      return reason.holds ? 'the condition holds' : 'the condition does not hold';
    case 'required-by':
      return `required by ${reason.by.join(', ')}`;
    case 'excluded-by':
      return `excluded by ${reason.by.join(', ')}`;
    case 'draft':
      return 'draft: not used in tenders (use --include-drafts to review it)';
    case 'deprecated':
      return reason.supersededBy ? `deprecated, superseded by ${reason.supersededBy}` : 'deprecated';
    case 'invalid-condition':
      return `the condition does not parse (${reason.message}); run clausula lint`;
  }
}

function valueWords(value: AnswerValue | null): string {
  if (value === null) return 'not answered';
  if (Array.isArray(value)) return `[${value.join(', ')}]`;
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
