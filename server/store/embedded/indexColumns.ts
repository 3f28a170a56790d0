import type { Schema, SchemaType } from 'mongoose';

/** What an indexed path holds, as the schema types it: the kinds an index column can order and compare exactly. */
export type ColumnKind = 'string' | 'number' | 'date' | 'boolean';

/** A generated column holding one indexed path's value (NULL when missing or null). */
export interface KeyColumn {
  path: string;
  kind: ColumnKind;
  /** The column's quoted SQL name. */
  sql: string;
}

/** A SQLite index standing for one of the schema's indexes. */
export interface SqlIndex {
  name: string;
  unique: boolean;
  /** `"col" ASC, …`, over `_id` and the key columns. */
  columns: string;
}

/** The key columns and SQL indexes of a collection, both from its schema's index definitions. */
export interface IndexPlan {
  columns: Map<string, KeyColumn>;
  indexes: SqlIndex[];
}

const KINDS: Record<string, ColumnKind> = { String: 'string', Number: 'number', Date: 'date', Boolean: 'boolean' };

/**
 * The SQL side of a schema's indexes, so the mongoose schema stays their one
 * definition: a virtual generated column per indexed path of a scalar type
 * (mongoose validates every document first, so the column holds only that
 * type or NULL), and an index per schema index over its leading scalar
 * fields. A field of another type (an array, multikey in MongoDB) ends the
 * SQL index there; mingo answers the rest. A unique index must be covered
 * whole, else the schema cannot be stored here.
 */
export function indexPlan(collection: string, schema: Schema): IndexPlan {
  const columns = new Map<string, KeyColumn>();
  const indexes = new Map<string, SqlIndex>();
  for (const [fields, options] of schema.indexes()) {
    if (options.partialFilterExpression) throw new Error(`${collection}: partial indexes are not supported by the embedded backend`);
    const parts: string[] = [];
    for (const [path, direction] of Object.entries(fields)) {
      const column = path === '_id' ? { path, kind: 'string' as const, sql: '"_id"' } : keyColumn(path, schema.path(path));
      if (!column) break;
      if (path !== '_id') columns.set(path, column);
      parts.push(`${column.sql} ${direction === -1 ? 'DESC' : 'ASC'}`);
    }
    const unique = options.unique === true;
    if (unique && parts.length !== Object.keys(fields).length) throw new Error(`${collection}: unique index on ${Object.keys(fields).join(', ')} has a field the embedded backend cannot index`);
    if (parts.length === 0) continue;
    const name = `${collection}:${unique ? 'unique:' : ''}${parts.join(',')}`.replace(/"/g, '');
    indexes.set(name, { name, unique, columns: parts.join(', ') });
  }
  return { columns, indexes: [...indexes.values()] };
}

/** The column expression reading a path from the row's JSON (dates from their `$date` milliseconds, recordJson.ts). */
export function columnExpression(column: KeyColumn): string {
  const jsonPath = `$.${column.path.split('.').map((part) => `"${part}"`).join('.')}${column.kind === 'date' ? '."$date"' : ''}`;
  return `json_extract("doc", '${jsonPath}')`;
}

/** A key column's name: its path and kind. */
export function columnName(path: string, kind: ColumnKind): string {
  return `${path}/${kind}`;
}

function keyColumn(path: string, type: SchemaType | undefined): KeyColumn | undefined {
  const kind = type ? KINDS[(type as unknown as { instance: string }).instance] : undefined;
  if (!kind || !/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(path)) return undefined;
  // The kind in the name: a path whose type changes gets a new column (with the new expression).
  return { path, kind, sql: `"${columnName(path, kind)}"` };
}
