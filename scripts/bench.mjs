// The benchmark: `npm run bench` (full) or `npm run bench -- --quick` (CI: keeps it working, no thresholds).
// Whole processes, several runs after a warm-up, medians and ratios from the same run; cases
// compared with each other are run in turn, round by round (measureTogether).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateLibrary } from './bench/generate-library.mjs';
import { hostileDocuments } from './bench/hostile-docx.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'clausula.js');
const PROBE = join(ROOT, 'scripts', 'bench', 'rss-probe.mjs');
const quick = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const outArg = process.argv.indexOf('--out');
const OUT = outArg !== -1 ? process.argv[outArg + 1] : join(ROOT, '.bench', quick ? 'results-quick.json' : 'results.json');
const RUNS = quick ? 3 : 10;
const WARMUP = quick ? 1 : 2;
const SIZES = quick ? [200, 1000] : [1000, 10000];
const tmp = mkdtempSync(join(tmpdir(), 'clausula-bench-'));
// The parse cache lives in the run's own folder: "warm" means warmed by this run, "cold" turns it off.
const env = { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1767225600', CLAUSULA_CACHE_DIR: join(tmp, 'cache') };
const COLD = { CLAUSULA_CACHE: '0' };
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const hasPandoc = has('pandoc');
const hasGnuTime = existsSync('/usr/bin/time');

function run(cmd, args, extraEnv = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: ROOT, env: { ...env, ...extraEnv }, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, status: r.status, stderr: r.stderr };
}

/** Peak resident memory of one run, in MB: a probe for node, GNU time for anything else. */
function peakMb(cmd, args, extraEnv = {}) {
  if (cmd === process.execPath) {
    const file = join(tmp, `rss-${Math.random().toString(36).slice(2)}`);
    run(cmd, args, { ...extraEnv, NODE_OPTIONS: `--import=${PROBE}`, CLAUSULA_BENCH_RSS: file });
    const kb = Number(readFileSync(file, 'utf8').trim().split('\n').pop());
    return kb / 1024;
  }
  if (!hasGnuTime) return null;
  const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { cwd: ROOT, env, encoding: 'utf8' });
  const kb = Number(r.stderr.trim().split('\n').pop());
  return Number.isFinite(kb) ? kb / 1024 : null;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const round = (x) => Math.round(x * 10) / 10;
const results = {};

/**
 * Measure cases side by side: each round runs every case once, in turn, so a change in the
 * machine's load (it is shared) falls on all of them alike and their ratios hold.
 * A case: { name, cmd, args, expectStatus?, extraEnv? } (made by c() below).
 */
function measureTogether(...cases) {
  const times = cases.map(() => []);
  for (let i = 0; i < WARMUP + RUNS; i++) {
    cases.forEach((one, k) => {
      const r = run(one.cmd, one.args, one.extraEnv);
      if (!(one.expectStatus ?? [0]).includes(r.status)) throw new Error(`${one.name}: exit ${r.status}\n${r.stderr}`);
      if (i >= WARMUP) times[k].push(r.ms);
    });
  }
  cases.forEach((one, k) => {
    const mem = peakMb(one.cmd, one.args, one.extraEnv);
    const t = times[k];
    results[one.name] = { medianMs: round(median(t)), minMs: round(Math.min(...t)), maxMs: round(Math.max(...t)), runs: RUNS, peakMb: mem === null ? null : round(mem) };
    process.stderr.write(`  ${one.name.padEnd(40)} ${String(results[one.name].medianMs).padStart(9)} ms\n`);
  });
}

const node = process.execPath;
const clausula = (...args) => [BIN, ...args];

process.stderr.write(`clausula benchmark (${quick ? 'quick' : 'full'}: ${RUNS} runs after ${WARMUP} warm-up)\n`);

const c = (name, cmd, args, options = {}) => ({ name, cmd, args, ...options });

// Start-up.
// `list` loads the command machinery (bundle, sealed code cache) and reads the library: a
// command's start-up as an officer meets it.
measureTogether(
  c('node -e 0', node, ['-e', '0']),
  c('clausula --version', node, clausula('--version')),
  c('clausula --help', node, clausula('--help')),
  c('clausula list', node, clausula('list')),
);

// A shipped scenario to docx, and the same content through pandoc: one document (the
// administrative clauses, the larger of the two the scenario needs), so both make one file.
const answers = join(ROOT, 'examples', 'smart-parking.yaml');
const one = ['--template', 'pcap-data-clauses'];
const docx = join(tmp, 'smart-parking.docx');
const md = join(tmp, 'smart-parking.md');
run(node, clausula('build', answers, ...one, '--format', 'md', '-o', md, '--force'));
measureTogether(
  c('build shipped scenario → docx', node, clausula('build', answers, ...one, '-o', docx, '--force')),
  ...(hasPandoc ? [c('pandoc same Markdown → docx', 'pandoc', [md, '-o', join(tmp, 'pandoc.docx')])] : []),
  c('build shipped scenario → docx (cold)', node, clausula('build', answers, ...one, '-o', docx, '--force'), { extraEnv: COLD }),
  c('build shipped scenario → md', node, clausula('build', answers, ...one, '--format', 'md', '-o', join(tmp, 'again.md'), '--force')),
);

// Lint: the shipped library and generated ones.
measureTogether(c('lint shipped library', node, clausula('lint', ROOT, '--quiet')), c('lint shipped library (cold)', node, clausula('lint', ROOT, '--quiet'), { extraEnv: COLD }));
const libraries = {};
for (const size of SIZES) {
  const dir = join(tmp, `lib-${size}`);
  generateLibrary(dir, size, ROOT);
  run(node, clausula('--library', dir, 'lock', '--force'));
  libraries[size] = dir;
}
const lint = (size, extraEnv = {}) => c(`lint ${size} clauses${extraEnv === COLD ? ' (cold)' : ''}`, node, clausula('lint', libraries[size], '--quiet'), { expectStatus: [0, 1], extraEnv });
measureTogether(...SIZES.map((size) => lint(size)));
measureTogether(...SIZES.map((size) => lint(size, COLD)));

// A document with every clause of the smaller generated library.
const small = SIZES[0];
const allAnswers = join(tmp, 'all.yaml');
writeFileSync(
  allAnswers,
  `answers:\n  authorityName: Ajuntament\n  contractTitle: Benchmark\n  contractType: service-concession\n  contractDurationMonths: 36\n  dataContact: Oficina\n  generatesData: true\n  dataKinds: [operational, personal, sensor]\n  dataDeliveryFrequency: monthly\n  publicRecords: false\n  processesPersonalData: true\n  processingPurpose: run the benchmark service\n  processingOperations: [collection, storage, erasure]\n  personalDataTypes: [identification, contact]\n  dataSubjectCategories: [users]\n  specialCategoryData: true\n  largeScaleProcessing: true\n  thirdCountryTransfer: true\n  subcontractorsProcessData: false\n  hosting: cloud-saas\n  ensCategory: high\n  breachNotificationHours: 24\n  iotDevices: true\n  cityPlatformIntegration: false\n  aiSystem: high-risk\n  softwareDevelopment: true\n  softwareLicence: eupl-1.2\n  openDataCandidate: true\n  openDataLicence: cc-by-4.0\n  openDataPortal: Open Data\n  handoverDays: 30\n  penaltiesAsSpecialConditions: true\n`,
);
measureTogether(c(`build ${small}-clause document → docx`, node, clausula('--library', libraries[small], 'build', allAnswers, '-o', join(tmp, 'all.docx'), '--force')));

// verify: a document as built, and documents made to cost it (each must cost about a reading).
const verified = join(tmp, 'verify.docx');
run(node, clausula('build', answers, '--template', 'pcap-data-clauses', '-o', verified, '--force'));
const hostile = hostileDocuments(verified, tmp);
measureTogether(
  c('verify shipped scenario', node, clausula('verify', verified)),
  ...Object.entries(hostile).map(([name, path]) => c(`verify ${name}`, node, clausula('verify', path), { expectStatus: [1, 2] })),
);

const ratio = (a, b) => (results[a] && results[b] ? Math.round((results[a].medianMs / results[b].medianMs) * 100) / 100 : null);
const ratios = {
  'clausula --version / node -e 0': ratio('clausula --version', 'node -e 0'),
  'clausula --help / node -e 0': ratio('clausula --help', 'node -e 0'),
  'clausula list / node -e 0': ratio('clausula list', 'node -e 0'),
  'build docx / pandoc md→docx': ratio('build shipped scenario → docx', 'pandoc same Markdown → docx'),
  [`lint ${SIZES[1]} / lint ${SIZES[0]}`]: ratio(`lint ${SIZES[1]} clauses`, `lint ${SIZES[0]} clauses`),
  [`lint ${SIZES[1]} / lint ${SIZES[0]} (cold)`]: ratio(`lint ${SIZES[1]} clauses (cold)`, `lint ${SIZES[0]} clauses (cold)`),
  'build docx (cold) / pandoc md→docx': ratio('build shipped scenario → docx (cold)', 'pandoc same Markdown → docx'),
};
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGb: round(totalmem() / 2 ** 30),
  os: `${platform()} ${release()}`,
  node: process.version,
  pandoc: hasPandoc ? spawnSync('pandoc', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0] : null,
};

const report = { version: 1, date: new Date().toISOString(), mode: quick ? 'quick' : 'full', machine, results, ratios };
mkdirSync(join(OUT, '..'), { recursive: true });
writeFileSync(OUT, JSON.stringify(report, null, 2) + '\n');
rmSync(tmp, { recursive: true, force: true });

const rows = Object.entries(results).map(([name, r]) => `| ${name} | ${r.medianMs} | ${r.minMs}–${r.maxMs} | ${r.peakMb ?? '–'} |`);
console.log(`\n| case | median ms | range ms | peak MB |\n|---|---:|---:|---:|\n${rows.join('\n')}\n`);
console.log(`| ratio | value |\n|---|---:|\n${Object.entries(ratios).map(([k, v]) => `| ${k} | ${v ?? '–'} |`).join('\n')}\n`);
console.log(`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GiB, ${machine.os}, Node ${machine.node}${machine.pandoc ? `, ${machine.pandoc}` : ''}`);
console.log(`Figures written to ${OUT}`);
