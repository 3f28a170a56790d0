import type { Channel, Priority, Tier } from '../routing/types.js';
import type { CaseStatus } from '../store/schemas/caseStatus.js';

/**
 * A case as the API and the live events show it (api.md `Case`, plus a few
 * extras the inbox lists). Its own file, importing only import-free type
 * modules, because the client derives its `Case` from it (type-only).
 */
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
  /** `followers` and `vip` as the opening message had them (the inbox's VIP / high-reach badge). */
  customer: { id: string; handle: string | null; name: string | null; followers: number | null; vip: boolean };
  /** The first line of the customer's first message, trimmed, at most 140 characters ('' for cases older than previews). Not masked: only the case's team and admins see a case. */
  preview: string;
  routing: { ruleId: string | null; ruleSetVersion: number };
  /** When the response target falls due, in the team's business hours; null while paused or without a target. */
  slaDueAt: string | null;
  /** How the target stands: `due` (the clock runs), `paused` (pending or snoozed), `missed`, or null (no target: bot, suppressed, resolved). */
  slaState: 'due' | 'paused' | 'missed' | null;
  /** While paused: the business time (ms) left to the target when the clock stopped. */
  slaRemainingMs: number | null;
  /** Out of the default inbox until then or the customer's next message (null: not snoozed). */
  snoozedUntil: string | null;
  /** When an agent's first reply was delivered (null until then). */
  firstResponseAt: string | null;
  /** An agent's reply that has not reached the customer yet (waiting for another attempt, until `retryAt`) or never will (failed), or null. */
  replyIssue: { replyId: string; state: 'waiting' | 'failed'; reason: string | null; retryAt: string | null; senderId: string } | null;
  /** When the customer wrote their first message of the case (null on cases stored before it was kept). */
  firstMessageAt: string | null;
  /** When the customer's oldest unanswered message was written; null while nothing waits for an answer. Timers count from it. */
  waitingSince: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  escalated: boolean;
  messageCount: number;
  lastActivityAt: string;
  resolvedAt: string | null;
  /** When the customer's personal data was erased (texts, names, handles blank from then on); null while it is held. */
  erasedAt: string | null;
}
