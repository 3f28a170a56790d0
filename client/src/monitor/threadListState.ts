import type { MonitorThread } from '../api/types.js';

/**
 * The monitor's threads and what arrived live. As in the inbox, threads new
 * to the page wait in `pending` (an "N new" button) so the list does not move
 * under the reader; threads already shown are updated in place; a thread
 * that stopped being public (escalated to the private help desk, or gone)
 * leaves at once.
 */
export interface ThreadListState {
  threads: MonitorThread[];
  pending: MonitorThread[];
  /** The highest live `seq` applied per thread, to drop late, out-of-order updates. */
  seqs: Record<string, number>;
}

export type ThreadListAction =
  | { type: 'loaded'; threads: MonitorThread[]; append: boolean }
  /** A thread as a live event or a refetched page brings it (no seq: a refetch, which never replaces a newer shown copy). */
  | { type: 'upsert'; thread: MonitorThread; seq?: number }
  | { type: 'removed'; threadId: string; seq?: number }
  | { type: 'reveal' };

export const EMPTY_THREAD_LIST: ThreadListState = { threads: [], pending: [], seqs: {} };

/** Applies a page load or a live event to the monitor's list. */
export function threadListReducer(state: ThreadListState, action: ThreadListAction): ThreadListState {
  switch (action.type) {
    case 'loaded': return loaded(state, action.threads, action.append);
    case 'upsert': return upsert(state, action.thread, action.seq);
    case 'removed': return removed(state, action.threadId, action.seq);
    case 'reveal': return reveal(state);
  }
}

function loaded(state: ThreadListState, threads: MonitorThread[], append: boolean): ThreadListState {
  if (!append) return { ...state, threads, pending: [] };
  const shown = new Set(state.threads.map((thread) => thread.id));
  return { ...state, threads: [...state.threads, ...threads.filter((thread) => !shown.has(thread.id))] };
}

function isStale(state: ThreadListState, id: string, seq: number | undefined): boolean {
  const last = state.seqs[id];
  return seq !== undefined && last !== undefined && seq <= last;
}

function upsert(state: ThreadListState, incoming: MonitorThread, seq: number | undefined): ThreadListState {
  if (isStale(state, incoming.id, seq)) return state;
  const seqs = seq === undefined ? state.seqs : { ...state.seqs, [incoming.id]: seq };
  const replace = (list: MonitorThread[]) => list.map((thread) => (thread.id === incoming.id && isNotOlder(incoming, thread, seq) ? incoming : thread));
  if (state.threads.some((thread) => thread.id === incoming.id)) return { ...state, threads: replace(state.threads), seqs };
  if (state.pending.some((thread) => thread.id === incoming.id)) return { ...state, pending: replace(state.pending), seqs };
  return { ...state, pending: [incoming, ...state.pending], seqs };
}

/** A refetched copy (no seq) replaces a shown one only when it is at least as recent. */
function isNotOlder(incoming: MonitorThread, shown: MonitorThread, seq: number | undefined): boolean {
  return seq !== undefined || incoming.lastActivityAt >= shown.lastActivityAt;
}

function removed(state: ThreadListState, id: string, seq: number | undefined): ThreadListState {
  if (isStale(state, id, seq)) return state;
  const seqs = seq === undefined ? state.seqs : { ...state.seqs, [id]: seq };
  return { threads: state.threads.filter((thread) => thread.id !== id), pending: state.pending.filter((thread) => thread.id !== id), seqs };
}

function reveal(state: ThreadListState): ThreadListState {
  if (state.pending.length === 0) return state;
  const revealed = new Set(state.pending.map((thread) => thread.id));
  return { ...state, threads: [...state.pending, ...state.threads.filter((thread) => !revealed.has(thread.id))], pending: [] };
}
