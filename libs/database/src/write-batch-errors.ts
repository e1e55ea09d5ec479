/** The SQLSTATE write_batch_required raises (a code of our own, outside Postgres' classes). */
export const REQUIRED_PART_MISSING = 'CVW01';

/** A required part of a write batch wrote nothing: the batch, and its transaction, rolled back. */
export class RequiredWriteMissingError extends Error {
  constructor(readonly part: string) {
    super(`write batch part ${part} wrote nothing; the transaction rolled back`);
    this.name = 'RequiredWriteMissingError';
  }
}
