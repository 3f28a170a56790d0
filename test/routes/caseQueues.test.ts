import { describe, expect, it } from 'vitest';
import type { Priority } from '../../server/routing/index.js';
import { allTeamsScope } from '../../server/store/index.js';
import { allCasePages, useCareServer } from './careClient.js';

const care = useCareServer();
const admin = care.loggedIn('admin');
const ana = care.loggedIn('ana');

let labels = 0;
const freshTag = () => `queue-${process.pid}-${++labels}`;

interface Listed { id: string; priority: Priority; slaDueAt: string | null; status: string }

async function setCase(id: string, set: Record<string, unknown>): Promise<void> {
  await care.store.collections.cases.updateOne(allTeamsScope(), { _id: id }, { $set: set });
}

describe('GET /api/cases?sort=priority and active=true', () => {
  it('lists urgent, high, normal, low, each soonest target first (none last), page by page; active leaves resolved cases out', async () => {
    const label = freshTag();
    const at = (minutes: number) => new Date(Date.UTC(2031, 0, 1, 0, minutes));
    const plan: Array<[Priority, Date | null, string]> = [
      ['low', at(1), 'open'], ['urgent', at(30), 'new'], ['normal', null, 'open'], ['urgent', at(10), 'pending'],
      ['high', at(5), 'new'], ['normal', at(2), 'new'], ['high', at(1), 'resolved'],
    ];
    const ids: string[] = [];
    for (const [index, [priority, slaDueAt, status]] of plan.entries()) {
      const id = await care.openCase(`priority order ${index}`);
      await setCase(id, { priority, slaDueAt, status, tags: [label] });
      ids.push(id);
    }
    const expected = [3, 1, 6, 4, 5, 2, 0].map((index) => ids[index]);
    for (const limit of [1, 2, 3, 100]) expect((await allCasePages<Listed>(ana, `sort=priority&tag=${label}&limit=${limit}`)).map((item) => item.id)).toEqual(expected);
    expect((await allCasePages<Listed>(ana, `sort=priority&tag=${label}&active=true&limit=2`)).map((item) => item.id)).toEqual(expected.filter((id) => id !== ids[6]));
    expect((await allCasePages<Listed>(ana, `sort=priority&tag=${label}&priority=urgent&limit=1`)).map((item) => item.id)).toEqual([ids[3], ids[1]]);
    // A status given wins over active.
    expect((await allCasePages<Listed>(ana, `tag=${label}&active=true&status=resolved`)).map((item) => item.id)).toEqual([ids[6]]);

    const first = await ana.get(`/api/cases?sort=priority&tag=${label}&limit=1`);
    expect((await ana.get(`/api/cases?sort=due&tag=${label}&cursor=${encodeURIComponent(first.body.nextCursor)}`)).status).toBe(400);
    expect((await ana.get(`/api/cases?tag=${label}&cursor=${encodeURIComponent(first.body.nextCursor)}`)).status).toBe(400);
    expect((await ana.get('/api/cases?sort=priority&cursor=bm90LWEtY3Vyc29y')).body.error.details).toEqual([{ pointer: '/cursor', message: expect.stringContaining('sort=priority') }]);
  });
});

describe('GET /api/cases/counts', () => {
  it('counts active cases of the user\'s teams: assigned to them, unassigned, past their target', async () => {
    const before = (await ana.get('/api/cases/counts')).body;
    expect(before).toEqual({ mine: expect.any(Number), unassigned: expect.any(Number), overdue: expect.any(Number) });
    const mine = await care.openCase('counts: mine');
    const late = await care.openCase('counts: late and unassigned');
    const done = await care.openCase('counts: resolved');
    const helpdesk = await care.openCase('counts: a refund for hugo');
    await setCase(mine, { assignee: 'ana', slaDueAt: new Date(Date.now() + 3_600_000) });
    await setCase(late, { slaDueAt: new Date(Date.now() - 60_000) });
    await setCase(done, { status: 'resolved', slaDueAt: new Date(Date.now() - 60_000) });
    await setCase(helpdesk, { slaDueAt: new Date(Date.now() - 60_000) });
    const after = (await ana.get('/api/cases/counts')).body;
    // Three new cases in ana's teams are active (one hers), one is resolved; the help desk's is not hers to count.
    expect(after).toEqual({ mine: before.mine + 1, unassigned: before.unassigned + 1, overdue: before.overdue + 1 });
    expect((await (await care.login('mia')).get('/api/cases/counts')).status).toBe(403);
  });
});

describe('GET /api/cases/:id/assignees', () => {
  it('lists the enabled agents and admins who may see the case\'s team; 404 outside the caller\'s teams', async () => {
    const id = await care.openCase('who can take this?');
    expect((await ana.get(`/api/cases/${id}/assignees`)).body.assignees.map((user: { username: string }) => user.username)).toEqual(expect.arrayContaining(['admin', 'ana']));
    expect((await ana.get(`/api/cases/${id}/assignees`)).body.assignees.map((user: { username: string }) => user.username)).not.toContain('hugo');
    expect((await ana.get(`/api/cases/${id}/assignees`)).body.assignees.map((user: { username: string }) => user.username)).not.toContain('mia');
    expect((await (await care.login('hugo')).get(`/api/cases/${id}/assignees`)).status).toBe(404);
    // Any of them can be assigned, and the assignment can be taken back.
    const assigned = await admin.patch(`/api/cases/${id}`, { assignee: 'ana' });
    expect(assigned.body.case.assignee).toBe('ana');
    const unassigned = await admin.patch(`/api/cases/${id}`, { assignee: null });
    expect(unassigned.body.case.assignee).toBeNull();
    // The history names who did it.
    const history = (await ana.get(`/api/cases/${id}`)).body.events.filter((event: { type: string }) => event.type === 'updated');
    expect(history.map((event: { actor: { name?: string } }) => event.actor.name)).toEqual(['admin', 'admin']);
  });
});
