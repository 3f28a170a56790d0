import { describe, expect, it } from 'vitest';
import type { MonitorThread } from '../../client/src/api/types.js';
import { EMPTY_THREAD_LIST, threadListReducer } from '../../client/src/monitor/threadListState.js';

let counter = 0;
function aThread(overrides: Partial<MonitorThread> = {}): MonitorThread {
  counter += 1;
  return {
    id: `thread-${counter}`, platform: 'x', threadId: `t${counter}`, team: 'care', status: 'new', tags: [],
    createdAt: '2026-01-01T00:00:00Z', lastActivityAt: '2026-01-01T00:00:00Z',
    messages: [{ id: `x:${counter}`, createdAt: '2026-01-01T00:00:00Z', author: { handle: 'jane', name: 'Jane' }, text: 'site is down', lang: 'en' }],
    ...overrides,
  };
}

describe('the monitor list and live events', () => {
  it('holds new threads behind the marker, updates shown ones in place, and reveals the new on top', () => {
    const shown = aThread();
    let state = threadListReducer(EMPTY_THREAD_LIST, { type: 'loaded', threads: [shown], append: false });
    const arrived = aThread();
    state = threadListReducer(state, { type: 'upsert', thread: arrived, seq: 1 });
    state = threadListReducer(state, { type: 'upsert', thread: { ...shown, status: 'open' }, seq: 3 });
    expect(state.threads).toEqual([{ ...shown, status: 'open' }]);
    expect(state.pending.map((thread) => thread.id)).toEqual([arrived.id]);
    // A newer copy of a waiting thread replaces it there, without a second entry.
    state = threadListReducer(state, { type: 'upsert', thread: { ...arrived, tags: ['outage'] }, seq: 2 });
    expect(state.pending).toEqual([{ ...arrived, tags: ['outage'] }]);
    state = threadListReducer(state, { type: 'reveal' });
    expect(state.threads.map((thread) => thread.id)).toEqual([arrived.id, shown.id]);
    expect(state.pending).toEqual([]);
  });

  it('drops late events and removes a thread that stopped being public, shown or waiting', () => {
    const shown = aThread();
    const waiting = aThread();
    let state = threadListReducer(EMPTY_THREAD_LIST, { type: 'loaded', threads: [shown], append: false });
    state = threadListReducer(state, { type: 'upsert', thread: { ...shown, status: 'open' }, seq: 5 });
    state = threadListReducer(state, { type: 'upsert', thread: { ...shown, status: 'new' }, seq: 4 });
    expect(state.threads[0]?.status).toBe('open');
    state = threadListReducer(state, { type: 'upsert', thread: waiting, seq: 1 });
    state = threadListReducer(state, { type: 'removed', threadId: shown.id, seq: 6 });
    state = threadListReducer(state, { type: 'removed', threadId: waiting.id, seq: 2 });
    expect(state.threads).toEqual([]);
    expect(state.pending).toEqual([]);
    // An update from before the removal that arrives late does not bring it back.
    expect(threadListReducer(state, { type: 'upsert', thread: shown, seq: 5 })).toBe(state);
  });

  it('merges a refetched page (no seq) without replacing a newer shown copy', () => {
    const shown = aThread({ lastActivityAt: '2026-01-02T00:00:00Z' });
    let state = threadListReducer(EMPTY_THREAD_LIST, { type: 'loaded', threads: [shown], append: false });
    state = threadListReducer(state, { type: 'upsert', thread: { ...shown, lastActivityAt: '2026-01-01T00:00:00Z', status: 'open' } });
    expect(state.threads).toEqual([shown]);
    const fresh = aThread();
    state = threadListReducer(state, { type: 'upsert', thread: fresh });
    expect(state.pending).toEqual([fresh]);
    state = threadListReducer(state, { type: 'loaded', threads: [shown, aThread()], append: true });
    expect(state.threads).toHaveLength(2);
  });
});
