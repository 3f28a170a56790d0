import { logger } from '../logger.js';
import { judgeRuleSetRegexes } from '../regexChecks/judgeRuleSetRegexes.js';
import type { Store } from '../store/index.js';
import type { ActiveRuleSet } from './activeRuleSet.js';

/** How often a process looks for versions other processes published (MongoDB only). */
export const FOLLOW_INTERVAL_MS = 2_000;

/**
 * Puts in force a version newer than the one this process routes with, if one
 * was published (by another process sharing the MongoDB). Returns whether it
 * switched.
 */
export async function catchUpPublished(store: Store, rules: ActiveRuleSet): Promise<boolean> {
  const [newest] = await store.collections.ruleSetVersions.find({}, { sort: { version: -1 }, limit: 1, fields: ['version'] });
  if (!newest || newest.version <= rules.get().version) return false;
  const published = await store.collections.ruleSetVersions.findOne({ version: newest.version });
  // A publish in this process may have put it (or a newer one) in force meanwhile.
  if (!published || published.version <= rules.get().version) return false;
  // Its expressions are judged off the event loop first (publishing judged them in the other process, not here):
  // compiling then finds every verdict remembered instead of running recheck on this thread.
  await judgeRuleSetRegexes(published.ruleSet);
  if (published.version <= rules.get().version) return false;
  rules.replace(published.version, published.ruleSet);
  logger.info({ version: published.version, publishedBy: published.publishedBy }, 'rule set version published elsewhere now in force');
  return true;
}

/**
 * Several server processes may share one MongoDB: each checks every few
 * seconds for a newer version, so within FOLLOW_INTERVAL_MS of a publish
 * every process routes with it. The embedded backend is one process (it
 * holds the SQLite file's lock), where publishing swaps the router directly.
 */
export function followPublishedVersions(store: Store, rules: ActiveRuleSet, intervalMs = FOLLOW_INTERVAL_MS): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    catchUpPublished(store, rules)
      .catch((error: unknown) => logger.warn({ err: error }, 'looking for newly published rule sets failed'))
      .finally(() => (running = false));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
