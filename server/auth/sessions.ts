import { randomBytes } from 'node:crypto';

/** A logged-in browser: whose it is, its CSRF token, and when it expires. */
export interface Session {
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

/** Where sessions are kept, server-side; the cookie only carries a signed id. */
export interface SessionStore {
  /** Opens a session for a user (new random id and CSRF token). */
  create(userId: string, now?: number): Session;
  /** The live session with this id (touching it), or undefined when unknown or expired. */
  get(id: string, now?: number): Session | undefined;
  /** Ends a session. */
  destroy(id: string): void;
  /** Ends every session of a user (e.g. when they are disabled). */
  destroyForUser(userId: string): void;
}

/** A random token, 32 bytes, base64url. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Sessions in this process's memory: enough for the embedded single-process
 * mode, whose session secret is random per start anyway (a restart logs
 * everyone out either way). Several processes on MongoDB would need a
 * store-backed SessionStore.
 */
export class MemorySessionStore implements SessionStore {
  // Insertion order is creation order, so absolute expiry sweeps from the front.
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly lifetimes: SessionLifetimes = DEFAULT_SESSION_LIFETIMES) {}

  create(userId: string, now = Date.now()): Session {
    this.sweep(now);
    const session: Session = { id: randomToken(), userId, csrfToken: randomToken(), createdAt: now, lastSeenAt: now };
    this.sessions.set(session.id, session);
    return session;
  }

  get(id: string, now = Date.now()): Session | undefined {
    const session = this.sessions.get(id);
    if (!session) return undefined;
    if (this.expired(session, now)) {
      this.sessions.delete(id);
      return undefined;
    }
    session.lastSeenAt = now;
    return session;
  }

  destroy(id: string): void {
    this.sessions.delete(id);
  }

  destroyForUser(userId: string): void {
    for (const [id, session] of this.sessions) if (session.userId === userId) this.sessions.delete(id);
  }

  /** How many sessions are held (tests). */
  get size(): number {
    return this.sessions.size;
  }

  private expired(session: Session, now: number): boolean {
    return now - session.createdAt >= this.lifetimes.absoluteMs || now - session.lastSeenAt >= this.lifetimes.idleMs;
  }

  private sweep(now: number): void {
    for (const [id, session] of this.sessions) {
      if (now - session.createdAt < this.lifetimes.absoluteMs) break;
      this.sessions.delete(id);
    }
  }
}
