import type { Logger } from 'pino';
import type { Store } from './openStore.js';

/** One sentence saying which backend holds the data and where, for the start-up log and health output. */
export function describeStore(store: Pick<Store, 'backend' | 'location'>): string {
  if (store.backend === 'mongodb') return `store: MongoDB at ${store.location}`;
  return `store: embedded (MONGODB_URI not set), SQLite database in ${store.location} (WAL, synchronous=FULL: every acknowledged write is on disk); one process only; data read from disk as needed, not held in memory`;
}

/** Logs, at start-up, which backend is in use and where the data lives. */
export function logStoreInUse(log: Pick<Logger, 'info'>, store: Pick<Store, 'backend' | 'location'>): void {
  log.info({ store: store.backend, location: store.location }, describeStore(store));
}
