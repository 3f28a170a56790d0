import { describe, expect, it } from 'vitest';
import { useCareServer } from './careClient.js';

const care = useCareServer();
const ana = care.loggedIn('ana');
const hugo = care.loggedIn('hugo');

const ids = (reply: { body: { results: Array<{ case: { id: string } }> } }) => reply.body.results.map((result) => result.case.id);

describe('GET /api/search', () => {
  it('finds cases by every word of a message (any case, any order), a customer\'s name or handle, a tag or a note, only in the user\'s teams', async () => {
    const word = `zq${process.pid}x`;
    const parcel = await care.openCase(`My PARCEL ${word} never came, order 77`, { author: { id: 'srch-1', handle: 'parcel_pam', name: 'Pam Parcel' } });
    const other = await care.openCase(`the parcel came but ${word}-broken`);
    const refund = await care.openCase(`I want a refund for ${word}`);
    const byMessage = await ana.get(`/api/search?q=${encodeURIComponent(`${word} parcel`)}`);
    expect(byMessage.status).toBe(200);
    expect(ids(byMessage).sort()).toEqual([parcel, other].sort());
    expect(byMessage.body.results.find((result: { case: { id: string } }) => result.case.id === parcel).hits[0]).toMatchObject({ kind: 'message', text: expect.stringContaining('PARCEL'), at: expect.any(String) });
    // The refund case is the help desk's: hugo finds it, ana does not.
    expect(ids(await ana.get(`/api/search?q=${word}`))).not.toContain(refund);
    expect(ids(await hugo.get(`/api/search?q=${word}`))).toEqual([refund]);

    expect(ids(await ana.get('/api/search?q=pam%20parcel'))).toContain(parcel);
    expect(ids(await ana.get('/api/search?q=parcel_pam'))).toEqual([parcel]);
    const note = await ana.post(`/api/cases/${other}/notes`, { text: `customer ${word}-notes says to call back Tuesday` });
    expect(note.status).toBeLessThan(300);
    const byNote = await ana.get(`/api/search?q=${word}-notes%20tuesday`);
    expect(byNote.body.results.map((result: { case: { id: string }; hits: Array<{ kind: string }> }) => [result.case.id, result.hits[0]!.kind])).toEqual([[other, 'note']]);
    // Regex characters are searched as themselves.
    expect(ids(await ana.get('/api/search?q=.*'))).toEqual([]);
  });

  it('pages with nextCursor through every matching case once, newest opened first, until nextCursor is null', async () => {
    const word = `pg${process.pid}y`;
    const opened: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      opened.push(await care.openCase(`order ${i} ${word} is late`, { author: { id: `page-${i}`, handle: `pager${i}` } }));
      // Each case opened in a later millisecond, so "newest opened first" is the reverse of this order.
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const reply = await ana.get(`/api/search?q=${word}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(reply.status).toBe(200);
      seen.push(...ids(reply));
      cursor = reply.body.nextCursor;
      expect(reply.body.searchedBackTo === null).toBe(cursor === null);
      pages += 1;
    } while (cursor && pages < 10);
    expect(seen).toEqual([...opened].reverse());
    expect(pages).toBe(3);
    const bad = await ana.get(`/api/search?q=${word}&cursor=not-a-cursor`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([expect.objectContaining({ pointer: '/cursor' })]);
  });

  it('answers 400 for a missing or blank query, 403 for marketing, 401 logged out', async () => {
    expect((await ana.get('/api/search')).status).toBe(400);
    expect((await ana.get('/api/search?q=%20%20')).status).toBe(400);
    expect((await ana.get(`/api/search?q=${'a'.repeat(101)}`)).status).toBe(400);
    expect((await (await care.login('mia')).get('/api/search?q=parcel')).status).toBe(403);
    expect((await care.anonymous().get('/api/search?q=parcel')).status).toBe(401);
  });
});
