/**
 * Suppressed cases (routing.md §2 `suppress`, api.md `suppressed`): stored and
 * counted, kept out of the inboxes unless asked for by status, no response
 * target, no bot answer; an agent can reopen one at the decided tier and team.
 * Also: POST /api/messages stores each message's kind (routing.md §1 default when absent).
 */
import { describe, expect, it } from 'vitest';
import { allTeamsScope } from '../../server/store/index.js';
import { fromMessageDocument } from '../../server/store/messageDocuments.js';
import { customerMessage, useCareServer } from './careClient.js';

const care = useCareServer({ RULES_FILE: 'test/routes/fixtures/suppress.rules.json' });

describe('suppressed cases', () => {
  it('are stored with status suppressed, no target and no reply, and listed only when asked for', async () => {
    const repost = await care.openCase('opening hours are great, RT', { kind: 'repost' });
    const question = await care.openCase('what are your opening hours?');
    const stored = (await care.store.collections.cases.findOne(allTeamsScope(), { _id: repost }))!;
    expect(stored).toMatchObject({ status: 'suppressed', tier: 0, team: 'bot', slaDueAt: null, routing: { ruleId: 'reposts' } });

    const admin = await care.login('admin');
    const listed = (await admin.get('/api/cases?limit=100')).body.cases.map((c: { id: string }) => c.id);
    expect(listed).toContain(question);
    expect(listed).not.toContain(repost);
    const suppressed = (await admin.get('/api/cases?status=suppressed&limit=100')).body.cases;
    expect(suppressed.map((c: { id: string }) => c.id)).toContain(repost);
    expect(suppressed.every((c: { status: string }) => c.status === 'suppressed')).toBe(true);

    const detail = (await admin.get(`/api/cases/${repost}`)).body;
    expect(detail.messages.filter((m: { author?: { id?: string } }) => m.author?.id === 'bot')).toEqual([]);
  });

  it('are counted in the metrics', async () => {
    const admin = await care.login('admin');
    const before = (await admin.get('/api/metrics')).body.cases;
    await care.openCase('look at this', { kind: 'repost' });
    const after = (await admin.get('/api/metrics')).body.cases;
    expect(after.suppressed).toBe(before.suppressed + 1);
    expect(after.total).toBe(before.total + 1);
    expect(after.byStatus.suppressed).toBe(after.suppressed);
  });

  it('can be reopened by an agent at the decided tier and team', async () => {
    const repost = await care.openCase('a repost someone should see', { kind: 'repost' });
    const admin = await care.login('admin');
    const reply = await admin.patch(`/api/cases/${repost}`, { status: 'open' });
    expect(reply.status).toBe(200);
    expect(reply.body.case).toMatchObject({ status: 'open', tier: 0, team: 'bot' });
  });
});

describe('POST /api/messages and kind', () => {
  it('stores the kind a message brings, else dm on the DM channel, reply when it answers a post, post', async () => {
    const given = customerMessage('quoting you', { kind: 'quote' });
    const dm = customerMessage('hello in private', { channel: 'dm' });
    const reply = customerMessage('answering', { inReplyTo: '1790000000000000001' });
    const post = customerMessage('a new post');
    await care.ingest([given, dm, reply, post]);
    const kinds = await Promise.all([given, dm, reply, post].map(async (message) => {
      const [platform, externalId] = [message.platform, message.id.slice(message.platform.length + 1)];
      const document = (await care.store.collections.messages.findOne({ platform, externalId }))!;
      return fromMessageDocument(document).kind;
    }));
    expect(kinds).toEqual(['quote', 'dm', 'reply', 'post']);
    const routed = (await care.store.collections.cases.findOne(allTeamsScope(), { _id: await care.caseOf(reply) }))!;
    expect(routed.routing.ruleId).toBe('replies-to-us');
  });

  it('refuses a kind outside the contract with a pointer', async () => {
    const response = await fetch(`${care.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer ingest-token-for-case-tests' },
      body: JSON.stringify(customerMessage('x', { kind: 'retweet' })),
    });
    const body = (await response.json()) as { errors: Array<{ pointer: string }> };
    expect(body.errors.map((error) => error.pointer)).toEqual(['/kind']);
  });
});
