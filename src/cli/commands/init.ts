import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../../errors.js';
import { starterLibrary } from '../../init/starter.js';
import { fileKinds, jsonSchemaFor, schemaFileName } from '../../schema/index.js';
import { makeDirectory } from '../../write/make-directory.js';
import { writeFileSafely } from '../../write/write-file.js';
import type { CommandContext } from '../context.js';
import { displayPath } from '../load.js';

export async function run(ctx: CommandContext, args: string[], options: Record<string, unknown>): Promise<number> {
  const dir = ctx.resolvePath(args[0]!);
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new UsageError(`${args[0]} exists and is not a folder`);
    if (readdirSync(dir).length > 0) throw new UsageError(`${args[0]} is not empty; clausula init only fills a new or empty folder`, 'choose a new folder name');
  }
  const languages = String(options.languages ?? 'en')
    .split(',')
    .map((l) => l.trim())
    .filter(Boolean);
  const bad = languages.find((l) => !/^[a-z]{2,3}(-[A-Z]{2})?$/.test(l));
  if (languages.length === 0 || bad !== undefined) throw new UsageError(`--languages must list language codes such as en,es,ca${bad ? `, not "${bad}"` : ''}`);
  const id = String(options.id ?? slug(basename(dir)));
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new UsageError(`"${id}" cannot be a library id`, 'give --id in lower-case words joined by hyphens, such as city-data-clauses');

  const today = new Date().toISOString().slice(0, 10);
  const files = starterLibrary(id, languages, today);
  for (const kind of fileKinds) files[`schemas/${schemaFileName(kind)}`] = JSON.stringify(jsonSchemaFor(kind), null, 2) + '\n';
  for (const [file, content] of Object.entries(files).sort()) {
    const path = join(dir, file);
    makeDirectory(dirname(path));
    await writeFileSafely(path, content, { within: dir, option: null });
  }
  const shown = displayPath(ctx, dir);
  ctx.io.stdout.write(
    `Created a clause library in ${shown} (${Object.keys(files).length} files).\n\nNext:\n  clausula lint ${shown}\n  clausula --library ${shown} test\n  clausula --library ${shown} list\n`,
  );
  return 0;
}

function slug(name: string): string {
  const s = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'clause-library';
}
