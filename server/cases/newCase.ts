import type { Decision, Message } from '../routing/index.js';
import { newId, type NewCaseDocument } from '../store/index.js';
import { DEFAULT_SLA, slaDueAt, type TierTargets } from './sla.js';
import type { Tier } from '../routing/index.js';

/** The key of a message's conversation: its thread, or the message itself when it starts one. */
export function threadIdOf(message: Pick<Message, 'id' | 'threadId' | 'platform'>): string {
  if (message.threadId) return message.threadId;
  const prefix = `${message.platform}:`;
  return message.id.startsWith(prefix) ? message.id.slice(prefix.length) : message.id;
}

/** A new case for the first message of a thread, as routed (tier 0 starts with the bot). */
export function newCase(message: Message, decision: Decision, ruleSetVersion: number, now: Date, targets: Record<Tier, TierTargets> = DEFAULT_SLA): NewCaseDocument {
  const bot = decision.tier === 0;
  return {
    _id: newId(),
    tier: decision.tier,
    team: decision.team,
    status: bot ? 'bot' : 'new',
    priority: decision.priority,
    tags: decision.tags,
    assignee: null,
    channel: message.channel,
    platform: message.platform,
    threadId: threadIdOf(message),
    customer: { id: message.author.id, handle: message.author.handle, name: message.author.name },
    routing: { ruleId: decision.ruleId, ruleSetVersion, tier: decision.tier },
    slaDueAt: bot ? null : slaDueAt(decision.tier, now, null, targets),
    messageCount: 0,
    lastActivityAt: new Date(message.createdAt),
    createdAt: now,
    updatedAt: now,
  };
}
