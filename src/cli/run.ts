import { existsSync, readFileSync } from 'node:fs';

// The process entry: the real terminal, the real exit code. Everything else is in main().
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // `clausula list | head` closes the pipe early; that is not an error.
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const argv = process.argv.slice(2);
const HELP_FILE = new URL('./help.txt', import.meta.url);

// `--version` and the top-level `--help` are what people run most to check an install; they
// answer without loading the command machinery. The help text is rendered at build time
// (scripts/gen-help.mjs) for an 80-column, non-terminal output; a terminal gets it live.
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  process.stdout.write(`${pkg.version}\n`);
} else if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h') && !process.stdout.isTTY && existsSync(HELP_FILE)) {
  process.stdout.write(readFileSync(HELP_FILE, 'utf8'));
} else {
  const { main } = await import('./main.js');
  process.exitCode = await main(argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
  });
}
