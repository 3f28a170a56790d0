import { openCollections, type StoreCollections } from './collections.js';
import { openEmbeddedBackend } from './embedded/embeddedBackend.js';
import { KeyedMutex } from './keyedMutex.js';
import { openMongoBackend } from './mongo/mongoBackend.js';
import type { BackendKind, StoreBackend } from './port.js';

/** Where the data is: MongoDB when a URI is given, else the embedded backend in `dataDir` (default ./data). */
export interface StoreOptions {
  mongodbUri?: string;
  dataDir?: string;
}

/** The open store. */
export interface Store {
  readonly backend: BackendKind;
  /** The data directory, or the MongoDB address without credentials. */
  readonly location: string;
  readonly collections: StoreCollections;
  /**
   * Runs `work` alone among the tasks of this process with the same key:
   * use it for the several writes of one case (e.g. `case:<id>`: update the
   * case, append its events) so they interleave with no other writer of that
   * case here. It is not a transaction: a crash can leave the first writes
   * without the later ones, so write in an order that a retry repairs (a
   * case and its events: cases/caseHistory.ts). On MongoDB with several
   * server processes it does not exclude the others: rely on each
   * document's compare-and-set there. Several keys are held together (taken in
   * sorted order; a task holding one key must not ask for another out of
   * that order).
   */
  exclusive<T>(key: string | readonly string[], work: () => Promise<T>): Promise<T>;
  /**
   * Runs `work` with its writes made durable together (the embedded store
   * commits them in one transaction, one fsync, when `work` is done; MongoDB
   * writes each durably): acknowledge nothing `work` wrote before the
   * returned promise resolves. Not a transaction either: if `work` fails,
   * what it wrote stays written, and a crash on MongoDB can still keep the
   * first writes without the later ones.
   */
  inOneCommit<T>(work: () => Promise<T>): Promise<T>;
  /** Waits for writes in flight to be durable, then releases the data directory or the connection. */
  close(): Promise<void>;
}

/** Opens the store on MongoDB (mongodbUri set) or on the embedded backend (dataDir). */
export async function openStore(options: StoreOptions): Promise<Store> {
  const backend: StoreBackend = options.mongodbUri ? await openMongoBackend(options.mongodbUri) : await openEmbeddedBackend(options.dataDir ?? './data');
  let collections: StoreCollections;
  try {
    collections = await openCollections(backend);
  } catch (error) {
    await backend.close();
    throw error;
  }
  const mutex = new KeyedMutex();
  let closing: Promise<void> | null = null;
  return {
    backend: backend.kind,
    location: backend.location,
    collections,
    exclusive: (key, work) => (typeof key === 'string' ? mutex.run(key, work) : mutex.runAll(key, work)),
    inOneCommit: (work) => backend.inOneCommit(work),
    close: () => (closing ??= backend.close()),
  };
}
