import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { LeaseDocument, StoreCollections } from '../store/index.js';

/** A lease this process holds: its name, fencing token, and until when its own clock trusts it. */
export interface LeaseGrant {
  name: string;
  token: number;
  /** This process's clock: renewal was asked at or after `askedAt`, so the lease is ours until askedAt + leaseMs at least as far as we can tell. */
  validUntil: number;
  /** Set when the lease was taken from another process: its last renewal (it may have written until then plus a lease period). */
  takenFrom?: { holder: string; renewedAt: Date };
}

export interface LeasesOptions {
  /** Who this process is (stored as the lease's holder). */
  holder?: string;
  leaseMs: number;
  /** The clock (tests fix it). */
  now?: () => number;
}

/** A name for this process that tells operators where it runs. */
export function processHolderName(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

/**
 * Leases with fencing tokens, kept in the store's `leases` collection. Each
 * step is one compare-and-set on the lease document (the store retries on a
 * moved `_rev`), so two processes can never both take a lease: the database
 * holds the invariant, not this process. Expiry is by the stored `expiresAt`
 * against the asking process's clock (clocks are assumed to agree to well
 * under LEASE_MS, as NTP keeps them).
 */
export class Leases {
  readonly holder: string;
  readonly leaseMs: number;
  private readonly now: () => number;

  constructor(
    private readonly leases: StoreCollections['leases'],
    options: LeasesOptions,
  ) {
    this.holder = options.holder ?? processHolderName();
    this.leaseMs = options.leaseMs;
    this.now = options.now ?? Date.now;
  }

  /** Renews the lease when we hold it (same token), takes it when it is free or expired (token + 1); null when another process holds it. */
  async acquire(name: string, current?: LeaseGrant): Promise<LeaseGrant | null> {
    const askedAt = this.now();
    const until = new Date(askedAt + this.leaseMs);
    if (current) {
      const renewed = await this.leases.updateOne({ _id: name, holder: this.holder, token: current.token, expiresAt: { $gt: new Date(askedAt) } }, { $set: { renewedAt: new Date(askedAt), expiresAt: until } });
      if (renewed.matched) return { name, token: current.token, validUntil: askedAt + this.leaseMs };
    }
    const taken = await this.leases.findOneAndUpdate(
      { _id: name, expiresAt: { $lte: new Date(askedAt) } },
      { $set: { holder: this.holder, acquiredAt: new Date(askedAt), renewedAt: new Date(askedAt), expiresAt: until }, $inc: { token: 1 } },
      { returnDocument: 'before' },
    );
    if (taken) {
      const takenFrom = taken.holder === this.holder ? {} : { takenFrom: { holder: taken.holder, renewedAt: taken.renewedAt } };
      return { name, token: taken.token + 1, validUntil: askedAt + this.leaseMs, ...takenFrom };
    }
    const inserted = await this.leases.insertOne({ _id: name, holder: this.holder, token: 1, acquiredAt: new Date(askedAt), renewedAt: new Date(askedAt), expiresAt: until });
    return inserted.status === 'inserted' ? { name, token: 1, validUntil: askedAt + this.leaseMs } : null;
  }

  /** Whether the grant still holds: our clock has not passed it, and the stored lease is still ours with the same token and not expired. */
  async stillHeld(grant: LeaseGrant): Promise<boolean> {
    const now = this.now();
    if (now >= grant.validUntil) return false;
    const stored = await this.leases.findOne({ _id: grant.name });
    return stored !== null && stored.holder === this.holder && stored.token === grant.token && stored.expiresAt.getTime() > now;
  }

  /** Gives the lease up at once (clean shutdown), so another process need not wait for it to expire. */
  async release(grant: LeaseGrant): Promise<void> {
    await this.leases.updateOne({ _id: grant.name, holder: this.holder, token: grant.token }, { $set: { expiresAt: new Date(0) } });
  }

  /** Every lease as stored (GET /api/health for admins). */
  async list(): Promise<LeaseDocument[]> {
    return this.leases.find({}, { sort: { _id: 1 } });
  }

  /** The clock these leases are judged by. */
  clock(): number {
    return this.now();
  }
}
