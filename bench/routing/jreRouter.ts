import { Engine } from 'json-rules-engine';
import type { Message, RuleSet } from '../../server/routing/types.js';
import { addBenchOperators, toEngineConditions } from './jreConditions.js';
import { tokenizeText } from './keywordFacts.js';

/**
 * Ways of getting "first enabled rule in order decides" out of
 * json-rules-engine, which has no such mode:
 * - `stop-at-first-success`: rule i gets priority n - i (the engine runs one
 *   priority after another), and the first success event calls engine.stop(),
 *   so later rules are skipped;
 * - `run-all-take-first`: the same priorities, every rule runs, the first
 *   success event (highest priority) decides;
 * - `parallel-take-lowest`: one shared priority, so all rules run in parallel;
 *   the success with the lowest rule index decides.
 */
export const FIRST_MATCH_STRATEGIES = ['stop-at-first-success', 'run-all-take-first', 'parallel-take-lowest'] as const;
export type FirstMatchStrategy = (typeof FIRST_MATCH_STRATEGIES)[number];

/** The facts of one message, computed before timing (text tokenized once). */
export type EngineFacts = Record<string, unknown>;

/** A rule set loaded into json-rules-engine. */
export interface EngineRouter {
  /** The deciding rule id for a message's facts (null: the fallback decides). */
  route(facts: EngineFacts): Promise<string | null>;
  /** The facts the rules read, for one message. */
  factsOf(message: Message): EngineFacts;
}

/** Builds the engine for a rule set and a first-match strategy. */
export function createEngineRouter(ruleSet: RuleSet, strategy: FirstMatchStrategy): EngineRouter {
  const engine = new Engine();
  addBenchOperators(engine);
  const enabled = ruleSet.rules.filter((rule) => rule.enabled !== false);
  const indexOf = new Map(enabled.map((rule, i) => [rule.id, i]));
  const used = new Set<string>();
  enabled.forEach((rule, i) => {
    const priority = strategy === 'parallel-take-lowest' ? 1 : enabled.length - i;
    const conditions = toEngineConditions(rule.when);
    collectFacts(conditions, used);
    engine.addRule({ name: rule.id, priority, conditions, event: { type: rule.id } });
  });
  // Only the facts some rule reads: the engine wraps every fact it is given, on every run.
  const factsOf = (message: Message): EngineFacts => {
    const all = engineFacts(message);
    return Object.fromEntries(Object.entries(all).filter(([name]) => used.has(name)));
  };
  return { route: firstMatch(engine, strategy, indexOf), factsOf };
}

function firstMatch(engine: Engine, strategy: FirstMatchStrategy, indexOf: Map<string, number>): EngineRouter['route'] {
  if (strategy === 'stop-at-first-success') {
    let winner: string | null = null;
    engine.on('success', (event) => {
      winner ??= event.type;
      engine.stop();
    });
    return async (facts) => {
      winner = null;
      await engine.run(facts);
      return winner;
    };
  }
  if (strategy === 'run-all-take-first') {
    return async (facts) => (await engine.run(facts)).events[0]?.type ?? null;
  }
  return async (facts) => {
    const { events } = await engine.run(facts);
    let best: string | null = null;
    for (const { type } of events) if (best === null || indexOf.get(type)! < indexOf.get(best)!) best = type;
    return best;
  };
}

function collectFacts(condition: object, into: Set<string>): void {
  if ('fact' in condition && typeof condition.fact === 'string') into.add(condition.fact);
  for (const child of Object.values(condition)) {
    if (Array.isArray(child)) for (const c of child) if (c && typeof c === 'object') collectFacts(c as object, into);
    if (child && typeof child === 'object' && !Array.isArray(child)) collectFacts(child as object, into);
  }
}

/** The engine facts of a message, named after our fields (absent booleans are false, as in the spec). */
function engineFacts(message: Message): EngineFacts {
  return {
    text: message.text,
    textTokens: tokenizeText(message.text),
    channel: message.channel,
    platform: message.platform,
    lang: message.lang,
    'author.handle': message.author.handle,
    'author.followers': message.author.followers,
    'author.verified': message.author.verified === true,
    'customer.vip': message.customer?.vip === true,
    'attachments.count': message.attachments?.length ?? 0,
  };
}
