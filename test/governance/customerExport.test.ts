/** GET /api/customers/:id/export: everything held about one person, nobody else's, for admins, recorded in the audit log. */
import { expect, it } from 'vitest';
import { useCareServer } from '../routes/careClient.js';

const care = useCareServer();
const admin = care.loggedIn('admin');

it('exports every case, message and event of the person and nothing of anyone else', async () => {
  const author = { id: `person-${process.pid}-${Date.now()}`, handle: 'erin_export', name: 'Erin Export' };
  const first = await care.openCase('my parcel 77 never came', { author });
  const second = await care.openCase('and the refund for order 88?', { author });
  const other = await care.openCase('someone else entirely writes here');
  expect((await admin.post(`/api/cases/${first}/notes`, { text: 'Erin called about parcel 77' })).status).toBe(201);

  const reply = await admin.get(`/api/customers/${encodeURIComponent(author.id)}/export`);
  expect(reply.status).toBe(200);
  expect(reply.headers.get('content-disposition')).toMatch(/^attachment; filename="customer-/);
  const exported = reply.body;
  expect(exported.customer).toEqual({ id: author.id, handles: ['erin_export'], names: ['Erin Export'] });
  expect(exported.cases.map((doc: { id: string }) => doc.id).sort()).toEqual([first, second].sort());
  const texts = exported.messages.map((message: { text: string }) => message.text);
  expect(texts).toEqual(expect.arrayContaining(['my parcel 77 never came', 'and the refund for order 88?']));
  expect(JSON.stringify(exported)).not.toContain('someone else entirely');
  expect(JSON.stringify(exported)).not.toContain(other);
  expect(JSON.stringify(exported.events)).toContain('Erin called about parcel 77');

  await expect.poll(async () => (await admin.get('/api/audit?action=customer.export')).body.entries[0]?.target).toEqual({ kind: 'customer', id: author.id });
});

it('takes the person as the other customer routes name them, "platform:authorId", and keeps to that platform', async () => {
  const author = { id: `person-${process.pid}-${Date.now()}-p`, handle: 'pia_platform' };
  const chat = await care.openCase('my chat question about parcel 12', { author });
  await care.openCase('the same id on another network', { author, platform: 'other' });
  const reply = await admin.get(`/api/customers/${encodeURIComponent(`chat:${author.id}`)}/export`);
  expect(reply.status).toBe(200);
  expect(reply.body.customer.id).toBe(`chat:${author.id}`);
  expect(reply.body.cases.map((doc: { id: string }) => doc.id)).toEqual([chat]);
  expect(JSON.stringify(reply.body)).not.toContain('another network');
});

it('is for admins only and 404 for a person nothing is held about', async () => {
  expect((await (await care.login('ana')).get('/api/customers/anyone/export')).status).toBe(403);
  expect((await care.anonymous().get('/api/customers/anyone/export')).status).toBe(401);
  expect((await admin.get('/api/customers/nobody-at-all/export')).status).toBe(404);
});
