/**
 * Runs `sweep` every `intervalMs` (and once at once with `atOnce`), never two
 * at a time: a tick that comes while a sweep still runs is skipped. `sweep`
 * handles its own errors. stop() ends the timer and waits for the sweep
 * running, if any.
 */
export function startPeriodicSweep(sweep: () => Promise<void>, intervalMs: number, options: { atOnce?: boolean } = {}): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= sweep().finally(() => (running = null));
  };
  if (options.atOnce) tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
