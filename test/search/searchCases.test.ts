import { describe, expect, it } from 'vitest';
import { searchCases, type SearchPosition } from '../../server/search/searchCases.js';
import { allTeamsScope, teamsScope, type Store, type TeamScope } from '../../server/store/index.js';
import { BACKENDS, useFreshStore } from '../store/backends.js';
import { inserted, newCase, newCaseEvent, newMessage } from '../store/factories.js';

const opened = (minute: number) => new Date(Date.UTC(2026, 10, 20, 9, minute));

/** Every page of a search, following `next` until there is none. */
async function allPages(store: Store, scope: TeamScope, query: string, limit: number, budget?: number): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let after: SearchPosition | null = null;
  let pages = 0;
  do {
    const page = await searchCases({ store, scope, query, limit, after, budget });
    expect(page.results.length).toBeLessThanOrEqual(limit);
    ids.push(...page.results.map((result) => result.case._id));
    after = page.next;
    pages += 1;
  } while (after && pages < 100);
  return { ids, pages };
}

// The same search on every backend: $regex is what MongoDB, FerretDB (no $text) and the embedded backend all have.
for (const backend of BACKENDS) {
  describe.skipIf(!backend.enabled)(`searchCases on ${backend.name}`, () => {
    const fresh = useFreshStore(backend);

    it('finds every word in messages, notes and customers, case-insensitively, only in the scope, newest case first', async () => {
      const { cases, messages, caseEvents } = fresh.store.collections;
      const care = inserted(await cases.insertOne(allTeamsScope(), newCase({ team: 'care', customer: { id: '1', handle: 'pam_parcel', name: 'Pam' }, createdAt: opened(1) })));
      const helpdesk = inserted(await cases.insertOne(allTeamsScope(), newCase({ team: 'helpdesk', tier: 2, createdAt: opened(2) })));
      const noted = inserted(await cases.insertOne(allTeamsScope(), newCase({ team: 'care', createdAt: opened(3) })));
      await messages.insertOne(newMessage({ caseId: care._id, text: 'My Parcel never came (order 5)', createdAt: new Date('2026-11-20T10:00:00Z') }));
      await messages.insertOne(newMessage({ caseId: helpdesk._id, text: 'refund my parcel please', createdAt: new Date('2026-11-20T11:00:00Z') }));
      await caseEvents.insertOne(newCaseEvent({ caseId: noted._id, type: 'note', at: new Date('2026-11-20T12:00:00Z'), data: { text: 'Parcel resent by courier', author: 'ana' } }));

      const found = await searchCases({ store: fresh.store, scope: teamsScope(['care']), query: 'PARCEL', limit: 10 });
      expect(found.results.map((result) => [result.case._id, result.hits.map((hit) => hit.kind)])).toEqual([[noted._id, ['note']], [care._id, ['customer', 'message']]]);
      expect(found.next).toBeNull();
      expect((await searchCases({ store: fresh.store, scope: teamsScope(['care']), query: 'never parcel', limit: 10 })).results.map((result) => result.case._id)).toEqual([care._id]);
      expect((await searchCases({ store: fresh.store, scope: allTeamsScope(), query: 'refund', limit: 10 })).results.map((result) => result.case._id)).toEqual([helpdesk._id]);
      expect((await searchCases({ store: fresh.store, scope: teamsScope(['care']), query: '(order', limit: 10 })).results).toHaveLength(1);
      expect((await searchCases({ store: fresh.store, scope: teamsScope(['care']), query: noted._id, limit: 10 })).results.map((result) => [result.case._id, result.hits[0]!.kind])).toEqual([[noted._id, 'case']]);
    });

    it('pages through every matching case exactly once, however many matches other teams have, and ends with next null', async () => {
      const { cases, messages } = fresh.store.collections;
      // 450 newer matching messages in the help desk's cases: the old search read the newest 400 matches and found nothing for care.
      const helpdesk = await cases.insertMany(allTeamsScope(), Array.from({ length: 5 }, (_, i) => newCase({ team: 'helpdesk', tier: 2, createdAt: opened(50 + i) })));
      await messages.insertMany(Array.from({ length: 450 }, (_, i) => newMessage({ caseId: inserted(helpdesk[i % 5]!)._id, text: `late parcel, reminder ${i}`, createdAt: new Date(Date.UTC(2026, 10, 21, 0, 0, i)) })));
      // 45 care cases, every third with a match (15), two of them opened in the same millisecond (the id breaks the tie).
      const careCases = await cases.insertMany(allTeamsScope(), Array.from({ length: 45 }, (_, i) => newCase({ team: 'care', createdAt: i === 44 ? opened(43) : opened(i) })));
      const matching = careCases.map((result) => inserted(result)).filter((_, i) => i % 3 === 2);
      await messages.insertMany(matching.map((found) => newMessage({ caseId: found._id, text: 'my PARCEL is late', createdAt: new Date('2026-11-20T08:00:00Z') })));
      const expected = [...matching].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a._id < b._id ? 1 : -1)).map((found) => found._id);

      const paged = await allPages(fresh.store, teamsScope(['care']), 'late parcel', 4);
      expect(paged.ids).toEqual(expected);
      expect(paged.pages).toBe(4);
      // A budget smaller than the cases: pages may come back short (or empty) with a next one, and still add up to all of them.
      const budgeted = await allPages(fresh.store, teamsScope(['care']), 'late parcel', 50, 7);
      expect(budgeted.ids).toEqual(expected);
      expect(budgeted.pages).toBe(Math.ceil(45 / 7));
      expect((await allPages(fresh.store, allTeamsScope(), 'late parcel', 50)).ids).toHaveLength(20);
    });
  });
}
