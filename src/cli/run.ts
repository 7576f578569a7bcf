import { existsSync, readFileSync } from 'node:fs';
import { outputFailure } from './output-failure.js';

// The process entry: the real terminal, the real exit code. Everything else is in main().

// Ctrl-C (SIGINT), SIGTERM and SIGHUP (the terminal window closed): one line, then exit
// 130 / 143 / 129 as shells expect. A file being written is finished or undone first, so
// nothing half-written or temporary is left behind; the interview has saved every answer
// already and says where. Installed first, so no signal finds the default handler (death
// without a word). The handlers stay installed (not `once`): a second signal while waiting exits at once.
let interrupted = false;
// The loaded command machinery's own: it knows which files are being written, and what to say.
let stop: (signal: string) => Promise<string> = async (signal) => `clausula: interrupted (${signal}); stopped without leaving a partial file`;
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
  process.on(signal, () => {
    if (interrupted) process.exit(code);
    interrupted = true;
    void stop(signal)
      .then((message) => {
        // After a hangup nobody reads it, and the terminal may be gone: never fail for that.
        try {
          process.stderr.write(`${process.stderr.isTTY ? '\n' : ''}${message}\n`);
        } catch {
          // no terminal left
        }
      })
      .finally(() => process.exit(code));
  });
}
// Output to a terminal that has gone (EIO after a hangup) or a pipe closed early (EPIPE,
// `clausula list | head`) is not an error of the command. Standard output that cannot be
// written otherwise (a full disk) is one plain message and exit 2, once: while the command
// runs it is kept for when it ends (a command that waits for its output, as build -o - does
// before its success line, has said so itself); after that it is said at once.
let commandEnded = false;
let outputError: unknown;
const reportOutputFailure = (error: unknown): never => {
  const { message, fix } = outputFailure(error);
  process.stderr.write(`clausula: error: ${message}\nHow to fix: ${fix}\n`);
  process.exit(2);
};
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'EIO' || stream === process.stderr) process.exit(process.exitCode ?? 0);
    if (commandEnded) reportOutputFailure(error);
    outputError ??= error;
  });
}

const argv = process.argv.slice(2);
const HELP_FILE = new URL('./help.txt', import.meta.url);

// `--version` and the top-level `--help` are what people run most to check an install; they
// answer without loading the command machinery. The help text is rendered at build time
// (scripts/gen-help.mjs) for an 80-column, non-terminal output; a terminal gets it live.
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  process.stdout.write(`${pkg.version}\n`);
  commandEnded = true;
} else if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h') && !process.stdout.isTTY && existsSync(HELP_FILE)) {
  process.stdout.write(readFileSync(HELP_FILE, 'utf8'));
  commandEnded = true;
} else {
  const { loadMain } = await import('./load-main.js');
  const loaded = await loadMain(argv);
  stop = loaded.module.stop;
  const code = await loaded.module.main(argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    ...(process.argv[1] !== undefined ? { program: process.argv[1] } : {}),
  });
  commandEnded = true;
  // Exit 2 means the command reported an error itself, this one or another.
  if (outputError !== undefined && code !== 2) reportOutputFailure(outputError);
  process.exitCode = code;
  loaded.saveCodeCache();
}
