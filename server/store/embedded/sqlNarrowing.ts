import type { Filter, SortSpec } from '../port.js';
import { isPlainObject } from '../validate.js';
import type { ColumnKind, KeyColumn } from './indexColumns.js';

/** A SQL condition standing for (part of) a filter. */
export interface Narrowing {
  where: string;
  params: unknown[];
  /** True when the condition is exactly the filter (nothing left for mingo to test). */
  exact: boolean;
}

const ID_COLUMN: KeyColumn = { path: '_id', kind: 'string', sql: '"_id"' };
const RANGES: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

/**
 * The part of a Mongo filter SQL can answer on the key columns: equality,
 * `$in`, `$ne` and ranges on `_id` and on indexed paths, with values of the
 * column's kind (or null, which MongoDB matches to missing fields too, as
 * NULL does here), under a top level or `$and`. These mean in SQL what they
 * mean in MongoDB for a column of one kind (a range never matches null,
 * nulls sort first). Whatever is left makes the narrowing inexact: the
 * backend then tests the candidates with mingo.
 */
export function narrowFilter(filter: Filter, columns: ReadonlyMap<string, KeyColumn>): Narrowing {
  const clauses: string[] = [];
  const params: unknown[] = [];
  let exact = true;
  for (const [field, condition] of Object.entries(filter)) {
    if (field === '$and' && Array.isArray(condition)) {
      for (const part of condition) {
        const inner = isPlainObject(part) ? narrowFilter(part, columns) : { where: '', params: [], exact: false };
        if (inner.where) clauses.push(inner.where);
        params.push(...inner.params);
        exact &&= inner.exact;
      }
      continue;
    }
    const column = field === '_id' ? ID_COLUMN : columns.get(field);
    const narrowed = column ? narrowCondition(column, condition) : undefined;
    if (!narrowed) {
      exact = false;
      continue;
    }
    clauses.push(...narrowed.clauses);
    params.push(...narrowed.params);
    exact &&= narrowed.exact;
  }
  return { where: clauses.map((clause) => `(${clause})`).join(' AND '), params, exact };
}

/** `ORDER BY` terms for a sort on `_id` and key columns (the store always ends a sort with `_id`); undefined when a key is not a column. */
export function sqlOrder(sort: SortSpec, columns: ReadonlyMap<string, KeyColumn>): string | undefined {
  const terms: string[] = [];
  for (const [field, direction] of Object.entries(sort)) {
    const column = field === '_id' ? ID_COLUMN : columns.get(field);
    if (!column) return undefined;
    terms.push(`${column.sql} ${direction === -1 ? 'DESC' : 'ASC'}`);
  }
  return terms.join(', ');
}

function narrowCondition(column: KeyColumn, condition: unknown): { clauses: string[]; params: unknown[]; exact: boolean } | undefined {
  if (!isPlainObject(condition) || Object.keys(condition).some((key) => !key.startsWith('$'))) {
    const equal = equality(column, condition);
    return equal && { clauses: [equal.clause], params: equal.params, exact: true };
  }
  const clauses: string[] = [];
  const params: unknown[] = [];
  let exact = true;
  for (const [operator, operand] of Object.entries(condition)) {
    const part = operatorClause(column, operator, operand);
    if (!part) {
      exact = false;
      continue;
    }
    clauses.push(part.clause);
    params.push(...part.params);
  }
  return clauses.length > 0 ? { clauses, params, exact } : undefined;
}

function operatorClause(column: KeyColumn, operator: string, operand: unknown): { clause: string; params: unknown[] } | undefined {
  if (operator === '$eq') return equality(column, operand);
  if (operator === '$ne') {
    const equal = equality(column, operand);
    return equal && { clause: `NOT coalesce(${equal.clause}, 0)`, params: equal.params };
  }
  if (operator === '$in' && Array.isArray(operand)) {
    const values = operand.map((value) => (value === null ? null : sqlValue(column.kind, value)));
    if (values.includes(undefined)) return undefined;
    const present = values.filter((value) => value !== null);
    const inList = present.length > 0 ? `${column.sql} IN (${present.map(() => '?').join(', ')})` : '0';
    return { clause: values.includes(null) ? `${inList} OR ${column.sql} IS NULL` : inList, params: present };
  }
  const comparison = RANGES[operator];
  const value = comparison ? sqlValue(column.kind, operand) : undefined;
  return value === undefined ? undefined : { clause: `${column.sql} ${comparison} ?`, params: [value] };
}

function equality(column: KeyColumn, value: unknown): { clause: string; params: unknown[] } | undefined {
  if (value === null) return { clause: `${column.sql} IS NULL`, params: [] };
  const bound = sqlValue(column.kind, value);
  return bound === undefined ? undefined : { clause: `${column.sql} = ?`, params: [bound] };
}

/** The SQL value of a filter value for a column of this kind; undefined for a value of another kind (MongoDB's type bracketing: left to mingo). */
function sqlValue(kind: ColumnKind, value: unknown): string | number | undefined {
  if (kind === 'string') return typeof value === 'string' ? value : undefined;
  if (kind === 'number') return typeof value === 'number' && !Number.isNaN(value) ? value : undefined;
  if (kind === 'date') return value instanceof Date && !Number.isNaN(value.getTime()) ? value.getTime() : undefined;
  return typeof value === 'boolean' ? Number(value) : undefined;
}
