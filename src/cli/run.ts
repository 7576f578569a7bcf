import { main } from './main.js';

// The process entry: the real terminal, the real exit code. Everything else is in main().
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // `clausula list | head` closes the pipe early; that is not an error.
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
});
