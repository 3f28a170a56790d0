import { compileRuleSet, routeMessage } from '../../server/routing/index.js';
import type { Decision, Message, RuleSet } from '../../server/routing/types.js';
import { throughput, type Throughput } from './timing.js';

export interface OursResult {
  compileMs: number;
  speed: Throughput;
  /** Decisions of the last timed run, in corpus order. */
  decisions: Decision[];
}

/** Compiles once, warms up, then routes every message `runs` times, timing each pass. */
export function benchOurs(ruleSet: RuleSet, messages: readonly Message[], runs: number): OursResult {
  const started = performance.now();
  const compiled = compileRuleSet(ruleSet);
  const compileMs = performance.now() - started;
  let decisions: Decision[] = new Array<Decision>(messages.length);
  const warmUp = Math.min(messages.length, 20_000);
  for (let pass = 0; pass < 2; pass++) for (let i = 0; i < warmUp; i++) decisions[i] = routeMessage(compiled, messages[i]!);
  const perSecond: number[] = [];
  for (let run = 0; run < runs; run++) {
    decisions = new Array<Decision>(messages.length);
    const t0 = performance.now();
    for (let i = 0; i < messages.length; i++) decisions[i] = routeMessage(compiled, messages[i]!);
    perSecond.push(messages.length / ((performance.now() - t0) / 1000));
  }
  return { compileMs, speed: throughput(perSecond), decisions };
}
