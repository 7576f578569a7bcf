import { InputError } from '../../errors.js';
import { suggestion } from '../../text/did-you-mean.js';
import { pick } from '../../library/model.js';
import { parseCondition } from '../../expr/parse.js';
import { describeCondition } from '../../expr/describe.js';
import { clauseOrigin, originWords } from '../../library/layers/origin.js';
import type { CommandContext } from '../context.js';
import { languageFor, loadFor } from '../load.js';
import { warnUnreadable } from './warn-unreadable.js';
import { terminalJson, terminalSafe } from '../../text/terminal-safe.js';
import { passagesOf, termForms } from '../../text/passages.js';

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
  const passages = passagesOf(clause.text);
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
          origin,
          language,
          title: pick(clause.title, language),
          when: clause.when ?? null,
          applies,
          requires: clause.requires ?? [],
          excludes: clause.excludes ?? [],
          supersededBy: clause.supersededBy ?? null,
          text: passages.map((p) => pick(p.text, language)).join('\n\n'),
          // Set when the text is written as passages: each with the condition or term it prints under.
          passages: Array.isArray(clause.text) ? passages.map((p) => ({ when: p.when ?? null, defines: termForms(p, language)[0] ?? null, text: pick(p.text, language) })) : null,
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
  // Where it comes from only matters when the library has layers.
  if (library.layers.length > 1) out.push(line(originWords(origin)));
  out.push(line(pick(clause.title, language)), '');
  out.push(line(applies));
  if (clause.when) out.push(line(`when: ${clause.when}`));
  if (clause.requires?.length) out.push(line(`requires: ${clause.requires.join(', ')}`));
  if (clause.excludes?.length) out.push(line(`excludes: ${clause.excludes.join(', ')}`));
  if (clause.supersededBy) out.push(line(`superseded by: ${clause.supersededBy}`));
  out.push('');
  for (const passage of passages) {
    const only = [...(passage.when !== undefined ? [`when: ${passage.when}`] : []), ...(passage.defines !== undefined ? [`defines: ${termForms(passage, language).join(' / ')}`] : [])];
    if (only.length > 0) out.push(line(`[${only.join('; ')}]`));
    out.push(block(pick(passage.text, language)), '');
  }
  out.push('Guidance:', block(pick(clause.guidance, language)));
  if (clause.legalBasis?.length) {
    out.push('', 'Legal basis:');
    for (const basis of clause.legalBasis) out.push(line(`  - ${pick(basis.ref, language)}${basis.url ? ` <${basis.url}>` : ''}`));
  }
  ctx.io.stdout.write(out.join('\n') + '\n');
  return 0;
}
