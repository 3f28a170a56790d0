/** A writer killed mid-write, for crash tests (not a test file). */
import type { Store } from '../../server/store/index.js';

/** The store as a process sees it that is SIGKILLed the moment it starts copying events to caseEvents (its case writes, with the events staged on them, are done). */
export function killedBeforeEventsCopy(of: Store): Store {
  const caseEvents = { ...of.collections.caseEvents, insertMany: () => Promise.reject(new Error('SIGKILL')) };
  return { ...of, collections: { ...of.collections, caseEvents }, exclusive: of.exclusive.bind(of), close: of.close.bind(of) };
}
