import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Whether tmux can be used here: the pseudo-terminal tests need it. */
export const hasTmux = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;

let sessions = 0;

/**
 * A real pseudo-terminal: a private tmux server (its own socket, no user config) running
 * one command. Tests wait for what the screen shows instead of sleeping.
 */
export class Terminal {
  private readonly socket = `clausula-test-${process.pid}-${++sessions}`;
  private closed = false;
  private socketPath = '';

  constructor(command: string, options: { cwd: string; env?: Record<string, string>; width?: number; height?: number }) {
    const env = Object.entries({ NO_COLOR: '1', ...options.env })
      .map(([k, v]) => `${k}=${shellQuote(v)}`)
      .join(' ');
    // The exit status is printed where the test can wait for it; the pane then stays open to be read.
    const script = `cd ${shellQuote(options.cwd)} && env ${env} ${command}; echo "[exit $?]"; sleep 600`;
    this.tmux(['new-session', '-d', '-x', String(options.width ?? 200), '-y', String(options.height ?? 50), '-s', 'main', script]);
  }

  /** Everything the pane has shown, scrollback included, wrapped lines joined. */
  screen(): string {
    return this.tmux(['capture-pane', '-p', '-J', '-S', '-', '-t', 'main']).replace(/\s+$/, '');
  }

  /** Wait until the screen satisfies the test; fail with the screen when it does not in time. */
  async waitFor(test: string | RegExp | ((screen: string) => boolean), timeoutMs = 10_000): Promise<string> {
    const matches = typeof test === 'function' ? test : (s: string) => (typeof test === 'string' ? s.includes(test) : test.test(s));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (matches(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`the terminal did not show ${String(test)} within ${timeoutMs} ms; it shows:\n${screen}`);
      await sleep(25);
    }
  }

  /** Wait for a prompt waiting for an answer (inquirer marks it "?"; answered ones get "✔"). */
  async waitForPrompt(message: string, timeoutMs?: number): Promise<string> {
    return this.waitFor((s) => activePrompt(s)?.startsWith(message) === true, timeoutMs);
  }

  /** Type text as it is (no key names). */
  type(text: string): void {
    if (text !== '') this.tmux(['send-keys', '-t', 'main', '-l', text]);
  }

  /**
   * Paste text as a terminal does when the user pastes: bracketed (ESC[200~ … ESC[201~)
   * when the program asked for it, line breaks as the terminal sends them (CR).
   */
  paste(text: string): void {
    this.tmux(['set-buffer', '-b', 'clip', '--', text]);
    this.tmux(['paste-buffer', '-p', '-d', '-b', 'clip', '-t', 'main']);
  }

  /** Close the window: the terminal hangs up on the program (SIGHUP), as when the officer closes it. */
  hangUp(): void {
    this.socketPath = this.tmux(['display-message', '-p', '#{socket_path}'], true).trim();
    this.tmux(['kill-session', '-t', 'main'], true);
  }

  /** Press keys by name: Enter, Up, Down, Space, C-c… */
  press(...keys: string[]): void {
    this.tmux(['send-keys', '-t', 'main', ...keys]);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    const socket = this.socketPath || this.tmux(['display-message', '-p', '#{socket_path}'], true).trim();
    this.tmux(['kill-server'], true);
    // tmux leaves its socket file behind; this server was ours alone.
    if (socket) rmSync(socket, { force: true });
  }

  private tmux(args: string[], quiet = false): string {
    const r = spawnSync('tmux', ['-u', '-f', '/dev/null', '-L', this.socket, ...args], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME, TERM: 'xterm-256color', LANG: 'C.UTF-8' },
    });
    if (r.status !== 0 && !quiet) throw new Error(`tmux ${args[0]} failed: ${r.stderr}`);
    return r.stdout ?? '';
  }
}

/** The last prompt still waiting for an answer, without its "? ", its lines joined when a narrow terminal broke it. */
export function activePrompt(screen: string): string | undefined {
  const lines = screen.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (line.startsWith('✔ ')) return undefined;
    if (line.startsWith('? ')) {
      let prompt = line.slice(2);
      for (let k = i + 1; k < lines.length && /^ {2}\S/.test(lines[k]!) && !/^ {2}\d+\. /.test(lines[k]!); k++) prompt += ` ${lines[k]!.slice(2)}`;
      return prompt;
    }
  }
  return undefined;
}

function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
