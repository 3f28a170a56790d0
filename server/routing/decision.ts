import type { Decision, DecisionSpec, Message, Priority, Tier } from './types.js';

/** A rule's or the fallback's decision with defaults applied. */
export interface ResolvedDecision {
  tier: Tier;
  team: string;
  priority: Priority;
  tags: readonly string[];
  replyTemplate?: string;
  suppress: boolean;
}

const PLACEHOLDER = /\{\{\s*author\.(handle|name)\s*\}\}/g;

/** Applies the contract's defaults (priority normal, no tags). */
export function resolveDecision(spec: DecisionSpec): ResolvedDecision {
  const resolved: ResolvedDecision = {
    tier: spec.tier,
    team: spec.team,
    priority: spec.priority ?? 'normal',
    tags: Object.freeze([...(spec.tags ?? [])]),
    suppress: spec.suppress === true,
  };
  if (spec.reply) resolved.replyTemplate = spec.reply.text;
  return resolved;
}

/** Renders {{author.handle}} / {{author.name}}; an absent value renders as ''. */
export function renderReply(template: string, message: Message): string {
  return template.replace(PLACEHOLDER, (_match, key: string) => {
    const value = key === 'handle' ? message.author?.handle : message.author?.name;
    return typeof value === 'string' ? value : '';
  });
}

/** The decision for a message, as the CLI and the server report it. */
export function decide(message: Message, ruleId: string | null, resolved: ResolvedDecision): Decision {
  const decision: Decision = {
    id: message.id,
    ruleId,
    tier: resolved.tier,
    team: resolved.team,
    priority: resolved.priority,
    tags: [...resolved.tags],
  };
  if (resolved.replyTemplate !== undefined) decision.reply = renderReply(resolved.replyTemplate, message);
  if (resolved.suppress) decision.suppress = true;
  return decision;
}
