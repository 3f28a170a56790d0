/**
 * Availability and automatic assignment (api.md "Agent workspace"):
 * PUT /api/me/availability, PATCH /api/teams/:name {assignment}, capacity,
 * the queue oldest first, hand-back on going offline (also after 5 minutes
 * without any open tab), and an `assigned` event with its reason each time.
 * Assignment runs in the background after each trigger; the tests then run
 * one pass themselves (assignAllQueues), which waits for any running pass
 * (the team lock), so what they see does not depend on timing.
 */
import { describe, expect, it } from 'vitest';
import { assignAllQueues } from '../../server/commands/assignment/assignQueuedCases.js';
import { sweepAvailability } from '../../server/commands/assignment/sweepAvailability.js';
import { allTeamsScope, type CaseDocument } from '../../server/store/index.js';
import { createUser, freshUsername, send, useCareServer, type Client } from './careClient.js';

const care = useCareServer();
const admin = care.loggedIn('admin');

/** PUT /api/me/availability as a logged-in client. */
function putAvailability(client: Client, body: unknown) {
  return send(care.url, 'PUT', '/api/me/availability', body, { cookie: client.cookie!, 'x-csrf-token': client.csrfToken! });
}

let teamCounter = 0;
/** A fresh team, with fresh agents logged in; cases reach it by moving them there (routing only knows the fixture's teams). */
async function teamWithAgents(count: number): Promise<{ team: string; agents: Array<{ username: string; client: Client; id: string }> }> {
  teamCounter += 1;
  const team = `assign-${process.pid}-${teamCounter}`;
  expect((await admin.post('/api/teams', { name: team, tier: 1 })).status).toBe(201);
  const agents = [];
  for (let index = 0; index < count; index++) {
    const username = `${String.fromCharCode(97 + index)}-${freshUsername('agent')}`;
    const id = await createUser(care.store, { username, role: 'agent', teams: [team] });
    agents.push({ username, id, client: await care.login(username) });
  }
  return { team, agents };
}

/** Opens `count` cases (created a minute apart from `startMinute`) and moves them into `team`, unassigned. */
async function queuedCases(team: string, count: number, startMinute: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const createdAt = new Date(Date.UTC(2026, 10, 21, 9, startMinute + index));
    const id = await care.openCase('hello there', { createdAt: createdAt.toISOString() });
    await care.store.collections.cases.updateOne(allTeamsScope(), { _id: id }, { $set: { team, assignee: null, status: 'new', createdAt } });
    ids.push(id);
  }
  return ids;
}

async function caseById(id: string): Promise<CaseDocument> {
  const found = await care.store.collections.cases.findOne(allTeamsScope(), { _id: id });
  if (!found) throw new Error(`no case ${id}`);
  return found;
}

async function assignedEvents(id: string) {
  return (await care.store.collections.caseEvents.find({ caseId: id, type: 'assigned' }, { sort: { seq: 1 } })).map((event) => event.data);
}

describe('PUT /api/me/availability', () => {
  it('sets and reads the caller\'s status; 400 with a pointer on an unknown one; 403 for marketing, 401 logged out', async () => {
    const { agents: [agent] } = await teamWithAgents(1);
    expect((await agent!.client.get('/api/me/availability')).body).toEqual({ status: 'offline' });
    const reply = await putAvailability(agent!.client, { status: 'away' });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ status: 'away' });
    expect((await agent!.client.get('/api/me/availability')).body).toEqual({ status: 'away' });
    const invalid = await putAvailability(agent!.client, { status: 'busy' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details[0].pointer).toBe('/status');
    expect((await putAvailability(await care.login('mia'), { status: 'online' })).status).toBe(403);
    expect((await send(care.url, 'PUT', '/api/me/availability', { status: 'online' }, {})).status).toBe(401);
  });
});

describe('PATCH /api/teams/:name {assignment}', () => {
  it('sets the mode and capacity, shows them, refuses a capacity below 1 with a pointer', async () => {
    const { team } = await teamWithAgents(0);
    expect((await admin.get('/api/teams')).body.teams.find((t: { name: string }) => t.name === team).assignment).toEqual({ mode: 'manual', capacity: null });
    const reply = await admin.patch(`/api/teams/${team}`, { assignment: { mode: 'balanced', capacity: 3 } });
    expect(reply.status).toBe(200);
    expect(reply.body.team.assignment).toEqual({ mode: 'balanced', capacity: 3 });
    const invalid = await admin.patch(`/api/teams/${team}`, { assignment: { mode: 'balanced', capacity: 0 } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details[0].pointer).toBe('/assignment/capacity');
    expect((await admin.patch(`/api/teams/${team}`, { assignment: { mode: 'fastest' } })).body.error.details[0].pointer).toBe('/assignment/mode');
    expect((await admin.patch(`/api/teams/${team}`, {})).status).toBe(400);
  });
});

describe('automatic assignment', () => {
  it('manual teams keep their queue unassigned whoever is online', async () => {
    const { team, agents: [agent] } = await teamWithAgents(1);
    await putAvailability(agent!.client, { status: 'online' });
    const [id] = await queuedCases(team, 1, 0);
    await assignAllQueues({ store: care.store });
    expect((await caseById(id!)).assignee).toBeNull();
  });

  it('balanced: fewest open cases first, never above capacity, the rest queued; a freed place takes the oldest queued case', async () => {
    const { team, agents: [first, second] } = await teamWithAgents(2);
    await putAvailability(first!.client, { status: 'online' });
    await putAvailability(second!.client, { status: 'online' });
    const ids = await queuedCases(team, 5, 0);
    expect((await admin.patch(`/api/teams/${team}`, { assignment: { mode: 'balanced', capacity: 2 } })).status).toBe(200);
    await assignAllQueues({ store: care.store });
    const assignees = await Promise.all(ids.map(async (id) => (await caseById(id)).assignee));
    expect(assignees).toEqual([first!.username, second!.username, first!.username, second!.username, null]);
    expect(await assignedEvents(ids[0]!)).toEqual([{ assignee: { from: null, to: first!.username }, mode: 'balanced', reason: 'assigned by balance: 0 of 2 open' }]);
    expect((await assignedEvents(ids[3]!))[0]).toMatchObject({ reason: 'assigned by balance: 1 of 2 open' });

    const resolved = await second!.client.patch(`/api/cases/${ids[1]}`, { status: 'resolved' });
    expect(resolved.status).toBe(200);
    await assignAllQueues({ store: care.store });
    expect((await caseById(ids[4]!)).assignee).toBe(second!.username);
  });

  it('queued cases wait for someone to come online and go oldest first', async () => {
    const { team, agents: [agent] } = await teamWithAgents(1);
    expect((await admin.patch(`/api/teams/${team}`, { assignment: { mode: 'round-robin', capacity: 1 } })).status).toBe(200);
    const [newer] = await queuedCases(team, 1, 30);
    const [older] = await queuedCases(team, 1, 10);
    await assignAllQueues({ store: care.store });
    expect((await caseById(older!)).assignee).toBeNull();
    await putAvailability(agent!.client, { status: 'online' });
    await assignAllQueues({ store: care.store });
    expect((await caseById(older!)).assignee).toBe(agent!.username);
    expect((await caseById(newer!)).assignee).toBeNull();
  });

  it('round-robin goes through the online agents in turn, skipping away ones', async () => {
    const { team, agents: [a, b, c] } = await teamWithAgents(3);
    for (const agent of [a, c]) await putAvailability(agent!.client, { status: 'online' });
    await putAvailability(b!.client, { status: 'away' });
    expect((await admin.patch(`/api/teams/${team}`, { assignment: { mode: 'round-robin' } })).status).toBe(200);
    const ids = await queuedCases(team, 4, 0);
    await assignAllQueues({ store: care.store });
    expect(await Promise.all(ids.map(async (id) => (await caseById(id)).assignee))).toEqual([a!.username, c!.username, a!.username, c!.username]);
    expect((await assignedEvents(ids[0]!))[0]).toMatchObject({ mode: 'round-robin', reason: 'assigned by round-robin: 0 of no limit open' });
  });

  it('going offline hands unanswered cases back (pending ones stay), each with an event, and they go to whoever is free', async () => {
    const { team, agents: [leaving, staying] } = await teamWithAgents(2);
    await putAvailability(leaving!.client, { status: 'online' });
    expect((await admin.patch(`/api/teams/${team}`, { assignment: { mode: 'balanced', capacity: 5 } })).status).toBe(200);
    const ids = await queuedCases(team, 2, 0);
    await assignAllQueues({ store: care.store });
    expect((await caseById(ids[1]!)).assignee).toBe(leaving!.username);
    expect((await leaving!.client.patch(`/api/cases/${ids[1]}`, { status: 'pending' })).status).toBe(200);
    await putAvailability(staying!.client, { status: 'online' });
    expect((await putAvailability(leaving!.client, { status: 'offline' })).status).toBe(200);
    await assignAllQueues({ store: care.store });
    expect((await caseById(ids[0]!)).assignee).toBe(staying!.username);
    expect((await caseById(ids[1]!)).assignee).toBe(leaving!.username);
    const events = await assignedEvents(ids[0]!);
    expect(events[1]).toEqual({ assignee: { from: leaving!.username, to: null }, reason: `handed back: ${leaving!.username} went offline` });
    expect(events[2]).toMatchObject({ assignee: { from: null, to: staying!.username } });
  });

  it('an agent with no open tab for 5 minutes goes offline and hands back; one with a live socket stays', async () => {
    const { team, agents: [gone, connected] } = await teamWithAgents(2);
    for (const agent of [gone, connected]) await putAvailability(agent!.client, { status: 'online' });
    expect((await admin.patch(`/api/teams/${team}`, { assignment: { mode: 'round-robin' } })).status).toBe(200);
    const [id] = await queuedCases(team, 1, 0);
    await assignAllQueues({ store: care.store });
    expect((await caseById(id!)).assignee).toBe(gone!.username);
    const now = new Date(Date.now() + 4 * 60_000);
    await sweepAvailability({ store: care.store, connectedUserIds: [connected!.id], now });
    expect((await gone!.client.get('/api/me/availability')).body.status).toBe('online');
    const later = new Date(Date.now() + 5 * 60_000 + 1000);
    await sweepAvailability({ store: care.store, connectedUserIds: [connected!.id], now: later });
    expect((await gone!.client.get('/api/me/availability')).body.status).toBe('offline');
    expect((await connected!.client.get('/api/me/availability')).body.status).toBe('online');
    expect((await caseById(id!)).assignee).toBe(connected!.username);
    expect((await assignedEvents(id!))[1]).toMatchObject({ reason: `handed back: ${gone!.username} had no open tab for 5 minutes` });
  });
});
