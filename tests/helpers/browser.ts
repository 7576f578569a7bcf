/// <reference lib="dom" />
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { BIN, REPO_ROOT } from './cli.js';

/** Debian's chromium: the tests never download a browser of their own. */
export const CHROMIUM = '/usr/bin/chromium';

/** Why the browser tests cannot run here, if they cannot (CI installs chromium, so there they run). */
export const noChromium: string | undefined = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is not installed (apt-get install chromium); the browser tests are skipped`;

/** Chromium without a sandbox (the tests run as root), a GPU, or any network of its own; playwright gives it a fresh profile folder. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface ServeProcess {
  /** The address printed on the first line of standard output. */
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything printed so far. */
  output(): { stdout: string; stderr: string };
  /** Ctrl-C, and the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** `clausula serve …` from the built binary, as an officer starts it; resolves once it printed its address. */
export function startServe(args: string[], options: { cwd: string; env?: Record<string, string | undefined> }): Promise<ServeProcess> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const check = () => {
      const line = stdout.split('\n')[0];
      if (stdout.includes('\n') && line) {
        const port = Number(new URL(line).port);
        resolve({
          url: line,
          port,
          child,
          output: () => ({ stdout, stderr }),
          stop: (signal = 'SIGINT') => {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout!.on('data', check);
    void exited.then((code) => reject(new Error(`clausula serve exited (${code}) before printing its address:\n${stdout}\n${stderr}`)));
  });
}

/** axe-core's script, injected into the page under test. */
export const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** The WCAG 2.1 A and AA rules axe checks, run on the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated by the test, not added as a script: the page's own policy (script-src 'self') stays in force.
  await page.evaluate(readFileSync(AXE_SCRIPT, 'utf8'));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}

export { REPO_ROOT };
