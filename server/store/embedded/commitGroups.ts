import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database } from 'better-sqlite3';

/**
 * Every write of the embedded backend goes through here, so that several
 * writes can share one commit (one fsync) without any write being
 * acknowledged before it is durable:
 * - a write outside a group runs in a transaction that commits before it
 *   returns (with it, whatever a group has written so far);
 * - a write inside a group (`inOneCommit`) runs in the open transaction and
 *   returns uncommitted; the group commits when its work is done, before its
 *   promise resolves, so its caller acknowledges nothing early.
 * Each write is atomic on its own (a savepoint within the open transaction).
 * Groups may overlap: whichever ends first commits what is open, the other's
 * writes included, which only makes those durable sooner. SQLite rolls a
 * transaction back by itself on some failures (disk full, I/O error): a group
 * whose writes were in it fails instead of resolving. The work must not
 * acknowledge its writes itself (nor start tasks that do) before it is done.
 */
interface Group {
  /** The transactions its writes went into. */
  transactions: Set<number>;
  done: boolean;
}

export class CommitGroups {
  private readonly scope = new AsyncLocalStorage<Group>();
  /** The transaction a group's writes are in (numbered), or null when none is open. */
  private open: number | null = null;
  private opened = 0;
  /** Transactions with group writes that SQLite rolled back (a rare failure: never pruned, so every group in one hears of it). */
  private readonly lost = new Set<number>();

  constructor(private readonly db: Database) {}

  /** Runs one write's statements atomically; durable on return unless inside a group. */
  write<T>(statements: () => T): T {
    this.noticeRollback();
    const group = this.scope.getStore();
    // A task the work started and left running keeps its context: once the group is done, its writes commit on their own.
    if (group && !group.done) {
      if (this.open === null) {
        this.db.exec('BEGIN IMMEDIATE');
        this.open = ++this.opened;
      }
      group.transactions.add(this.open);
      return this.db.transaction(statements)();
    }
    const result = this.db.transaction(statements)();
    this.commit();
    return result;
  }

  /** Runs `work` with its writes grouped; they are committed (durable) when the promise resolves. */
  async inOneCommit<T>(work: () => Promise<T>): Promise<T> {
    const outer = this.scope.getStore();
    if (outer && !outer.done) return work();
    const group: Group = { transactions: new Set(), done: false };
    let result: T;
    try {
      result = await this.scope.run(group, work);
    } finally {
      group.done = true;
      // Committed even when the work failed: what it wrote stays written, as when each write commits alone.
      this.commit();
    }
    for (const transaction of group.transactions) {
      if (this.lost.has(transaction)) throw new Error('the embedded store rolled back a transaction (a disk or I/O error): this batch of writes was not stored');
    }
    return result;
  }

  /** Commits the open transaction, if any (also before the database closes). */
  commit(): void {
    this.noticeRollback();
    if (!this.db.inTransaction) return;
    this.db.exec('COMMIT');
    this.open = null;
  }

  private noticeRollback(): void {
    if (this.open === null || this.db.inTransaction) return;
    this.lost.add(this.open);
    this.open = null;
  }
}
