import { describe, expect, it } from 'vitest';
import type { Case } from '../../client/src/api/types.js';
import { caseListReducer, EMPTY_CASE_LIST, matchesFilters } from '../../client/src/inbox/caseListState.js';
import { filtersFromQuery, queryFromFilters } from '../../client/src/inbox/inboxQuery.js';

let counter = 0;
function aCase(overrides: Partial<Case> = {}): Case {
  counter += 1;
  return {
    id: `case-${counter}`, tier: 1, team: 'care', status: 'new', priority: 'normal', tags: [], assignee: null,
    channel: 'public', platform: 'x', threadId: `t${counter}`, customer: { id: `c${counter}`, handle: 'jane', name: 'Jane', followers: null, vip: false },
    preview: 'my parcel is late', routing: { ruleId: null, ruleSetVersion: 1 }, slaDueAt: null, slaState: null, slaRemainingMs: null, snoozedUntil: null, firstResponseAt: null, replyIssue: null, firstMessageAt: null, waitingSince: null,
    createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', version: 1, escalated: false, messageCount: 1,
    lastActivityAt: '2026-01-01T00:00:00Z', resolvedAt: null, erasedAt: null,
    ...overrides,
  };
}

describe('the inbox list and live events', () => {
  it('in due order, reveals each new case at its place: soonest target first, none last, ties by id', () => {
    const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 0, minutes)).toISOString();
    const [soon, later, none] = [aCase({ slaDueAt: at(10) }), aCase({ slaDueAt: at(30) }), aCase({ slaDueAt: null })];
    let state = caseListReducer(EMPTY_CASE_LIST, { type: 'loaded', cases: [soon, later, none], append: false });
    const [sooner, between, alsoNone] = [aCase({ slaDueAt: at(5) }), aCase({ slaDueAt: at(20) }), aCase({ slaDueAt: null })];
    for (const [index, item] of [sooner, between, alsoNone].entries()) state = caseListReducer(state, { type: 'upsert', case: item, seq: index + 1, matches: true });
    state = caseListReducer(state, { type: 'reveal', sort: 'due' });
    expect(state.cases.map((c) => c.id)).toEqual([sooner, soon, between, later, none, alsoNone].map((c) => c.id));
    expect(state.pending).toEqual([]);
  });

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

  it('puts an undone case back at its row, not behind the marker, even when its live update came first', () => {
    const [first, undone, last] = [aCase(), aCase(), aCase()];
    let state = caseListReducer(EMPTY_CASE_LIST, { type: 'loaded', cases: [first, undone, last], append: false });
    state = caseListReducer(state, { type: 'upsert', case: { ...undone, status: 'resolved', version: 2 }, seq: 2, matches: false });
    state = caseListReducer(state, { type: 'upsert', case: { ...undone, version: 3 }, seq: 3, matches: true });
    expect(state.pending.map((c) => c.id)).toEqual([undone.id]);
    state = caseListReducer(state, { type: 'restore', case: { ...undone, version: 3 }, index: 1 });
    expect(state.cases.map((c) => c.id)).toEqual([first.id, undone.id, last.id]);
    expect(state.pending).toEqual([]);
    expect(caseListReducer(state, { type: 'restore', case: { ...undone, version: 3 }, index: 9 }).cases.map((c) => c.id)).toEqual([first.id, last.id, undone.id]);
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
    const none = { status: '', tier: '', team: '', priority: '', channel: '', tag: '', assignee: '', snoozed: '', sort: 'priority', active: true };
    expect(filtersFromQuery('?status=open&tier=0&team=care')).toEqual({ ...none, status: 'open', tier: 0, team: 'care' });
    expect(filtersFromQuery('?status=%24ne&tier=7&team=%7B%7D')).toEqual(none);
    expect(queryFromFilters({ status: 'pending', tier: 2, team: 'helpdesk' })).toBe('?team=helpdesk&status=pending&tier=2');
    expect(queryFromFilters({ status: '', tier: '' })).toBe('');
    expect(filtersFromQuery('?priority=urgent&channel=dm&tag=billing&assignee=me&sort=due'))
      .toEqual({ ...none, priority: 'urgent', channel: 'dm', tag: 'billing', assignee: 'me', sort: 'due' });
    expect(filtersFromQuery(`?priority=%24ne&channel=email&tag=${'x'.repeat(65)}&assignee=Not%20Me&sort=old`)).toEqual(none);
    expect(queryFromFilters({ priority: 'high', tag: 'a b', assignee: 'none', sort: 'due', channel: 'public' })).toBe('?priority=high&channel=public&tag=a+b&assignee=none&sort=due');
    expect(queryFromFilters(filtersFromQuery('?sort=priority'))).toBe('');
    expect(queryFromFilters(filtersFromQuery('?sort=activity'))).toBe('?sort=activity');
    // The default view hides resolved and suppressed cases; active=0 shows everything.
    expect(filtersFromQuery('?active=0')).toEqual({ ...none, active: false });
    expect(queryFromFilters({ active: false })).toBe('?active=0');
  });

  it('in the default view, drops a case that is resolved live, and reveals new cases in priority order', () => {
    const filters = { active: true, sort: 'priority' as const };
    const item = aCase({ priority: 'normal' });
    let state = caseListReducer(EMPTY_CASE_LIST, { type: 'loaded', cases: [item], append: false });
    const resolved = { ...item, status: 'resolved' as const, version: 2 };
    state = caseListReducer(state, { type: 'upsert', case: resolved, seq: 2, matches: matchesFilters(resolved, filters) });
    expect(state.cases).toEqual([]);
    const [low, urgent, normal] = [aCase({ priority: 'low' }), aCase({ priority: 'urgent' }), aCase({ priority: 'normal' })];
    state = caseListReducer(state, { type: 'loaded', cases: [normal], append: false });
    for (const [index, next] of [low, urgent].entries()) state = caseListReducer(state, { type: 'upsert', case: next, seq: index + 1, matches: matchesFilters(next, filters) });
    state = caseListReducer(state, { type: 'reveal', sort: 'priority' });
    expect(state.cases.map((c) => c.id)).toEqual([urgent.id, normal.id, low.id]);
  });
});

describe('filters applied to live events', () => {
  it('takes a shown case out of the list when an update makes it stop matching, and keeps it when it still matches', () => {
    const filters = { status: 'new' as const };
    const item = aCase();
    const other = aCase();
    let state = caseListReducer(EMPTY_CASE_LIST, { type: 'loaded', cases: [item, other], append: false });
    const open = { ...item, status: 'open' as const, version: 2 };
    state = caseListReducer(state, { type: 'upsert', case: open, seq: 2, matches: matchesFilters(open, filters) });
    expect(state.cases.map((c) => c.id)).toEqual([other.id]);
    expect(state.pending).toEqual([]);
    // Back to new: it matches again and comes back behind the marker, as arrivals do.
    const reopened = { ...item, status: 'new' as const, version: 3 };
    state = caseListReducer(state, { type: 'upsert', case: reopened, seq: 3, matches: matchesFilters(reopened, filters) });
    expect(state.cases.map((c) => c.id)).toEqual([other.id]);
    expect(state.pending.map((c) => c.id)).toEqual([item.id]);
    const renamed = { ...other, customer: { ...other.customer, name: 'Janet' }, version: 2 };
    state = caseListReducer(state, { type: 'upsert', case: renamed, seq: 2, matches: matchesFilters(renamed, filters) });
    expect(state.cases[0]?.customer.name).toBe('Janet');
  });

  it('shows a case that newly matches (a tag added) behind the marker', () => {
    const filters = { tag: 'vip' };
    const item = aCase({ tags: ['outage'] });
    expect(matchesFilters(item, filters)).toBe(false);
    let state = caseListReducer(EMPTY_CASE_LIST, { type: 'loaded', cases: [], append: false });
    const tagged = { ...item, tags: ['outage', 'vip'], version: 2 };
    state = caseListReducer(state, { type: 'upsert', case: tagged, seq: 2, matches: matchesFilters(tagged, filters) });
    expect(state.pending.map((c) => c.id)).toEqual([item.id]);
  });

  it('drops a case that moved to another team from the list and the marker, and ignores a late update from before', () => {
    const shown = aCase();
    const waiting = aCase();
    let state = caseListReducer(EMPTY_CASE_LIST, { type: 'loaded', cases: [shown, aCase()], append: false });
    state = caseListReducer(state, { type: 'upsert', case: waiting, seq: 1, matches: true });
    state = caseListReducer(state, { type: 'removed', caseId: shown.id, seq: 4 });
    state = caseListReducer(state, { type: 'removed', caseId: waiting.id, seq: 2 });
    expect(state.cases.map((c) => c.id)).not.toContain(shown.id);
    expect(state.cases).toHaveLength(1);
    expect(state.pending).toEqual([]);
    state = caseListReducer(state, { type: 'upsert', case: { ...shown, version: 3 }, seq: 3, matches: true });
    expect(state.pending).toEqual([]);
    // Back in one of the user's teams later: a newer seq, so it shows again.
    state = caseListReducer(state, { type: 'upsert', case: { ...shown, version: 5 }, seq: 5, matches: true });
    expect(state.pending.map((c) => c.id)).toEqual([shown.id]);
  });

  it('matches priority, tag, channel and assignee (me, none, a username) as the server does', () => {
    const item = aCase({ priority: 'urgent', tags: ['billing', 'vip'], channel: 'dm', assignee: 'ana' });
    expect(matchesFilters(item, { priority: 'urgent', tag: 'vip', channel: 'dm', assignee: 'ana' })).toBe(true);
    expect(matchesFilters(item, { priority: 'high' })).toBe(false);
    expect(matchesFilters(item, { tag: 'outage' })).toBe(false);
    expect(matchesFilters(item, { tag: 'VIP' })).toBe(false);
    expect(matchesFilters(item, { channel: 'public' })).toBe(false);
    expect(matchesFilters(item, { assignee: 'me' }, 'ana')).toBe(true);
    expect(matchesFilters(item, { assignee: 'me' }, 'hugo')).toBe(false);
    expect(matchesFilters(item, { assignee: 'me' })).toBe(false);
    expect(matchesFilters(item, { assignee: 'none' }, 'ana')).toBe(false);
    expect(matchesFilters(aCase(), { assignee: 'none' }, 'ana')).toBe(true);
    expect(matchesFilters(item, { assignee: 'hugo' })).toBe(false);
    // The sort is not a filter, and empty values mean "any".
    expect(matchesFilters(item, { priority: '', tag: '', channel: '', assignee: '', sort: 'due' })).toBe(true);
  });

  it('keeps snoozed cases out of every view but the snoozed one (or a named status), as the server lists them; the address keeps the choice', () => {
    const snoozed = aCase({ status: 'open', snoozedUntil: '2026-12-04T09:00:00.000Z' });
    const awake = aCase({ status: 'open' });
    expect(matchesFilters(snoozed, { active: true })).toBe(false);
    expect(matchesFilters(snoozed, { snoozed: true, active: true })).toBe(true);
    expect(matchesFilters(awake, { snoozed: true })).toBe(false);
    expect(matchesFilters(snoozed, { status: 'open' })).toBe(true);
    expect(matchesFilters(aCase({ status: 'suppressed' }), { status: 'suppressed' })).toBe(true);
    expect(queryFromFilters({ snoozed: true, active: true })).toBe('?snoozed=true');
    expect(filtersFromQuery('?snoozed=true').snoozed).toBe(true);
    expect(filtersFromQuery('?snoozed=yes').snoozed).toBe('');
  });
});
