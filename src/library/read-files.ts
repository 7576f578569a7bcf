import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { FileKind } from '../schema/index.js';
import type { Finding } from './finding.js';
import { validateSchema } from './validate-schema.js';
import { readYamlFile, type YamlSource } from './yaml-source.js';

export interface FileJob {
  absolute: string;
  file: string;
  kind: FileKind;
}

export interface FileResult {
  source: YamlSource;
  /** YAML and schema problems. */
  findings: Finding[];
  /** Parsed and matching its schema. */
  valid: boolean;
}

/** Read, parse and schema-check one file. */
export function readOne(job: FileJob): FileResult {
  const { source, findings } = readYamlFile(job.absolute, job.file);
  if (findings.length > 0) return { source, findings, valid: false };
  const schemaFindings = validateSchema(job.kind, source);
  return { source, findings: schemaFindings, valid: schemaFindings.length === 0 };
}

/** Below this many files, starting threads costs more than it saves. */
const PARALLEL_THRESHOLD = 400;
const WORKER_URL = new URL('./read-files-worker.js', import.meta.url);
const WAIT_MS = 120_000;

/**
 * Read many files, in parallel on large libraries. YAML parsing is most of lint's time
 * and every file is independent, so large libraries are split across worker threads.
 * The call stays synchronous: we block on a shared flag and take each worker's result
 * with receiveMessageOnPort. Set CLAUSULA_WORKERS=0 to read everything on one thread.
 */
export function readFiles(jobs: readonly FileJob[]): FileResult[] {
  const threads = workerCount(jobs.length);
  if (threads <= 1) return jobs.map(readOne);

  const chunks: FileJob[][] = Array.from({ length: threads }, () => []);
  // Deal the files out in turn, so each thread gets a similar mix of small and large files.
  jobs.forEach((job, i) => chunks[i % threads]!.push(job));
  const flags = new Int32Array(new SharedArrayBuffer(4 * threads));
  const started = chunks.map((chunk, index) => {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(WORKER_URL, { workerData: { jobs: chunk, port: port2, flags, index }, transferList: [port2] });
    worker.unref();
    return { chunk, port: port1, worker };
  });
  const results = new Map<FileJob, FileResult>();
  started.forEach(({ chunk, port, worker }, index) => {
    const outcome = Atomics.wait(flags, index, 0, WAIT_MS);
    const message = outcome === 'timed-out' ? undefined : (receiveMessageOnPort(port)?.message as FileResult[] | { error: string } | undefined);
    port.close();
    void worker.terminate();
    // A thread that failed or timed out: read its share here instead.
    const list = Array.isArray(message) ? message : chunk.map(readOne);
    chunk.forEach((job, i) => results.set(job, list[i]!));
  });
  return jobs.map((job) => results.get(job)!);
}

function workerCount(files: number): number {
  const setting = process.env.CLAUSULA_WORKERS;
  if (setting !== undefined && setting !== '') {
    const n = Number(setting);
    if (Number.isInteger(n) && n >= 0) return files >= 2 ? Math.min(n, files) : 1;
  }
  if (files < PARALLEL_THRESHOLD) return 1;
  // The worker is compiled code; running from TypeScript sources (tests) reads in-process.
  if (!existsSync(fileURLToPath(WORKER_URL))) return 1;
  return Math.max(1, Math.min(availableParallelism(), 4));
}
