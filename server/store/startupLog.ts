import type { Logger } from 'pino';
import type { Store } from './openStore.js';

/** One sentence saying which backend holds the data and where, for the start-up log and health output. */
export function describeStore(store: Pick<Store, 'backend' | 'location'>): string {
  if (store.backend === 'mongodb') return `store: MongoDB at ${store.location}`;
  return `store: embedded (MONGODB_URI not set), durable on local disk in ${store.location}; one process only, whole data set held in memory`;
}

/** Logs, at start-up, which backend is in use and where the data lives. */
export function logStoreInUse(log: Pick<Logger, 'info'>, store: Pick<Store, 'backend' | 'location'>): void {
  log.info({ store: store.backend, location: store.location }, describeStore(store));
}
