import { Chalk, type ChalkInstance } from 'chalk';
import { documentName, planDocuments } from '../../assemble/documents.js';
import { explainSelection, type ClauseExplanation, type ReasonView } from '../../assemble/explain.js';
import { describeConflict, selectClauses } from '../../assemble/select.js';
import { InputError } from '../../errors.js';
import { messageLanguageBefore } from '../../interview/language.js';
import { pick, releaseOf } from '../../library/model.js';
import type { AnswerValue } from '../../schema/common.js';
import { suggestion } from '../../text/did-you-mean.js';
import { messages, type Messages } from '../../text/messages/index.js';
import { baseReleasesOf } from '../../library/model.js';
import type { ClauseOrigin } from '../../library/layers/origin.js';
import { terminalJson, terminalSafe, terminalSafeStrings } from '../../text/terminal-safe.js';
import { readAnswersArgument } from '../answers-input.js';
import type { CommandContext } from '../context.js';
import { loadFor } from '../load.js';
import { warnUnreadable } from './warn-unreadable.js';

export async function run(ctx: CommandContext, args: string[], options: Record<string, unknown>): Promise<number> {
  const library = loadFor(ctx);
  if (options.lang === undefined) ctx.language = messageLanguageBefore(library, ctx.io.env);
  warnUnreadable(ctx, library);
  const [answersPath, clauseId] = args as [string, string | undefined];
  const loaded = readAnswersArgument(ctx, library, answersPath, options.lang);
  const language = loaded.language;
  const t = messages(language);
  const selection = selectClauses(library.clauses.map((c) => c.value), loaded.answers, { includeDrafts: options.includeDrafts === true });
  let explained = explainSelection(library, selection.decisions, loaded.answers, language);
  if (clauseId !== undefined) {
    explained = explained.filter((e) => e.id === clauseId);
    if (explained.length === 0) throw new InputError(t.common.noSuchClause(clauseId), suggestion(clauseId, library.clauseById.keys(), language) ?? t.common.listClauses(ctx.command('list')));
  }
  // Which document each clause that is in goes in: every document the tender needs is built.
  const plan = planDocuments(
    library,
    selection.included.map((id) => library.clauseById.get(id)!.value),
  );
  const documentOf = new Map<string, string[]>();
  for (const d of plan.documents) for (const id of d.clauses) documentOf.set(id, [...(documentOf.get(id) ?? []), d.template.id]);
  const release = releaseOf(library);
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
      conflicts: selection.conflicts.map((c) => ({ ...c, message: describeConflict(c, language) })),
      clauses: explained.map((e) => ({ ...e, documents: documentOf.get(e.id) ?? [] })),
    };
    ctx.io.stdout.write(terminalJson(report) + '\n');
    return 0;
  }
  const chalk = new Chalk({ level: ctx.color ? 1 : 0 });
  const out: string[] = [];
  if (clauseId === undefined) {
    const over = bases.length > 0 ? t.explain.over(bases.join(t.explain.over(''))) : '';
    out.push(chalk.bold(t.explain.selected(selection.included.length, selection.decisions.length)) + chalk.dim(`  (${terminalSafe(release + over)}, ${language})`), '');
  }
  const names = new Map(library.templates.map((tpl) => [tpl.value.id, documentName(tpl.value, language)]));
  let category: string | undefined;
  for (const e of explained) {
    if (clauseId === undefined && e.category !== category) {
      category = e.category;
      const title = library.manifest?.value.categories.find((c) => c.id === category)?.title;
      out.push(chalk.underline(terminalSafe(`${category}${title ? ` — ${pick(title, language)}` : ''}`)));
    }
    const documents = e.included ? (documentOf.get(e.id) ?? []).map((id) => names.get(id) ?? id) : undefined;
    out.push(...formatExplanation(terminalSafeStrings(e), documents, chalk, t, { lint: ctx.command('lint'), layered: bases.length > 0 }), '');
  }
  for (const conflict of selection.conflicts) out.push(chalk.yellow(t.explain.conflict(terminalSafe(describeConflict(conflict, language)))));
  ctx.io.stdout.write(out.join('\n').replace(/\n+$/, '') + '\n');
  return 0;
}

function formatExplanation(e: ClauseExplanation, documents: string[] | undefined, chalk: ChalkInstance, t: Messages, o: { lint: string; layered: boolean }): string[] {
  const x = t.explain;
  const lint = o.lint;
  const mark = e.included ? chalk.green(`✔ ${x.inMark}`) : chalk.red(`✘ ${x.outMark}`);
  const lines = [`  ${mark}  ${chalk.bold(e.id)}  ${e.title}`];
  if (o.layered) lines.push(`         ${chalk.dim(originWords(e.origin, t))}`);
  lines.push(`         ${chalk.dim(reasonWords(e.reasons[0], t, lint))}${e.reasons.slice(1).map((r) => chalk.dim(`; ${reasonWords(r, t, lint)}`)).join('')}`);
  if (documents) lines.push(`         ${chalk.dim(x.document)} ${documents.length > 0 ? documents.join(', ') : chalk.red(x.inNoDocument)}`);
  if (e.when !== null) {
    lines.push(`         ${chalk.dim(x.when)} ${e.when}`);
    lines.push(`         ${chalk.dim(e.applies)}`);
    for (const line of e.trace) {
      const result = line.result === undefined ? chalk.dim(x.notNeeded) : line.result ? chalk.green(x.true) : chalk.red(x.false);
      const read = Object.entries(line.answers)
        .map(([id, v]) => `${id} = ${valueWords(v, t)}`)
        .join(', ');
      lines.push(`           ${'  '.repeat(line.depth)}${line.connective ? x.connectives[line.connective] : line.text}  → ${result}${read ? chalk.dim(`   (${read})`) : ''}`);
    }
  }
  if (e.included && e.passages.length > 0) {
    lines.push(`         ${chalk.dim(x.passages)}`);
    for (const p of e.passages) {
      const said = [...(p.when !== null ? [`${x.when} ${p.when}`] : []), ...(p.defines !== null ? [x.defines(p.defines)] : [])].join('; ');
      lines.push(`           ${p.holds ? chalk.green('✔') : chalk.red('✘')} ${p.number}  ${said}${p.holds ? '' : chalk.dim(`  ${x.leftOut}`)}`);
    }
  }
  return lines;
}

/** Where a clause of a layered library comes from, in the officer's language. */
function originWords(origin: ClauseOrigin, t: Messages): string {
  const x = t.explain;
  switch (origin.kind) {
    case 'own':
      return x.ownClause(origin.release);
    case 'inherited':
      return x.inheritedClause(origin.release);
    case 'adapted':
      return x.adaptedClause(origin.release, origin.base, origin.baseVersion, origin.overrides ?? undefined);
  }
}

function reasonWords(reason: ReasonView | undefined, t: Messages, lint: string): string {
  const x = t.explain;
  if (!reason) return '';
  switch (reason.kind) {
    case 'always':
      return x.always;
    case 'condition':
      return reason.holds ? x.holds : x.doesNotHold;
    case 'required-by':
      return x.requiredBy(reason.by.join(', '));
    case 'excluded-by':
      return x.excludedBy(reason.by.join(', '));
    case 'draft':
      return x.draft;
    case 'deprecated':
      return reason.supersededBy ? x.supersededBy(reason.supersededBy) : x.deprecated;
    case 'invalid-condition':
      return x.invalidCondition(reason.message, lint);
  }
}

function valueWords(value: AnswerValue | null, t: Messages): string {
  if (value === null) return t.explain.notAnswered;
  if (Array.isArray(value)) return `[${value.join(', ')}]`;
  if (typeof value === 'boolean') return value ? t.explain.true : t.explain.false;
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
