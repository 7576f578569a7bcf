import { workerData, type MessagePort } from 'node:worker_threads';
import { batches, readOne, type ReadPlan, type WorkerMessage } from './read-files.js';

// A worker thread of readAll (read-files.ts): read its batches of files, handing the outcomes
// of each back as it goes, until no files are left; then raise the flag.
const { plan, first, next, done, port } = workerData as { plan: ReadPlan; first: number; next: Int32Array; done: Int32Array; port: MessagePort };
const post = (message: WorkerMessage) => port.postMessage(message);
try {
  for (const [start, end] of batches(first, next, plan.jobs.length)) {
    const outcomes = [];
    for (let i = start; i < end; i++) outcomes.push(readOne(plan, i));
    post({ start, outcomes });
  }
} catch (error) {
  post({ error: error instanceof Error ? error.message : String(error) });
}
Atomics.store(done, 0, 1);
Atomics.notify(done, 0);
