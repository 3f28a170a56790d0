import type { Schema } from 'mongoose';

/** An index as nedb takes it (a compound index is an array of fields; nedb ≥ 4 supports them). */
export interface NedbIndexSpec {
  fieldName: string | string[];
  unique: boolean;
  sparse: boolean;
}

/**
 * The nedb indexes that stand for a schema's indexes: its unique indexes,
 * created exactly, single or compound, so nedb refuses duplicates as MongoDB
 * does. Lookups do not use nedb's indexes (except `_id`): the equality
 * indexes (equalityIndexes.ts) narrow them, for every index of the schema.
 */
export function nedbIndexesFor(schema: Schema): NedbIndexSpec[] {
  const specs = new Map<string, NedbIndexSpec>();
  for (const [fields, options] of schema.indexes()) {
    const names = Object.keys(fields);
    if (options.partialFilterExpression) throw new Error(`partial indexes are not supported by the embedded backend (${names.join(', ')})`);
    if (!options.unique) continue;
    const spec: NedbIndexSpec = { fieldName: names.length === 1 ? names[0]! : names, unique: true, sparse: options.sparse === true };
    if (spec.fieldName === '_id') continue;
    specs.set(nedbIndexName(spec.fieldName), spec);
  }
  return [...specs.values()];
}

/** The key nedb files an index under (compound fields sorted, comma-joined). */
export function nedbIndexName(fieldName: string | string[]): string {
  return [fieldName].flat().sort().join(',');
}
