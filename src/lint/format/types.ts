import type { ChalkInstance } from 'chalk';
import type { Finding } from '../../finding.js';

export interface FormatOptions {
  /** A chalk instance at the level the terminal allows (level 0 when colour is off). */
  chalk: ChalkInstance;
  toolVersion: string;
  /** Absolute path of the folder the file paths are relative to (SARIF needs it). */
  root: string;
  maxWarnings?: number;
}

/** A formatter turns findings into the text a person or a CI system reads. Pure. */
export type Formatter = (findings: readonly Finding[], options: FormatOptions) => string;
