/** Errors of the store. Each has a stable `code`; the HTTP layer decides what they answer. */

/** One problem with one field of a document, named by its dotted path (`author.id`, `[3].status`). */
export interface FieldIssue {
  path: string;
  message: string;
  kind: string;
}

/** A document, update or filter the schema rejects; nothing was written. */
export class StoreValidationError extends Error {
  readonly code = 'store_invalid_document';
  constructor(
    readonly collection: string,
    readonly issues: FieldIssue[],
  ) {
    super(`${collection}: invalid document: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`);
    this.name = 'StoreValidationError';
  }
}

/** Which unique index a write collided with, and the document already holding the key (when found). */
export interface DuplicateKey {
  collection: string;
  /** The fields of the unique index, e.g. ['platform', 'externalId']. */
  fields: string[];
  /** The colliding values, by field. */
  key: Record<string, unknown>;
  /** `_id` of the document that already holds the key; null if it could not be identified (e.g. removed since). */
  existingId: string | null;
}

/** An update (or replace) would break a unique index; nothing was written. */
export class DuplicateKeyError extends Error {
  readonly code = 'store_duplicate_key';
  constructor(readonly duplicate: DuplicateKey) {
    super(`${duplicate.collection}: duplicate key on (${duplicate.fields.join(', ')}): ${JSON.stringify(duplicate.key)}`);
    this.name = 'DuplicateKeyError';
  }
}

/** A filter, update or pipeline the store refuses to run (unsafe operator, non-plain value). */
export class UnsafeQueryError extends Error {
  readonly code = 'store_unsafe_query';
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeQueryError';
  }
}

/** A document kept changing under an update (every optimistic retry lost the race). */
export class WriteConflictError extends Error {
  readonly code = 'store_write_conflict';
  constructor(collection: string, attempts: number) {
    super(`${collection}: document changed concurrently ${attempts} times in a row; update abandoned`);
    this.name = 'WriteConflictError';
  }
}

/** The embedded data directory cannot be used (held by another process, or a datafile is damaged). */
export class DataDirError extends Error {
  readonly code = 'store_data_dir';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DataDirError';
  }
}
