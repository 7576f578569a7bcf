import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { startServe as startServeInProcess, type Serving } from '../../src/cli/commands/serve.js';
import type { CommandContext } from '../../src/cli/context.js';
import { browserCommand } from '../../src/web/open-browser.js';
import { messages } from '../../src/text/messages/index.js';
import { startServe, type ServeProcess } from '../helpers/browser.js';
import { REPO_ROOT, spawnCli } from '../helpers/cli.js';
import { rawRequest } from '../helpers/http.js';
import { fixtureCopy, testdir } from '../helpers/testdir.js';

const URL_LINE = /^http:\/\/127\.0\.0\.1:(\d+)\/\?token=[A-Za-z0-9_-]{43}$/;
const FIXTURE = join(REPO_ROOT, 'tests/fixtures/interview');

const started: ServeProcess[] = [];
const inProcess: Serving[] = [];
afterEach(async () => {
  for (const s of started.splice(0)) await s.stop();
  for (const s of inProcess.splice(0)) await s.stop();
});

async function serve(args: string[], options: { cwd: string; env?: Record<string, string | undefined> }) {
  const s = await startServe(args, options);
  started.push(s);
  return s;
}

describe('clausula serve, as an officer starts it', () => {
  it('prints a loopback address with a fresh token on its first line, within seconds, and listens on loopback only', async () => {
    const dir = testdir();
    const a = await serve(['tender.yaml', '--port', '0', '--no-open', '--lang', 'es'], { cwd: dir });
    const lines = a.output().stdout.split('\n');
    expect(lines[0]).toMatch(URL_LINE);
    await expect.poll(() => a.output().stdout).toContain(messages('es').serve.stopWith);
    expect(a.output().stdout).toBe(`${a.url}\n${messages('es').serve.savedIn('tender.yaml')}\n${messages('es').serve.stopWith}\n`);
    expect(a.output().stderr).toBe('');
    const b = await serve(['other.yaml', '--port', '0', '--no-open'], { cwd: dir });
    expect(b.url.split('token=')[1]).not.toBe(a.url.split('token=')[1]);

    // Without the token, or with a foreign Host, the page is refused; with it, served.
    expect((await rawRequest(a.port, { path: '/' })).status).toBe(403);
    expect((await rawRequest(a.port, { path: `/?${a.url.split('?')[1]}`, headers: { host: `attacker.example:${a.port}` } })).status).toBe(403);
    expect((await rawRequest(a.port, { path: `/?${a.url.split('?')[1]}` })).status).toBe(200);
    for (const address of Object.values(networkInterfaces()).flat().filter((n) => n && !n.internal && n.family === 'IPv4')) {
      await expect(rawRequest(a.port, { path: '/' }).then(() => connectTo(address!.address, a.port))).resolves.toBe(false);
    }
    // Nothing is written before the first answer.
    expect(readdirSync(dir)).toEqual([]);
  });

  it('stops on Ctrl-C, leaving the answers file whole and nothing beside it', async () => {
    const dir = testdir({ 'tender.yaml': 'language: en\nanswers:\n  authorityName: Ajuntament de Vic\n' });
    const s = await serve(['--library', FIXTURE, 'tender.yaml', '--port', '0', '--no-open'], { cwd: dir });
    const cookie = `clausula-${s.port}=${s.url.split('token=')[1]}`;
    const headers = { cookie, origin: `http://127.0.0.1:${s.port}`, 'content-type': 'application/json' };
    // Answers arriving while Ctrl-C is pressed: each is written whole or not at all.
    const answers = Array.from({ length: 20 }, (_, n) => rawRequest(s.port, { method: 'POST', path: '/api/answer', headers, body: JSON.stringify({ id: 'contractTitle', input: { text: `Title ${n}` } }) }).catch(() => undefined));
    await answers[0];
    expect(await s.stop('SIGINT')).toBe(130);
    await Promise.all(answers);
    expect(s.output().stderr).toContain('clausula: interrupted (SIGINT); stopped without leaving a partial file');
    expect(readdirSync(dir)).toEqual(['tender.yaml']);
    const result = spawnCli(['--library', FIXTURE, 'explain', join(dir, 'tender.yaml'), '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).answers.contractTitle).toMatch(/^Title \d+$/);
  });

  it('refuses, before serving, what would make the officer lose work', { timeout: 120_000 }, () => {
    const dir = testdir({ 'notes.yaml': 'shopping: [milk]\n', 'folder/.keep': '' });
    // An officer whose computer is set to English: the refusals are in English.
    const inEnglish = (args: string[]) => spawnCli(args, { cwd: dir, env: { LANG: 'en_GB.UTF-8' } });
    const notes = inEnglish(['serve', 'notes.yaml', '--no-open']);
    expect(notes.code).toBe(2);
    expect(notes.stderr).toContain('notes.yaml is not an answers file, so the interview leaves it alone');
    expect(readFileSync(join(dir, 'notes.yaml'), 'utf8')).toBe('shopping: [milk]\n');
    const folder = inEnglish(['serve', 'folder', '--no-open']);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('folder is a folder');
    const missingDir = inEnglish(['serve', 'nowhere/tender.yaml', '--no-open']);
    expect(missingDir.code).toBe(2);
    expect(missingDir.stderr).toContain('the folder nowhere does not exist');
    const port = inEnglish(['serve', 'tender.yaml', '--port', 'eighty', '--no-open']);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('--port must be a port number from 0 to 65535, not "eighty"');
    const lang = inEnglish(['serve', 'tender.yaml', '--lang', 'fr', '--no-open']);
    expect(lang.code).toBe(2);
    expect(lang.stderr).toContain('the library has no fr texts');
  });

  it('says so when the port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      // In the officer's language: the locale's, else (here, none) the library's, Catalan.
      const result = spawnCli(['serve', 'tender.yaml', '--port', String(port), '--no-open'], { cwd: testdir() });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`clausula: error: ${messages('ca').serve.portInUse(port)}\n`);
      expect(result.stderr).toContain(messages('ca').serve.otherPort);
      const english = spawnCli(['serve', 'tender.yaml', '--port', String(port), '--no-open'], { cwd: testdir(), env: { LANG: 'en_GB.UTF-8' } });
      expect(english.stderr).toContain(`port ${port} is in use by another program`);
    } finally {
      taken.close();
    }
  });

  it('opens the browser on a private page that carries the token, never on the command line', async () => {
    const dir = testdir();
    const record = join(dir, 'opened.txt');
    const browser = join(dir, 'browser.sh');
    writeFileSync(browser, `#!/bin/sh\nprintf '%s\\n' "$@" > '${record}'\n`);
    chmodSync(browser, 0o755);
    const s = await serve(['tender.yaml', '--port', '0'], { cwd: dir, env: { BROWSER: browser } });
    await expect.poll(() => existsSync(record) && readFileSync(record, 'utf8') !== '').toBe(true);
    const opened = readFileSync(record, 'utf8').trim();
    expect(opened).toMatch(/^file:\/\/\/.*\/open\.html$/);
    expect(opened).not.toContain('token');
    const page = new URL(opened).pathname;
    expect(readFileSync(page, 'utf8')).toContain(`url=${s.url}`);
    expect(statSync(join(page, '..')).mode & 0o077).toBe(0);
    expect(s.output().stderr).toBe('');
    await s.stop();
    expect(existsSync(page)).toBe(false);
  });

  it('goes on without a browser when none can be opened', async () => {
    const dir = testdir();
    const s = await serve(['tender.yaml', '--port', '0', '--lang', 'ca'], { cwd: dir, env: { DISPLAY: undefined, WAYLAND_DISPLAY: undefined, BROWSER: undefined } });
    await expect.poll(() => s.output().stderr).toContain(messages('ca').serve.noBrowser);
    expect((await rawRequest(s.port, { path: `/?${s.url.split('?')[1]}` })).status).toBe(200);
    const missing = await serve(['tender.yaml', '--port', '0'], { cwd: dir, env: { BROWSER: join(dir, 'no-such-browser') } });
    await expect.poll(() => missing.output().stderr).toBe(`clausula: ${messages('ca').serve.noBrowser}\n`);
  });
});

describe('clausula serve, in process', () => {
  function context(cwd: string, env: Record<string, string | undefined> = {}): CommandContext & { out: () => string; err: () => string } {
    let stdout = '';
    let stderr = '';
    return {
      io: { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, stdin: new PassThrough(), env, cwd },
      libraryDir: FIXTURE,
      libraryGiven: true,
      debug: false,
      color: false,
      resolvePath: (p) => join(cwd, p),
      command: (...words) => ['clausula', '--library', FIXTURE, ...words].join(' '),
      language: 'en',
      onStop: () => undefined,
      out: () => stdout,
      err: () => stderr,
    };
  }

  it('writes --lang into the file it resumes, warns about what the file holds that does not count, and names a new tender.yaml when none is given', async () => {
    const dir = testdir({ 'tender.yaml': 'library: other-library@1.0.0\nlanguage: en\nanswers:\n  authorityName: Ajuntament de Vic\n  authorityNmae: typo\n' });
    const ctx = context(dir);
    const serving = await startServeInProcess(ctx, ['tender.yaml'], { lang: 'ca', open: false, port: '0' });
    inProcess.push(serving);
    expect(ctx.out().split('\n')[0]).toMatch(URL_LINE);
    expect(readFileSync(join(dir, 'tender.yaml'), 'utf8')).toContain('\nlanguage: ca\n');
    expect(ctx.err()).toContain(`clausula: warning: tender.yaml: ${messages('en').interview.otherLibrary('other-library@1.0.0', 'interview-fixture@1.2.0')}\n`);
    expect(ctx.err()).toContain('"authorityNmae" is not a question of this library; the answer is ignored');

    const fresh = context(dir);
    const second = await startServeInProcess(fresh, [], { open: false });
    inProcess.push(second);
    expect(second.path).toBe(join(dir, 'tender-2.yaml'));
    expect(fresh.out()).toContain('tender-2.yaml');
  });

  it('offers no document from a library build would refuse, and says why', async () => {
    const dir = fixtureCopy('interview', { 'clauses/ownership/generated-data.yaml': 'id: [broken\n' });
    const ctx = context(dir);
    const serving = await startServeInProcess({ ...ctx, libraryDir: dir }, ['tender.yaml'], { open: false });
    inProcess.push(serving);
    const port = serving.server.port;
    const token = serving.server.url.split('token=')[1]!;
    const clauses = await rawRequest(port, { path: '/api/clauses', headers: { cookie: `clausula-${port}=${token}` } });
    expect(JSON.parse(clauses.text).blocked).toBe(
      `${messages('en').serve.libraryBroken} (clauses/ownership/generated-data.yaml:2:1: flow sequence in block collection must be sufficiently indented and end with a ])`,
    );
  });

  it('chooses how to open a browser from the system, $BROWSER first', () => {
    expect(browserCommand('http://x/', { platform: 'linux', env: { DISPLAY: ':0' } })).toEqual(['xdg-open', ['http://x/']]);
    expect(browserCommand('http://x/', { platform: 'linux', env: {} })).toBeUndefined();
    expect(browserCommand('http://x/', { platform: 'darwin', env: {} })).toEqual(['open', ['http://x/']]);
    expect(browserCommand('http://x/', { platform: 'win32', env: {} })).toEqual(['explorer.exe', ['http://x/']]);
    expect(browserCommand('http://x/', { platform: 'linux', env: { BROWSER: 'firefox:chromium' } })).toEqual(['firefox', ['http://x/']]);
    expect(browserCommand('http://x/', { platform: 'linux', env: { BROWSER: 'firefox --new-tab %s' } })).toEqual(['firefox', ['--new-tab', 'http://x/']]);
  });
});

function connectTo(host: string, port: number): Promise<boolean> {
  return import('node:net').then(
    ({ connect }) =>
      new Promise<boolean>((resolve) => {
        const socket = connect({ host, port, timeout: 2000 }, () => (socket.destroy(), resolve(true)));
        socket.on('error', () => resolve(false));
        socket.on('timeout', () => (socket.destroy(), resolve(false)));
      }),
  );
}
