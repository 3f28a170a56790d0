import { describe, expect, it } from 'vitest';
import { MemorySessionStore } from '../../server/auth/sessions.js';
import { readCookie, signValue, unsignValue } from '../../server/auth/signedCookie.js';

const HOUR = 60 * 60_000;

describe('MemorySessionStore', () => {
  it('opens sessions with distinct random ids and CSRF tokens', () => {
    const sessions = new MemorySessionStore();
    const a = sessions.create('u1', 0);
    const b = sessions.create('u1', 0);
    expect(a.id).not.toBe(b.id);
    expect(a.csrfToken).not.toBe(b.csrfToken);
    expect(a.id).toMatch(/^[\w-]{43}$/);
    expect(sessions.get(a.id, 1)).toBe(a);
  });

  it('expires a session left idle, and keeps one in use alive until its absolute lifetime', () => {
    const sessions = new MemorySessionStore({ idleMs: HOUR, absoluteMs: 3 * HOUR });
    const idle = sessions.create('u1', 0);
    const busy = sessions.create('u2', 0);
    for (let t = 0.5 * HOUR; t < 3 * HOUR; t += 0.5 * HOUR) expect(sessions.get(busy.id, t)).toBeDefined();
    expect(sessions.get(idle.id, HOUR)).toBeUndefined();
    expect(sessions.get(busy.id, 3 * HOUR)).toBeUndefined();
  });

  it('sweeps sessions past their absolute lifetime when new ones open', () => {
    const sessions = new MemorySessionStore({ idleMs: HOUR, absoluteMs: 2 * HOUR });
    for (let i = 0; i < 10; i++) sessions.create(`old-${i}`, 0);
    sessions.create('new', 2 * HOUR);
    expect(sessions.size).toBe(1);
  });

  it('ends one session, or all of a user\'s', () => {
    const sessions = new MemorySessionStore();
    const [a, b, c] = [sessions.create('u1'), sessions.create('u1'), sessions.create('u2')];
    sessions.destroy(c.id);
    expect(sessions.get(c.id)).toBeUndefined();
    sessions.destroyForUser('u1');
    expect([sessions.get(a.id), sessions.get(b.id)]).toEqual([undefined, undefined]);
  });
});

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
