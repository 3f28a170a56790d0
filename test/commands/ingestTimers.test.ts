import { describe, expect, it } from 'vitest';
import { allTeamsScope } from '../../server/store/index.js';
import { NOW, allCases, eventTrail, message, useIngestStore } from './ingestFixture.js';

const { store, ingest } = useIngestStore();
const MINUTE = 60_000;
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * MINUTE);

describe('timers from the customer\'s message', () => {
  it('counts the first-response target from when the customer wrote, not from when the case was stored', async () => {
    await ingest([message('my parcel is late', 'A', { minutesAgo: 41 })]);
    const [opened] = await allCases(store());
    expect(opened).toMatchObject({ createdAt: NOW, firstMessageAt: ago(41), waitingSince: ago(41), lastActivityAt: ago(41) });
    // Tier 1: 60 minutes from 14:19, so 19 minutes are left at 15:00.
    expect(opened!.slaDueAt).toEqual(new Date(ago(41).getTime() + 60 * MINUTE));
  });

  it('never starts a timer after now, whatever date the message carries', async () => {
    await ingest([message('from the future', 'A', { minutesAgo: -90 })]);
    const [opened] = await allCases(store());
    expect(opened).toMatchObject({ firstMessageAt: NOW, waitingSince: NOW, slaDueAt: new Date(NOW.getTime() + 60 * MINUTE) });
  });

  it('keeps the oldest unanswered message as the wait\'s start, and starts a new wait after an answer', async () => {
    const first = message('hello', 'A', { minutesAgo: 50 });
    await ingest([first]);
    await ingest([message('hello??', 'A', { threadId: first.threadId, minutesAgo: 20 })]);
    expect((await allCases(store()))[0]!.waitingSince).toEqual(ago(50));
    const [answered] = await allCases(store());
    await store().collections.cases.updateOne(allTeamsScope(), { _id: answered!._id }, { $set: { waitingSince: null } });
    await ingest([message('thanks, one more thing', 'A', { threadId: first.threadId, minutesAgo: 5 })]);
    expect((await allCases(store()))[0]!.waitingSince).toEqual(ago(5));
  });

  it('reopens a resolved case with a target from the customer\'s new message', async () => {
    const first = message('hello', 'A', { minutesAgo: 300 });
    await ingest([first]);
    const [opened] = await allCases(store());
    await store().collections.cases.updateOne(allTeamsScope(), { _id: opened!._id }, { $set: { status: 'resolved', resolvedAt: ago(200), waitingSince: null } });
    await ingest([message('it broke again', 'A', { threadId: first.threadId, minutesAgo: 30 })]);
    expect((await allCases(store()))[0]).toMatchObject({ status: 'open', resolvedAt: null, waitingSince: ago(30), slaDueAt: new Date(ago(30).getTime() + 60 * MINUTE) });
  });

  it('times a bot case escalated by the customer\'s second message from that message', async () => {
    const first = message('What are your opening hours?', 'A', { minutesAgo: 90 });
    await ingest([first]);
    expect((await allCases(store()))[0]).toMatchObject({ status: 'bot', slaDueAt: null, waitingSince: null, firstMessageAt: ago(90) });
    await ingest([message('that did not help', 'A', { threadId: first.threadId, minutesAgo: 15 })]);
    expect((await allCases(store()))[0]).toMatchObject({ status: 'new', tier: 1, escalations: 1, waitingSince: ago(15), slaDueAt: new Date(ago(15).getTime() + 60 * MINUTE) });
  });
});

describe('a suppressing decision', () => {
  it('opens the case suppressed: stored and counted, no response target, and the customer\'s later messages leave it suppressed', async () => {
    const noise = message('RT giveaway! win a phone', 'N');
    const result = await ingest([noise]);
    const [suppressed] = await allCases(store());
    expect(suppressed).toMatchObject({ status: 'suppressed', tier: 1, team: 'care', slaDueAt: null, waitingSince: null, messageCount: 1, routing: { ruleId: 'repost-noise' } });
    expect(result.openings[0]!.decision).toMatchObject({ ruleId: 'repost-noise', suppress: true });
    await ingest([message('giveaway part 2', 'N', { threadId: noise.threadId })]);
    expect((await allCases(store()))[0]).toMatchObject({ status: 'suppressed', slaDueAt: null, messageCount: 2, version: 2 });
    expect(await eventTrail(store(), suppressed!._id)).toEqual(['1:created', '2:message']);
  });
});
