/** Store.exclusive's mutex: one task at a time per key, in call order; other keys unaffected; a failure does not block the queue. */
import { describe, expect, it } from 'vitest';
import { KeyedMutex } from '../../server/store/keyedMutex.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 2));

describe('KeyedMutex', () => {
  it('runs tasks of one key one at a time, in call order', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`${name} start`);
      await tick();
      log.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([mutex.run('case:1', task('a')), mutex.run('case:1', task('b')), mutex.run('case:1', task('c'))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
  });

  it('lets different keys run side by side, and a failed task hand over to the next', async () => {
    const mutex = new KeyedMutex();
    const running = new Set<string>();
    let overlap = false;
    const task = (key: string) => async () => {
      running.add(key);
      if (running.size > 1) overlap = true;
      await tick();
      running.delete(key);
    };
    await Promise.all([mutex.run('case:1', task('1')), mutex.run('case:2', task('2'))]);
    expect(overlap).toBe(true);
    const failed = mutex.run('case:3', async () => {
      throw new Error('boom');
    });
    const next = mutex.run('case:3', async () => 'ran');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ran');
  });

  it('holds several keys at once, waiting for each, and never deadlocks two callers taking them in different orders', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    let releaseOne!: () => void;
    const one = mutex.run('case:1', () => new Promise<void>((resolve) => (releaseOne = resolve)).then(() => void log.push('one')));
    const both = mutex.runAll(['case:2', 'case:1'], async () => void log.push('both'));
    const bothAgain = mutex.runAll(['case:1', 'case:2', 'case:1'], async () => void log.push('both again'));
    const two = mutex.run('case:2', async () => void log.push('two'));
    await tick();
    // Keys are taken one at a time in sorted order: waiting for case:1, neither runAll holds case:2 yet.
    expect(log).toEqual(['two']);
    releaseOne();
    await Promise.all([one, both, bothAgain, two]);
    expect(log).toEqual(['two', 'one', 'both', 'both again']);
  });
});
