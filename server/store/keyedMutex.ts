/**
 * Runs tasks one at a time per key (e.g. per case id), in call order, in
 * this process. Keys with nothing queued take no memory.
 */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Runs `work` once every earlier task for `key` has settled; resolves or rejects with it. */
  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(work, work);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /**
   * Runs `work` holding every key at once: the keys are taken one after
   * another in sorted order, so two callers of runAll never wait on each
   * other in a circle. (Code that holds one key and then asks for another
   * must ask in the same order.)
   */
  runAll<T>(keys: readonly string[], work: () => Promise<T>): Promise<T> {
    const sorted = [...new Set(keys)].sort();
    const holding = (index: number): Promise<T> => (index === sorted.length ? work() : this.run(sorted[index]!, () => holding(index + 1)));
    return holding(0);
  }
}
