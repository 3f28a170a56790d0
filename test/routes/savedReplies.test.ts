/**
 * Saved replies (api.md "Agent workspace"): admins create, change and delete
 * them; agents read those of their teams (and those for every team); unknown
 * placeholders and teams are refused with pointers; a shortcut is unique.
 */
import { describe, expect, it } from 'vitest';
import { fillPlaceholders, unknownPlaceholders } from '../../server/savedReplies/placeholders.js';
import { useCareServer } from './careClient.js';

const care = useCareServer();
const admin = care.loggedIn('admin');
const ana = care.loggedIn('ana');

let counter = 0;
const freshShortcut = () => `s${process.pid}-${(counter += 1)}`;

describe('who may use saved replies', () => {
  it('agents read but may not write; marketing and logged-out users may not read', async () => {
    expect((await ana.get('/api/saved-replies')).status).toBe(200);
    expect((await ana.post('/api/saved-replies', { title: 'x', text: 'y' })).status).toBe(403);
    expect((await ana.patch('/api/saved-replies/any', { title: 'x' })).status).toBe(403);
    expect((await ana.delete('/api/saved-replies/any')).status).toBe(403);
    expect((await (await care.login('mia')).get('/api/saved-replies')).status).toBe(403);
    expect((await care.anonymous().get('/api/saved-replies')).status).toBe(401);
  });
});

describe('admins manage saved replies', () => {
  it('creates one with its placeholders, changes it, removes its shortcut, deletes it; 404 after', async () => {
    const shortcut = freshShortcut();
    const created = await admin.post('/api/saved-replies', { title: 'Refund timing', text: 'Hi {{author.name}}, {{agent.name}} here about case {{ case.id }}.', teams: ['care'], shortcut });
    expect(created.status).toBe(201);
    expect(created.body.savedReply).toMatchObject({ title: 'Refund timing', teams: ['care'], shortcut });
    const id = created.body.savedReply.id as string;
    const changed = await admin.patch(`/api/saved-replies/${id}`, { title: 'Refunds', shortcut: null });
    expect(changed.status).toBe(200);
    expect(changed.body.savedReply).toMatchObject({ id, title: 'Refunds', shortcut: null, text: created.body.savedReply.text });
    expect((await admin.delete(`/api/saved-replies/${id}`)).status).toBe(204);
    expect((await admin.delete(`/api/saved-replies/${id}`)).status).toBe(404);
    expect((await admin.patch(`/api/saved-replies/${id}`, { title: 'gone' })).status).toBe(404);
  });

  it('refuses unknown placeholders and teams with pointers, and leaves nothing stored', async () => {
    const before = (await admin.get('/api/saved-replies')).body.savedReplies.length;
    const reply = await admin.post('/api/saved-replies', { title: 'Bad', text: 'Hi {{customer.name}} and {{author.handle}}', teams: ['care', 'nosuchteam'] });
    expect(reply.status).toBe(422);
    expect(reply.body.error.details).toEqual([
      { pointer: '/text', message: expect.stringContaining('{{customer.name}}') },
      { pointer: '/teams/1', message: 'no team is named "nosuchteam"' },
    ]);
    expect((await admin.get('/api/saved-replies')).body.savedReplies.length).toBe(before);
    const invalid = await admin.post('/api/saved-replies', { title: '', text: 'ok', shortcut: 'Has Space' });
    expect(invalid.status).toBe(400);
    expect([...new Set(invalid.body.error.details.map((detail: { pointer: string }) => detail.pointer))].sort()).toEqual(['/shortcut', '/title']);
  });

  it('a shortcut names one reply: 409 with a pointer on a taken one, on create and on change', async () => {
    const shortcut = freshShortcut();
    expect((await admin.post('/api/saved-replies', { title: 'One', text: 'one', shortcut })).status).toBe(201);
    const again = await admin.post('/api/saved-replies', { title: 'Two', text: 'two', shortcut });
    expect(again.status).toBe(409);
    expect(again.body.error.details).toEqual([{ pointer: '/shortcut', message: 'is taken' }]);
    const other = await admin.post('/api/saved-replies', { title: 'Three', text: 'three' });
    expect((await admin.patch(`/api/saved-replies/${other.body.savedReply.id}`, { shortcut })).status).toBe(409);
  });
});

describe('what agents see', () => {
  it('the replies for every team and for their teams, not other teams\' ones', async () => {
    const everyone = await admin.post('/api/saved-replies', { title: `All ${freshShortcut()}`, text: 'all' });
    const mine = await admin.post('/api/saved-replies', { title: `Social ${freshShortcut()}`, text: 'social', teams: ['social'] });
    const theirs = await admin.post('/api/saved-replies', { title: `Helpdesk ${freshShortcut()}`, text: 'helpdesk', teams: ['helpdesk'] });
    const seen = (await ana.get('/api/saved-replies')).body.savedReplies.map((reply: { id: string }) => reply.id);
    expect(seen).toEqual(expect.arrayContaining([everyone.body.savedReply.id, mine.body.savedReply.id]));
    expect(seen).not.toContain(theirs.body.savedReply.id);
    expect((await admin.get('/api/saved-replies')).body.savedReplies.map((reply: { id: string }) => reply.id)).toContain(theirs.body.savedReply.id);
  });
});

describe('placeholders', () => {
  it('fills the known ones (missing values as empty), keeps unknown ones as written', () => {
    const text = 'Hi {{author.name}} (@{{ author.handle }}), {{agent.name}} on {{case.id}} {{order.id}}';
    expect(fillPlaceholders(text, { 'author.name': 'Ada', 'agent.name': 'Ana', 'case.id': 'c1' })).toBe('Hi Ada (@), Ana on c1 {{order.id}}');
    expect(unknownPlaceholders(text)).toEqual(['{{order.id}}']);
  });
});
