import type { Database } from 'better-sqlite3';
import type { Schema } from 'mongoose';
import { columnExpression, columnName, indexPlan, type IndexPlan } from './indexColumns.js';

/**
 * Creates or brings up to date a collection's table: `_id` (the primary
 * key), `_rev` (the compare-and-set revision), `doc` (the record as JSON,
 * recordJson.ts), a virtual generated column per indexed path, and the
 * schema's indexes; indexes the schema no longer declares are dropped. A
 * unique index the stored data breaks fails here (the open fails).
 */
export function prepareCollectionTable(db: Database, name: string, schema: Schema): IndexPlan & { table: string } {
  const plan = indexPlan(name, schema);
  const table = `"${name}"`;
  db.exec(`CREATE TABLE IF NOT EXISTS ${table} ("_id" TEXT PRIMARY KEY NOT NULL, "_rev" INTEGER NOT NULL, "doc" TEXT NOT NULL)`);
  const existing = new Set((db.prepare(`PRAGMA table_xinfo(${table})`).all() as Array<{ name: string }>).map((column) => column.name));
  for (const column of plan.columns.values()) {
    if (!existing.has(columnName(column.path, column.kind))) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column.sql} GENERATED ALWAYS AS (${columnExpression(column)}) VIRTUAL`);
  }
  const wanted = new Set(plan.indexes.map((index) => index.name));
  const present = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`).pluck().all(name) as string[];
  for (const index of present) if (!wanted.has(index)) db.exec(`DROP INDEX "${index}"`);
  for (const index of plan.indexes) db.exec(`CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS "${index.name}" ON ${table} (${index.columns})`);
  return { ...plan, table };
}
