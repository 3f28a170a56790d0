import { createHash, randomBytes } from 'node:crypto';
import type { StoreCollections } from '../store/index.js';

/** A logged-in browser: whose it is, its CSRF token, and when it was opened and last seen. */
export interface Session {
  /** The raw id the (signed) cookie carries; the store keeps only its hash. */
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: number;
  lastSeenAt: number;
}

/** How long sessions live: idle (since the last request) and absolute (since login). */
export interface SessionLifetimes {
  idleMs: number;
  absoluteMs: number;
}

export const DEFAULT_SESSION_LIFETIMES: SessionLifetimes = { idleMs: 8 * 60 * 60_000, absoluteMs: 24 * 60 * 60_000 };

/**
 * lastSeenAt is written only when the stored one is at least this old, so a
 * busy session costs one durable write a minute, not one per request. The
 * idle lifetime therefore counts from a request up to a minute before the
 * last one: an idle session may end up to a minute early.
 */
export const TOUCH_AFTER_MS = 60_000;

/** Where sessions are kept, server-side; the cookie only carries a signed id. */
export interface SessionStore {
  /** How long its sessions live (the cookie's max-age is the absolute one). */
  readonly lifetimes: SessionLifetimes;
  /** Opens a session for a user (new random id and CSRF token). */
  create(userId: string, now?: number): Promise<Session>;
  /** The live session with this id (touching it), or undefined when unknown or expired. */
  get(id: string, now?: number): Promise<Session | undefined>;
  /** Ends a session. */
  destroy(id: string): Promise<void>;
  /** Ends every session of a user (e.g. when they are disabled). */
  destroyForUser(userId: string): Promise<void>;
}

/** A random token, 32 bytes, base64url. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored `_id` of a session: SHA-256 of its id, hex (the id is 256 random bits, so no salt or slow hash is needed). */
export function sessionKey(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

/**
 * Sessions in the store's `sessions` collection: they survive restarts (as
 * long as SESSION_SECRET stays the same, so the cookies still verify) and are
 * shared by every server process on one MongoDB. Expired sessions are never
 * answered; they are removed when read and by the sweep at each login (no
 * TTL index: FerretDB lacks it, see docs/mongodb.md).
 */
export class StoredSessionStore implements SessionStore {
  constructor(
    private readonly sessions: StoreCollections['sessions'],
    readonly lifetimes: SessionLifetimes = DEFAULT_SESSION_LIFETIMES,
  ) {}

  async create(userId: string, now = Date.now()): Promise<Session> {
    await this.sweep(now);
    const session: Session = { id: randomToken(), userId, csrfToken: randomToken(), createdAt: now, lastSeenAt: now };
    const inserted = await this.sessions.insertOne({
      _id: sessionKey(session.id),
      userId,
      csrfToken: session.csrfToken,
      createdAt: new Date(now),
      lastSeenAt: new Date(now),
      expiresAt: this.expiresAt(now, now),
    });
    // 256 random bits do not collide; a duplicate would mean a broken random source.
    if (inserted.status !== 'inserted') throw new Error('a new session id is already in use');
    return session;
  }

  async get(id: string, now = Date.now()): Promise<Session | undefined> {
    const key = sessionKey(id);
    const stored = await this.sessions.findOne({ _id: key });
    if (!stored) return undefined;
    if (stored.expiresAt.getTime() <= now) {
      await this.sessions.deleteMany({ _id: key, expiresAt: { $lte: new Date(now) } });
      return undefined;
    }
    const createdAt = stored.createdAt.getTime();
    let lastSeenAt = stored.lastSeenAt.getTime();
    if (now - lastSeenAt >= TOUCH_AFTER_MS) {
      // Only forward: another process may have touched it meanwhile (and a destroyed session stays destroyed).
      await this.sessions.updateOne({ _id: key, lastSeenAt: { $lt: new Date(now) } }, { $set: { lastSeenAt: new Date(now), expiresAt: this.expiresAt(createdAt, now) } });
      lastSeenAt = now;
    }
    return { id, userId: stored.userId, csrfToken: stored.csrfToken, createdAt, lastSeenAt };
  }

  async destroy(id: string): Promise<void> {
    await this.sessions.deleteMany({ _id: sessionKey(id) });
  }

  async destroyForUser(userId: string): Promise<void> {
    await this.sessions.deleteMany({ userId });
  }

  /** Removes every session expired by `now`; how many. */
  sweep(now = Date.now()): Promise<number> {
    return this.sessions.deleteMany({ expiresAt: { $lte: new Date(now) } });
  }

  private expiresAt(createdAt: number, lastSeenAt: number): Date {
    return new Date(Math.min(createdAt + this.lifetimes.absoluteMs, lastSeenAt + this.lifetimes.idleMs));
  }
}
