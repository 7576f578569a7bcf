import { existsSync } from 'node:fs';
import { PromptInterrupted, type Prompter } from '../../interview/prompter.js';
import { buildCommand, freeName } from '../../interview/save.js';
import type { InterviewTexts } from '../../interview/texts.js';
import type { CommandContext } from '../context.js';
import { displayPath } from '../load.js';

export interface BuildRequest {
  answersPath: string;
  language: string;
  prompter: Prompter;
  t: InterviewTexts;
}

/**
 * "Build the document now": the answers are saved; run `clausula build` on them, into
 * the answers file's name with .docx. An existing document is replaced only when the
 * officer says so; otherwise the next free name is used.
 */
export async function buildAfterInterview(ctx: CommandContext, r: BuildRequest): Promise<number> {
  let output = `${r.answersPath.replace(/\.ya?ml$/i, '')}.docx`;
  let force = false;
  if (existsSync(output)) {
    try {
      force = await r.prompter.confirm(r.t.replaceDocument(displayPath(ctx, output)), false);
    } catch (error) {
      if (!(error instanceof PromptInterrupted)) throw error;
      ctx.io.stderr.write(`\n${r.t.buildLater}\n  ${buildCommand(displayPath(ctx, r.answersPath), ctx.libraryGiven ? displayPath(ctx, ctx.libraryDir) : undefined)}\n`);
      return 130;
    }
    if (!force) output = freeName(output);
  }
  r.prompter.say(r.t.building(displayPath(ctx, output)));
  // The same code as `clausula build`, loaded only now: it brings the Word writer.
  const build = await import('./build.js');
  return build.run(ctx, [displayPath(ctx, r.answersPath)], { output, force, lang: r.language });
}
