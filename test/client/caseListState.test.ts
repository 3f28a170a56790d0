import { describe, expect, it } from 'vitest';
import type { Case } from '../../client/src/api/types.js';
import { caseListReducer, EMPTY_CASE_LIST, matchesFilters } from '../../client/src/inbox/caseListState.js';
import { filtersFromQuery, queryFromFilters } from '../../client/src/inbox/inboxQuery.js';

let counter = 0;
function aCase(overrides: Partial<Case> = {}): Case {
  counter += 1;
  return {
    id: `case-${counter}`, tier: 1, team: 'care', status: 'new', priority: 'normal', tags: [], assignee: null,
    channel: 'public', platform: 'x', threadId: `t${counter}`, customer: { id: `c${counter}`, handle: 'jane', name: 'Jane' },
    routing: { ruleId: null, ruleSetVersion: 1 }, slaDueAt: null, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', version: 1,
    ...overrides,
  };
}

describe('the inbox list and live events', () => {
  it('holds new live cases back behind the marker until revealed, then shows them first', () => {
    const shown = aCase();
    let state = caseListReducer(EMPTY_CASE_LIST, { type: 'loaded', cases: [shown], append: false });
    const arrived = aCase();
    state = caseListReducer(state, { type: 'upsert', case: arrived, seq: 1, matches: true });
    expect(state.cases.map((c) => c.id)).toEqual([shown.id]);
    expect(state.pending.map((c) => c.id)).toEqual([arrived.id]);
    state = caseListReducer(state, { type: 'reveal' });
    expect(state.cases.map((c) => c.id)).toEqual([arrived.id, shown.id]);
    expect(state.pending).toEqual([]);
  });

  it('updates a shown case in place and drops an older seq that arrives late', () => {
    const item = aCase();
    let state = caseListReducer(EMPTY_CASE_LIST, { type: 'loaded', cases: [aCase(), item], append: false });
    state = caseListReducer(state, { type: 'upsert', case: { ...item, status: 'open', version: 3 }, seq: 3, matches: true });
    state = caseListReducer(state, { type: 'upsert', case: { ...item, status: 'new', version: 2 }, seq: 2, matches: true });
    expect(state.cases[1]).toMatchObject({ id: item.id, status: 'open' });
    expect(state.pending).toEqual([]);
  });

  it('leaves out arrivals that do not match the filters, and forgets a pending case that stops matching', () => {
    const arrived = aCase();
    let state = caseListReducer(EMPTY_CASE_LIST, { type: 'upsert', case: arrived, seq: 1, matches: true });
    state = caseListReducer(state, { type: 'upsert', case: { ...arrived, status: 'resolved' }, seq: 2, matches: false });
    expect(state.pending).toEqual([]);
    expect(caseListReducer(state, { type: 'upsert', case: aCase(), seq: 1, matches: false }).pending).toEqual([]);
  });

  it('appends a next page without repeating cases already shown', () => {
    const a = aCase();
    const b = aCase();
    let state = caseListReducer(EMPTY_CASE_LIST, { type: 'loaded', cases: [a], append: false });
    state = caseListReducer(state, { type: 'loaded', cases: [a, b], append: true });
    expect(state.cases.map((c) => c.id)).toEqual([a.id, b.id]);
  });

  it('matches live cases against the same filters the server applies', () => {
    const item = aCase({ status: 'open', tier: 2, team: 'helpdesk' });
    expect(matchesFilters(item, {})).toBe(true);
    expect(matchesFilters(item, { status: 'open', tier: 2 })).toBe(true);
    expect(matchesFilters(item, { status: 'new' })).toBe(false);
    expect(matchesFilters(item, { tier: 0 })).toBe(false);
    expect(matchesFilters(item, { tier: '' })).toBe(true);
    expect(matchesFilters(item, { team: 'care' })).toBe(false);
  });

  it('keeps the filters in the address, ignoring values that are not filters', () => {
    expect(filtersFromQuery('?status=open&tier=0&team=care')).toEqual({ status: 'open', tier: 0, team: 'care' });
    expect(filtersFromQuery('?status=%24ne&tier=7&team=%7B%7D')).toEqual({ status: '', tier: '', team: '' });
    expect(queryFromFilters({ status: 'pending', tier: 2, team: 'helpdesk' })).toBe('?team=helpdesk&status=pending&tier=2');
    expect(queryFromFilters({ status: '', tier: '' })).toBe('');
  });
});
