import { logger } from '../logger.js';
import { compileRuleSet, routeMessage, type CompiledRuleSet, type Message, type TraceResult } from '../routing/index.js';
import { fromMessageDocument, messageIdOf, type CaseDocument, type CaseEventDocument, type MessageDocument, type Store } from '../store/index.js';
import { ConditionProbe } from './conditionProbe.js';
import type { RoutingTraceStep } from './routingTraceStep.js';
import { whyNotMatched } from './whyNotMatched.js';

export type { RoutingTraceStep } from './routingTraceStep.js';

interface CompiledVersion {
  compiled: CompiledRuleSet;
  probe: ConditionProbe;
}

// Versions never change once published, so a compiled one stays right for good; a few cover the cases agents open in a day.
const CACHED_VERSIONS = 8;
// Keyed by store too: version numbers are only unique within one store (tests run several servers in one process).
const compiledByStore = new WeakMap<Store, Map<number, CompiledVersion>>();

/**
 * Why the case was routed where it was: its first customer message routed
 * again, with the trace, by the rule-set version that routed it (versions are
 * immutable and the router is pure, so this is the original decision). Every
 * rule up to and including the deciding one (all of them for the fallback);
 * null when the message or version is gone, or when the replay does not reach
 * the stored decision (then no trace beats a wrong one).
 */
export async function routingTrace(props: { store: Store; case: CaseDocument; messages: readonly MessageDocument[]; events: readonly CaseEventDocument[] }): Promise<RoutingTraceStep[] | null> {
  const { store, case: found } = props;
  const first = routedMessage(found, props.messages, props.events);
  if (!first) return null;
  const version = await compiledVersion(store, found.routing.ruleSetVersion);
  if (!version) return null;
  const message = fromMessageDocument(first);
  const decision = routeMessage(version.compiled, message, { explain: true });
  if ((decision.ruleId ?? null) !== (found.routing.ruleId ?? null)) {
    logger.warn({ caseId: found._id, ruleSetVersion: found.routing.ruleSetVersion }, 'replaying the routing of a case reached another rule: no trace shown');
    return null;
  }
  return (decision.trace ?? []).map((entry, index) => traceStep(version, index, entry.ruleId, entry.result, message));
}

function traceStep(version: CompiledVersion, index: number, ruleId: string, result: TraceResult, message: Message): RoutingTraceStep {
  const rule = version.compiled.ruleSet.rules[index]!;
  const step: RoutingTraceStep = { ruleId, ...(rule.name ? { name: rule.name } : {}), result };
  if (result === 'disabled') return { ...step, why: 'disabled in this version: not evaluated' };
  if (result === 'no-match') return { ...step, ...whyNotMatched(version.probe, rule.when, `/rules/${index}/when`, message) };
  return step;
}

/** The customer message that opened the case (the `created` event names it; failing that, the customer's oldest). */
function routedMessage(found: CaseDocument, messages: readonly MessageDocument[], events: readonly CaseEventDocument[]): MessageDocument | undefined {
  const created = events.find((event) => event.type === 'created');
  const messageId = created?.data.messageId;
  const named = typeof messageId === 'string' ? messages.find((message) => messageIdOf(message) === messageId) : undefined;
  return named ?? messages.find((message) => !message.delivery && message.author.id === found.customer.id);
}

async function compiledVersion(store: Store, version: number): Promise<CompiledVersion | null> {
  let compiledVersions = compiledByStore.get(store);
  if (!compiledVersions) compiledByStore.set(store, (compiledVersions = new Map()));
  const cached = compiledVersions.get(version);
  if (cached) {
    // Most recently used goes last; the first is the one to drop.
    compiledVersions.delete(version);
    compiledVersions.set(version, cached);
    return cached;
  }
  const stored = await store.collections.ruleSetVersions.findOne({ version });
  if (!stored) return null;
  const compiled = compileRuleSet(stored.ruleSet);
  const entry = { compiled, probe: new ConditionProbe(compiled.ruleSet) };
  compiledVersions.set(version, entry);
  if (compiledVersions.size > CACHED_VERSIONS) compiledVersions.delete(compiledVersions.keys().next().value!);
  return entry;
}
