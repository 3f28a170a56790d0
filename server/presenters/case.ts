import { slaState } from '../cases/slaClock.js';
import type { Tier } from '../routing/index.js';
import type { CaseDocument } from '../store/index.js';
import type { PresentedCase } from './presentedCase.js';

export type { PresentedCase } from './presentedCase.js';

/** The one shape of a case, for HTTP bodies and socket payloads alike. */
export function presentCase(doc: CaseDocument): PresentedCase {
  return {
    id: doc._id,
    tier: doc.tier as Tier,
    team: doc.team,
    status: doc.status,
    priority: doc.priority,
    tags: [...doc.tags],
    assignee: doc.assignee ?? null,
    channel: doc.channel,
    platform: doc.platform,
    threadId: doc.threadId,
    customer: { id: doc.customer.id, handle: doc.customer.handle ?? null, name: doc.customer.name ?? null, followers: doc.customer.followers ?? null, vip: doc.customer.vip === true },
    // Cases stored before previews existed have none.
    preview: doc.preview ?? '',
    routing: { ruleId: doc.routing.ruleId ?? null, ruleSetVersion: doc.routing.ruleSetVersion },
    slaDueAt: isoOrNull(doc.slaDueAt),
    slaState: slaState(doc),
    slaRemainingMs: doc.slaPausedAt ? (doc.slaRemainingMs ?? null) : null,
    snoozedUntil: isoOrNull(doc.snoozedUntil ?? null),
    firstResponseAt: isoOrNull(doc.firstResponseAt),
    replyIssue: doc.replyIssue ? { replyId: doc.replyIssue.replyId, state: doc.replyIssue.state as 'waiting' | 'failed', reason: doc.replyIssue.reason ?? null, retryAt: isoOrNull(doc.replyIssue.retryAt), senderId: doc.replyIssue.senderId } : null,
    firstMessageAt: isoOrNull(doc.firstMessageAt),
    waitingSince: isoOrNull(doc.waitingSince),
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
    version: doc.version,
    escalated: doc.escalations > 0,
    messageCount: doc.messageCount,
    lastActivityAt: doc.lastActivityAt.toISOString(),
    resolvedAt: isoOrNull(doc.resolvedAt),
    erasedAt: isoOrNull(doc.erasedAt ?? null),
  };
}

function isoOrNull(date: Date | null | undefined): string | null {
  return date ? date.toISOString() : null;
}
