/** Contract: the same aggregation pipeline documents give the same results on every backend. */
import { describe, expect, it } from 'vitest';
import { allTeamsScope, teamsScope, type Store } from '../../../server/store/index.js';
import { useFreshStore, type BackendUnderTest } from '../backends.js';
import { newCase } from '../factories.js';

const OPENED = new Date('2026-11-20T09:00:00Z');
const minutesLater = (minutes: number) => new Date(OPENED.getTime() + minutes * 60_000);

/** Cases of two teams with known first-response times (minutes; null = not answered yet). */
async function seedCases(store: Store): Promise<void> {
  const seeds: Array<[team: string, minutes: number | null, status: 'open' | 'resolved' | 'pending', tags: string[]]> = [
    ['care', 5, 'resolved', ['billing', 'vip']],
    ['care', 15, 'open', ['billing']],
    ['care', 10, 'resolved', []],
    ['helpdesk', 30, 'open', ['billing', 'refund']],
    ['helpdesk', 90, 'pending', ['refund']],
    ['helpdesk', 60, 'open', ['billing']],
    ['helpdesk', null, 'open', []],
  ];
  for (const [team, minutes, status, tags] of seeds) {
    await store.collections.cases.insertOne(allTeamsScope(), newCase({ team, status, tags, createdAt: OPENED, firstResponseAt: minutes === null ? null : minutesLater(minutes) }));
  }
}

/** Cases per team, and per tag (most frequent first), in the stages and operators every backend runs. */
const casesByTeam = [
  { $match: { firstResponseAt: { $ne: null } } },
  { $project: { team: 1, status: 1 } },
  { $group: { _id: '$team', answered: { $sum: 1 } } },
  { $sort: { _id: 1 } },
];

export function aggregationContract(backend: BackendUnderTest): void {
  describe('aggregation pipelines', () => {
    const fresh = useFreshStore(backend);

    it('$match, $project, $group with $sum, $sort', async () => {
      await seedCases(fresh.store);
      expect(await fresh.store.collections.cases.aggregate(allTeamsScope(), casesByTeam)).toEqual([
        { _id: 'care', answered: 3 },
        { _id: 'helpdesk', answered: 3 },
      ]);
    });

    it('$count, $unwind, a compound $group key, and $sort after $group', async () => {
      await seedCases(fresh.store);
      const { cases } = fresh.store.collections;
      expect(await cases.aggregate(allTeamsScope(), [{ $count: 'cases' }])).toEqual([{ cases: 7 }]);
      expect(await cases.aggregate(allTeamsScope(), [{ $unwind: '$tags' }, { $group: { _id: '$tags', count: { $sum: 1 } } }, { $sort: { count: -1, _id: 1 } }])).toEqual([
        { _id: 'billing', count: 4 },
        { _id: 'refund', count: 2 },
        { _id: 'vip', count: 1 },
      ]);
      expect(await cases.aggregate(allTeamsScope(), [{ $group: { _id: { team: '$team', status: '$status' }, n: { $sum: 1 } } }, { $sort: { n: -1, '_id.team': 1, '_id.status': 1 } }])).toEqual([
        { _id: { team: 'helpdesk', status: 'open' }, n: 3 },
        { _id: { team: 'care', status: 'resolved' }, n: 2 },
        { _id: { team: 'care', status: 'open' }, n: 1 },
        { _id: { team: 'helpdesk', status: 'pending' }, n: 1 },
      ]);
    });

    it('refuses $facet and $percentile before any backend sees them (FerretDB has neither)', async () => {
      const { cases } = fresh.store.collections;
      await expect(cases.aggregate(allTeamsScope(), [{ $facet: { total: [{ $count: 'cases' }] } }])).rejects.toThrow(/\$facet is not allowed/);
      await expect(cases.aggregate(allTeamsScope(), [{ $group: { _id: null, p: { $percentile: { input: '$escalations', p: [0.5], method: 'approximate' } } } }])).rejects.toThrow(/\$percentile is not allowed/);
    });

    it('runs a case pipeline over the scope’s teams only', async () => {
      await seedCases(fresh.store);
      const rows = await fresh.store.collections.cases.aggregate(teamsScope(['care']), [{ $group: { _id: '$team', cases: { $sum: 1 } } }]);
      expect(rows).toEqual([{ _id: 'care', cases: 3 }]);
      expect(await fresh.store.collections.cases.aggregate(teamsScope([]), [{ $count: 'cases' }])).toEqual([]);
    });

    it('returns whole documents from a $match-only pipeline, without the store’s revision field', async () => {
      await seedCases(fresh.store);
      const rows = await fresh.store.collections.cases.aggregate(allTeamsScope(), [{ $match: { status: 'pending' } }]);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ team: 'helpdesk', status: 'pending' });
      expect(rows[0]).not.toHaveProperty('_rev');
    });
  });
}
