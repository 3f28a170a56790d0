import { validateMessage, validateRuleSet } from '../server/routing/index.js';
import { decisionStats, findDisagreements, type Disagreement } from './routing/agreement.js';
import { generateCorpus } from './routing/corpus.js';
import { benchEngine, probeStrategies } from './routing/engine.js';
import { benchOurs } from './routing/ours.js';
import { SeededRandom as Prng } from '../server/simulator/x/prng.js';
import { buildRules } from './routing/ruleSet.js';
import { rate } from './routing/timing.js';

const RULES_SEED = 0x5eed_0001;
const CORPUS_SEED = 0x5eed_0002;

interface Options {
  messages: number;
  runs: number;
  jreMessages: number;
  jreSeconds: number;
  probeMessages: number;
}

const DEFAULTS: Options = { messages: 100_000, runs: 5, jreMessages: 10_000, jreSeconds: 20, probeMessages: 1_000 };

/**
 * Routing benchmark: our compiled router against json-rules-engine on a seeded
 * 200-rule set and corpus; checks both decide alike and ends with one JSON line.
 * Options: --messages N --runs N --jre-messages N --jre-seconds S --probe-messages N
 */
export async function main(args: string[] = []): Promise<void> {
  const options = parseOptions(args);
  const t0 = performance.now();
  const { ruleSet, vocabulary, triggers } = buildRules(new Prng(RULES_SEED), { rules: 200, fallbackShare: 0.15 });
  const messages = generateCorpus(new Prng(CORPUS_SEED), vocabulary, triggers, options.messages);
  log(`corpus: ${messages.length} messages, ${ruleSet.rules.length} rules, vocabulary ${vocabulary.filler.length} filler + ${vocabulary.careKeywords.length + vocabulary.inventedKeywords.length} keywords (${ms(t0)})`);

  const validation = validateRuleSet(ruleSet);
  if (!validation.ok) {
    for (const e of validation.errors) log(`invalid rule set: ${e.pointer}: ${e.message}`);
    process.exitCode = 2;
    return;
  }
  const invalid = messages.findIndex((m) => !validateMessage(m).ok);
  if (invalid !== -1) throw new Error(`generated message ${invalid} is not a valid message: ${JSON.stringify(messages[invalid])}`);

  const ours = benchOurs(ruleSet, messages, options.runs);
  const stats = decisionStats(ruleSet, ours.decisions);
  log(`ours: compile ${ours.compileMs.toFixed(0)} ms; ${options.runs} runs over ${messages.length} messages: ${ours.speed.runs.map(rate).join(', ')}`);
  log(`ours: median ${rate(ours.speed.median)}, best ${rate(ours.speed.best)}`);
  log(`decisions: mean deciding position ${stats.meanDecidingPosition.toFixed(1)} of ${ruleSet.rules.length}, fallback ${(stats.fallbackShare * 100).toFixed(1)}%, ${stats.meanRulesTested.toFixed(1)} rules per message for a first-match linear scan`);

  const probeSet = messages.slice(0, options.probeMessages);
  const probes = await probeStrategies(ruleSet, probeSet, options.jreSeconds / 4);
  const reference = probes.find((p) => p.strategy === 'run-all-take-first')!;
  for (const probe of probes) {
    const differs = probe.ruleIds.filter((id, i) => id !== reference.ruleIds[i]).length;
    const oursDiffer = probe.ruleIds.filter((id, i) => id !== ours.decisions[i]!.ruleId).length;
    log(`json-rules-engine first-match "${probe.strategy}": ${rate(probe.perSecond)} on ${probe.ruleIds.length} messages; differs from run-all on ${differs}, from ours on ${oursDiffer}`);
  }
  const correct = probes.filter((p) => p.ruleIds.every((id, i) => id === reference.ruleIds[i]));
  const chosen = correct.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
  log(`json-rules-engine: using "${chosen.strategy}" (fastest of the strategies that agree with running every rule)`);

  const engine = await benchEngine(ruleSet, chosen.strategy, messages, { warmUp: 300, maxMessages: options.jreMessages, maxSeconds: options.jreSeconds });
  log(`json-rules-engine: ${rate(engine.perSecond)} (${engine.ruleIds.length} messages in ${engine.seconds.toFixed(1)} s, facts incl. tokens prepared beforehand)`);
  const disagreements = findDisagreements(ruleSet, messages, ours.decisions, engine.ruleIds);
  reportDisagreements(disagreements, engine.ruleIds.length);

  const ratio = ours.speed.median / engine.perSecond;
  log(`ratio: ours (median) / json-rules-engine = ${ratio.toFixed(1)}x`);
  const result = {
    bench: 'routing',
    ours: Math.round(ours.speed.median),
    jsonRulesEngine: Math.round(engine.perSecond),
    ratio: Number(ratio.toFixed(2)),
    oursBest: Math.round(ours.speed.best),
    messages: messages.length,
    rules: ruleSet.rules.length,
    jsonRulesEngineMessages: engine.ruleIds.length,
    jsonRulesEngineStrategy: chosen.strategy,
    disagreements: disagreements.length,
    meanDecidingPosition: Number(stats.meanDecidingPosition.toFixed(1)),
    fallbackShare: Number(stats.fallbackShare.toFixed(4)),
  };
  if (disagreements.length > 0) process.exitCode = 1;
  console.log(JSON.stringify(result));
}

function reportDisagreements(disagreements: Disagreement[], compared: number): void {
  if (disagreements.length === 0) {
    log(`agreement: ours and json-rules-engine decide identically on all ${compared} messages routed by both`);
    return;
  }
  log(`DISAGREEMENT on ${disagreements.length} of ${compared} messages; first ones:`);
  for (const { message, expected, got } of disagreements.slice(0, 5)) {
    log(`  message ${JSON.stringify(message)}`);
    log(`    json-rules-engine: ${JSON.stringify(expected)}`);
    log(`    ours:              ${JSON.stringify(got)}`);
  }
}

function parseOptions(args: string[]): Options {
  const options = { ...DEFAULTS };
  const names: Record<string, keyof Options> = {
    '--messages': 'messages',
    '--runs': 'runs',
    '--jre-messages': 'jreMessages',
    '--jre-seconds': 'jreSeconds',
    '--probe-messages': 'probeMessages',
  };
  for (let i = 0; i < args.length; i += 2) {
    const key = names[args[i]!];
    const value = Number(args[i + 1]);
    if (!key || !(value > 0)) throw new Error(`usage: bench routing [${Object.keys(names).map((n) => `${n} N`).join('] [')}]`);
    options[key] = value;
  }
  return options;
}

function log(line: string): void {
  console.log(line);
}

function ms(since: number): string {
  return `${(performance.now() - since).toFixed(0)} ms`;
}
