import { workerData, type MessagePort } from 'node:worker_threads';
import { readOne, type FileJob, type FileResult } from './read-files.js';

// One share of a large library's files: parse and check them, hand the results back, raise the flag.
const { jobs, port, flags, index } = workerData as { jobs: FileJob[]; port: MessagePort; flags: Int32Array; index: number };
let message: FileResult[] | { error: string };
try {
  message = jobs.map(readOne);
} catch (error) {
  message = { error: error instanceof Error ? error.message : String(error) };
}
port.postMessage(message);
Atomics.store(flags, index, 1);
Atomics.notify(flags, index);
