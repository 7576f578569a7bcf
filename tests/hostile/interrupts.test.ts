import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { constants as osConstants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BIN, REPO_ROOT, spawnCli } from '../helpers/cli.js';

/**
 * Ctrl-C (SIGINT) and SIGTERM during a build of a large document, and two builds racing for
 * one file. The built binary runs as a user runs it. Whatever the moment, the output folder
 * holds either nothing new or a complete document, never half a file or a temporary file;
 * the exit code is 130 or 143 and the message one line.
 */

// The signals need a build long enough to interrupt (a second or two on 500 clauses); the
// write-window and race cases only need a document, and take less time with fewer clauses.
const CLAUSES = 500;
const FEWER = 300;
// Answers under which every generated clause applies (as scripts/bench.mjs builds them).
const ALL = `answers:\n  authorityName: Ajuntament\n  contractTitle: Benchmark\n  contractType: service-concession\n  contractDurationMonths: 36\n  dataContact: Oficina\n  generatesData: true\n  dataKinds: [operational, personal, sensor]\n  dataDeliveryFrequency: monthly\n  publicRecords: false\n  processesPersonalData: true\n  processingPurpose: run the benchmark service\n  processingOperations: [collection, storage, erasure]\n  personalDataTypes: [identification, contact]\n  dataSubjectCategories: [users]\n  specialCategoryData: true\n  largeScaleProcessing: true\n  thirdCountryTransfer: true\n  subcontractorsProcessData: false\n  hosting: cloud-saas\n  ensCategory: high\n  breachNotificationHours: 24\n  iotDevices: true\n  cityPlatformIntegration: false\n  aiSystem: high-risk\n  softwareDevelopment: true\n  softwareLicence: eupl-1.2\n  openDataCandidate: true\n  openDataLicence: cc-by-4.0\n  openDataPortal: Open Data\n  handoverDays: 30\n  penaltiesAsSpecialConditions: true\n`;

let root: string;
let library: string;
let smaller: string;
let answers: string;
let runs = 0;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'clausula-interrupts-'));
  library = join(root, 'library');
  answers = join(root, 'all.yaml');
  const { generateLibrary } = (await import(pathToFileURL(join(REPO_ROOT, 'scripts/bench/generate-library.mjs')).href)) as { generateLibrary: (dir: string, count: number, repoRoot: string) => void };
  generateLibrary(library, CLAUSES, REPO_ROOT);
  smaller = join(root, 'smaller');
  generateLibrary(smaller, FEWER, REPO_ROOT);
  writeFileSync(answers, ALL);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A fresh, empty output folder and a fresh parse cache (whose file appears once the library is read). */
function fresh(): { out: string; cache: string } {
  runs++;
  const out = join(root, `out-${runs}`);
  const cache = join(root, `cache-${runs}`);
  mkdirSync(out);
  return { out, cache };
}

/** Start `clausula build` of the large library; `interrupt` decides when to send which signal. */
function startBuild(out: string, cache: string, extra: string[] = [], lib = library) {
  const child = spawn(process.execPath, [BIN, '--library', lib, 'build', answers, '--lang', 'en', '-o', join(out, 'tender.docx'), ...extra], {
    env: { PATH: process.env.PATH, HOME: root, NO_COLOR: '1', LANG: 'en_GB.UTF-8', CLAUSULA_CACHE_DIR: cache, SOURCE_DATE_EPOCH: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Run>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Whether the process has a handler for the signal: the SigCgt mask of /proc/PID/status. */
function catches(pid: number, signal: NodeJS.Signals): boolean {
  if (!existsSync('/proc/self/status')) return true; // not Linux: no way to tell, signal at once
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const mask = BigInt(`0x${/^SigCgt:\s*([0-9a-f]+)$/m.exec(status)![1]}`);
  return ((mask >> BigInt(osConstants.signals[signal] - 1)) & 1n) === 1n;
}

/** The document is a complete zip package and verify finds every clause as the library has it. */
async function expectCompleteDocument(path: string, cache: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  expect(await zip.file('word/document.xml')?.async('string')).toContain('</w:document>');
  const verify = spawnCli(['--library', smaller, 'verify', path], { env: { CLAUSULA_CACHE_DIR: cache } });
  expect(verify.code, verify.stdout + verify.stderr).toBe(0);
  expect(verify.stdout).toContain(`${FEWER} clauses: ${FEWER} as in the library`);
}

describe('a signal during a build', () => {
  test.each<[NodeJS.Signals, number, string]>([
    ['SIGINT', 130, 'while the library is read'],
    ['SIGTERM', 143, 'while the document is assembled and rendered'],
    ['SIGINT', 130, 'while the document is assembled and rendered'],
  ])('%s (exit %i) %s: one line, no output file, no temporary file', async (signal, code, when) => {
    const { out, cache } = fresh();
    const { child, done } = startBuild(out, cache);
    // Reading the library ends with the parse cache being saved: after that, ~2 s of rendering remain.
    if (when.includes('rendered')) await until(() => existsSync(cache) && readdirSync(cache).some((f) => f.endsWith('.bin')), 'the library to be read');
    // Before its handlers are in place a signal ends any process: wait until clausula has them (Linux says so in
    // /proc). Node itself catches SIGINT and SIGTERM (to restore the terminal); SIGHUP is clausula's alone, and
    // src/cli/run.ts sets all three at once.
    else await until(() => catches(child.pid!, 'SIGHUP'), 'clausula to handle signals');
    child.kill(signal);
    const result = await done;
    expect(result.signal, 'ended by clausula, not killed by the signal').toBeNull();
    expect(result.code).toBe(code);
    expect(result.stderr).toBe(`clausula: interrupted (${signal}); stopped without leaving a partial file\n`);
    expect(result.stdout).toBe('');
    expect(readdirSync(out)).toEqual([]);
  });

  test('SIGINT just as the temporary file appears: the write finishes or is undone, nothing else', async () => {
    const { out, cache } = fresh();
    const { child, done } = startBuild(out, cache, [], smaller);
    let seen = '';
    const watcher = watch(out, (_event, name) => {
      if (!seen && name && name !== 'tender.docx') {
        seen = String(name);
        child.kill('SIGINT');
      }
    });
    const result = await done;
    watcher.close();
    expect(seen, 'the writer uses a temporary file next to the target').toMatch(/^tender\.docx\.[0-9a-f]{12}\.tmp$/);
    expect(result.signal).toBeNull();
    // The write is synchronous: the signal is handled once it is done, or (on a slow machine, the
    // signal arriving late) after the build has already finished and exited 0.
    if (result.code === 0) expect(readdirSync(out)).toEqual(['tender.docx']);
    else {
      expect(result.code).toBe(130);
      expect(result.stderr).toBe('clausula: interrupted (SIGINT); stopped without leaving a partial file\n');
    }
    const left = readdirSync(out);
    // Which of the two depends on how far the write had gone; both are whole.
    expect([[], ['tender.docx']]).toContainEqual(left);
    if (left.length === 1) await expectCompleteDocument(join(out, 'tender.docx'), cache);
  });
});

describe('two builds to the same file at once', () => {
  test('with --force, both finish and leave one complete, valid document and no temporary file', async () => {
    const { out, cache } = fresh();
    const builds = [startBuild(out, cache, ['--force'], smaller), startBuild(out, cache, ['--force', '--lang', 'en'], smaller)];
    const results = await Promise.all(builds.map((b) => b.done));
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out)).toEqual(['tender.docx']);
    await expectCompleteDocument(join(out, 'tender.docx'), cache);
  });
});
