// Types of the standalone validators that scripts/gen-validators.mjs writes at build time.
import type { ErrorObject } from 'ajv';

export interface StandaloneValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export declare const library: StandaloneValidator;
export declare const questions: StandaloneValidator;
export declare const clause: StandaloneValidator;
export declare const template: StandaloneValidator;
export declare const scenario: StandaloneValidator;
export declare const answers: StandaloneValidator;
export declare const lock: StandaloneValidator;
