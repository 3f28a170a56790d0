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

/** The longest preview a case keeps (UTF-16 code units, as JavaScript and MongoDB count a string's length). */
export const PREVIEW_LENGTH = 140;

/**
 * The inbox's one-line preview of a message: its first line that is not
 * blank, trimmed, cut to PREVIEW_LENGTH without splitting a surrogate pair.
 */
export function previewOf(text: string): string {
  for (const [line] of text.matchAll(/[^\n\r\u2028\u2029]+/gu)) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    if (trimmed.length <= PREVIEW_LENGTH) return trimmed;
    const highSurrogateLast = /[\uD800-\uDBFF]/.test(trimmed.charAt(PREVIEW_LENGTH - 1));
    return trimmed.slice(0, highSurrogateLast ? PREVIEW_LENGTH - 1 : PREVIEW_LENGTH).trimEnd();
  }
  return '';
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
    preview: previewOf(message.text),
    routing: { ruleId: decision.ruleId, ruleSetVersion, tier: decision.tier },
    slaDueAt: bot ? null : slaDueAt(decision.tier, now, null, targets),
    messageCount: 0,
    lastActivityAt: new Date(message.createdAt),
    createdAt: now,
    updatedAt: now,
  };
}
