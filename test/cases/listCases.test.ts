import { describe, expect, it } from 'vitest';
import { listCases } from '../../server/cases/listCases.js';
import { allTeamsScope } from '../../server/store/index.js';
import { message, useIngestStore } from '../commands/ingestFixture.js';

const { store, ingest } = useIngestStore();

describe('the inbox list and suppressed cases', () => {
  it('leaves suppressed cases out unless their status is asked for', async () => {
    await ingest([message('RT giveaway! win a phone', 'N'), message('my parcel is late', 'A')]);
    const list = async (status?: 'suppressed') => (await listCases({ store: store(), scope: allTeamsScope(), limit: 10, status })).items.map((found) => found.customer.id);
    expect(await list()).toEqual(['A']);
    expect(await list('suppressed')).toEqual(['N']);
  });
});
