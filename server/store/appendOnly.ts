import type { Collection, EachResult } from './collection.js';
import { UnsafeQueryError } from './errors.js';

/** An erasure's rewrite of one record: only $set and $unset (personal data replaced, never a record removed or added). */
export interface Erasure {
  _id: string;
  update: { $set?: Record<string, unknown>; $unset?: Record<string, ''> };
}

/**
 * The operations of an append-only collection: insert and read, never update
 * or delete (rule set versions, case events, audit entries), except
 * `eraseEach`: erasing a person's data (governance/erasure) is the one
 * rewrite history allows.
 */
export type AppendOnlyCollection<T extends { _id: string }, N extends object> = Pick<
  Collection<T, N>,
  'name' | 'insertOne' | 'insertMany' | 'findOne' | 'find' | 'countDocuments' | 'aggregate'
> & { eraseEach(erasures: readonly Erasure[]): Promise<EachResult<T>[]> };

/** Exposes only the append-only operations of a collection, so history cannot be rewritten through the store. */
export function appendOnly<T extends { _id: string }, N extends object>(collection: Collection<T, N>): AppendOnlyCollection<T, N> {
  return Object.freeze({
    name: collection.name,
    insertOne: collection.insertOne.bind(collection),
    insertMany: collection.insertMany.bind(collection),
    findOne: collection.findOne.bind(collection),
    find: collection.find.bind(collection) as Collection<T, N>['find'],
    countDocuments: collection.countDocuments.bind(collection),
    aggregate: collection.aggregate.bind(collection),
    eraseEach: async (erasures: readonly Erasure[]) => {
      for (const { update } of erasures) {
        const operators = Object.keys(update).filter((operator) => operator !== '$set' && operator !== '$unset');
        if (operators.length > 0) throw new UnsafeQueryError(`an erasure only sets and unsets fields, not ${operators.join(', ')}`);
      }
      return collection.updateEach(erasures as Parameters<Collection<T, N>['updateEach']>[0]);
    },
  });
}
