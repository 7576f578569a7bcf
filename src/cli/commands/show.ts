import { InputError } from '../../errors.js';
import { suggestion } from '../../text/did-you-mean.js';
import { pick } from '../../library/model.js';
import { parseCondition } from '../../expr/parse.js';
import { describeCondition } from '../../expr/describe.js';
import type { CommandContext } from '../context.js';
import { languageFor, loadFor } from '../load.js';
import { warnUnreadable } from './warn-unreadable.js';
import { terminalJson, terminalSafe } from '../../text/terminal-safe.js';

export async function run(ctx: CommandContext, args: string[], options: Record<string, unknown>): Promise<number> {
  const library = loadFor(ctx);
  warnUnreadable(ctx, library);
  const language = languageFor(library, options.lang);
  const id = args[0]!;
  const clause = library.clauseById.get(id)?.value;
  if (!clause) {
    throw new InputError(`there is no clause ${id} in this library`, suggestion(id, library.clauseById.keys()) ?? 'run clausula list to see the clause ids');
  }
  const parsed = clause.when ? parseCondition(clause.when) : undefined;
  const applies = parsed === undefined ? describeCondition(undefined, library.questions, language) : parsed.ok ? describeCondition(parsed.expr, library.questions, language) : `(condition does not parse: ${clause.when})`;
  if (options.json) {
    ctx.io.stdout.write(
      terminalJson(
        {
          id: clause.id,
          version: clause.version,
          status: clause.status,
          category: clause.category,
          language,
          title: pick(clause.title, language),
          when: clause.when ?? null,
          applies,
          requires: clause.requires ?? [],
          excludes: clause.excludes ?? [],
          supersededBy: clause.supersededBy ?? null,
          text: pick(clause.text, language),
          guidance: pick(clause.guidance, language),
          legalBasis: (clause.legalBasis ?? []).map((basis) => ({ ref: pick(basis.ref, language), ...(basis.url ? { url: basis.url } : {}) })),
        }) + '\n',
    );
    return 0;
  }
  // One-line fields as lines; the clause's text and guidance as blocks, their line breaks kept.
  const line = terminalSafe;
  const block = (text: string) => terminalSafe(text.trimEnd(), 'text');
  const out: string[] = [];
  out.push(line(`${clause.id}  ${clause.version}  ${clause.status}`));
  out.push(line(pick(clause.title, language)), '');
  out.push(line(applies));
  if (clause.when) out.push(line(`when: ${clause.when}`));
  if (clause.requires?.length) out.push(line(`requires: ${clause.requires.join(', ')}`));
  if (clause.excludes?.length) out.push(line(`excludes: ${clause.excludes.join(', ')}`));
  if (clause.supersededBy) out.push(line(`superseded by: ${clause.supersededBy}`));
  out.push('', block(pick(clause.text, language)), '');
  out.push('Guidance:', block(pick(clause.guidance, language)));
  if (clause.legalBasis?.length) {
    out.push('', 'Legal basis:');
    for (const basis of clause.legalBasis) out.push(line(`  - ${pick(basis.ref, language)}${basis.url ? ` <${basis.url}>` : ''}`));
  }
  ctx.io.stdout.write(out.join('\n') + '\n');
  return 0;
}
