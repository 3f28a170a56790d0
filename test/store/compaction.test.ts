/** Compaction of an embedded datafile: writes after it (through the kept-open handle) land in the new file and survive reopening. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Schema } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { openNedbCollection } from '../../server/store/embedded/openNedbCollection.js';

const schema = new Schema({ _id: String, n: Number, _rev: Number });

describe('embedded datafile compaction', () => {
  it('rewrites a datafile of mostly superseded lines, and keeps every write made after it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'compaction-'));
    const file = join(dir, 'counters.db');
    try {
      const counters = await openNedbCollection(file, 'counters', schema, { compactAfterLines: 5 });
      await counters.insertMany([0, 1, 2].map((id) => ({ _id: `c${id}`, n: 0, _rev: 0 })));
      const rounds = 30;
      for (let round = 1; round <= rounds; round++) {
        const outcomes = await counters.replaceRevisions([0, 1, 2].map((id) => ({ id: `c${id}`, revision: round - 1, record: { _id: `c${id}`, n: round, _rev: round } })));
        expect(outcomes).toEqual(['replaced', 'replaced', 'replaced']);
      }
      // Too few superseded lines for another compaction: these stay appended to the compacted file.
      await counters.insertMany([{ _id: 'c3', n: 3, _rev: 0 }]);
      expect(await counters.replaceRevision('c0', rounds, { _id: 'c0', n: 100, _rev: rounds + 1 })).toBe('replaced');
      await counters.close();
      const lines = (await readFile(file, 'utf8')).split('\n').filter(Boolean);
      // Compacted along the way: far fewer lines than the 3 + 90 + 2 written.
      expect(lines.length).toBeLessThan(40);

      const reopened = await openNedbCollection(file, 'counters', schema);
      expect((await reopened.find({}, { sort: { _id: 1 } })).map((record) => [record._id, record.n])).toEqual([['c0', 100], ['c1', rounds], ['c2', rounds], ['c3', 3]]);
      await reopened.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
