import type { Case, CaseFilters, CaseSort } from '../api/types.js';

/**
 * The inbox list and what arrived live. New cases wait in `pending` (the
 * "N new" marker) instead of pushing the rows the agent is reading; cases
 * already shown are updated in place, and leave the list once they no longer
 * match its filters (or moved to a team the user does not see).
 */
export interface CaseListState {
  cases: Case[];
  pending: Case[];
  /** The highest live `seq` applied per case, to drop late, out-of-order updates. */
  seqs: Record<string, number>;
  /** Cases whose response-time target was missed while the list was open. */
  breached: Record<string, true>;
}

export type CaseListAction =
  | { type: 'loaded'; cases: Case[]; append: boolean }
  | { type: 'upsert'; case: Case; seq?: number; matches: boolean }
  | { type: 'removed'; caseId: string; seq?: number }
  | { type: 'breach'; caseId: string }
  /** Puts a case back at a row of the list (an undone resolve), not behind the "N new" marker. */
  | { type: 'restore'; case: Case; index: number }
  /** Shows what waits behind the marker: on top (newest activity), or at its place when sorted by priority or due time. */
  | { type: 'reveal'; sort?: CaseSort };

export const EMPTY_CASE_LIST: CaseListState = { cases: [], pending: [], seqs: {}, breached: {} };

/** What the default (active) view leaves out: nothing left to do. */
const CLOSED = new Set<string>(['resolved', 'suppressed']);

/** Applies a page load or a live event to the list. */
export function caseListReducer(state: CaseListState, action: CaseListAction): CaseListState {
  switch (action.type) {
    case 'loaded': return loaded(state, action.cases, action.append);
    case 'upsert': return upsert(state, action.case, action.seq, action.matches);
    case 'removed': return removed(state, action.caseId, action.seq);
    case 'breach': return { ...state, breached: { ...state.breached, [action.caseId]: true } };
    case 'restore': return restore(state, action.case, action.index);
    case 'reveal': return reveal(state, action.sort);
  }
}

function loaded(state: CaseListState, cases: Case[], append: boolean): CaseListState {
  if (!append) return { ...state, cases, pending: [] };
  const shown = new Set(state.cases.map((c) => c.id));
  return { ...state, cases: [...state.cases, ...cases.filter((c) => !shown.has(c.id))] };
}

/** Whether an event with this seq is older than what the list already applied for the case. */
function isStale(state: CaseListState, caseId: string, seq: number | undefined): boolean {
  const last = state.seqs[caseId];
  return seq !== undefined && last !== undefined && seq <= last;
}

function upsert(state: CaseListState, incoming: Case, seq: number | undefined, matches: boolean): CaseListState {
  if (isStale(state, incoming.id, seq)) return state;
  const seqs = seq === undefined ? state.seqs : { ...state.seqs, [incoming.id]: seq };
  const index = state.cases.findIndex((c) => c.id === incoming.id);
  if (index >= 0) {
    if (seq === undefined && (state.cases[index]?.version ?? 0) > incoming.version) return state;
    if (!matches) return { ...state, cases: state.cases.filter((c) => c.id !== incoming.id), seqs };
    const cases = state.cases.slice();
    cases[index] = incoming;
    return { ...state, cases, seqs };
  }
  const pending = state.pending.filter((c) => c.id !== incoming.id);
  if (!matches) return { ...state, pending, seqs };
  return { ...state, pending: [incoming, ...pending], seqs };
}

function restore(state: CaseListState, item: Case, index: number): CaseListState {
  const cases = state.cases.filter((c) => c.id !== item.id);
  cases.splice(Math.min(Math.max(0, index), cases.length), 0, item);
  return { ...state, cases, pending: state.pending.filter((c) => c.id !== item.id) };
}

/** A case that left the user's teams: out of the list and the marker; a late upsert from before the move stays out. */
function removed(state: CaseListState, caseId: string, seq: number | undefined): CaseListState {
  if (isStale(state, caseId, seq)) return state;
  const seqs = seq === undefined ? state.seqs : { ...state.seqs, [caseId]: seq };
  return { ...state, cases: state.cases.filter((c) => c.id !== caseId), pending: state.pending.filter((c) => c.id !== caseId), seqs };
}

function reveal(state: CaseListState, sort: CaseSort = 'activity'): CaseListState {
  if (state.pending.length === 0) return state;
  const revealed = new Set(state.pending.map((c) => c.id));
  const rest = state.cases.filter((c) => !revealed.has(c.id));
  if (sort === 'activity') return { ...state, cases: [...state.pending, ...rest], pending: [] };
  const order = sort === 'priority' ? priorityOrder : dueOrder;
  const cases = rest.slice();
  for (const item of state.pending) {
    const at = cases.findIndex((shown) => order(item, shown) < 0);
    cases.splice(at < 0 ? cases.length : at, 0, item);
  }
  return { ...state, cases, pending: [] };
}

const PRIORITY_RANK: Record<Case['priority'], number> = { urgent: 0, high: 1, normal: 2, low: 3 };

/** The server's priority order (sort=priority): urgent to low, each in due order. */
function priorityOrder(a: Case, b: Case): number {
  return PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || dueOrder(a, b);
}

/** The server's due order (sort=due): soonest target first, cases without one last, ties by id. */
function dueOrder(a: Case, b: Case): number {
  const due = (item: Case) => (item.slaDueAt === null ? Infinity : Date.parse(item.slaDueAt));
  return due(a) - due(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Whether a case belongs in a list with these filters: the server's own
 * filters, applied to live arrivals and updates. `username` stands for the
 * assignee `me`.
 */
export function matchesFilters(item: Case, filters: CaseFilters, username?: string): boolean {
  if (filters.status && item.status !== filters.status) return false;
  if (!filters.status && filters.active === true && CLOSED.has(item.status)) return false;
  if (filters.tier !== undefined && filters.tier !== '' && item.tier !== filters.tier) return false;
  if (filters.team && item.team !== filters.team) return false;
  if (filters.priority && item.priority !== filters.priority) return false;
  if (filters.tag && !item.tags.includes(filters.tag)) return false;
  if (filters.channel && item.channel !== filters.channel) return false;
  if (filters.assignee && item.assignee !== assigneeOf(filters.assignee, username)) return false;
  // As the server lists them: snoozed cases only when asked for (or a status is named), and then only they.
  if (filters.snoozed === true) return Boolean(item.snoozedUntil);
  if (!filters.status && item.snoozedUntil) return false;
  return true;
}

/** The assignee a filter asks for: null for `none`, the user for `me`, else the username given. */
function assigneeOf(assignee: string, username: string | undefined): string | null | undefined {
  if (assignee === 'none') return null;
  if (assignee === 'me') return username;
  return assignee;
}
