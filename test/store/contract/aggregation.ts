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

const firstResponseByTeam = [
  { $match: { firstResponseAt: { $ne: null } } },
  { $project: { team: 1, minutes: { $divide: [{ $subtract: ['$firstResponseAt', '$createdAt'] }, 60_000] } } },
  { $group: { _id: '$team', answered: { $sum: 1 }, average: { $avg: '$minutes' }, percentiles: { $percentile: { input: '$minutes', p: [0, 0.5, 1], method: 'approximate' } } } },
  { $sort: { _id: 1 } },
];

export function aggregationContract(backend: BackendUnderTest): void {
  describe('aggregation pipelines', () => {
    const fresh = useFreshStore(backend);

    it('$match, $project, $group with $avg and $percentile, $sort', async () => {
      await seedCases(fresh.store);
      expect(await fresh.store.collections.cases.aggregate(allTeamsScope(), firstResponseByTeam)).toEqual([
        { _id: 'care', answered: 3, average: 10, percentiles: [5, 10, 15] },
        { _id: 'helpdesk', answered: 3, average: 60, percentiles: [30, 60, 90] },
      ]);
    });

    it('$facet with $count, $unwind and $sortByCount', async () => {
      await seedCases(fresh.store);
      const [facets] = await fresh.store.collections.cases.aggregate(allTeamsScope(), [
        {
          $facet: {
            byStatus: [{ $group: { _id: '$status', cases: { $sum: 1 } } }, { $sort: { _id: 1 } }],
            total: [{ $count: 'cases' }],
            tags: [{ $unwind: '$tags' }, { $sortByCount: '$tags' }, { $sort: { count: -1, _id: 1 } }],
          },
        },
      ]);
      expect(facets).toEqual({
        byStatus: [{ _id: 'open', cases: 4 }, { _id: 'pending', cases: 1 }, { _id: 'resolved', cases: 2 }],
        total: [{ cases: 7 }],
        tags: [{ _id: 'billing', count: 4 }, { _id: 'refund', count: 2 }, { _id: 'vip', count: 1 }],
      });
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
