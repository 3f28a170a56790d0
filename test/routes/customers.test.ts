/**
 * The customer (api.md "Agent workspace"): GET /api/customers/:id shows the
 * person and their cases the user may see, public and DM together; admins
 * block (reason required) and unblock; a blocked person's messages are still
 * stored, their new cases open `suppressed` and the bot never answers them.
 */
import { describe, expect, it } from 'vitest';
import { allTeamsScope } from '../../server/store/index.js';
import { customerMessage, useCareServer } from './careClient.js';

const care = useCareServer();
const admin = care.loggedIn('admin');
const ana = care.loggedIn('ana');

let people = 0;
/** A fresh author of platform `chat`, and their customer id. */
function freshAuthor() {
  people += 1;
  const author = { id: `person-${process.pid}-${people}`, handle: `person${people}`, name: `Person ${people}` };
  return { author, customerId: `chat:${author.id}` };
}

async function openFor(author: object, text: string, overrides: Record<string, unknown> = {}) {
  const message = customerMessage(text, { author, ...overrides });
  await care.ingest([message]);
  return care.caseOf(message);
}

describe('GET /api/customers/:id', () => {
  it('shows the person and their cases, public and DM together, only those the user may see', async () => {
    const { author, customerId } = freshAuthor();
    const publicCase = await openFor(author, 'hello there');
    const dmCase = await openFor(author, 'hello again in private', { channel: 'dm' });
    const helpdeskCase = await openFor(author, 'I want a refund');
    const seen = await admin.get(`/api/customers/${customerId}`);
    expect(seen.status).toBe(200);
    expect(seen.body.customer).toEqual({ id: customerId, platform: 'chat', authorId: author.id, handle: author.handle, name: author.name, blocked: null });
    expect(seen.body.cases.map((c: { id: string }) => c.id).sort()).toEqual([publicCase, dmCase, helpdeskCase].sort());
    expect(new Set(seen.body.cases.map((c: { channel: string }) => c.channel))).toEqual(new Set(['public', 'dm']));
    const agentView = await ana.get(`/api/customers/${customerId}`);
    expect(agentView.body.cases.map((c: { id: string }) => c.id)).not.toContain(helpdeskCase);
    expect(agentView.body.cases.map((c: { id: string }) => c.id).sort()).toEqual([publicCase, dmCase].sort());
  });

  it('404 for a person without visible cases; 400 with a pointer for an id that is not platform:authorId; 403 marketing', async () => {
    expect((await admin.get('/api/customers/chat:nobody-at-all')).status).toBe(404);
    const { author, customerId } = freshAuthor();
    await openFor(author, 'I want a refund');
    expect((await ana.get(`/api/customers/${customerId}`)).status).toBe(404);
    const invalid = await admin.get('/api/customers/no-platform');
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details[0].pointer).toBe('/id');
    expect((await (await care.login('mia')).get(`/api/customers/${customerId}`)).status).toBe(403);
  });
});

describe('blocking', () => {
  it('only admins block, with a reason (400 with a pointer without one)', async () => {
    const { author, customerId } = freshAuthor();
    await openFor(author, 'hello there');
    expect((await ana.post(`/api/customers/${customerId}/block`, { reason: 'abuse' })).status).toBe(403);
    expect((await ana.delete(`/api/customers/${customerId}/block`)).status).toBe(403);
    const missing = await admin.post(`/api/customers/${customerId}/block`, {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0].pointer).toBe('/reason');
    expect((await admin.post(`/api/customers/${customerId}/block`, { reason: '  ' })).status).toBe(400);
  });

  it('a blocked person\'s new cases open suppressed, unanswered by the bot, their messages stored; unblocking ends it', async () => {
    const { author, customerId } = freshAuthor();
    const before = await openFor(author, 'hello there');
    const blocked = await admin.post(`/api/customers/${customerId}/block`, { reason: 'threats to staff' });
    expect(blocked.status).toBe(200);
    expect(blocked.body.customer.blocked).toMatchObject({ reason: 'threats to staff', by: 'admin' });
    expect((await ana.get(`/api/customers/${customerId}`)).body.customer.blocked.reason).toBe('threats to staff');

    const botQuestion = await openFor(author, 'what are your opening hours?');
    const other = await openFor(author, 'hello once more');
    for (const id of [botQuestion, other]) {
      const stored = await care.store.collections.cases.findOne(allTeamsScope(), { _id: id });
      expect(stored).toMatchObject({ status: 'suppressed', messageCount: 1 });
      expect(await care.store.collections.caseEvents.countDocuments({ caseId: id, type: 'reply' })).toBe(0);
    }
    expect((await care.store.collections.cases.findOne(allTeamsScope(), { _id: before }))!.status).toBe('new');

    expect((await admin.delete(`/api/customers/${customerId}/block`)).status).toBe(204);
    expect((await admin.delete(`/api/customers/${customerId}/block`)).status).toBe(404);
    const after = await openFor(author, 'hello after all');
    expect((await care.store.collections.cases.findOne(allTeamsScope(), { _id: after }))!.status).toBe('new');
  });
});
