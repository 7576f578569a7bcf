import { join } from 'node:path';
import { existsSync, mkdirSync } from 'node:fs';
import { fileKinds, jsonSchemaFor, schemaFileName } from '../../schema/index.js';
import { writeFileSafely } from '../../write/write-file.js';
import type { CommandContext } from '../context.js';
import { displayPath } from '../load.js';

export async function run(ctx: CommandContext, _args: string[], options: Record<string, unknown>): Promise<number> {
  if (options.out === undefined) {
    const all = Object.fromEntries(fileKinds.map((kind) => [kind, jsonSchemaFor(kind)]));
    ctx.io.stdout.write(JSON.stringify(all, null, 2) + '\n');
    return 0;
  }
  const dir = ctx.resolvePath(String(options.out));
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  for (const kind of fileKinds) {
    const path = join(dir, schemaFileName(kind));
    // Schemas are generated files: replacing them is the point.
    await writeFileSafely(path, JSON.stringify(jsonSchemaFor(kind), null, 2) + '\n', { force: true, display: displayPath(ctx, path) });
    ctx.io.stdout.write(`wrote ${displayPath(ctx, path)}\n`);
  }
  return 0;
}
