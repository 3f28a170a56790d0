import { setTimeout as sleep } from 'node:timers/promises';
import { plainString, type Store } from '../../store/index.js';

// Long enough for one pass over a queue; a process that dies holding the lock frees it after this.
const HOLD_MS = 10_000;
const ATTEMPTS = 40;

/**
 * Runs `work` while holding the team's assignment lock, a field of the team
 * document taken with one conditional update, so only one process at a time
 * reads capacities and hands out the team's queue (capacity and queue order
 * hold across processes). Waits up to about 2 s for a holder; null when it
 * never got the lock (the periodic sweep assigns what is left).
 */
export async function withTeamAssignmentLock<T>(store: Store, team: string, work: () => Promise<T>): Promise<T | null> {
  const name = plainString(team, 'team');
  return store.exclusive(`assign:${name}`, async () => {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const now = new Date();
      const until = new Date(now.getTime() + HOLD_MS);
      const taken = await store.collections.teams.findOneAndUpdate(
        { name, $or: [{ assigningUntil: null }, { assigningUntil: { $lte: now } }] },
        { $set: { assigningUntil: until } },
        { returnDocument: 'after' },
      );
      if (taken) {
        try {
          return await work();
        } finally {
          await store.collections.teams.updateOne({ name, assigningUntil: until }, { $set: { assigningUntil: null } });
        }
      }
      if (!(await store.collections.teams.findOne({ name }))) return null;
      await sleep(25 + Math.random() * 50);
    }
    return null;
  });
}
