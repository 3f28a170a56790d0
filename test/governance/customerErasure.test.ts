/**
 * POST /api/customers/:id/erase: after it, no collection of the store holds
 * the person's handle, name or any text they wrote (the whole store is
 * scanned), their cases keep their skeleton and figures, webhooks get
 * `customer.erased`, and the audit log records that it happened, not what.
 */
import { describe, expect, it } from 'vitest';
import { eraseMessages } from '../../server/governance/erasure/eraseCases.js';
import { fanOutCaseEvents } from '../../server/webhooks/fanOut.js';
import { useCareServer } from '../routes/careClient.js';
import { WEBHOOK_SECRET_KEY } from '../webhooks/webhookHelpers.js';
import { holding, wholeStore } from './storeScan.js';

const care = useCareServer({ WEBHOOK_SECRET_KEY, WEBHOOK_ALLOW_PRIVATE: '1' }, { webhookIntervalMs: 60 * 60 * 1000 });
const admin = care.loggedIn('admin');

async function auditEntry(action: string) {
  let entry: Record<string, unknown> | undefined;
  await expect.poll(async () => (entry = (await admin.get(`/api/audit?action=${action}&limit=1`)).body.entries[0])?.state).toBe('done');
  return entry!;
}

describe('erasing a person', () => {
  const tag = `${process.pid}${Date.now()}`;
  const author = { id: `erin-${tag}`, handle: `erin_erase_${tag}`, name: `Erin Erasable ${tag}` };
  const key = `chat:${author.id}`;
  const texts = [`my parcel ${tag}-A never came`, `the invoice for order ${tag}-B please`];
  const note = `Erin said parcel ${tag}-A was left at the door`;
  const needles = [author.handle, author.name, ...texts, note, `${tag}-A`, `${tag}-B`];
  let caseIds: string[];
  let othersCase: string;

  it('leaves no trace of them in any collection, and keeps their cases as skeletons', async () => {
    const hook = await admin.post('/api/webhooks', { url: 'http://127.0.0.1:9/erasure', events: ['case.created', 'case.updated', 'case.escalated', 'message.created', 'customer.erased'] });
    expect(hook.status).toBe(201);
    caseIds = [await care.openCase(texts[0]!, { author }), await care.openCase(texts[1]!, { author, attachments: [{ type: 'photo' }] })];
    othersCase = await care.openCase(`@${author.handle} I have the same problem`);
    expect((await admin.post(`/api/cases/${caseIds[0]}/notes`, { text: note })).status).toBe(201);
    expect((await admin.patch(`/api/cases/${caseIds[0]}`, { priority: 'high' })).status).toBe(200);
    expect((await admin.post(`/api/cases/${caseIds[1]}/escalations`, { reason: `${author.name} asked for a manager` })).status).toBe(200);
    expect((await admin.post(`/api/cases/${othersCase}/notes`, { text: `same as @${author.handle}` })).status).toBe(201);
    expect((await admin.post(`/api/customers/${encodeURIComponent(key)}/block`, { reason: `${author.handle} spams` })).status).toBe(200);
    await fanOutCaseEvents(care.store, new Date(Date.now() + 1000));
    await auditEntry('customer.block');
    const before = await care.store.collections.caseEvents.find({ caseId: caseIds[0] });

    // The scan finds them before: it is able to fail.
    expect(holding(await wholeStore(care.store), needles).sort()).toEqual(['auditEntries', 'caseEvents', 'cases', 'customerBlocks', 'messages', 'webhookDeliveries']);

    const reply = await admin.post(`/api/customers/${encodeURIComponent(key)}/erase`, { confirm: true });
    expect(reply.status).toBe(200);
    expect(reply.body.erased).toMatchObject({ customer: key, cases: 2, messages: 2 });
    expect(reply.body.erased.mentions).toBeGreaterThanOrEqual(3);
    await auditEntry('customer.erase');

    const dump = await wholeStore(care.store);
    expect(holding(dump, needles)).toEqual([]);

    const detail = (await admin.get(`/api/cases/${caseIds[0]}`)).body;
    expect(detail.case).toMatchObject({ id: caseIds[0], priority: 'high', customer: { id: author.id, handle: null, name: null }, preview: '', messageCount: 1 });
    expect(detail.case.erasedAt).toEqual(expect.any(String));
    expect(detail.messages.map((message: { text: string }) => message.text)).toEqual(['']);
    expect(detail.events.map((event: { type: string }) => event.type)).toEqual(before.map((event) => event.type));
    expect((await admin.get(`/api/cases/${caseIds[1]}`)).body.case).toMatchObject({ escalated: true, customer: { handle: null } });
    const others = (await admin.get(`/api/cases/${othersCase}`)).body;
    expect(others.messages[0].text).toBe('@[erased] I have the same problem');
    expect((await admin.get(`/api/customers/${encodeURIComponent(key)}`)).body.customer.blocked).toMatchObject({ reason: '[erased]' });
  });

  it('announces itself to webhooks with ids only, and the audit log records that it happened', async () => {
    const erased = await care.store.collections.webhookDeliveries.find({ type: 'customer.erased' });
    expect(erased).toHaveLength(1);
    expect(erased[0]!.payload.data).toEqual({ customer: key, caseIds });
    const entry = await auditEntry('customer.erase');
    expect(entry).toMatchObject({ actor: { username: 'admin' }, target: { kind: 'customer', id: key }, request: { confirm: true }, after: { erased: { customer: key, cases: 2 } } });
  });

  it('can run again (completing one a crash cut short) and finds nothing more to erase', async () => {
    const again = await admin.post(`/api/customers/${encodeURIComponent(key)}/erase`, { confirm: true });
    expect(again.status).toBe(200);
    expect(again.body.erased).toMatchObject({ cases: 2, messages: 0, events: 0, webhookDeliveries: 0, mentions: 0 });
  });
});

describe('an erasure cut short', () => {
  it('is completed by asking again: the cases, rewritten last, still name the person', async () => {
    const tag = `${process.pid}${Date.now()}`;
    const author = { id: `cut-${tag}`, handle: `cut_short_${tag}`, name: `Cutty ${tag}` };
    const id = await care.openCase(`cut short ${tag} text`, { author });
    expect((await admin.post(`/api/cases/${id}/notes`, { text: `${author.name} rang` })).status).toBe(201);
    // A crash after the messages were blanked, before the rest: the case still holds the handle and name.
    await eraseMessages(care.store, { caseId: { $in: [id] } });
    expect(holding(await wholeStore(care.store), [author.handle, author.name])).toEqual(expect.arrayContaining(['cases', 'caseEvents']));
    expect((await admin.post(`/api/customers/${encodeURIComponent(`chat:${author.id}`)}/erase`, { confirm: true })).status).toBe(200);
    await auditEntry('customer.erase');
    expect(holding(await wholeStore(care.store), [author.handle, author.name, `cut short ${tag} text`])).toEqual([]);
  });
});

describe('a request in flight during an erasure', () => {
  it('cannot write the person back when it settles afterwards', async () => {
    const tag = `${process.pid}${Date.now()}`;
    const author = { id: `flight-${tag}`, handle: `in_flight_${tag}`, name: `Flighty ${tag}` };
    const id = await care.openCase(`in flight ${tag}`, { author });
    const pending = await care.store.collections.auditEntries.insertOne({ action: 'case.note', actor: { id: null, username: 'admin' }, target: { kind: 'case', id }, status: 0, state: 'pending' });
    expect(pending.status).toBe('inserted');
    expect((await admin.post(`/api/customers/${encodeURIComponent(`chat:${author.id}`)}/erase`, { confirm: true })).status).toBe(200);
    const entryId = pending.status === 'inserted' ? pending.document._id : '';
    const settled = await care.store.collections.auditEntries.settle(entryId, { state: 'done', status: 201, action: 'case.note', actor: { id: null, username: 'admin' }, request: { text: `${author.name} rang` }, after: null });
    expect(settled).toBe(false);
    expect((await care.store.collections.auditEntries.findOne({ _id: entryId }))?.state).toBe('erased');
    expect(holding(await wholeStore(care.store), [author.handle, author.name])).toEqual([]);
  });
});

describe('POST /api/customers/:id/erase refuses', () => {
  it('without {confirm: true}, naming the field', async () => {
    const missing = await admin.post('/api/customers/chat:someone/erase', {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.details).toEqual([{ pointer: '/confirm', message: 'is required' }]);
    const no = await admin.post('/api/customers/chat:someone/erase', { confirm: false });
    expect(no.status).toBe(400);
    expect(no.body.error.details).toEqual([{ pointer: '/confirm', message: 'must be one of true' }]);
    const extra = await admin.post('/api/customers/chat:someone/erase', { confirm: true, everything: true });
    expect(extra.body.error.details).toEqual([{ pointer: '/everything', message: 'is not a known property here' }]);
  });

  it('a malformed id (400 at /id) and a person nothing is held about (404)', async () => {
    const malformed = await admin.post('/api/customers/nocolon/erase', { confirm: true });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details).toEqual([{ pointer: '/id', message: 'must be "platform:authorId"' }]);
    expect((await admin.post('/api/customers/chat:nobody-at-all/erase', { confirm: true })).status).toBe(404);
  });

  it('anyone but an admin', async () => {
    expect((await (await care.login('ana')).post('/api/customers/chat:someone/erase', { confirm: true })).status).toBe(403);
    expect((await (await care.login('mia')).post('/api/customers/chat:someone/erase', { confirm: true })).status).toBe(403);
    expect((await care.anonymous().post('/api/customers/chat:someone/erase', { confirm: true })).status).toBe(401);
  });
});
