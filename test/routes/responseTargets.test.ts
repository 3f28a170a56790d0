/**
 * RESPONSE_TARGETS sets each tier's first-response and resolution targets,
 * and every place that sets slaDueAt uses them: a new case, the first agent
 * reply, an escalation, a bot case handed to agents. Targets count from
 * when the customer wrote (firstMessageAt), not from when the case was stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { delivered, startReplyServer, type ReplyServer } from './repliesServer.js';

const MINUTE = 60_000;
let x: ReplyServer;
beforeAll(async () => {
  x = await startReplyServer({ env: { RESPONSE_TARGETS: '1=10m/2h, 2=5m/1d' } });
});
afterAll(async () => {
  await x.stop();
});

describe('configured response-time targets', () => {
  it('times a tier-1 case\'s first response, then its resolution, from the configured targets', async () => {
    const { case: opened } = await x.mention('my parcel is late');
    expect(opened.slaDueAt!.getTime() - opened.firstMessageAt!.getTime()).toBe(10 * MINUTE);
    const ana = await x.login('ana');
    const answer = await ana.post(`/api/cases/${opened._id}/replies`, { text: 'Sorry! Which order is it?', channel: 'public' });
    await delivered(x, answer.body.reply.id);
    const after = await x.caseById(opened._id);
    expect(after.slaDueAt!.getTime() - after.firstMessageAt!.getTime()).toBe(2 * 60 * MINUTE);
  });

  it('times an escalated case by its new tier\'s targets, and a bot case handed to agents by tier 1\'s', async () => {
    const { case: opened } = await x.mention('where is my parcel?');
    const ana = await x.login('ana');
    const before = Date.now();
    const escalated = await ana.post(`/api/cases/${opened._id}/escalations`, { reason: 'card number shared' });
    expect(escalated.status).toBe(200);
    const due = Date.parse(escalated.body.case.slaDueAt);
    expect(due - before).toBeGreaterThanOrEqual(5 * MINUTE);
    expect(due - Date.now()).toBeLessThanOrEqual(5 * MINUTE);

    const { case: bot } = await x.mention('thank you so much', { username: 'thanks_targets' });
    const handedOff = await x.caseById(bot._id);
    expect(handedOff).toMatchObject({ status: 'new', tier: 1 });
    expect(handedOff.slaDueAt!.getTime() - handedOff.firstMessageAt!.getTime()).toBe(10 * MINUTE);
  });
});
