/** Leases with fencing tokens on every backend, judged by a clock the test moves by hand. */
import { describe, expect, it } from 'vitest';
import { saveWithToken } from '../../server/leases/fencedCheckpoints.js';
import { LeaseLostError } from '../../server/leases/leaseErrors.js';
import { LeasedWork, type Fence } from '../../server/leases/leasedWork.js';
import { Leases } from '../../server/leases/leases.js';
import { BACKENDS, useFreshStore } from '../store/backends.js';

const LEASE_MS = 10_000;

/** A clock that moves only when told. */
function fixedClock(start = Date.parse('2026-03-01T09:00:00Z')) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

for (const backend of BACKENDS) {
  describe.skipIf(!backend.enabled)(`leases on ${backend.name}`, () => {
    const fresh = useFreshStore(backend);
    const leasesFor = (holder: string, clock: { now(): number }) => new Leases(fresh.store.collections.leases, { holder, leaseMs: LEASE_MS, now: clock.now });

    it('gives a free lease to one holder, token 1, and refuses it to the others while it lasts', async () => {
      const clock = fixedClock();
      const [a, b] = [leasesFor('a', clock), leasesFor('b', clock)];
      const grant = await a.acquire('x:mentions');
      expect(grant).toEqual({ name: 'x:mentions', token: 1, validUntil: clock.now() + LEASE_MS });
      clock.advance(LEASE_MS - 1);
      expect(await b.acquire('x:mentions')).toBeNull();
      expect(await a.stillHeld(grant!)).toBe(true);
    });

    it('lets another holder take an expired lease with the next token; the old holder can neither renew nor trust it', async () => {
      const clock = fixedClock();
      const [a, b] = [leasesFor('a', clock), leasesFor('b', clock)];
      const first = (await a.acquire('outbox'))!;
      clock.advance(LEASE_MS);
      expect(await a.stillHeld(first)).toBe(false);
      const second = await b.acquire('outbox');
      expect(second?.token).toBe(2);
      // b learns whose it was and when it was last renewed (the writes it may have to follow up on).
      expect(second?.takenFrom).toEqual({ holder: 'a', renewedAt: new Date(clock.now() - LEASE_MS) });
      expect(await a.acquire('outbox', first)).toBeNull();
      expect((await b.list()).map(({ _id, holder, token }) => ({ _id, holder, token }))).toEqual([{ _id: 'outbox', holder: 'b', token: 2 }]);
    });

    it('keeps the lease for a holder that renews in time', async () => {
      const clock = fixedClock();
      const [a, b] = [leasesFor('a', clock), leasesFor('b', clock)];
      let grant = (await a.acquire('sla-sweeper'))!;
      for (let round = 0; round < 3; round++) {
        clock.advance(LEASE_MS / 2);
        grant = (await a.acquire('sla-sweeper', grant))!;
        expect(grant.token).toBe(1);
        expect(await b.acquire('sla-sweeper')).toBeNull();
      }
    });

    it('gives an expired lease to exactly one of several processes racing for it', async () => {
      const clock = fixedClock();
      await leasesFor('gone', clock).acquire('x:dms');
      clock.advance(LEASE_MS + 1);
      const grants = await Promise.all(['p1', 'p2', 'p3', 'p4'].map((holder) => leasesFor(holder, clock).acquire('x:dms')));
      expect(grants.filter(Boolean)).toHaveLength(1);
      expect(grants.find(Boolean)?.token).toBe(2);
    });

    it('frees a released lease at once', async () => {
      const clock = fixedClock();
      const [a, b] = [leasesFor('a', clock), leasesFor('b', clock)];
      await a.release((await a.acquire('outbox'))!);
      expect((await b.acquire('outbox'))?.token).toBe(2);
    });

    it('refuses the checkpoint of a fenced-out writer once the new holder has written', async () => {
      const clock = fixedClock();
      const checkpoints = fresh.store.collections.checkpoints;
      const old = (await leasesFor('a', clock).acquire('x:mentions'))!;
      await saveWithToken(checkpoints, 'x', 'mentions', { newestId: '100' }, old.token, 'x:mentions');
      clock.advance(LEASE_MS);
      const taken = (await leasesFor('b', clock).acquire('x:mentions'))!;
      await saveWithToken(checkpoints, 'x', 'mentions', { newestId: '200' }, taken.token, 'x:mentions');
      // The old holder, paused through the takeover, wakes up and writes what it had read.
      await expect(saveWithToken(checkpoints, 'x', 'mentions', { newestId: '150' }, old.token, 'x:mentions')).rejects.toBeInstanceOf(LeaseLostError);
      expect(await checkpoints.findOne({ connector: 'x', stream: 'mentions' })).toMatchObject({ newestId: '200', fence: 2 });
    });

    it('runs the job only while the lease is held, and another process takes over after expiry plus one poll', async () => {
      const clock = fixedClock();
      const events: string[] = [];
      const fences = new Map<string, Fence>();
      const job = (who: string) => ({
        start: (fence: Fence) => void (events.push(`${who} start ${fence.token()}`), fences.set(who, fence)),
        stop: async () => void events.push(`${who} stop`),
      });
      // A long poll: the test drives each round with tick().
      const a = new LeasedWork(leasesFor('a', clock), 'outbox', job('a'), 3_600_000);
      const b = new LeasedWork(leasesFor('b', clock), 'outbox', job('b'), 3_600_000);
      try {
        await a.tick();
        await b.tick();
        expect(events).toEqual(['a start 1']);
        await expect(fences.get('a')!.assertHeld()).resolves.toBeUndefined();
        // a stops renewing (it hangs or died); b's next poll after the lease ran out takes it.
        clock.advance(LEASE_MS);
        await b.tick();
        expect(events).toEqual(['a start 1', 'b start 2']);
        // a comes back: its fence refuses at once (its own clock), and its next round stops the job.
        await expect(fences.get('a')!.assertHeld()).rejects.toBeInstanceOf(LeaseLostError);
        expect(events).toEqual(['a start 1', 'b start 2', 'a stop']);
        await a.tick();
        expect(a.held).toBe(false);
        expect(b.held).toBe(true);
      } finally {
        await a.end();
        await b.end();
      }
    });

    it('refuses a holder whose lease was taken while its own clock still trusted it', async () => {
      const early = fixedClock();
      const late = fixedClock(early.now() + LEASE_MS);
      const a = new LeasedWork(leasesFor('a', early), 'x:dms', { start: () => undefined, stop: async () => undefined }, 3_600_000);
      try {
        await a.tick();
        // b's clock runs a whole lease ahead (or a was paused): it sees the lease expired and takes it.
        expect((await leasesFor('b', late).acquire('x:dms'))?.token).toBe(2);
        await expect(a.fence.assertHeld()).rejects.toThrow('expired or taken by another process');
        expect(a.held).toBe(false);
      } finally {
        await a.end();
      }
    });
  });
}
