import type { Finding } from './finding.js';

/** An error a user can act on: printed as one paragraph, no stack trace unless --debug. */
export class ClausulaError extends Error {
  constructor(
    message: string,
    readonly fix: string | undefined,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Wrong command-line usage: exit 2. */
export class UsageError extends ClausulaError {
  constructor(message: string, fix?: string) {
    super(message, fix, 2);
  }
}

/** Bad input: a file that cannot be read or used. Exit 2. Carries findings with positions when there are any. */
export class InputError extends ClausulaError {
  constructor(
    message: string,
    fix?: string,
    readonly findings: readonly Finding[] = [],
  ) {
    super(message, fix, 2);
  }
}

/** Standard output could not be written (a full disk): exit 2. */
export class OutputError extends ClausulaError {
  constructor(message: string, fix?: string) {
    super(message, fix, 2);
  }
}

/** The interview was interrupted (Ctrl-C): exit 130, as shells expect. */
export class InterruptedError extends ClausulaError {
  constructor(message: string, fix?: string) {
    super(message, fix, 130);
  }
}
