import { afterEach, describe, expect, it } from 'vitest';
import type { TwitterApi } from 'twitter-api-v2';
import { startXSimulator, type RunningXSimulator, type XSimulatorOptions } from '../../server/simulator/x/index.js';
import { manualClock, userClient } from './helpers/clients.js';

type DmEventsQuery = NonNullable<Parameters<TwitterApi['v2']['listDmEvents']>[0]>;
type DmEvent = Awaited<ReturnType<TwitterApi['v2']['listDmEvents']>>['events'][number];

const DM_FIELDS: DmEventsQuery = {
  'dm_event.fields': ['id', 'text', 'event_type', 'sender_id', 'dm_conversation_id', 'created_at'],
  expansions: ['sender_id'],
  'user.fields': ['public_metrics', 'verified'],
};

/** The text of a MessageCreate event (the library types join/leave events without one). */
const textOf = (event: DmEvent) => ('text' in event ? event.text : undefined);

let running: RunningXSimulator | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(options: XSimulatorOptions) {
  running = await startXSimulator(options);
  return { ...running, client: userClient(running.baseUrl) };
}

describe('GET /2/dm_events through twitter-api-v2', () => {
  it('lists DM events newest first with senders in includes.users', async () => {
    const { sim, client } = await start({ items: 100, seed: 9 });
    const events = await client.v2.listDmEvents({ max_results: 10, ...DM_FIELDS });
    const expected = [...sim.dmEvents()].reverse().slice(0, 10);
    expect(events.events.map((event) => event.id)).toEqual(expected.map((event) => event.id));
    for (const event of events.events) {
      expect(event).toMatchObject({ event_type: 'MessageCreate', text: expect.any(String), dm_conversation_id: expect.stringMatching(/^\d+-\d+$/) });
      const sender = events.includes.users.find((user) => user.id === (event as { sender_id?: string }).sender_id);
      expect(sender?.public_metrics?.followers_count).toEqual(expect.any(Number));
    }
  });

  it('pages through every event with next_token', async () => {
    const { sim, client } = await start({ items: 150, seed: 2 });
    const events = await client.v2.listDmEvents({ max_results: 8 });
    await events.fetchLast(1_000);
    expect(events.events.map((event) => event.id)).toEqual([...sim.dmEvents()].reverse().map((event) => event.id));
  });

  it('shows a customer DM added by a test, and returns defaults only when no fields are asked for', async () => {
    const { sim, client } = await start({ items: 0 });
    const dm = sim.addDm({ text: 'I was charged twice, card ending 4411' });
    const events = await client.v2.listDmEvents();
    expect(events.data.data).toEqual([{ id: dm.id, event_type: 'MessageCreate', text: 'I was charged twice, card ending 4411' }]);
    expect(events.meta).toEqual({ result_count: 1 });
  });

  it('filters by event_types and keeps only the last 30 days', async () => {
    const clock = manualClock();
    const { sim, client } = await start({ items: 0, clock: clock.now });
    sim.addDm({ text: 'old message' });
    clock.advance(31 * 24 * 3600_000);
    sim.addDm({ text: 'recent message' });
    const recent = await client.v2.listDmEvents();
    expect(recent.events.map(textOf)).toEqual(['recent message']);
    const joinsOnly = await client.v2.listDmEvents({ event_types: ['ParticipantsJoin'] });
    expect(joinsOnly.data).toEqual({ meta: { result_count: 0 } });
  });
});

describe('POST /2/dm_conversations/with/:participant_id/messages through twitter-api-v2', () => {
  it('sends a DM that then appears in GET /2/dm_events as sent by the brand', async () => {
    const { sim, client } = await start({ items: 0 });
    const incoming = sim.addDm({ text: 'please call me back' });
    const result = await client.v2.sendDmToParticipant(incoming.senderId, { text: 'We have sent you a link to reset it.' });
    // X answers { data: { dm_conversation_id, dm_event_id } } (CreateDmEventResponse); twitter-api-v2 1.29 types
    // the result as the inner object but resolves with the whole body, so a connector must read `.data`.
    const sent = (result as unknown as { data: typeof result }).data;
    expect(result).toEqual({ data: { dm_conversation_id: incoming.conversationId, dm_event_id: expect.stringMatching(/^\d+$/) } });
    const events = await client.v2.listDmEvents(DM_FIELDS);
    expect(events.events[0]).toMatchObject({ id: sent.dm_event_id, sender_id: sim.brand.id, dm_conversation_id: incoming.conversationId });
    expect(sim.sentDms()).toEqual([expect.objectContaining({ participantId: incoming.senderId, text: 'We have sent you a link to reset it.' })]);
  });

  it('refuses an empty DM with an X 400 and a DM to the brand itself with 403', async () => {
    const { sim, client } = await start({ items: 0 });
    await expect(client.v2.sendDmToParticipant('42', { text: '' })).rejects.toMatchObject({ code: 400, data: { title: 'Invalid Request' } });
    await expect(client.v2.sendDmToParticipant(sim.brand.id, { text: 'hi' })).rejects.toMatchObject({ code: 403 });
    expect(sim.sentDms()).toEqual([]);
  });
});
