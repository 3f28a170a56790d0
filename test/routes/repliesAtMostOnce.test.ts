import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { delivered, startReplyServer, type ReplyServer } from './repliesServer.js';

let x: ReplyServer;
beforeAll(async () => {
  x = await startReplyServer();
});
afterAll(async () => {
  await x.stop();
});

describe('no customer gets the same answer twice (server, outbox, connector, simulator over HTTP)', () => {
  it('a public reply whose answer X lost after posting it is recorded with X\'s id, posted once', async () => {
    const { case: opened } = await x.mention('my parcel never arrived');
    const ana = await x.login('ana');
    x.sim.injectFault({ kind: 'responseLost', endpoint: 'createTweet' });
    const text = 'So sorry! We have sent a new one & refunded the postage.';
    const answer = await ana.post(`/api/cases/${opened._id}/replies`, { text, channel: 'public' });
    const reply = await delivered(x, answer.body.reply.id);
    const posted = x.sim.postedTweets().filter((tweet) => tweet.text === text);
    expect(posted).toHaveLength(1);
    expect(reply).toMatchObject({ externalId: posted[0]!.id, delivery: { status: 'sent', attempts: 1, attemptStartedAt: null } });
  });

  it('a DM whose answer X lost after sending it is recorded with X\'s id, sent once', async () => {
    const { case: opened } = await x.dm('here is my address <3');
    const ana = await x.login('ana');
    x.sim.injectFault({ kind: 'responseLost', endpoint: 'sendDm' });
    const text = 'Thanks, we have it.';
    const answer = await ana.post(`/api/cases/${opened._id}/replies`, { text, channel: 'dm' });
    const reply = await delivered(x, answer.body.reply.id);
    const sent = x.sim.sentDms().filter((dm) => dm.text === text);
    expect(sent).toHaveLength(1);
    expect(reply).toMatchObject({ externalId: sent[0]!.dmEventId, delivery: { status: 'sent' } });
  });

  it('a reply whose outcome stayed unknown is looked up on its next try and not posted again', async () => {
    const { case: opened } = await x.mention('is the app down?');
    const ana = await x.login('ana');
    // X posts it, the answer is lost, and the brand's timeline cannot be read for a moment.
    x.sim.injectFault({ kind: 'responseLost', endpoint: 'createTweet' });
    x.sim.injectFault({ kind: 'serverError', endpoint: 'userTweets', times: 1 });
    const text = 'It is back up, sorry for the trouble.';
    const answer = await ana.post(`/api/cases/${opened._id}/replies`, { text, channel: 'public' });
    const reply = await delivered(x, answer.body.reply.id);
    const posted = x.sim.postedTweets().filter((tweet) => tweet.text === text);
    expect(posted).toHaveLength(1);
    expect(reply).toMatchObject({ externalId: posted[0]!.id, delivery: { status: 'sent', attempts: 2 } });
    expect(x.sim.requestStats().createTweet.requests).toBe(x.sim.postedTweets().length);
  });

  it('GET /api/health names X\'s problem and its fix to admins', async () => {
    x.sim.injectFault({ kind: 'problem', problem: 'oauth1Permissions', endpoint: 'mentions' });
    await x.pollOnce();
    const admin = await x.login('admin');
    const health = (await admin.get('/api/health')).body as { connectors: Array<{ name: string; problem: string | null }> };
    expect(health.connectors.find((connector) => connector.name === 'x')!.problem).toMatch(/^X 403 Forbidden: Your client app is not configured with the appropriate oauth1 app permissions .*oauth1-permissions.* — fix: /);
  });
});
