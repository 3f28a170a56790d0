import type { Decision, Message } from '../routing/index.js';
import { newId, type NewCaseDocument } from '../store/index.js';
import type { TeamHours } from './businessHours.js';
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

/** A message's time as a timer's start: when the customer wrote it, but never after `now` (a clock ahead, or a future date sent in). */
export function customerTime(message: Pick<Message, 'createdAt'>, now: Date): Date {
  const written = Date.parse(message.createdAt);
  return new Date(Number.isNaN(written) ? now.getTime() : Math.min(written, now.getTime()));
}

/**
 * A new case for the customer message that opens a conversation, as routed:
 * tier 0 starts with the bot, a `suppress` decision makes it `suppressed`
 * (no response target), any other starts `new` with its target counted from
 * when the customer wrote. It holds no message yet (`lastEventSeq` 0): the
 * arrival of its first message records `created` (see joinCase.ts).
 */
export function newCase(message: Message, decision: Decision, ruleSetVersion: number, now: Date, targets: Record<Tier, TierTargets> = DEFAULT_SLA, hours: TeamHours | null = null): NewCaseDocument {
  const status = decision.suppress ? 'suppressed' : decision.tier === 0 ? 'bot' : 'new';
  const written = customerTime(message, now);
  const waiting = status === 'new' ? written : null;
  return {
    _id: newId(),
    tier: decision.tier,
    team: decision.team,
    status,
    priority: decision.priority,
    tags: decision.tags,
    assignee: null,
    channel: message.channel,
    platform: message.platform,
    threadId: threadIdOf(message),
    // Reach and VIP as the opening message had them: the inbox's VIP / high-reach badge.
    customer: { id: message.author.id, handle: message.author.handle, name: message.author.name, followers: message.author.followers ?? null, vip: message.customer?.vip === true || message.author.verified === true },
    preview: previewOf(message.text),
    routing: { ruleId: decision.ruleId, ruleSetVersion, tier: decision.tier },
    slaDueAt: waiting ? slaDueAt(decision.tier, waiting, null, targets, hours) : null,
    firstMessageAt: written,
    waitingSince: waiting,
    messageCount: 0,
    lastEventSeq: 0,
    lastActivityAt: written,
    createdAt: now,
    updatedAt: now,
  };
}
