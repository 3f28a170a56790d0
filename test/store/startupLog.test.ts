/** The start-up line saying which backend holds the data and where. */
import { describe, expect, it, vi } from 'vitest';
import { describeStore, logStoreInUse } from '../../server/store/index.js';

describe('store start-up log', () => {
  it('names the embedded backend, its directory and its limits', () => {
    expect(describeStore({ backend: 'embedded', location: '/srv/care/data' })).toBe(
      'store: embedded (MONGODB_URI not set), SQLite database in /srv/care/data (WAL, synchronous=FULL: every acknowledged write is on disk); one process only; data read from disk as needed, not held in memory',
    );
  });

  it('names MongoDB and its address', () => {
    const info = vi.fn();
    logStoreInUse({ info }, { backend: 'mongodb', location: 'mongodb://***@db1:27017/care (database care)' });
    expect(info).toHaveBeenCalledWith({ store: 'mongodb', location: 'mongodb://***@db1:27017/care (database care)' }, 'store: MongoDB at mongodb://***@db1:27017/care (database care)');
  });
});
