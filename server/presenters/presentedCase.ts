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
  customer: { id: string; handle: string | null; name: string | null };
  /** The first line of the customer's first message, trimmed, at most 140 characters ('' for cases older than previews). Not masked: only the case's team and admins see a case. */
  preview: string;
  routing: { ruleId: string | null; ruleSetVersion: number };
  slaDueAt: string | null;
  /** When an agent's first reply was delivered (null until then). */
  firstResponseAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  escalated: boolean;
  messageCount: number;
  lastActivityAt: string;
  resolvedAt: string | null;
}
