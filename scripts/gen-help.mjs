// Renders the top-level help once, at build time, for the fast path in src/cli/run.ts.
import { writeFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';

const { main } = await import('../dist/cli/main.js');
let text = '';
const io = {
  stdout: { write: (s) => (text += s), isTTY: false },
  stderr: { write: (s) => process.stderr.write(s), isTTY: false },
  stdin: new PassThrough(),
  env: {},
  cwd: process.cwd(),
};
const code = await main(['--help'], io);
if (code !== 0 || !text.includes('Commands:')) throw new Error('could not render the help');
writeFileSync(new URL('../dist/cli/help.txt', import.meta.url), text);
