import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../errors.js';
import { fileKinds, jsonSchemaFor, schemaFileName } from '../../schema/index.js';
import { makeDirectory } from '../../write/make-directory.js';
import { checkWritable, writeFileSafely } from '../../write/write-file.js';
import type { CommandContext } from '../context.js';
import { displayPath } from '../load.js';

export async function run(ctx: CommandContext, _args: string[], options: Record<string, unknown>): Promise<number> {
  if (options.out === undefined) {
    const all = Object.fromEntries(fileKinds.map((kind) => [kind, jsonSchemaFor(kind)]));
    ctx.io.stdout.write(JSON.stringify(all, null, 2) + '\n');
    return 0;
  }
  const dir = ctx.resolvePath(String(options.out));
  if (!existsSync(dir)) {
    try {
      makeDirectory(dir);
    } catch (error) {
      throw new InputError(`cannot create the folder ${displayPath(ctx, dir)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 'choose a folder you can write to, with --out');
    }
  }
  // Every file is checked before the first is written: all of them or none.
  const rules = { force: options.force === true, within: dir, naming: { option: '--out' } };
  const files = fileKinds.map((kind) => ({ kind, path: join(dir, schemaFileName(kind)) }));
  for (const { path } of files) checkWritable(path, displayPath(ctx, path), rules);
  for (const { kind, path } of files) {
    await writeFileSafely(path, JSON.stringify(jsonSchemaFor(kind), null, 2) + '\n', { ...rules, display: displayPath(ctx, path) });
    ctx.io.stdout.write(`wrote ${displayPath(ctx, path)}\n`);
  }
  return 0;
}
