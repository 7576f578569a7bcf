import { existsSync } from 'node:fs';
import { PromptInterrupted, type Prompter } from '../../interview/prompter.js';
import type { InterviewMessages } from '../../text/messages/index.js';
import type { CommandContext } from '../context.js';
import { displayPath } from '../load.js';

export interface BuildRequest {
  answersPath: string;
  language: string;
  prompter: Prompter;
  t: InterviewMessages;
}

/**
 * "Build the documents now": the answers are saved; build every document the tender needs
 * from them, as `clausula build` does, named after the answers file. Existing documents
 * are replaced only when the officer says so; otherwise the next free names are used.
 */
export async function buildAfterInterview(ctx: CommandContext, r: BuildRequest): Promise<number> {
  // The same code as `clausula build`, loaded only now: it brings the Word writer.
  const build = await import('./build.js');
  const answers = displayPath(ctx, r.answersPath);
  const options: Record<string, unknown> = { lang: r.language, force: true };
  const plan = await build.planBuild(ctx, answers, options);
  const existing = plan.outputs.filter((o) => o.path !== undefined && existsSync(o.path));
  if (existing.length > 0) {
    let replace: boolean;
    try {
      replace = await r.prompter.confirm(r.t.replaceDocuments(existing.map((o) => o.shown).join(', '), existing.length), false);
    } catch (error) {
      if (!(error instanceof PromptInterrupted)) throw error;
      ctx.io.stderr.write(`\n${r.t.buildLater}\n  ${ctx.command('build', answers)}\n`);
      return 130;
    }
    if (!replace) {
      const stem = r.answersPath.replace(/\.ya?ml$/i, '');
      for (let n = 2; ; n++) {
        const outputs = build.outputsFor(ctx, plan.library, { answersPath: answers, requested: undefined, stem: `${stem}-${n}`, format: plan.format, language: plan.language }, plan.outputs.map((o) => o.document));
        if (outputs.every((o) => o.path === undefined || !existsSync(o.path))) {
          plan.outputs = outputs;
          break;
        }
      }
      options.force = false;
    }
  }
  r.prompter.say(r.t.building);
  return build.writeBuild(ctx, plan, options);
}
