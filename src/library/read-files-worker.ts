import { workerData, type MessagePort } from 'node:worker_threads';
import { parseOne, type TextJob } from './read-files.js';

// One share of a large library's files: parse and check them, hand the results back in
// batches (so this thread never holds them all), then raise the flag.
const BATCH = 250;
const { jobs, port, flags, index } = workerData as { jobs: TextJob[]; port: MessagePort; flags: Int32Array; index: number };
try {
  for (let i = 0; i < jobs.length; i += BATCH) port.postMessage(jobs.slice(i, i + BATCH).map(parseOne));
} catch (error) {
  port.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
Atomics.store(flags, index, 1);
Atomics.notify(flags, index);
