import type { Collection } from './collection.js';

/** The operations of an append-only collection: insert and read, never update or delete (rule set versions, case events). */
export type AppendOnlyCollection<T extends { _id: string }, N extends object> = Pick<
  Collection<T, N>,
  'name' | 'insertOne' | 'insertMany' | 'findOne' | 'find' | 'countDocuments' | 'aggregate'
>;

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
  });
}
