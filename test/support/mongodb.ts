import { inject } from 'vitest';
import { FERRETDB_INSTALL_HINT } from './ferretdb.js';

/** The MongoDB (FerretDB or MONGODB_URI) the MongoDB suites run on, or null when none is installed (then they are skipped). */
export function testMongodbUri(): string | null {
  return inject('mongodbUri') || null;
}

/** Why MongoDB suites are skipped here (shown in their names). */
export const MONGODB_SKIP_REASON = `skipped: ${FERRETDB_INSTALL_HINT}`;
