/** Sessions kept in the store (on each backend the store tests run on), and the signed cookie that carries their id. */
import { describe, expect, it } from 'vitest';
import { sessionKey, StoredSessionStore, TOUCH_AFTER_MS } from '../../server/auth/sessions.js';
import { readCookie, signValue, unsignValue } from '../../server/auth/signedCookie.js';
import { BACKENDS, useFreshStore } from '../store/backends.js';

const HOUR = 60 * 60_000;

for (const backend of BACKENDS) {
  describe.runIf(backend.enabled)(`StoredSessionStore (${backend.name})`, () => {
    const fresh = useFreshStore(backend);
    const storeSessions = (lifetimes = { idleMs: HOUR, absoluteMs: 3 * HOUR }) => new StoredSessionStore(fresh.store.collections.sessions, lifetimes);

    it('opens sessions with distinct random ids and CSRF tokens, stored under the hash of the id', async () => {
      const sessions = storeSessions();
      const a = await sessions.create('u1', 0);
      const b = await sessions.create('u1', 0);
      expect(a.id).not.toBe(b.id);
      expect(a.csrfToken).not.toBe(b.csrfToken);
      expect(a.id).toMatch(/^[\w-]{43}$/);
      expect(await sessions.get(a.id, 1)).toEqual(a);
      const stored = await fresh.store.collections.sessions.find({});
      expect(stored.map((document) => document._id).sort()).toEqual([sessionKey(a.id), sessionKey(b.id)].sort());
      expect(stored.map((document) => document._id)).not.toContain(a.id);
      expect(JSON.stringify(stored)).not.toContain(a.id);
      expect(stored.find((document) => document._id === sessionKey(a.id))).toMatchObject({ userId: 'u1', csrfToken: a.csrfToken, createdAt: new Date(0), lastSeenAt: new Date(0), expiresAt: new Date(HOUR) });
    });

    it('expires a session left idle, and keeps one in use alive until its absolute lifetime', async () => {
      const sessions = storeSessions();
      const idle = await sessions.create('u1', 0);
      const busy = await sessions.create('u2', 0);
      for (let t = 0.5 * HOUR; t < 3 * HOUR; t += 0.5 * HOUR) expect(await sessions.get(busy.id, t)).toMatchObject({ userId: 'u2', lastSeenAt: t });
      expect(await sessions.get(idle.id, HOUR)).toBeUndefined();
      expect(await sessions.get(busy.id, 3 * HOUR - 1)).toBeDefined();
      expect(await sessions.get(busy.id, 3 * HOUR)).toBeUndefined();
      // Expired sessions read are removed.
      expect(await fresh.store.collections.sessions.countDocuments({})).toBe(0);
    });

    it('writes lastSeenAt at most once a minute, so idle expiry counts from up to a minute before the last request', async () => {
      const sessions = storeSessions();
      const session = await sessions.create('u1', 0);
      expect(await sessions.get(session.id, TOUCH_AFTER_MS - 1)).toMatchObject({ lastSeenAt: 0 });
      expect(await fresh.store.collections.sessions.findOne({})).toMatchObject({ lastSeenAt: new Date(0), expiresAt: new Date(HOUR) });
      expect(await sessions.get(session.id, TOUCH_AFTER_MS)).toMatchObject({ lastSeenAt: TOUCH_AFTER_MS });
      expect(await fresh.store.collections.sessions.findOne({})).toMatchObject({ lastSeenAt: new Date(TOUCH_AFTER_MS), expiresAt: new Date(TOUCH_AFTER_MS + HOUR) });
      // A request at 1:30 is not written: the session ends an hour after 1:00, not after 1:30.
      expect(await sessions.get(session.id, TOUCH_AFTER_MS + 30_000)).toBeDefined();
      expect(await sessions.get(session.id, TOUCH_AFTER_MS + HOUR)).toBeUndefined();
    });

    it('is read by another instance over the same collection, and after the store is reopened', async () => {
      const session = await storeSessions().create('u1', 0);
      expect(await storeSessions().get(session.id, 1)).toEqual(session);
      await fresh.reopen();
      expect(await storeSessions().get(session.id, 2)).toEqual(session);
    });

    it('ends one session, or all of a user\'s', async () => {
      const sessions = storeSessions();
      const [a, b, c] = [await sessions.create('u1'), await sessions.create('u1'), await sessions.create('u2')];
      await sessions.destroy(c.id);
      expect(await sessions.get(c.id)).toBeUndefined();
      await sessions.destroyForUser('u1');
      expect([await sessions.get(a.id), await sessions.get(b.id)]).toEqual([undefined, undefined]);
      const other = await sessions.create('u3');
      await sessions.destroyForUser('u1');
      expect(await sessions.get(other.id)).toBeDefined();
    });

    it('sweeps expired sessions when a new one opens, and only those', async () => {
      const sessions = storeSessions({ idleMs: HOUR, absoluteMs: 2 * HOUR });
      for (let i = 0; i < 5; i++) await sessions.create(`old-${i}`, 0);
      const recent = await sessions.create('recent', HOUR);
      await sessions.create('new', HOUR + 30 * 60_000);
      expect(await fresh.store.collections.sessions.countDocuments({})).toBe(2);
      expect(await sessions.get(recent.id, HOUR + 30 * 60_000)).toBeDefined();
      expect(await sessions.sweep(10 * HOUR)).toBe(2);
    });
  });
}

describe('signed cookies', () => {
  it('reads back what it signed, and nothing signed with another secret or altered', () => {
    const signed = signValue('session-id', 'secret-one-secret-one');
    expect(unsignValue(signed, 'secret-one-secret-one')).toBe('session-id');
    expect(unsignValue(signed, 'secret-two-secret-two')).toBeUndefined();
    expect(unsignValue(signed.replace('session-id', 'session-ie'), 'secret-one-secret-one')).toBeUndefined();
    expect(unsignValue('session-id', 'secret-one-secret-one')).toBeUndefined();
    expect(unsignValue('.abc', 'secret-one-secret-one')).toBeUndefined();
  });

  it('finds one cookie in a Cookie header', () => {
    expect(readCookie('a=1; care_session=x.y; b=2', 'care_session')).toBe('x.y');
    expect(readCookie('care_session_old=z', 'care_session')).toBeUndefined();
    expect(readCookie('care_session=%E0%A4%A', 'care_session')).toBeUndefined();
    expect(readCookie(undefined, 'care_session')).toBeUndefined();
  });
});
