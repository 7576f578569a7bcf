import { ClausulaError } from '../errors.js';

/**
 * A package built to be read two ways (two zip entries of one name, two main documents,
 * two properties of one name): not a document verify cannot read, but one it refuses to
 * verify. Exit 1, as any other mismatch.
 */
export class TamperedError extends ClausulaError {
  constructor(message: string) {
    super(message, undefined, 1);
  }
}
