import { existsSync, realpathSync } from 'node:fs';
import { sep } from 'node:path';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { FileKind } from '../schema/index.js';
import type { Finding } from './finding.js';
import { openParseCache, textHash } from './parse-cache.js';
import { validateSchema } from './validate-schema.js';
import { parseYamlText, readYamlText, type YamlSource } from './yaml-source.js';

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

/** A file to parse and check against its kind's schema, with its text when it has been read. */
export interface TextJob {
  file: string;
  absolute: string;
  kind: FileKind;
  text?: string;
}

/** Parse and schema-check one file's text (reading it first when the job does not carry it). */
export function parseOne(job: TextJob): Omit<FileResult, 'source'> & { data: unknown } {
  let text = job.text;
  if (text === undefined) {
    const read = readYamlText(job.absolute, job.file);
    if (!('text' in read)) return { data: undefined, findings: read.findings, valid: false };
    text = read.text;
  }
  const { source, findings } = parseYamlText(text, job.file);
  if (findings.length > 0) return { data: undefined, findings, valid: false };
  const schemaFindings = validateSchema(job.kind, source);
  return { data: source.data, findings: schemaFindings, valid: schemaFindings.length === 0 };
}

/** Below this many files to parse, starting threads costs more than it saves. */
const PARALLEL_THRESHOLD = 2000;
const WORKER_URL = new URL('./read-files-worker.js', import.meta.url);
const WAIT_MS = 120_000;

/**
 * Read every file of a library once: unchanged files come from the parse cache; the
 * others are parsed and schema-checked, on worker threads when there are many (YAML
 * parsing is most of the time and files are independent). The call stays synchronous:
 * we block on a shared flag and take each worker's result with receiveMessageOnPort.
 * CLAUSULA_WORKERS=0 parses everything on one thread.
 */
export function readFiles(libraryDir: string, jobs: readonly FileJob[]): FileResult[] {
  const cache = openParseCache(libraryDir);
  const results: FileResult[] = new Array(jobs.length);
  const pending: { index: number; job: TextJob; hash: string }[] = [];
  const root = realpathOrSelf(libraryDir);
  jobs.forEach((job, index) => {
    const outside = linkOutside(root, job.absolute);
    if (outside !== undefined) {
      results[index] = {
        source: { file: job.file, text: '', data: undefined },
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
        valid: false,
      };
      return;
    }
    const read = readYamlText(job.absolute, job.file);
    if (!('text' in read)) {
      results[index] = { ...read, valid: false };
      return;
    }
    const hash = textHash(read.text);
    const cached = cache.get(job.file, hash, job.kind);
    if (cached) {
      results[index] = { source: lazySource(job, cached.data), findings: cached.findings, valid: cached.valid };
    } else {
      pending.push({ index, job: { file: job.file, absolute: job.absolute, kind: job.kind, text: read.text }, hash });
    }
  });

  // With threads, each reads its own files again (from the system's cache: they were just
  // read here), so the texts are neither kept here nor copied across.
  if (workerCount(pending.length) > 1) for (const p of pending) delete p.job.text;
  const parsed = parseAll(pending.map((p) => p.job));
  pending.forEach(({ index, job, hash }, i) => {
    const { data, findings, valid } = parsed[i]!;
    results[index] = { source: lazySource(job, data), findings, valid };
    cache.set(job.file, { hash, kind: job.kind, data, findings, valid });
  });
  cache.save();
  return results;
}

function realpathOrSelf(path: string): string {
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

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
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

type Parsed = ReturnType<typeof parseOne>;

function parseAll(jobs: readonly TextJob[]): Parsed[] {
  const threads = workerCount(jobs.length);
  if (threads <= 1) return jobs.map(parseOne);

  const chunks: TextJob[][] = Array.from({ length: threads }, () => []);
  // Deal the files out in turn, so each thread gets a similar mix of small and large files.
  jobs.forEach((job, i) => chunks[i % threads]!.push(job));
  const flags = new Int32Array(new SharedArrayBuffer(4 * threads));
  const started = chunks.map((chunk, index) => {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(WORKER_URL, { workerData: { jobs: chunk, port: port2, flags, index }, transferList: [port2] });
    worker.unref();
    return { chunk, port: port1, worker, results: [] as Parsed[], failed: false, done: false };
  });
  // Workers hand results back in batches as they go, so neither side holds a whole share twice.
  const drain = (w: (typeof started)[number]) => {
    for (let m = receiveMessageOnPort(w.port); m; m = receiveMessageOnPort(w.port)) {
      const message = m.message as Parsed[] | { error: string };
      if (Array.isArray(message)) w.results.push(...message);
      else w.failed = true;
    }
  };
  const deadline = Date.now() + WAIT_MS;
  for (let pending = started.length; pending > 0 && Date.now() < deadline; ) {
    pending = 0;
    for (const [index, w] of started.entries()) {
      if (w.done) continue;
      drain(w);
      if (Atomics.load(flags, index) === 1) {
        drain(w);
        w.done = true;
        w.port.close();
        void w.worker.terminate();
      } else {
        pending++;
      }
    }
    const waiting = started.findIndex((w) => !w.done);
    if (waiting !== -1) Atomics.wait(flags, waiting, 0, 20);
  }
  const byChunk = started.map((w) => {
    if (!w.done) {
      w.port.close();
      void w.worker.terminate();
    }
    // A thread that failed or ran out of time: parse what it did not hand back here instead.
    if (w.failed) return w.chunk.map(parseOne);
    return [...w.results, ...w.chunk.slice(w.results.length).map(parseOne)];
  });
  return jobs.map((_, i) => byChunk[i % threads]![Math.floor(i / threads)]!);
}

function workerCount(files: number): number {
  const setting = process.env.CLAUSULA_WORKERS;
  if (setting !== undefined && setting !== '') {
    const n = Number(setting);
    if (Number.isInteger(n) && n >= 0) return files >= 2 ? Math.min(n, files) : 1;
  }
  if (files < PARALLEL_THRESHOLD) return 1;
  // The worker is compiled code; running from TypeScript sources (tests) parses in-process.
  if (!existsSync(fileURLToPath(WORKER_URL))) return 1;
  return Math.max(1, Math.min(availableParallelism(), 4));
}
