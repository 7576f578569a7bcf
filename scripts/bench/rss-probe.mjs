// Loaded with NODE_OPTIONS=--import in one extra run of each command: records the
// process's peak resident memory (KB) when it exits.
import { appendFileSync } from 'node:fs';

const out = process.env.CLAUSULA_BENCH_RSS;
if (out) process.on('exit', () => appendFileSync(out, `${process.resourceUsage().maxRSS}\n`));
