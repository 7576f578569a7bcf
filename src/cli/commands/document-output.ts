import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { InputError, OutputError, UsageError } from '../../errors.js';
import { parseCondition } from '../../expr/parse.js';
import type { Finding } from '../../finding.js';
import type { Library } from '../../library/model.js';
import { locateInString } from '../../library/yaml-source.js';
import type { ReferenceDoc } from '../../render/docx/reference.js';
import type { CommandContext } from '../context.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { displayPath, relativeToCwd } from '../load.js';
import { outputFailure } from '../output-failure.js';

/** A document is only built from a library that read without errors: a clause left out silently could be a legal gap. */
export function requireReadableLibrary(ctx: CommandContext, library: Library): void {
  if (!library.manifest) {
    throw new InputError(`${displayPath(ctx, library.dir)} is not a clause library: clauses/library.yaml is missing or unreadable`, 'give the library folder with --library, or create one with clausula init');
  }
  const errors = library.findings.filter((f) => f.severity === 'error');
  if (errors.length === 0) return;
  throw new InputError(
    `the clause library has ${errors.length === 1 ? 'an error' : `${errors.length} errors`}; no document is built from it`,
    'fix them (clausula lint shows every problem), then build again',
    relativeToCwd(ctx, library, errors),
  );
}

/**
 * A clause that could apply but whose condition does not parse would be left out without a
 * word: the same legal gap as an unreadable file. Refuse, with the condition's position.
 * (Deprecated clauses, and drafts unless allowed in, are never selected: theirs do not matter.)
 */
export function requireParsableConditions(ctx: CommandContext, library: Library, includeDrafts: boolean): void {
  const findings: Finding[] = [];
  for (const { value: clause, source } of library.clauses) {
    if (clause.when === undefined || clause.status === 'deprecated' || (clause.status === 'draft' && !includeDrafts)) continue;
    const parsed = parseCondition(clause.when);
    if (parsed.ok) continue;
    const { message, fix, offset, length } = parsed.error;
    findings.push({
      ruleId: 'condition-syntax',
      severity: 'error',
      file: source.file,
      ...locateInString(source, ['when'], clause.when, offset, length),
      message: `the condition of ${clause.id} does not parse: ${message}`,
      ...(fix ? { fix } : {}),
    });
  }
  if (findings.length === 0) return;
  throw new InputError(
    `${findings.length === 1 ? 'a clause condition does' : `${findings.length} clause conditions do`} not parse; no document is built, since a clause would be left out unseen`,
    'correct the condition (clausula lint shows every problem), then build again',
    relativeToCwd(ctx, library, findings),
  );
}

/**
 * Where a document goes: `-o -` standard output; `-o FILE`; `-o FOLDER/` (a final slash) the
 * default name inside that folder; no -o, the default path.
 */
export function documentTarget(ctx: CommandContext, requested: string | undefined, defaultPath: string): { path?: string; shown: string } {
  if (requested === '-') return { shown: 'standard output' };
  let path = requested === undefined ? defaultPath : ctx.resolvePath(requested);
  if (/[\\/]$/.test(path)) path = join(path, basename(defaultPath));
  return { path, shown: displayPath(ctx, path) };
}

export function warn(ctx: CommandContext, message: string): void {
  ctx.io.stderr.write(`clausula: warning: ${terminalSafe(message)}\n`);
}

/**
 * `-o -`: the document on standard output; a Word document is binary, so never onto a
 * terminal. Waits until it is written, so that a full disk is an error before any line says
 * the document was written.
 */
export async function writeToStdout(ctx: CommandContext, rendered: string | Uint8Array): Promise<void> {
  if (typeof rendered !== 'string' && ctx.io.stdout.isTTY) throw new UsageError('a Word document is binary and is not written to a terminal', 'give a file name with -o, or redirect the output to a file');
  // On a terminal it is read, not kept: nothing in it may act on the terminal. Elsewhere, the exact bytes.
  const chunk = typeof rendered === 'string' && ctx.io.stdout.isTTY ? terminalSafe(rendered, 'text') : rendered;
  const write = ctx.io.stdout.write as (chunk: string | Uint8Array, callback: (error?: Error | null) => void) => unknown;
  await new Promise<void>((resolve, reject) => {
    write.call(ctx.io.stdout, chunk, (error) => {
      if (!error) return resolve();
      const { message, fix } = outputFailure(error);
      reject(new OutputError(message, fix));
    });
  });
}

/** Read --reference-doc; the render module checks that it is a Word document with styles. */
export async function readReference(ctx: CommandContext, path: string): Promise<ReferenceDoc> {
  const absolute = ctx.resolvePath(path);
  const shown = displayPath(ctx, absolute);
  if (!existsSync(absolute)) throw new InputError(`${shown}: no such reference document`, 'give the path of a .docx whose styles the document should use');
  if (statSync(absolute).isDirectory()) throw new InputError(`${shown} is a folder, not a reference document`, 'give the path of a .docx file');
  // A device (/dev/zero) or a pipe would be read forever.
  if (!statSync(absolute).isFile()) throw new InputError(`${shown} is not a regular file (a device, a pipe or a socket)`, 'give the path of a .docx file');
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolute);
  } catch (error) {
    throw new InputError(`cannot read ${shown}: ${(error as Error).message}`);
  }
  const { readReferenceDoc } = await import('../../render/docx/reference.js');
  return readReferenceDoc(bytes, shown);
}
