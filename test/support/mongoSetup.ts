/**
 * Vitest global setup: the MongoDB the MongoDB suites use. MONGODB_URI when set (a real MongoDB);
 * else a FerretDB started here for the whole run when its binary is installed. Under CI=true one of
 * the two must be there; elsewhere the suites are skipped and say how to install FerretDB.
 */
import type { TestProject } from 'vitest/node';
import { FERRETDB_INSTALL_HINT, ferretDbPath, startFerretDb } from './ferretdb.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The MongoDB connection string for the MongoDB suites, or '' when none is available. */
    mongodbUri: string;
  }
}

export default async function mongoSetup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const given = process.env.MONGODB_URI?.trim();
  if (given) return project.provide('mongodbUri', given);
  if (!ferretDbPath()) {
    if (process.env.CI === 'true') throw new Error(FERRETDB_INSTALL_HINT);
    console.warn(`MongoDB suites skipped: ${FERRETDB_INSTALL_HINT}`);
    return project.provide('mongodbUri', '');
  }
  const ferret = await startFerretDb();
  project.provide('mongodbUri', ferret.uri);
  return () => ferret.stop();
}
