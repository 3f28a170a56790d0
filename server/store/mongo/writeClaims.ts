import type { mongo } from 'mongoose';
import type { InsertOutcome } from '../port.js';
import { insertOutcomesAfter, isDuplicateKeyError } from './mongoErrors.js';

/** The collection holding the claims of every store collection. */
export const WRITE_CLAIMS_COLLECTION = 'storeWriteClaims';

/** A claim older than this was left by a writer that died between claiming and releasing; another writer may take the next generation. */
export const ABANDONED_CLAIM_MS = 15_000;

/** One claim: the right to move document `doc` from revision `rev` to the next. */
export interface WriteClaimRecord {
  _id: string;
  doc: string;
  rev: number;
  generation: number;
  at: Date;
}

/**
 * Compare-and-set that holds on every MongoDB-protocol server. MongoDB
 * applies an update's filter atomically, but FerretDB v1 reads the matching
 * documents and then writes them by `_id`, so two writers holding the same
 * `_rev` could both replace it (a lost update). What every such server does
 * hold is a unique `_id`: the writer that inserts the claim for
 * (document, revision) first is the only one allowed to write the next
 * revision. Claims are removed after the write; one left by a writer that
 * died is superseded by the next generation after ABANDONED_CLAIM_MS.
 */
export class WriteClaims {
  constructor(
    private readonly claims: mongo.Collection<WriteClaimRecord>,
    private readonly collectionName: string,
  ) {}

  /** Creates the index that finds a document's claims at one revision. */
  static async prepare(claims: mongo.Collection<WriteClaimRecord>): Promise<void> {
    // claim(): the latest generation of (doc, rev); releaseAll(): every claim of each doc up to its rev.
    await claims.createIndex({ doc: 1, rev: 1, generation: 1 });
  }

  /** True when this writer now holds the right to replace `id` at `revision`; false when another writer holds it. */
  async claim(id: string, revision: number): Promise<boolean> {
    const doc = this.documentKey(id);
    let generation = 0;
    for (;;) {
      if (await this.insert({ _id: `${doc}@${revision}#${generation}`, doc, rev: revision, generation, at: new Date() })) return true;
      const [latest] = await this.claims.find({ doc, rev: revision }).sort({ generation: -1 }).limit(1).toArray();
      if (!latest || Date.now() - latest.at.getTime() < ABANDONED_CLAIM_MS) return false;
      generation = latest.generation + 1;
    }
  }

  /** claim() for several documents: the first claims in one insert, then claim() for any another writer holds. */
  async claimAll(targets: ReadonlyArray<{ id: string; revision: number }>): Promise<boolean[]> {
    const records = targets.map(({ id, revision }) => ({ _id: `${this.documentKey(id)}@${revision}#0`, doc: this.documentKey(id), rev: revision, generation: 0, at: new Date() }));
    let outcomes: InsertOutcome[];
    try {
      await this.claims.insertMany(records, { ordered: false });
      outcomes = records.map(() => 'inserted');
    } catch (error) {
      outcomes = insertOutcomesAfter(error, records.length);
    }
    return Promise.all(targets.map(({ id, revision }, at) => (outcomes[at] === 'inserted' ? true : this.claim(id, revision))));
  }

  /** Gives up the claims on each `id` up to its `revision` (after the replaces, whatever their outcome), in one delete. */
  async releaseAll(targets: ReadonlyArray<{ id: string; revision: number }>): Promise<void> {
    if (targets.length === 0) return;
    const each = targets.map(({ id, revision }) => ({ doc: this.documentKey(id), rev: { $lte: revision } }));
    await this.claims.deleteMany(each.length === 1 ? each[0]! : { $or: each });
  }

  private documentKey(id: string): string {
    return `${this.collectionName}/${id}`;
  }

  private async insert(record: WriteClaimRecord): Promise<boolean> {
    try {
      await this.claims.insertOne(record);
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }
}
