import { Command, CommanderError, Option } from 'commander';
import { ClausulaError, InputError } from '../errors.js';
import { commandSpecs } from './commands.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { resolveFrom, toolVersion, wantsColor, type CommandContext } from './context.js';
import type { Io } from './io.js';
import { invocation, shellQuote } from './invocation.js';
import { formatError } from './report-error.js';
import { localeLanguages } from '../interview/language.js';
import { messages, speaks } from '../text/messages/index.js';
import { stopWriting } from '../write/write-file.js';

const DESCRIPTION = [
  'Data clauses for public tenders.',
  '',
  'clausula interviews a procurement officer about the data a tender involves, picks the clauses that apply from a versioned YAML clause library, explains each choice, and writes them as a Word document. Legal staff lint, test and version the library.',
].join('\n');

/**
 * Run clausula with the given arguments and terminal. Returns the exit code:
 * 0 ok, 1 findings, 2 usage or input error (130 when interrupted).
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let exitCode = 0;
  let debug = argv.includes('--debug');
  let context: CommandContext | undefined;
  stopMessage = undefined;
  stopLanguage = () => context?.language ?? 'en';
  const program = new Command('clausula');
  program
    .description(DESCRIPTION)
    .version(toolVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--library <dir>', 'the clause library folder (default: the shipped library)')
    .option('--debug', 'show stack traces for unexpected errors')
    .option('--no-color', 'never colour the output (NO_COLOR works too)')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      // Wrap help to the terminal, or to 80 columns when it goes to a file or a pipe.
      getOutHelpWidth: () => (io.stdout.isTTY ? (io.stdout.columns ?? 80) : 80),
      getErrHelpWidth: () => (io.stderr.isTTY ? (io.stderr.columns ?? 80) : 80),
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(`clausula: ${s.replace(/^error: /, '')}`),
    })
    .addHelpText(
      'after',
      `
Examples:
  clausula interview tender.yaml           answer the questions, save tender.yaml, build
  clausula build tender.yaml -o data.docx  build the Word document from saved answers
  clausula explain tender.yaml             why each clause is in or out
  clausula lint                            check the library (exit 1 on errors)

Exit codes: 0 ok, 1 findings (lint errors, failed scenarios, verify mismatch), 2 usage or input error.
Docs: README.md and docs/library-format.md.`,
    );

  for (const spec of commandSpecs) {
    const command = program.command(spec.usage).description(spec.summary);
    for (const o of spec.options ?? []) {
      const option = new Option(o.flags, o.description);
      if (o.choices) option.choices(o.choices);
      if (o.default !== undefined) option.default(o.default);
      command.addOption(option);
    }
    if (spec.examples?.length) command.addHelpText('after', `\nExamples:\n${spec.examples.map((e) => `  ${e}`).join('\n')}\n`);
    command.action(async (...actionArgs: unknown[]) => {
      const cmd = actionArgs[actionArgs.length - 1] as Command;
      const options = cmd.optsWithGlobals() as Record<string, unknown>;
      debug = options.debug === true;
      const positional = actionArgs.slice(0, -2).flatMap((a) => (a === undefined ? [] : Array.isArray(a) ? a.map(String) : [String(a)]));
      let start: string | undefined;
      const ctx: CommandContext = {
        io,
        libraryDir: options.library ? resolveFrom(io.cwd, String(options.library)) : PACKAGE_ROOT,
        libraryGiven: options.library !== undefined,
        debug,
        color: wantsColor(io, options.color === false),
        resolvePath: (p) => resolveFrom(io.cwd, p),
        command: (...words) => {
          start ??= invocation(io.program, io.env, io.cwd);
          const library = options.library !== undefined ? ['--library', String(options.library)] : [];
          return [start, ...[...library, ...words].map(shellQuote)].join(' ');
        },
        onStop: (message) => {
          stopMessage = message;
        },
        language: spec.officer ? (speaks(options.lang as string | undefined) ? String(options.lang) : (localeLanguages(io.env).find((l) => speaks(l)) ?? 'en')) : 'en',
      };
      context = ctx;
      const module = await spec.load();
      exitCode = await module.run(ctx, positional, options);
    });
  }

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      if (error.code === 'commander.executeSubCommandAsync') return 2;
      io.stderr.write(`Run clausula --help for usage.\n`);
      return 2;
    }
    // The signal handler says what happened; the process ends as soon as the writes are settled.
    if (stopping) return 130;
    const color = wantsColor({ ...io, stdout: io.stderr }, argv.includes('--no-color'));
    io.stderr.write(formatError(error, { debug, color, language: context?.language ?? 'en' }));
    return error instanceof ClausulaError ? error.exitCode : 2;
  }
}

export { InputError };

let stopMessage: (() => string) | undefined;
let stopLanguage: () => string = () => 'en';
/** A signal is ending the process: the error a refused write throws meanwhile is not reported. */
let stopping = false;

/**
 * A signal ends the process (src/cli/run.ts): finish or undo the files being written, then
 * return what to tell the user, in their language — the command's own words (the interview:
 * where the answers are) or that nothing was left half written.
 */
export async function stop(signal: string): Promise<string> {
  stopping = true;
  await stopWriting();
  return stopMessage?.() ?? `clausula: ${messages(stopLanguage()).common.interruptedBySignal(signal)}`;
}
