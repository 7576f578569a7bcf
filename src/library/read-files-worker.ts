import { workerData, type MessagePort } from 'node:worker_threads';
import { parseOne, type TextJob } from './read-files.js';

// One share of a large library's files: parse and check them, hand the results back, raise the flag.
const { jobs, port, flags, index } = workerData as { jobs: TextJob[]; port: MessagePort; flags: Int32Array; index: number };
let message: ReturnType<typeof parseOne>[] | { error: string };
try {
  message = jobs.map(parseOne);
} catch (error) {
  message = { error: error instanceof Error ? error.message : String(error) };
}
port.postMessage(message);
Atomics.store(flags, index, 1);
Atomics.notify(flags, index);
