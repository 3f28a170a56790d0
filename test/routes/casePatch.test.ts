import { describe, expect, it } from 'vitest';
import { useCareServer, type Client } from './careClient.js';

const care = useCareServer();
const ana = care.loggedIn('ana');
const hugo = care.loggedIn('hugo');

async function detail(client: Client, id: string) {
  const reply = await client.get(`/api/cases/${id}`);
  expect(reply.status).toBe(200);
  return reply.body;
}

describe('PATCH /api/cases/:id', () => {
  it('updates, bumps the version and appends an `updated` event with the next seq, by the user', async () => {
    const id = await care.openCase('where is my parcel?');
    const reply = await ana.patch(`/api/cases/${id}`, { status: 'pending', priority: 'high', tags: ['shipping'], assignee: 'ana', version: 1 });
    expect(reply.status).toBe(200);
    expect(reply.body.case).toMatchObject({ id, status: 'pending', priority: 'high', tags: ['shipping'], assignee: 'ana', version: 2 });
    const after = await detail(ana, id);
    // The detail adds the routing trace (recomputed on read); otherwise the same case.
    const { trace, ...routing } = after.case.routing;
    expect(trace).toEqual(expect.any(Array));
    expect({ ...after.case, routing }).toEqual(reply.body.case);
    const session = (await ana.get('/api/session')).body;
    expect(after.events.at(-1)).toEqual({
      id: expect.any(String),
      caseId: id,
      seq: 2,
      type: 'updated',
      at: reply.body.case.updatedAt,
      actor: { kind: 'user', id: session.user.id, name: 'ana' },
      data: {
        status: { from: 'new', to: 'pending' },
        priority: { from: 'normal', to: 'high' },
        tags: { from: [], to: ['shipping'] },
        assignee: { from: null, to: 'ana' },
      },
    });
    const second = await ana.patch(`/api/cases/${id}`, { assignee: null });
    expect(second.body.case).toMatchObject({ assignee: null, version: 3 });
    expect((await detail(ana, id)).events.map((event: { seq: number }) => event.seq)).toEqual([1, 2, 3]);
  });

  it('answers 409 (conflict) on a stale version and changes nothing', async () => {
    const id = await care.openCase('my card was declined');
    expect((await ana.patch(`/api/cases/${id}`, { priority: 'low', version: 1 })).status).toBe(200);
    const stale = await ana.patch(`/api/cases/${id}`, { status: 'resolved', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toEqual({
      code: 'conflict',
      message: 'the case is at version 2: reload it and try again',
      details: [{ pointer: '/version', message: 'is stale: the case is at version 2' }],
    });
    const after = await detail(ana, id);
    expect(after.case).toMatchObject({ status: 'new', version: 2 });
    expect(after.events).toHaveLength(2);
  });

  it('lets one of two concurrent writers of the same version win; the other gets 409', async () => {
    const id = await care.openCase('two agents at once');
    const replies = await Promise.all([ana.patch(`/api/cases/${id}`, { status: 'open', version: 1 }), ana.patch(`/api/cases/${id}`, { status: 'pending', version: 1 })]);
    expect(replies.map((reply) => reply.status).sort()).toEqual([200, 409]);
    expect((await detail(ana, id)).case.version).toBe(2);
  });

  it('sets resolvedAt when resolved and clears it when reopened', async () => {
    const id = await care.openCase('sorted, thank you');
    const resolved = await ana.patch(`/api/cases/${id}`, { status: 'resolved' });
    expect(resolved.body.case.resolvedAt).toBe(resolved.body.case.updatedAt);
    const reopened = await ana.patch(`/api/cases/${id}`, { status: 'open' });
    expect(reopened.body.case).toMatchObject({ status: 'open', resolvedAt: null });
  });

  it('records nothing for a change that changes nothing', async () => {
    const id = await care.openCase('no change');
    const reply = await ana.patch(`/api/cases/${id}`, { status: 'new', priority: 'normal', tags: [], assignee: null });
    expect(reply.status).toBe(200);
    expect(reply.body.case.version).toBe(1);
    expect((await detail(ana, id)).events).toHaveLength(1);
  });

  it('assigns only users of the case\'s team (admins included); others are a 422 at /assignee', async () => {
    const id = await care.openCase('who handles this?');
    expect((await ana.patch(`/api/cases/${id}`, { assignee: 'admin' })).status).toBe(200);
    for (const assignee of ['hugo', 'mia', 'nobody']) {
      const reply = await ana.patch(`/api/cases/${id}`, { assignee });
      expect(reply.status).toBe(422);
      expect(reply.body.error.code).toBe('invalid');
      expect(reply.body.error.details).toEqual([{ pointer: '/assignee', message: `"${assignee}" is not a user of team "care"` }]);
    }
    expect((await detail(ana, id)).case.assignee).toBe('admin');
  });

  it('answers 400 with a pointer per problem of a bad body', async () => {
    const id = await care.openCase('bad bodies');
    const cases: Array<[unknown, Array<{ pointer: string; message: string }>]> = [
      [{ status: 'closed' }, [{ pointer: '/status', message: 'must be one of "new", "open", "pending", "resolved"' }]],
      [{ status: 'bot' }, [{ pointer: '/status', message: 'must be one of "new", "open", "pending", "resolved"' }]],
      [{ priority: null }, [{ pointer: '/priority', message: 'must be string' }, { pointer: '/priority', message: 'must be one of "low", "normal", "high", "urgent"' }]],
      [{ tags: ['a', 'a'] }, [{ pointer: '/tags', message: 'must NOT have duplicate items (items ## 1 and 0 are identical)' }]],
      [{ tags: [''] }, [{ pointer: '/tags/0', message: 'must not be empty' }]],
      [{ version: 0, team: 'helpdesk' }, [{ pointer: '/team', message: 'is not a known property here' }, { pointer: '/version', message: 'must be >= 1' }]],
      [{}, [{ pointer: '', message: 'must NOT have fewer than 1 properties' }]],
      [{ version: 1 }, [{ pointer: '', message: 'must change at least one of status, assignee, priority, tags' }]],
      [[], [{ pointer: '', message: 'must be object' }]],
    ];
    for (const [body, details] of cases) {
      const reply = await ana.patch(`/api/cases/${id}`, body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body.error.code).toBe('bad_request');
      expect(reply.body.error.details, JSON.stringify(body)).toEqual(expect.arrayContaining(details));
    }
    const notJson = await ana.patch(`/api/cases/${id}`, '{"status":');
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe('bad_json');
    expect((await detail(ana, id)).case.version).toBe(1);
  });

  it('is a 404 for an agent of another team, and writes nothing', async () => {
    const id = await care.openCase('not for the help desk');
    const reply = await hugo.patch(`/api/cases/${id}`, { status: 'resolved' });
    expect(reply.status).toBe(404);
    expect((await detail(ana, id)).case).toMatchObject({ status: 'new', version: 1 });
  });
});
