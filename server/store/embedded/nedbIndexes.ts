import type { Schema } from 'mongoose';

/** An index as nedb takes it (a compound index is an array of fields; nedb ≥ 4 supports them). */
export interface NedbIndexSpec {
  fieldName: string | string[];
  unique: boolean;
  sparse: boolean;
}

/**
 * The nedb indexes that stand for a schema's indexes. Unique indexes are
 * created exactly, single or compound, so nedb refuses duplicates as MongoDB
 * does. For the other indexes only the leading field is indexed: nedb uses
 * an index only to narrow equality lookups (the store then filters, sorts and
 * pages with mingo), and an equality on the leading field is what narrows.
 */
export function nedbIndexesFor(schema: Schema): NedbIndexSpec[] {
  const specs = new Map<string, NedbIndexSpec>();
  for (const [fields, options] of schema.indexes()) {
    const names = Object.keys(fields);
    if (options.partialFilterExpression) throw new Error(`partial indexes are not supported by the embedded backend (${names.join(', ')})`);
    const spec: NedbIndexSpec = options.unique
      ? { fieldName: names.length === 1 ? names[0]! : names, unique: true, sparse: options.sparse === true }
      : { fieldName: names[0]!, unique: false, sparse: false };
    if (spec.fieldName === '_id') continue;
    const key = nedbIndexName(spec.fieldName);
    if (!specs.get(key)?.unique) specs.set(key, spec);
  }
  return [...specs.values()];
}

/** The key nedb files an index under (compound fields sorted, comma-joined). */
export function nedbIndexName(fieldName: string | string[]): string {
  return [fieldName].flat().sort().join(',');
}
