/** Everything a command may touch outside itself; injected so tests run commands in-process. */
export interface Io {
  /** A Node stream's write: the callback, when given, is called once the chunk is written, or with why it could not be. */
  stdout: { write(chunk: string, callback?: (error?: Error | null) => void): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(chunk: string): unknown; isTTY?: boolean; columns?: number };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** The script node was started with (process.argv[1]), for printing commands the user can run; absent in-process. */
  program?: string;
}
