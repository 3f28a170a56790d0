import type { Case, CaseFilters } from '../api/types.js';

/**
 * The inbox list and what arrived live. New cases wait in `pending` (the
 * "N new" marker) instead of pushing the rows the agent is reading; cases
 * already shown are updated in place.
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
  | { type: 'breach'; caseId: string }
  | { type: 'reveal' };

export const EMPTY_CASE_LIST: CaseListState = { cases: [], pending: [], seqs: {}, breached: {} };

/** Applies a page load or a live event to the list. */
export function caseListReducer(state: CaseListState, action: CaseListAction): CaseListState {
  switch (action.type) {
    case 'loaded': return loaded(state, action.cases, action.append);
    case 'upsert': return upsert(state, action.case, action.seq, action.matches);
    case 'breach': return { ...state, breached: { ...state.breached, [action.caseId]: true } };
    case 'reveal': return reveal(state);
  }
}

function loaded(state: CaseListState, cases: Case[], append: boolean): CaseListState {
  if (!append) return { ...state, cases, pending: [] };
  const shown = new Set(state.cases.map((c) => c.id));
  return { ...state, cases: [...state.cases, ...cases.filter((c) => !shown.has(c.id))] };
}

function upsert(state: CaseListState, incoming: Case, seq: number | undefined, matches: boolean): CaseListState {
  const last = state.seqs[incoming.id];
  if (seq !== undefined && last !== undefined && seq <= last) return state;
  const seqs = seq === undefined ? state.seqs : { ...state.seqs, [incoming.id]: seq };
  const index = state.cases.findIndex((c) => c.id === incoming.id);
  if (index >= 0) {
    if (seq === undefined && (state.cases[index]?.version ?? 0) > incoming.version) return state;
    const cases = state.cases.slice();
    cases[index] = incoming;
    return { ...state, cases, seqs };
  }
  const pending = state.pending.filter((c) => c.id !== incoming.id);
  if (!matches) return { ...state, pending, seqs };
  return { ...state, pending: [incoming, ...pending], seqs };
}

function reveal(state: CaseListState): CaseListState {
  if (state.pending.length === 0) return state;
  const revealed = new Set(state.pending.map((c) => c.id));
  return { ...state, cases: [...state.pending, ...state.cases.filter((c) => !revealed.has(c.id))], pending: [] };
}

/** Whether a case belongs in a list with these filters (the server's own filters, applied to live arrivals). */
export function matchesFilters(item: Case, filters: CaseFilters): boolean {
  if (filters.status && item.status !== filters.status) return false;
  if (filters.tier !== undefined && filters.tier !== '' && item.tier !== filters.tier) return false;
  if (filters.team && item.team !== filters.team) return false;
  return true;
}
