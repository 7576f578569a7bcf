import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { Chalk } from 'chalk';
import { InputError, UsageError } from '../../errors.js';
import { compareLibraries, type Side } from '../../versioning/compare-libraries.js';
import { diffFormatters, type DiffFormat } from '../../versioning/format/index.js';
import { extractLibrary, findLibraryPath, hasLibraryAt, repositoryOf, resolveCommit } from '../../versioning/git-revision.js';
import { countBySeverity } from '../../finding.js';
import { LIBRARY_FILE, loadLibrary } from '../../library/load-library.js';
import type { Library } from '../../library/model.js';
import { checkWritable, writeFileSafely } from '../../write/write-file.js';
import { redlineOf } from '../../versioning/redline.js';
import { documentDate } from '../document-date.js';
import type { CommandContext } from '../context.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { displayPath, languageFor, libraryFiles, relativeToCwd } from '../load.js';

/**
 * `clausula diff OLD NEW`: each side is a library folder or a git revision of the
 * repository holding the library. Exit 1 when a version bump does not match the policy.
 */
export async function run(ctx: CommandContext, args: string[], options: Record<string, unknown>): Promise<number> {
  const format = String(options.format ?? 'stylish');
  if (format === 'docx') return redline(ctx, args, options);
  const libraryPath = options.libraryPath === undefined ? undefined : normaliseLibraryPath(String(options.libraryPath));
  const temporary: string[] = [];
  try {
    const oldSide = openSide(ctx, args[0]!, libraryPath, temporary);
    const newSide = openSide(ctx, args[1]!, libraryPath, temporary);
    const diff = compareLibraries(oldSide, newSide);
    const toFile = options.output !== undefined;
    const chalk = new Chalk({ level: ctx.color && !toFile && format === 'stylish' ? 1 : 0 });
    const report = diffFormatters[format as DiffFormat](diff, { chalk });
    if (toFile) {
      // Neither library compared (a revision's is a temporary copy) may be replaced by the report.
      const protect = [oldSide, newSide].filter((s) => s.commit === undefined).flatMap((s) => libraryFiles(s.library));
      await writeFileSafely(ctx.resolvePath(String(options.output)), report, { kind: 'report', protect, display: String(options.output) });
    }
    else ctx.io.stdout.write(report);
    return diff.mismatches > 0 ? 1 : 0;
  } finally {
    for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `--format docx`: the changes as a Word redline (tracked changes), in one language. A Word
 * document is for people to open and annotate, so it is never written to a terminal, and
 * an existing file is only replaced with --force.
 */
async function redline(ctx: CommandContext, args: string[], options: Record<string, unknown>): Promise<number> {
  if (options.output === undefined) throw new UsageError('a redline is a Word document: say where to write it with -o FILE.docx');
  const output = ctx.resolvePath(String(options.output));
  const shown = displayPath(ctx, output);
  const force = options.force === true;
  checkWritable(output, shown, { force });
  const libraryPath = options.libraryPath === undefined ? undefined : normaliseLibraryPath(String(options.libraryPath));
  const temporary: string[] = [];
  try {
    const oldSide = openSide(ctx, args[0]!, libraryPath, temporary);
    const newSide = openSide(ctx, args[1]!, libraryPath, temporary);
    const language = languageFor(newSide.library, options.lang);
    const model = redlineOf(oldSide, newSide, language);
    const { renderRedline } = await import('../../render/docx/redline.js');
    const protect = [oldSide, newSide].filter((s) => s.commit === undefined).flatMap((s) => libraryFiles(s.library));
    await writeFileSafely(output, await renderRedline(model, { date: documentDate(ctx.io.env) }), { force, protect, display: shown });
    const n = model.sections.length;
    ctx.io.stdout.write(`Wrote ${shown}: ${n} changed ${n === 1 ? 'clause' : 'clauses'} as tracked changes (${model.old.release} → ${model.new.release}, ${language}, by ${model.author})\n`);
    return 0;
  } finally {
    for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
  }
}

/** A folder is read as a folder; anything else as a git revision. */
function openSide(ctx: CommandContext, arg: string, libraryPath: string | undefined, temporary: string[]): Side {
  const folder = ctx.resolvePath(arg);
  if (existsSync(folder) && statSync(folder).isDirectory()) {
    // `diff v1.2.0 . --library-path lib` from the repository's top: the folder holds the library in lib/.
    const inside = libraryPath !== undefined && !existsSync(join(folder, LIBRARY_FILE)) ? join(folder, ...libraryPath.split('/')) : folder;
    return { library: readable(ctx, loadLibrary(inside), arg), label: arg };
  }

  const base = ctx.libraryGiven ? ctx.libraryDir : ctx.io.cwd;
  const repo = repositoryOf(base);
  if (!repo) {
    throw new UsageError(
      `${arg} is not a folder, and ${base === ctx.io.cwd ? 'the current folder' : displayPath(ctx, base)} is not in a git repository, so it cannot be a revision either`,
      "give a library folder, or run clausula diff inside the library's git repository (or with --library pointing into it)",
    );
  }
  const commit = resolveCommit(repo, arg);
  if (!commit) {
    throw new UsageError(
      `${arg} is neither a folder nor a revision of the git repository in ${displayPath(ctx, repo.top)}`,
      'give a library folder, or a tag, branch or commit such as v1.2.0, main or HEAD~3',
    );
  }
  let path: string | undefined;
  if (libraryPath !== undefined) {
    if (!hasLibraryAt(repo, commit, libraryPath)) {
      throw new InputError(`${arg} has no ${posix.join(libraryPath, LIBRARY_FILE)}`, 'give with --library-path the folder, inside the repository, that holds clauses/library.yaml');
    }
    path = libraryPath;
  } else {
    path = findLibraryPath(repo, commit, repo.prefix);
    if (path === undefined) {
      throw new InputError(
        `${arg} has no clause library in ${repo.prefix === '' ? 'the top folder of the repository' : `${repo.prefix}/ or the folders above it`} (no ${LIBRARY_FILE})`,
        'give with --library-path the folder, inside the repository, that holds clauses/library.yaml',
      );
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'clausula-diff-'));
  temporary.push(dir);
  extractLibrary(repo, commit, path, dir);
  // A library over a base names its base relative to its own folder: the one in the working tree.
  return { library: readable(ctx, loadLibrary(dir, arg, { baseFrom: join(repo.top, ...path.split('/').filter(Boolean)) }), arg), label: arg, commit };
}

/** A side without a readable manifest cannot be compared; other unreadable files are left out, with a warning. */
function readable(ctx: CommandContext, library: Library, label: string): Library {
  if (!library.manifest) {
    const findings = library.findings.filter((f) => f.file === LIBRARY_FILE);
    throw new InputError(`${label}: ${LIBRARY_FILE} cannot be read`, 'correct it (clausula lint shows why), or compare another revision', relativeToCwd(ctx, library, findings));
  }
  const { error } = countBySeverity(library.findings);
  if (error > 0) {
    const files = new Set(library.findings.filter((f) => f.severity === 'error').map((f) => f.file));
    ctx.io.stderr.write(terminalSafe(`clausula: warning: ${label}: ${files.size} library ${files.size === 1 ? 'file' : 'files'} could not be read and ${files.size === 1 ? 'is' : 'are'} left out of the comparison: ${[...files].sort().join(', ')}`) + '\n');
  }
  return library;
}

function normaliseLibraryPath(input: string): string {
  const path = posix.normalize(input.replace(/\\/g, '/')).replace(/\/+$/, '');
  if (path.startsWith('/') || path === '..' || path.startsWith('../')) {
    throw new UsageError(`--library-path ${input} is outside the repository`, "give the library's folder relative to the repository's top folder, such as clauses-lib (or . for the top)");
  }
  return path === '.' ? '' : path;
}
