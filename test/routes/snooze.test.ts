/**
 * Snooze (api.md "Agent workspace"): PATCH /api/cases/:id {snoozedUntil}
 * takes a case out of the default inbox until that time (the sweep wakes it,
 * fixed clock here) or the customer's next message, each with an event.
 */
import { describe, expect, it } from 'vitest';
import { wakeSnoozedCases } from '../../server/commands/wakeSnoozedCases.js';
import { customerMessage, useCareServer } from './careClient.js';

const care = useCareServer();
const ana = care.loggedIn('ana');

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
const listed = async (query = '') => (await ana.get(`/api/cases?limit=100${query}`)).body.cases.map((c: { id: string }) => c.id);
const eventsOf = async (id: string) => (await ana.get(`/api/cases/${id}`)).body.events as Array<{ type: string; data: Record<string, unknown> }>;

describe('snooze', () => {
  it('leaves the default inbox, shows under snoozed=true, wakes at its time with an event', async () => {
    const id = await care.openCase('hello there');
    const until = inHours(2);
    const snoozed = await ana.patch(`/api/cases/${id}`, { snoozedUntil: until });
    expect(snoozed.status).toBe(200);
    expect(snoozed.body.case.snoozedUntil).toBe(until);
    expect(await listed()).not.toContain(id);
    expect(await listed('&snoozed=true')).toContain(id);

    expect(await wakeSnoozedCases({ store: care.store, now: new Date(Date.parse(until) - 1000) })).not.toContain(id);
    expect(await wakeSnoozedCases({ store: care.store, now: new Date(Date.parse(until) + 1000) })).toContain(id);
    expect(await listed()).toContain(id);
    expect((await eventsOf(id)).at(-1)).toMatchObject({ type: 'updated', data: { snoozedUntil: { to: null }, reason: 'the snooze time came' } });
  });

  it('wakes when the customer writes again', async () => {
    const threadId = `snooze-thread-${process.pid}-${Date.now()}`;
    const author = { id: `snoozer-${process.pid}`, handle: 'snoozer' };
    const first = customerMessage('hello there', { threadId, author });
    await care.ingest([first]);
    const id = await care.caseOf(first);
    expect((await ana.patch(`/api/cases/${id}`, { snoozedUntil: inHours(24) })).status).toBe(200);
    await care.ingest([customerMessage('are you there?', { threadId, author })]);
    expect((await ana.get(`/api/cases/${id}`)).body.case.snoozedUntil).toBeNull();
    expect(await listed()).toContain(id);
    expect((await eventsOf(id)).some((event) => event.type === 'updated' && event.data.reason === 'the customer wrote again' && (event.data.snoozedUntil as { to: unknown })?.to === null)).toBe(true);
  });

  it('refuses a time in the past or not a time, with a pointer; null wakes at once', async () => {
    const id = await care.openCase('hello there');
    const past = await ana.patch(`/api/cases/${id}`, { snoozedUntil: inHours(-1) });
    expect(past.status).toBe(422);
    expect(past.body.error.details[0].pointer).toBe('/snoozedUntil');
    expect((await ana.patch(`/api/cases/${id}`, { snoozedUntil: 'tomorrow' })).body.error.details[0].pointer).toBe('/snoozedUntil');
    expect((await ana.patch(`/api/cases/${id}`, { snoozedUntil: inHours(1) })).status).toBe(200);
    expect((await ana.patch(`/api/cases/${id}`, { snoozedUntil: null })).body.case.snoozedUntil).toBeNull();
    expect(await listed()).toContain(id);
  });
});
