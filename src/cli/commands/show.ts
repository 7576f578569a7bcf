import { InputError } from '../../errors.js';
import { suggestion } from '../../text/did-you-mean.js';
import { pick } from '../../library/model.js';
import { parseCondition } from '../../expr/parse.js';
import { describeCondition } from '../../expr/describe.js';
import { clauseOrigin, originWords } from '../../library/layers/origin.js';
import type { CommandContext } from '../context.js';
import { languageFor, loadFor } from '../load.js';
import { warnUnreadable } from './warn-unreadable.js';

export async function run(ctx: CommandContext, args: string[], options: Record<string, unknown>): Promise<number> {
  const library = loadFor(ctx);
  warnUnreadable(ctx, library);
  const language = languageFor(library, options.lang);
  const id = args[0]!;
  const clause = library.clauseById.get(id)?.value;
  if (!clause) {
    throw new InputError(`there is no clause ${id} in this library`, suggestion(id, library.clauseById.keys()) ?? 'run clausula list to see the clause ids');
  }
  const origin = clauseOrigin(library, id)!;
  const parsed = clause.when ? parseCondition(clause.when) : undefined;
  const applies = parsed === undefined ? describeCondition(undefined, library.questions, language) : parsed.ok ? describeCondition(parsed.expr, library.questions, language) : `(condition does not parse: ${clause.when})`;
  if (options.json) {
    ctx.io.stdout.write(
      JSON.stringify(
        {
          id: clause.id,
          version: clause.version,
          status: clause.status,
          category: clause.category,
          origin,
          language,
          title: pick(clause.title, language),
          when: clause.when ?? null,
          applies,
          requires: clause.requires ?? [],
          excludes: clause.excludes ?? [],
          supersededBy: clause.supersededBy ?? null,
          text: pick(clause.text, language),
          guidance: pick(clause.guidance, language),
          legalBasis: clause.legalBasis ?? [],
        },
        null,
        2,
      ) + '\n',
    );
    return 0;
  }
  const out: string[] = [];
  out.push(`${clause.id}  ${clause.version}  ${clause.status}`);
  // Where it comes from only matters when the library has layers.
  if (library.layers.length > 1) out.push(originWords(origin));
  out.push(pick(clause.title, language), '');
  out.push(applies);
  if (clause.when) out.push(`when: ${clause.when}`);
  if (clause.requires?.length) out.push(`requires: ${clause.requires.join(', ')}`);
  if (clause.excludes?.length) out.push(`excludes: ${clause.excludes.join(', ')}`);
  if (clause.supersededBy) out.push(`superseded by: ${clause.supersededBy}`);
  out.push('', pick(clause.text, language).trimEnd(), '');
  out.push('Guidance:', pick(clause.guidance, language).trimEnd());
  if (clause.legalBasis?.length) {
    out.push('', 'Legal basis:');
    for (const basis of clause.legalBasis) out.push(`  - ${basis.ref}${basis.url ? ` <${basis.url}>` : ''}`);
  }
  ctx.io.stdout.write(out.join('\n') + '\n');
  return 0;
}
