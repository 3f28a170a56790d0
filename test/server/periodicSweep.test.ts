import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPeriodicSweep } from '../../server/periodicSweep.js';

describe('startPeriodicSweep', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sweeps at once when asked, then every interval, never two at a time, and stop waits for the sweep running', async () => {
    let started = 0;
    let finish: (() => void) | undefined;
    const sweep = () => {
      started++;
      return new Promise<void>((resolve) => (finish = resolve));
    };
    const sweeper = startPeriodicSweep(sweep, 1_000, { atOnce: true });
    expect(started).toBe(1);
    await vi.advanceTimersByTimeAsync(3_500);
    expect(started, 'ticks during a running sweep are skipped').toBe(1);
    finish!();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(started).toBe(2);
    let stopped = false;
    const stopping = sweeper.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finish!();
    await stopping;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(started).toBe(2);
  });

  it('waits one interval for the first sweep unless asked', async () => {
    const sweep = vi.fn(async () => {});
    const sweeper = startPeriodicSweep(sweep, 1_000);
    expect(sweep).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sweep).toHaveBeenCalledTimes(1);
    await sweeper.stop();
  });
});
