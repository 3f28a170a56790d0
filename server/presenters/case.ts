import type { Channel, Priority, Tier } from '../routing/index.js';
import type { CaseDocument, CaseStatus } from '../store/index.js';

/** A case as the API and the live events show it (api.md `Case`, plus a few extras the inbox lists). */
export interface PresentedCase {
  id: string;
  tier: Tier;
  team: string;
  status: CaseStatus;
  priority: Priority;
  tags: string[];
  /** Username of the agent handling it, or null. */
  assignee: string | null;
  channel: Channel;
  platform: string;
  threadId: string;
  customer: { id: string; handle: string | null; name: string | null };
  routing: { ruleId: string | null; ruleSetVersion: number };
  slaDueAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  escalated: boolean;
  messageCount: number;
  lastActivityAt: string;
  resolvedAt: string | null;
}

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
    customer: { id: doc.customer.id, handle: doc.customer.handle ?? null, name: doc.customer.name ?? null },
    routing: { ruleId: doc.routing.ruleId ?? null, ruleSetVersion: doc.routing.ruleSetVersion },
    slaDueAt: isoOrNull(doc.slaDueAt),
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
    version: doc.version,
    escalated: doc.escalations > 0,
    messageCount: doc.messageCount,
    lastActivityAt: doc.lastActivityAt.toISOString(),
    resolvedAt: isoOrNull(doc.resolvedAt),
  };
}

function isoOrNull(date: Date | null | undefined): string | null {
  return date ? date.toISOString() : null;
}
