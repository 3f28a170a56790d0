import type { Decision, DecisionSpec, Message, RuleSet } from '../../server/routing/types.js';

/** One message on which our router and json-rules-engine disagree. */
export interface Disagreement {
  message: Message;
  expected: Decision;
  got: Decision;
}

/**
 * Compares our decisions with the ones json-rules-engine's deciding rule
 * implies (defaults and reply placeholders applied per routing.md §2).
 */
export function findDisagreements(ruleSet: RuleSet, messages: readonly Message[], ours: readonly Decision[], engineRuleIds: readonly (string | null)[]): Disagreement[] {
  const byId = new Map(ruleSet.rules.map((rule) => [rule.id, rule]));
  const disagreements: Disagreement[] = [];
  engineRuleIds.forEach((ruleId, i) => {
    const message = messages[i]!;
    const spec = ruleId === null ? ruleSet.fallback : byId.get(ruleId)!.then;
    const expected = expectedDecision(message, ruleId, spec);
    const got = ours[i]!;
    if (JSON.stringify(expected) !== JSON.stringify(withoutTrace(got))) disagreements.push({ message, expected, got });
  });
  return disagreements;
}

function expectedDecision(message: Message, ruleId: string | null, spec: DecisionSpec): Decision {
  const decision: Decision = {
    id: message.id,
    ruleId,
    tier: spec.tier,
    team: spec.team,
    priority: spec.priority ?? 'normal',
    tags: spec.tags ?? [],
  };
  if (spec.reply) {
    decision.reply = spec.reply.text
      .replaceAll('{{author.handle}}', message.author.handle ?? '')
      .replaceAll('{{author.name}}', message.author.name ?? '');
  }
  return decision;
}

function withoutTrace(decision: Decision): Decision {
  const { id, ruleId, tier, team, priority, tags, reply } = decision;
  return { id, ruleId, tier, team, priority, tags, ...(reply === undefined ? {} : { reply }) };
}

/** Where decisions fell: mean 1-based position of the deciding rule, fallback share, rules tested per message. */
export function decisionStats(ruleSet: RuleSet, decisions: readonly Decision[]): { meanDecidingPosition: number; fallbackShare: number; meanRulesTested: number } {
  const position = new Map(ruleSet.rules.map((rule, i) => [rule.id, i + 1]));
  let decided = 0;
  let positionSum = 0;
  for (const { ruleId } of decisions) {
    if (ruleId === null) continue;
    decided++;
    positionSum += position.get(ruleId)!;
  }
  const fallbacks = decisions.length - decided;
  return {
    meanDecidingPosition: positionSum / decided,
    fallbackShare: fallbacks / decisions.length,
    meanRulesTested: (positionSum + fallbacks * ruleSet.rules.length) / decisions.length,
  };
}
