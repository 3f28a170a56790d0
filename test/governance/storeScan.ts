/** Helpers of the erasure and retention tests (not a test file): the whole store as text, to look for what must be gone. */
import { COLLECTION_SCHEMAS } from '../../server/store/collections.js';
import { allTeamsScope, type Store } from '../../server/store/index.js';

/** Every record of every collection the store has, as JSON text (lower case), by collection. */
export async function wholeStore(store: Store): Promise<Record<string, string>> {
  const dump: Record<string, string> = {};
  for (const name of Object.keys(COLLECTION_SCHEMAS) as Array<keyof typeof COLLECTION_SCHEMAS>) {
    const records = name === 'cases' ? await store.collections.cases.find(allTeamsScope(), {}) : await store.collections[name].find({});
    dump[name] = JSON.stringify(records).toLowerCase();
  }
  return dump;
}

/** The collections where any of the needles occurs (case-insensitive). */
export function holding(dump: Record<string, string>, needles: readonly string[]): string[] {
  return Object.entries(dump).filter(([, text]) => needles.some((needle) => text.includes(needle.toLowerCase()))).map(([name]) => name);
}
