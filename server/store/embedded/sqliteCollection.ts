import type { Database, Statement } from 'better-sqlite3';
import { Query } from 'mingo';
import type { BackendFindOptions, CollectionBackend, Filter, InsertOutcome, PipelineStage, Replacement, ReplaceOutcome, StoredRecord } from '../port.js';
import type { CommitGroups } from './commitGroups.js';
import type { KeyColumn } from './indexColumns.js';
import { runPipeline } from './mingoContext.js';
import { includedFields, pickFields, simpleSort } from './plainFind.js';
import { recordFromJson, recordToJson } from './recordJson.js';
import { narrowFilter, sqlOrder, type Narrowing } from './sqlNarrowing.js';

const MINGO = { scriptEnabled: false } as const;
const MAX_STATEMENTS = 200;

/**
 * One collection of the embedded backend: a SQLite table of JSON rows
 * (`_id`, `_rev`, `doc`) with generated key columns and indexes from the
 * schema (indexColumns.ts). SQL narrows every read as far as it exactly
 * can (sqlNarrowing.ts: indexed equality and ranges, sort on key columns,
 * skip and limit); mingo tests what is left of a filter and runs sorts,
 * projections and pipelines SQL cannot, so they mean what they mean in
 * MongoDB. Every write is atomic and committed (with synchronous=FULL, on
 * disk) before its promise resolves, or, inside a group of writes
 * (commitGroups.ts), before the group's does.
 */
export class SqliteCollection implements CollectionBackend {
  private readonly insertRow: Statement;
  private readonly replaceRow: Statement;
  /** Prepared statements by SQL text (preparing costs more than running most of them). */
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly db: Database,
    private readonly table: string,
    private readonly columns: ReadonlyMap<string, KeyColumn>,
    private readonly groups: CommitGroups,
    private readonly isOpen: () => boolean,
  ) {
    this.insertRow = db.prepare(`INSERT INTO ${table} ("_id", "_rev", "doc") VALUES (?, ?, ?)`);
    this.replaceRow = db.prepare(`UPDATE ${table} SET "_rev" = ?, "doc" = ? WHERE "_id" = ? AND "_rev" = ?`);
  }

  async insertMany(records: StoredRecord[]): Promise<InsertOutcome[]> {
    this.assertOpen();
    const rows = records.map((record) => [record._id, record._rev ?? 0, recordToJson(record)] as const);
    return this.groups.write(() => rows.map((row): InsertOutcome => (this.attempt(() => this.insertRow.run(...row)) ? 'inserted' : 'duplicate')));
  }

  async find(filter: Filter, options: BackendFindOptions): Promise<StoredRecord[]> {
    this.assertOpen();
    const narrowing = narrowFilter(filter, this.columns);
    const order = sqlOrder(options.sort, this.columns);
    const skip = options.skip ?? 0;
    const records = order ? this.sortedInSql(filter, narrowing, order, skip, options.limit) : this.sortedHere(filter, narrowing, options, skip);
    return project(records, options);
  }

  async countDocuments(filter: Filter): Promise<number> {
    this.assertOpen();
    const narrowing = narrowFilter(filter, this.columns);
    if (narrowing.exact) return (this.statement(`SELECT count(*) AS n FROM ${this.table}${where(narrowing)}`).get(...narrowing.params) as { n: number }).n;
    return this.matching(filter, narrowing).length;
  }

  async replaceRevision(id: string, revision: number, record: StoredRecord): Promise<ReplaceOutcome> {
    const [outcome] = await this.replaceRevisions([{ id, revision, record }]);
    return outcome!;
  }

  async replaceRevisions(replacements: readonly Replacement[]): Promise<ReplaceOutcome[]> {
    this.assertOpen();
    const rows = replacements.map(({ id, revision, record }) => {
      if (record._id !== id) throw new Error(`a replacement cannot change _id (${id} to ${record._id})`);
      return [record._rev ?? revision, recordToJson(record), id, revision] as const;
    });
    return this.groups.write(() =>
      rows.map((row): ReplaceOutcome => {
        let changes = 0;
        if (!this.attempt(() => (changes = this.replaceRow.run(...row).changes))) return 'duplicate';
        return changes === 1 ? 'replaced' : 'stale';
      }),
    );
  }

  async deleteMany(filter: Filter): Promise<number> {
    this.assertOpen();
    const narrowing = narrowFilter(filter, this.columns);
    if (narrowing.exact) {
      const remove = this.statement(`DELETE FROM ${this.table}${where(narrowing)}`);
      return this.groups.write(() => remove.run(...narrowing.params).changes);
    }
    const ids = this.matching(filter, narrowing).map((record) => record._id);
    const remove = this.statement(`DELETE FROM ${this.table} WHERE "_id" = ?`);
    return this.groups.write(() => ids.reduce((removed, id) => removed + remove.run(id).changes, 0));
  }

  async aggregate(pipeline: PipelineStage[]): Promise<Record<string, unknown>[]> {
    this.assertOpen();
    let records: StoredRecord[] | null = null;
    let stage = 0;
    // Leading $match stages are narrowed like a find's filter; the records are fresh copies, so the pipeline need not clone them.
    for (; stage < pipeline.length && '$match' in pipeline[stage]!; stage++) {
      const match = pipeline[stage]!.$match as Filter;
      records = records ? new Query(match, MINGO).find<StoredRecord>(records).all() : this.matching(match, narrowFilter(match, this.columns));
    }
    const input = records ?? this.matching({}, { where: '', params: [], exact: true });
    const rest = pipeline.slice(stage);
    return rest.length === 0 ? input : runPipeline(rest, input);
  }

  /** Rows in SQL order; a limit in SQL when the filter is exact, else rows are tested in order until the page is full. */
  private sortedInSql(filter: Filter, narrowing: Narrowing, order: string, skip: number, limit: number | undefined): StoredRecord[] {
    const sql = `SELECT "doc" FROM ${this.table}${where(narrowing)} ORDER BY ${order}`;
    if (narrowing.exact) {
      const page = limit === undefined ? (skip > 0 ? ' LIMIT -1 OFFSET ?' : '') : ' LIMIT ? OFFSET ?';
      const bounds = limit === undefined ? (skip > 0 ? [skip] : []) : [limit, skip];
      return (this.statement(sql + page).pluck().all(...narrowing.params, ...bounds) as string[]).map(recordFromJson);
    }
    const query = new Query(filter, MINGO);
    const page: StoredRecord[] = [];
    let skipped = 0;
    for (const text of this.statement(sql).pluck().iterate(...narrowing.params) as IterableIterator<string>) {
      const record = recordFromJson(text);
      if (!query.test(record)) continue;
      if (skipped++ < skip) continue;
      page.push(record);
      if (limit !== undefined && page.length >= limit) break;
    }
    return page;
  }

  /** The matches sorted here (a sort key SQL has no column for): simpleSort for plain values, else mingo's cursor. */
  private sortedHere(filter: Filter, narrowing: Narrowing, options: BackendFindOptions, skip: number): StoredRecord[] {
    const matches = this.matching(filter, narrowing);
    const end = options.limit === undefined ? undefined : skip + options.limit;
    const sorted = matches.length <= 1 ? matches : simpleSort(matches, options.sort);
    if (sorted) return sorted.slice(skip, end);
    const cursor = new Query({}, MINGO).find<StoredRecord>(matches).sort(options.sort);
    if (skip) cursor.skip(skip);
    if (options.limit) cursor.limit(options.limit);
    return cursor.all();
  }

  /** Every record matching the filter: the SQL narrowing's rows, tested by mingo unless the narrowing is exact. */
  private matching(filter: Filter, narrowing: Narrowing): StoredRecord[] {
    const rows = this.statement(`SELECT "doc" FROM ${this.table}${where(narrowing)}`).pluck().all(...narrowing.params) as string[];
    const records = rows.map(recordFromJson);
    if (narrowing.exact) return records;
    const query = new Query(filter, MINGO);
    return records.filter((record) => query.test(record));
  }

  private statement(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (statement) return statement;
    // `$in` lists of every length make new texts: a bounded cache, emptied when full.
    if (this.statements.size >= MAX_STATEMENTS) this.statements.clear();
    this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  /** Runs a write statement; false when a unique index (or the `_id` key) refused it. */
  private attempt(write: () => unknown): boolean {
    try {
      write();
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  private assertOpen(): void {
    if (!this.isOpen()) throw new Error(`${this.table}: the store is closed`);
  }
}

function where(narrowing: Narrowing): string {
  return narrowing.where ? ` WHERE ${narrowing.where}` : '';
}

/** The records with only the projected fields: plain inclusions directly, anything else by mingo. */
function project(records: StoredRecord[], options: BackendFindOptions): StoredRecord[] {
  if (!options.projection) return records;
  const fields = includedFields(options.projection);
  if (fields) return records.map((record) => pickFields(record, fields));
  return new Query({}, MINGO).find<StoredRecord>(records, options.projection).all();
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
