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

/** A file's text, to be parsed and checked against its kind's schema. */
export interface TextJob {
  file: string;
  kind: FileKind;
  text: string;
}

/** Parse and schema-check one file's text. */
export function parseOne(job: TextJob): Omit<FileResult, 'source'> & { data: unknown } {
  const { source, findings } = parseYamlText(job.text, job.file);
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
    const source: YamlSource = { file: job.file, text: stripBom(read.text), data: undefined };
    const cached = cache.get(job.file, hash, job.kind);
    if (cached) {
      source.data = cached.data;
      results[index] = { source, findings: cached.findings, valid: cached.valid };
    } else {
      pending.push({ index, job: { file: job.file, kind: job.kind, text: read.text }, hash });
    }
  });

  const parsed = parseAll(pending.map((p) => p.job));
  pending.forEach(({ index, job, hash }, i) => {
    const { data, findings, valid } = parsed[i]!;
    results[index] = { source: { file: job.file, text: stripBom(job.text), data }, findings, valid };
    cache.set(job.file, { hash, kind: job.kind, data, findings, valid });
  });
  cache.save();
  return results;
}

function realpathOrSelf(path: string): string {
  try {
    return realpathSync(path);
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
    real = realpathSync(absolute);
  } catch {
    return undefined; // a dangling link: reading it reports that it cannot be read
  }
  return real === root || real.startsWith(root + sep) ? undefined : real;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
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
    return { chunk, port: port1, worker };
  });
  const byChunk = started.map(({ chunk, port, worker }, index) => {
    const outcome = Atomics.wait(flags, index, 0, WAIT_MS);
    const message = outcome === 'timed-out' ? undefined : (receiveMessageOnPort(port)?.message as Parsed[] | { error: string } | undefined);
    port.close();
    void worker.terminate();
    // A thread that failed or timed out: parse its share here instead.
    return Array.isArray(message) ? message : chunk.map(parseOne);
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
