import type { Message, RuleSet } from '../../server/routing/types.js';
import { createEngineRouter, FIRST_MATCH_STRATEGIES, type FirstMatchStrategy } from './jreRouter.js';

export interface EngineRun {
  /** Deciding rule id per routed message (null: fallback), for messages[0 .. count-1]. */
  ruleIds: (string | null)[];
  perSecond: number;
  seconds: number;
}

export interface StrategyProbe extends EngineRun {
  strategy: FirstMatchStrategy;
}

/**
 * Routes messages through json-rules-engine one after another (a run keeps
 * state in the engine, so runs cannot overlap), until `maxMessages` or
 * `maxSeconds`. Facts are built before the clock starts.
 */
export async function benchEngine(
  ruleSet: RuleSet,
  strategy: FirstMatchStrategy,
  messages: readonly Message[],
  limits: { warmUp: number; maxMessages: number; maxSeconds: number },
): Promise<EngineRun> {
  const router = createEngineRouter(ruleSet, strategy);
  const count = Math.min(limits.maxMessages, messages.length);
  const facts = messages.slice(0, count).map((m) => router.factsOf(m));
  for (let i = 0; i < Math.min(limits.warmUp, count); i++) await router.route(facts[i]!);
  const ruleIds: (string | null)[] = [];
  const t0 = performance.now();
  const deadline = t0 + limits.maxSeconds * 1000;
  while (ruleIds.length < count && (ruleIds.length % 100 !== 0 || performance.now() < deadline)) {
    ruleIds.push(await router.route(facts[ruleIds.length]!));
  }
  const seconds = (performance.now() - t0) / 1000;
  return { ruleIds, perSecond: ruleIds.length / seconds, seconds };
}

/** Times every first-match strategy on the same messages, so the fastest can be used for the main run. */
export async function probeStrategies(ruleSet: RuleSet, messages: readonly Message[], maxSeconds: number): Promise<StrategyProbe[]> {
  const probes: StrategyProbe[] = [];
  for (const strategy of FIRST_MATCH_STRATEGIES) {
    const run = await benchEngine(ruleSet, strategy, messages, { warmUp: 200, maxMessages: messages.length, maxSeconds });
    probes.push({ strategy, ...run });
  }
  return probes;
}
