import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SLA } from '../../server/cases/sla.js';
import { allTeamsScope } from '../../server/store/index.js';
import { customerMessage } from './careClient.js';
import { delivered, eventually, startReplyServer, type ReplyServer } from './repliesServer.js';
import { freshStorePlace } from '../support/testStore.js';

let x: ReplyServer;
beforeAll(async () => {
  x = await startReplyServer();
});
afterAll(async () => {
  await x.stop();
});

describe('POST /api/cases/:id/replies', () => {
  it('queues a public reply, answers 202 at once, and the connector posts it in reply to the customer', async () => {
    const { tweet, case: opened } = await x.mention('my parcel is late');
    const ana = await x.login('ana');
    const text = 'Sorry about that! Could you tell us the order number?';

    const answer = await ana.post(`/api/cases/${opened._id}/replies`, { text, channel: 'public' });
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({ reply: { id: expect.any(String), status: 'queued' } });

    const reply = await delivered(x, answer.body.reply.id);
    expect(reply.delivery).toMatchObject({ status: 'sent', attempts: 1, error: null, sender: { kind: 'user' }, customerId: tweet.authorId });
    const posted = x.sim.postedTweets().find((item) => item.text === text);
    expect(posted).toMatchObject({ inReplyToTweetId: tweet.id, inReplyToUserId: tweet.authorId });
    // Stored under the network's id, as the connector would ingest it ("x:<tweet id>").
    expect(reply).toMatchObject({ platform: 'x', externalId: posted!.id, author: { id: x.sim.brand.id }, caseId: opened._id, inReplyTo: tweet.id });

    const after = await x.caseById(opened._id);
    expect(after.status).toBe('open');
    // The customer's mention and our reply.
    expect(after.messageCount).toBe(2);
    // Replying to an unassigned case assigned it to the replier.
    expect(after.assignee).toBe('ana');
    expect(after.firstResponseAt).toEqual(reply.delivery!.sentAt);
    // Answered: nothing of the customer's waits any more.
    expect(after.waitingSince).toBeNull();
    // The resolution target counts from when the customer wrote, as the first-response one did.
    expect(after.slaDueAt!.getTime()).toBe(after.firstMessageAt!.getTime() + DEFAULT_SLA[1].resolutionMinutes * 60_000);
    expect(after.slaBreachedAt).toBeNull();

    const detail = (await ana.get(`/api/cases/${opened._id}`)).body;
    expect(detail.case.status).toBe('open');
    expect(detail.messages.at(-1)).toMatchObject({ id: reply._id, direction: 'out', status: 'sent', networkId: `x:${posted!.id}`, channel: 'public', text, error: null });
    expect(detail.events.filter((event: { type: string }) => event.type !== 'created').map((event: { type: string; actor: unknown; data: unknown }) => [event.type, event.actor, event.data])).toEqual([
      ['reply', { kind: 'user', id: expect.any(String), name: 'ana' }, { replyId: reply._id, channel: 'public', status: 'queued' }],
      ['updated', { kind: 'user', id: expect.any(String), name: 'ana' }, { assignee: { from: null, to: 'ana' } }],
      // Opened when delivered, not when queued.
      ['reply', { kind: 'connector', id: 'x' }, { replyId: reply._id, channel: 'public', status: 'sent', externalId: `x:${posted!.id}` }],
      ['updated', { kind: 'user', id: expect.any(String), name: 'ana' }, { status: { from: 'new', to: 'open' } }],
    ]);
  });

  it('counts a public reply the way X does (links 23, CJK 2) and refuses more than 280 with a pointer at /text', async () => {
    const { case: opened } = await x.mention('a question about sizes');
    const ana = await x.login('ana');
    for (const text of ['a'.repeat(281), '日'.repeat(141), `${'a'.repeat(257)} https://example.com/${'p'.repeat(10)}`]) {
      const refused = await ana.post(`/api/cases/${opened._id}/replies`, { text, channel: 'public' });
      expect(refused.status).toBe(422);
      expect(refused.body.error.details).toEqual([{ pointer: '/text', message: expect.stringContaining('as X counts them') }]);
    }
    // The same 141 CJK characters fit a DM.
    expect((await ana.post(`/api/cases/${opened._id}/replies`, { text: '日'.repeat(141), channel: 'dm' })).status).toBe(202);
    expect((await ana.post(`/api/cases/${opened._id}/replies`, { text: 'x'.repeat(10_001), channel: 'dm' })).body.error.details).toEqual([{ pointer: '/text', message: expect.stringContaining('10000') }]);
    expect((await x.store.collections.messages.find({ caseId: opened._id, 'delivery.status': { $ne: null } })).map((reply) => reply.channel)).toEqual(['dm']);
  });

  it('answers 400 for a blank text, an unknown channel or extra fields, each with its pointer', async () => {
    const { case: opened } = await x.mention('another question');
    const ana = await x.login('ana');
    const cases: Array<[unknown, string]> = [
      [{ text: '   ', channel: 'public' }, '/text'],
      [{ text: 'hi' }, '/channel'],
      [{ text: 'hi', channel: 'email' }, '/channel'],
      [{ text: 'hi', channel: 'dm', to: 'someone' }, '/to'],
    ];
    for (const [body, pointer] of cases) {
      const refused = await ana.post(`/api/cases/${opened._id}/replies`, body);
      expect(refused.status).toBe(400);
      expect(refused.body.error.details.map((detail: { pointer: string }) => detail.pointer)).toContain(pointer);
    }
  });

  it('sends a DM to the customer of a DM case, and does not store it twice when the connector polls it back', async () => {
    const { event, case: opened } = await x.dm('I was charged for an order I cancelled');
    expect(opened).toMatchObject({ channel: 'dm', team: 'care' });
    const ana = await x.login('ana');
    const publicOnDm = await ana.post(`/api/cases/${opened._id}/replies`, { text: 'hello', channel: 'public' });
    expect(publicOnDm.status).toBe(422);
    expect(publicOnDm.body.error.details).toEqual([{ pointer: '/channel', message: 'must be "dm" for a DM case' }]);

    const text = 'Thanks for writing: we are checking your order now.';
    const answer = await ana.post(`/api/cases/${opened._id}/replies`, { text, channel: 'dm' });
    expect(answer.status).toBe(202);
    const reply = await delivered(x, answer.body.reply.id);
    const sent = x.sim.sentDms().find((dm) => dm.text === text)!;
    expect(sent).toMatchObject({ participantId: event.senderId });
    expect(reply).toMatchObject({ externalId: sent.dmEventId, delivery: { status: 'sent' }, threadId: opened.threadId });

    await x.pollOnce(); // GET /2/dm_events now lists our DM too
    const copies = await x.store.collections.messages.find({ platform: 'x', externalId: sent.dmEventId });
    expect(copies.map((copy) => copy._id)).toEqual([reply._id]);
  });

  it('sends a DM to the customer of a public case', async () => {
    const { tweet, case: opened } = await x.mention('can you check my account?');
    const ana = await x.login('ana');
    const answer = await ana.post(`/api/cases/${opened._id}/replies`, { text: 'We sent you a DM.', channel: 'dm' });
    const reply = await delivered(x, answer.body.reply.id);
    expect(reply.delivery!.status).toBe('sent');
    expect(x.sim.sentDms().find((dm) => dm.dmEventId === reply.externalId)).toMatchObject({ participantId: tweet.authorId, text: 'We sent you a DM.' });
  });

  it('tries a reply again after a transient failure, with backoff, and then it is sent', async () => {
    const { case: opened } = await x.mention('is the shop open on sunday');
    const ana = await x.login('ana');
    x.sim.injectFault({ kind: 'serverError', endpoint: 'createTweet', times: 2 });
    const text = 'Yes, from 10 to 4 on Sundays.';
    const answer = await ana.post(`/api/cases/${opened._id}/replies`, { text, channel: 'public' });
    const reply = await delivered(x, answer.body.reply.id);
    expect(reply.delivery).toMatchObject({ status: 'sent', attempts: 3, error: null });
    expect(x.sim.postedTweets().filter((item) => item.text === text)).toHaveLength(1);
    expect((await x.caseById(opened._id)).firstResponseAt).not.toBeNull();
    // Each wait was recorded with its reason and next attempt; delivered, the case has no reply issue left.
    const waits = await x.store.collections.caseEvents.find({ caseId: opened._id, type: 'reply', 'data.status': 'waiting' });
    expect(waits.map((event) => [event.data.reason, typeof event.data.retryAt])).toEqual([[expect.stringContaining('503'), 'string'], [expect.stringContaining('503'), 'string']]);
    expect((await x.caseById(opened._id)).replyIssue).toBeNull();
  });

  it('gives up after the last attempt, or at once when X refuses for good, keeping the reason', async () => {
    const { case: opened } = await x.mention('where is my money? I sent it back weeks ago');
    const ana = await x.login('ana');
    x.sim.injectFault({ kind: 'serverError', endpoint: 'createTweet', times: 3 });
    const first = await ana.post(`/api/cases/${opened._id}/replies`, { text: 'Let us check.', channel: 'public' });
    const failed = await delivered(x, first.body.reply.id);
    // A 5xx may hide a post X made: each attempt is looked up first, and after the last one the outcome stays unknown.
    expect(failed.delivery).toMatchObject({ status: 'failed', attempts: 3, error: expect.stringMatching(/^outcome unknown after 3 attempts: .*X 503 Service Unavailable/) });
    expect(x.sim.postedTweets().filter((item) => item.text === 'Let us check.')).toHaveLength(0);
    expect(failed.externalId).toBe(`reply-${failed._id}`);
    // Nothing reached the customer: the case is still new (unanswered), though it is now ana's, and shows the failed reply.
    expect(await x.caseById(opened._id)).toMatchObject({ status: 'new', assignee: 'ana', replyIssue: { replyId: failed._id, state: 'failed', reason: failed.delivery!.error, retryAt: null } });
    expect((await ana.get(`/api/cases/${opened._id}`)).body.case.replyIssue).toMatchObject({ replyId: failed._id, state: 'failed', senderId: expect.any(String) });

    // X refuses the same text twice within 24 h (403): no point trying again.
    const text = 'We are on it.';
    await delivered(x, (await ana.post(`/api/cases/${opened._id}/replies`, { text, channel: 'public' })).body.reply.id);
    const duplicate = await delivered(x, (await ana.post(`/api/cases/${opened._id}/replies`, { text, channel: 'public' })).body.reply.id);
    expect(duplicate.delivery).toMatchObject({ status: 'failed', attempts: 1, error: expect.stringContaining('403') });

    const detail = (await ana.get(`/api/cases/${opened._id}`)).body;
    expect(detail.messages.find((message: { id: string }) => message.id === failed._id)).toMatchObject({ direction: 'out', status: 'failed', error: failed.delivery!.error, networkId: null });
    expect(detail.events.filter((event: { type: string; data: { status?: string } }) => event.type === 'reply' && event.data.status === 'failed')).toHaveLength(2);

    // Retry: the same reply goes out once; a sent reply cannot be retried.
    const retried = await ana.post(`/api/cases/${opened._id}/replies/${failed._id}/retry`);
    expect(retried.status).toBe(202);
    expect((await delivered(x, failed._id)).delivery).toMatchObject({ status: 'sent', attempts: 1 });
    expect(x.sim.postedTweets().filter((item) => item.text === 'Let us check.')).toHaveLength(1);
    // The 403 reply, which failed after it, is still the case's reply issue.
    expect(await x.caseById(opened._id)).toMatchObject({ status: 'open', replyIssue: { replyId: duplicate._id, state: 'failed' } });
    const again = await ana.post(`/api/cases/${opened._id}/replies/${failed._id}/retry`);
    expect(again.status).toBe(422);
    expect((await (await x.login('hugo')).post(`/api/cases/${opened._id}/replies/${failed._id}/retry`)).status).toBe(404);
  });

  it('refuses a public reply with a card number, phone or email on a Tier 2 case (a DM with it goes), and keeps an assigned case with its assignee', async () => {
    const { case: opened } = await x.mention('I want a refund for my order', { username: 'refund_rita' });
    expect(opened.tier).toBe(2);
    const hugo = await x.login('hugo');
    for (const [text, found] of [['Is your card 4111 1111 1111 1111?', 'a card number'], ['Call us on +44 20 7946 0958', 'a phone number'], ['Write to rita@example.com', 'an email address']]) {
      const refused = await hugo.post(`/api/cases/${opened._id}/replies`, { text, channel: 'public' });
      expect(refused.status).toBe(422);
      expect(refused.body.error.details).toEqual([{ pointer: '/text', message: `contains ${found}` }]);
    }
    expect(await x.store.collections.messages.countDocuments({ caseId: opened._id, 'delivery.sender.kind': 'user' })).toBe(0);
    await x.store.collections.cases.updateOne(allTeamsScope(), { _id: opened._id }, { $set: { assignee: 'admin' } });
    const dm = await hugo.post(`/api/cases/${opened._id}/replies`, { text: 'Is your card 4111 1111 1111 1111?', channel: 'dm' });
    expect(dm.status).toBe(202);
    expect((await x.caseById(opened._id)).assignee).toBe('admin');
  });

  it('fails a reply on a platform without a connector', async () => {
    const message = customerMessage('hello from the web chat');
    const response = await fetch(`${x.server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer ingest-token-for-case-tests' }, body: JSON.stringify([message]) });
    expect(response.status).toBe(200);
    const opened = (await x.caseOf(message))!;
    const ana = await x.login('ana');
    const answer = await ana.post(`/api/cases/${opened._id}/replies`, { text: 'Hi!', channel: 'public' });
    expect(answer.status).toBe(202);
    expect((await delivered(x, answer.body.reply.id)).delivery).toMatchObject({ status: 'failed', error: 'no connector for platform', attempts: 0 });
    expect((await x.caseById(opened._id)).firstResponseAt).toBeNull();
  });

  it('lets agents of the case\'s team and admins reply; 404 for marketing and other teams, 401 logged out, 403 without the CSRF token', async () => {
    const { case: opened } = await x.mention('who can answer this?');
    const body = { text: 'Checking.', channel: 'public' };
    const path = `/api/cases/${opened._id}/replies`;
    expect((await (await x.login('mia')).post(path, body)).status).toBe(404);
    expect((await (await x.login('hugo')).post(path, body)).status).toBe(404);
    expect((await x.anonymous.post(path, body)).status).toBe(401);
    expect((await (await x.login('ana')).post(path, body, 'none')).status).toBe(403);
    expect((await (await x.login('ana')).post('/api/cases/no-such-case/replies', body)).status).toBe(404);
    const admin = await (await x.login('admin')).post(path, { text: 'An admin answers.', channel: 'public' });
    expect(admin.status).toBe(202);
    expect((await delivered(x, admin.body.reply.id)).delivery!.status).toBe('sent');
    expect(await x.store.collections.messages.countDocuments({ caseId: opened._id, 'delivery.status': { $in: ['queued', 'sent', 'failed'] } })).toBe(1);
  });

  it('announces the queued reply and its delivery to the team: case:upsert and message:new', async () => {
    const { case: opened } = await x.mention('live question');
    const ana = await x.login('ana');
    const events = await x.live(ana);
    const answer = await ana.post(`/api/cases/${opened._id}/replies`, { text: 'Live answer.', channel: 'public' });
    await delivered(x, answer.body.reply.id);
    const messages = await eventually(async () => {
      const found = events.filter(([name]) => name === 'message:new').map(([, payload]) => payload as { caseId: string; seq: number; message: { id: string; status: string } });
      return found.length >= 2 ? found : undefined;
    }, 'both message:new events');
    expect(messages.map((event) => [event.caseId, event.message.id, event.message.status])).toEqual([
      [opened._id, answer.body.reply.id, 'queued'],
      [opened._id, answer.body.reply.id, 'sent'],
    ]);
    expect(messages[1]!.seq).toBeGreaterThan(messages[0]!.seq);
    const upserts = events.filter(([name]) => name === 'case:upsert').map(([, payload]) => payload as { case: { id: string; status: string } });
    expect(upserts.some((event) => event.case.id === opened._id && event.case.status === 'open')).toBe(true);
  });
});

describe('delivery after a restart', () => {
  it('sends a reply still queued when the server stopped, once it is back', async () => {
    // Both servers on one store of their own (a data dir, or a database in the mongodb project).
    const place = await freshStorePlace(undefined, 'care-replies');
    try {
      // The first try fails and the next is due in 1 s: the server stops before it.
      const first = await startReplyServer({ env: place.env, replyRetry: { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 1_000 } });
      const { case: opened } = await first.dm('please call me back');
      first.sim.injectFault({ kind: 'serverError', endpoint: 'sendDm', times: 1 });
      const ana = await first.login('ana');
      const answer = await ana.post(`/api/cases/${opened._id}/replies`, { text: 'We will, today.', channel: 'dm' });
      await eventually(async () => (await first.reply(answer.body.reply.id))?.delivery?.attempts === 1, 'the first attempt');
      await first.stop();

      const second = await startReplyServer({ env: place.env });
      try {
        const reply = await delivered(second, answer.body.reply.id);
        expect(reply.delivery).toMatchObject({ status: 'sent', attempts: 2 });
        expect(second.sim.sentDms().map((dm) => [dm.text, dm.participantId])).toEqual([['We will, today.', opened.customer.id]]);
      } finally {
        await second.stop();
      }
    } finally {
      await place.destroy();
    }
  });
});

describe('the bot', () => {
  it('answers a tier-0 mention publicly, once per author in 24 h; a second question goes to agents', async () => {
    const author = x.sim.addUser({ username: 'sam_hours' });
    const { tweet, case: first } = await x.mention('what are your opening hours?', { id: author.id });
    const answer = await eventually(async () => (await x.store.collections.messages.findOne({ caseId: first._id, 'delivery.status': 'sent' })) ?? undefined, 'the bot answer');
    expect(answer).toMatchObject({ text: 'Hi @sam_hours, we open at 9 every day.', channel: 'public', inReplyTo: tweet.id, delivery: { sender: { kind: 'system', id: 'bot' } } });
    expect(x.sim.postedTweets().filter((item) => item.inReplyToTweetId === tweet.id).map((item) => item.text)).toEqual(['Hi @sam_hours, we open at 9 every day.']);
    // The bot's answer is not an agent's first response: the case stays with the bot.
    expect(await x.caseById(first._id)).toMatchObject({ status: 'bot', tier: 0, team: 'bot', firstResponseAt: null, escalations: 0 });

    const { tweet: again, case: second } = await x.mention('and your opening hours on holidays?', { id: author.id });
    expect(second._id).not.toBe(first._id);
    expect(await x.caseById(second._id)).toMatchObject({ status: 'new', tier: 1, team: 'care', escalations: 1, routing: { tier: 0 } });
    const events = await x.store.collections.caseEvents.find({ caseId: second._id, type: 'escalated' });
    expect(events.map((event) => event.data)).toEqual([{ from: { tier: 0, team: 'bot' }, to: { tier: 1, team: 'care' }, reason: 'the bot already answered this customer within 24 h' }]);
    expect(x.sim.postedTweets().some((item) => item.inReplyToTweetId === again.id)).toBe(false);

    // Another author gets the answer.
    const { tweet: other } = await x.mention('opening hours please', { username: 'kim_hours' });
    await eventually(async () => x.sim.postedTweets().find((item) => item.inReplyToTweetId === other.id), 'the answer to another author');
  });

  it('answers a tier-0 DM by DM', async () => {
    const { event, case: opened } = await x.dm('what are your opening hours?', { username: 'dm_hours' });
    await eventually(async () => x.sim.sentDms().find((dm) => dm.participantId === event.senderId), 'the bot DM');
    expect(x.sim.sentDms().find((dm) => dm.participantId === event.senderId)!.text).toBe('Hi @dm_hours, we open at 9 every day.');
    expect((await x.caseById(opened._id)).status).toBe('bot');
  });

  it('hands a tier-0 case whose rule has no answer to agents', async () => {
    const { case: opened } = await x.mention('thank you so much');
    expect(await x.caseById(opened._id)).toMatchObject({ status: 'new', tier: 1, team: 'care', escalations: 1 });
    expect(await x.store.collections.messages.countDocuments({ caseId: opened._id, 'delivery.status': { $in: ['queued', 'sent', 'failed'] } })).toBe(0);
  });

  it('hands the case to agents when X refuses the bot answer', async () => {
    x.sim.injectFault({ kind: 'serverError', endpoint: 'createTweet', times: 3 });
    const { case: opened } = await x.mention('opening hours today?', { username: 'unlucky_hours' });
    const answer = await eventually(async () => (await x.store.collections.messages.findOne({ caseId: opened._id, 'delivery.status': 'failed' })) ?? undefined, 'the failed bot answer');
    expect(answer.delivery!.sender).toEqual({ kind: 'system', id: 'bot' });
    // The failed answer is recorded first, then the case handed over (one write after the other).
    await expect.poll(async () => x.caseById(opened._id)).toMatchObject({ status: 'new', tier: 1, team: 'care', escalations: 1 });
  });

  it('never answers the brand\'s own account', async () => {
    const posted = x.sim.postedTweets().length;
    const own = { id: 'x:1999999999999999999', platform: 'x', channel: 'public', text: 'our opening hours are 9 to 5', createdAt: new Date().toISOString(), author: { id: x.sim.brand.id }, threadId: '1999999999999999999' };
    await x.server.ingest([own as never]);
    expect(await x.caseOf(own)).toBeNull();
    expect(x.sim.postedTweets()).toHaveLength(posted);
  });

  it('posts the tier-2 "move to DM" answer publicly at once, and leaves the case to the help desk', async () => {
    const { tweet, case: opened } = await x.mention('I need a refund for a double charge', { username: 'jane_doe' });
    expect(opened).toMatchObject({ tier: 2, team: 'helpdesk', status: 'new' });
    const posted = await eventually(async () => x.sim.postedTweets().find((item) => item.inReplyToTweetId === tweet.id), 'the move-to-DM answer');
    expect(posted.text).toBe('Hi @jane_doe, please send us a DM so we can look at your account privately.');
    const reply = await eventually(async () => (await x.store.collections.messages.findOne({ caseId: opened._id, 'delivery.status': 'sent' })) ?? undefined, 'the sent note');
    expect(reply.delivery!.sender).toEqual({ kind: 'system', id: 'move-to-dm' });
    // Not an agent's response: the help desk's first-response target still runs.
    const after = await x.caseById(opened._id);
    expect(after).toMatchObject({ status: 'new', tier: 2, firstResponseAt: null });
    expect(after.slaDueAt!.getTime()).toBe(opened.slaDueAt!.getTime());

    // A tier-2 DM gets no public note.
    const before = x.sim.postedTweets().length;
    await x.dm('refund please, here is my card number', { username: 'dm_refund' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(x.sim.postedTweets()).toHaveLength(before);
  });

  it('asks a customer to move to DM once in 24 h: a second private matter in public gets no second note, and fails nothing', async () => {
    const author = x.sim.addUser({ username: 'twice_refund' });
    const { tweet: first } = await x.mention('I need a refund for a double charge', { id: author.id });
    await eventually(async () => x.sim.postedTweets().find((item) => item.inReplyToTweetId === first.id), 'the first move-to-DM answer');
    const { tweet: second, case: opened } = await x.mention('still no refund for that charge', { id: author.id });
    expect(opened).toMatchObject({ tier: 2, team: 'helpdesk', status: 'new' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(x.sim.postedTweets().some((item) => item.inReplyToTweetId === second.id)).toBe(false);
    expect(await x.store.collections.messages.countDocuments({ caseId: opened._id, 'delivery.status': { $in: ['queued', 'sent', 'failed'] } })).toBe(0);
  });
});
