import { existsSync, realpathSync } from 'node:fs';
import { join, sep } from 'node:path';
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { FROM_SOURCES, PACKAGE_ROOT } from '../package-root.js';
import type { FileKind } from '../schema/index.js';
import type { Finding } from '../finding.js';
import { openParseCache, textHash } from './parse-cache.js';
import { validateSchema } from './validate-schema.js';
import { emptySource, parseYamlText, readYamlText, stripBom, type YamlSource } from './yaml-source.js';

export interface FileJob {
  absolute: string;
  file: string;
  kind: FileKind;
  /** A symbolic link lies on the way from the library folder: where the file really is must be checked. */
  viaLink: boolean;
}

export interface FileResult {
  source: YamlSource;
  /** YAML and schema problems. */
  findings: Finding[];
  /** Parsed and matching its schema. */
  valid: boolean;
}

/**
 * What reading one file came to: its text matched the hash the parse cache knows (`cached`),
 * it was parsed and schema-checked (`parsed`), or it could not be read at all (`unread`).
 */
export type Outcome =
  | { kind: 'cached' }
  | { kind: 'parsed'; /** The text's hash, to keep it by; none without a cache. */ hash?: string; data: unknown; findings: Finding[]; valid: boolean }
  | { kind: 'unread'; findings: Finding[] };

/** Everything a thread needs to read any of the files: plain data, cloned to each thread. */
export interface ReadPlan {
  /** The library folder's real path: files whose real path is elsewhere are not read. */
  root: string;
  jobs: readonly FileJob[];
  /** For each job, the hash of the text the parse cache holds for it, if any; none without a cache. */
  cachedHashes?: readonly (string | undefined)[];
}

/**
 * Read, hash, and (unless the cache has it) parse and schema-check one file. The same code
 * runs on the main thread and on worker threads.
 */
export function readOne(plan: ReadPlan, index: number): Outcome {
  const job = plan.jobs[index]!;
  const outside = job.viaLink ? linkOutside(plan.root, job.absolute) : undefined;
  if (outside !== undefined) {
    return {
      kind: 'unread',
      findings: [
        {
          ruleId: 'yaml-syntax',
          severity: 'error',
          file: job.file,
          start: { line: 1, column: 1 },
          message: `the file is a symbolic link to ${outside}, outside the library folder; it is not read`,
          fix: "copy the file into the library: a library's files live inside its folder",
        },
      ],
    };
  }
  const read = readYamlText(job.absolute, job.file);
  if (!('text' in read)) return { kind: 'unread', findings: read.findings };
  const hash = plan.cachedHashes ? textHash(read.text) : undefined;
  if (hash !== undefined && hash === plan.cachedHashes?.[index]) return { kind: 'cached' };
  const { source, findings } = parseYamlText(read.text, job.file);
  if (findings.length > 0) return { kind: 'parsed', hash, data: undefined, findings, valid: false };
  const schemaFindings = validateSchema(job.kind, source);
  return { kind: 'parsed', hash, data: source.data, findings: schemaFindings, valid: schemaFindings.length === 0 };
}

/**
 * Read every file of a library once: unchanged files come from the parse cache; the
 * others are parsed and schema-checked. The call stays synchronous, also when worker
 * threads share the work (see readAll).
 */
export function readFiles(libraryDir: string, jobs: readonly FileJob[]): FileResult[] {
  const cache = openParseCache(libraryDir);
  const root = realpathOrSelf(libraryDir);
  const plan: ReadPlan = cache.enabled ? { root, jobs, cachedHashes: jobs.map((job) => cache.hashOf(job.file, job.kind)) } : { root, jobs };
  const outcomes = readAll(plan);
  const results = jobs.map((job, index): FileResult => {
    const outcome = outcomes[index]!;
    switch (outcome.kind) {
      case 'unread':
        return { source: emptySource(job.file), findings: outcome.findings, valid: false };
      case 'cached': {
        const data = cache.take(job.file);
        if (data !== undefined) return { source: lazySource(job, data), findings: [], valid: true };
        // The entry did not hold up (its schema): read the file as if there were none.
        return fromParse(job, readOne({ root, jobs: [job], cachedHashes: [undefined] }, 0));
      }
      case 'parsed':
        return fromParse(job, outcome);
    }
  });
  cache.save();
  return results;

  function fromParse(job: FileJob, outcome: Outcome): FileResult {
    if (outcome.kind !== 'parsed') return { source: emptySource(job.file), findings: outcome.kind === 'unread' ? outcome.findings : [], valid: false };
    const { hash, data, findings, valid } = outcome;
    // Only what parsed cleanly is kept: the same schema check stands between the cache and its use.
    if (hash !== undefined && valid) cache.set(job.file, { hash, kind: job.kind, data });
    return { source: lazySource(job, data), findings, valid };
  }
}

/** A path with its links resolved, or as given when it cannot be (it does not exist). */
export function realpathOrSelf(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}

/**
 * Where a library file really is, when a symbolic link (the file's or a folder's) takes it
 * out of the library folder. Libraries come from pull requests of strangers: a link to
 * ~/.npmrc or /etc/shadow must not have lint quote its first line into CI annotations.
 */
function linkOutside(root: string, absolute: string): string | undefined {
  let real: string;
  try {
    real = realpathSync.native(absolute);
  } catch {
    return undefined; // a dangling link: reading it reports that it cannot be read
  }
  return real === root || real.startsWith(root + sep) ? undefined : real;
}

/**
 * A source whose text is read again only if a message needs a position in it. Keeping
 * ten thousand texts alive beside their parsed data doubled lint's memory on large
 * libraries; most files never need a position.
 */
function lazySource(job: { file: string; absolute: string }, data: unknown): YamlSource {
  let text: string | undefined;
  return {
    file: job.file,
    data,
    get text(): string {
      if (text === undefined) {
        const read = readYamlText(job.absolute, job.file);
        text = 'text' in read ? stripBom(read.text) : '';
      }
      return text;
    },
  };
}

/** Below this many files, starting a thread costs more than it saves. */
const PARALLEL_THRESHOLD = 2000;
/** Files a thread takes at a time: small enough to even out the shares, large enough to batch messages. */
const BATCH = 25;
// The compiled file, also when the rest runs from the bundle (dist/clausula.cjs): a worker is a module of its own.
const WORKER_FILE = join(PACKAGE_ROOT, 'dist/library/read-files-worker.js');
const WAIT_MS = 120_000;

/** One message from a worker thread: the outcomes of a batch of files, from `start` on. */
export type WorkerMessage = { start: number; outcomes: Outcome[] } | { error: string };

/**
 * The outcome of every job. On large libraries, worker threads and this thread share the
 * work: each takes the next batch of files from a shared counter until none are left
 * (see batches), so a thread that started late or drew long files simply takes fewer.
 * This thread works too rather than wait, so two cores mean one worker, not two. Workers
 * hand their outcomes back as they go; whatever a worker did not hand back (it failed, or
 * ran out of time) is read here at the end. CLAUSULA_WORKERS sets the number of threads
 * in all, at most one a processor.
 */
function readAll(plan: ReadPlan): Outcome[] {
  const outcomes: Outcome[] = new Array(plan.jobs.length);
  const threads = threadCount(plan.jobs.length);
  if (threads <= 1) {
    for (let i = 0; i < plan.jobs.length; i++) outcomes[i] = readOne(plan, i);
    return outcomes;
  }

  // Thread t starts with batch t; the counter hands out the batches after those.
  const next = new Int32Array(new SharedArrayBuffer(4));
  next[0] = threads * BATCH;
  const workers = Array.from({ length: threads - 1 }, (_, w) => startWorker(plan, next, (w + 1) * BATCH));
  const drain = (w: StartedWorker) => {
    for (let m = receiveMessageOnPort(w.port); m; m = receiveMessageOnPort(w.port)) {
      const message = m.message as WorkerMessage;
      if ('error' in message) continue;
      message.outcomes.forEach((outcome, i) => (outcomes[message.start + i] = outcome));
    }
  };
  for (const [start, end] of batches(0, next, plan.jobs.length)) {
    for (let i = start; i < end; i++) outcomes[i] = readOne(plan, i);
    workers.forEach(drain);
  }
  const deadline = Date.now() + WAIT_MS;
  for (const w of workers) {
    while (Atomics.load(w.done, 0) === 0 && Date.now() < deadline) {
      drain(w);
      Atomics.wait(w.done, 0, 0, 20);
    }
    drain(w);
    w.port.close();
    void w.worker.terminate();
  }
  for (let i = 0; i < plan.jobs.length; i++) outcomes[i] ??= readOne(plan, i);
  return outcomes;
}

/**
 * The batches one thread reads, as [start, end) ranges of job indexes: its own first batch,
 * so that every thread has work however fast the others start, then the next from the
 * shared counter until none are left.
 */
export function* batches(first: number, next: Int32Array, total: number): Generator<[number, number]> {
  for (let start = first; start < total; start = Atomics.add(next, 0, BATCH)) yield [start, Math.min(start + BATCH, total)];
}

interface StartedWorker {
  worker: Worker;
  port: MessagePort;
  /** Raised by the worker when it has handed back its last batch. */
  done: Int32Array;
}

function startWorker(plan: ReadPlan, next: Int32Array, first: number): StartedWorker {
  const { port1, port2 } = new MessageChannel();
  const done = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(WORKER_FILE, { workerData: { plan, first, next, done, port: port2 }, transferList: [port2] });
  worker.unref();
  return { worker, port: port1, done };
}

function threadCount(files: number): number {
  // The worker is compiled code; running from TypeScript sources (tests) reads in-process.
  if (files < 2 || FROM_SOURCES || !existsSync(WORKER_FILE)) return 1;
  return threadsFor(files, process.env.CLAUSULA_WORKERS, availableParallelism());
}

/**
 * How many threads read `files` files: CLAUSULA_WORKERS when it is a whole number, else one
 * below PARALLEL_THRESHOLD files and up to four above; never more than there are files, nor
 * than processors (more only add start-up and memory: 400 took 42 s and 5.6 GB against 1.3 s
 * with one).
 */
export function threadsFor(files: number, setting: string | undefined, cpus: number): number {
  if (setting !== undefined && setting !== '') {
    const n = Number(setting);
    if (Number.isInteger(n) && n >= 0) return Math.max(1, Math.min(n, files, cpus));
  }
  if (files < PARALLEL_THRESHOLD) return 1;
  return Math.max(1, Math.min(cpus, 4));
}
