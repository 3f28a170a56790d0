import type { CaseSort } from '../../cases/caseSorts.js';
import type { RoutingTraceStep } from '../../cases/routingTraceStep.js';
import type { PresentedCase } from '../../presenters/presentedCase.js';
import type { PresentedCaseEvent } from '../../presenters/presentedCaseEvent.js';
import type { PresentedMessage, PresentedReply } from '../../presenters/presentedMessage.js';
import type { Channel, Priority, Tier } from '../../routing/types.js';
import type { CaseStatus, SETTABLE_CASE_STATUSES } from '../../store/schemas/caseStatus.js';

/*
 * The queries, request bodies and answers of /api/cases and what hangs off a
 * case. Their own file, importing only import-free type modules, because the
 * client uses them (type-only) and a client type-check cannot follow
 * schema.ts or the routes into the store (node-only modules).
 */

/** The filters of GET /api/cases (all optional; they hold together). */
export interface CaseListFilters {
  team?: string;
  tier?: Tier;
  status?: CaseStatus;
  priority?: Priority;
  tag?: string;
  channel?: Channel;
  /** A username, `me` (the caller) or `none` (unassigned). */
  assignee?: string;
  /** true: only cases still to be worked (not resolved, not suppressed); a `status` given wins. */
  active?: boolean;
  /** true: only snoozed cases (otherwise they are left out unless `status` is given). */
  snoozed?: boolean;
}

/** GET /api/cases/:id/assignees: who the case can be assigned to (the users of its team, admins included), by username. */
export interface CaseAssigneesAnswer {
  assignees: Array<{ username: string; name: string | null }>;
}

/** GET /api/cases/counts: the user's queues at a glance, over active cases (not resolved or suppressed) of their teams. */
export interface CaseCountsAnswer {
  mine: number;
  unassigned: number;
  overdue: number;
}

/** GET /api/cases query, as sent (the server fills in `sort` and `limit`). */
export interface CaseListQuery extends CaseListFilters {
  /** Default: `activity` (newest activity first). */
  sort?: CaseSort;
  limit?: number;
  /** The `nextCursor` of the page before. */
  cursor?: string;
}

/** GET /api/cases: one page of cases, and the cursor of the next (null on the last). */
export interface CaseListAnswer {
  cases: PresentedCase[];
  nextCursor: string | null;
}

/** A case as GET /api/cases/:id gives it: beyond the contract, `routing.trace` (the rules up to the deciding one, each with why it did not match). */
export type CaseWithTrace = Omit<PresentedCase, 'routing'> & { routing: PresentedCase['routing'] & { trace?: RoutingTraceStep[] } };

/** GET /api/cases/:id: the case, its thread and its history. */
export interface CaseDetailAnswer {
  case: CaseWithTrace;
  messages: PresentedMessage[];
  events: PresentedCaseEvent[];
}

/** What PATCH /api/cases/:id may change. */
export interface CaseChanges {
  status?: (typeof SETTABLE_CASE_STATUSES)[number];
  /** Username of an agent (or admin) of the case's team, or null to unassign. */
  assignee?: string | null;
  priority?: Priority;
  tags?: string[];
  /** Snooze until this instant (ISO 8601, in the future), or null to wake the case now. */
  snoozedUntil?: string | null;
}

/** PATCH /api/cases/:id body. */
export interface PatchCaseBody extends CaseChanges {
  /** The version the caller last saw; a different current version is a 409. */
  version?: number;
}

/** PATCH /api/cases/:id: the case as it now is. */
export interface CaseAnswer {
  case: PresentedCase;
}

/** POST /api/cases/:id/replies body. */
export interface ReplyBody {
  text: string;
  channel: Channel;
}

/** POST /api/cases/:id/replies (202): the queued reply's id and delivery status. */
export interface ReplyAnswer {
  reply: Pick<PresentedReply, 'id' | 'status'>;
}

/** Agents escalate to an agent tier: 1 (e.g. from the bot) or 2 (the private help desk). */
export type EscalationTier = Exclude<Tier, 0>;

/** POST /api/cases/:id/escalations body. */
export interface EscalationBody {
  reason: string;
  /** Default: the next tier up (at most 2), or the named team's tier. */
  tier?: EscalationTier;
  /** Default: the first team of the tier. */
  team?: string;
}

/** POST /api/cases/:id/escalations: the case as it now is, and the `escalated` event. */
export interface EscalationAnswer {
  case: PresentedCase;
  event: PresentedCaseEvent;
}

/** POST /api/cases/:id/notes body. */
export interface NoteBody {
  text: string;
}

/** POST /api/cases/:id/notes (201): the `note` event. */
export interface NoteAnswer {
  event: PresentedCaseEvent;
  /** Whom the note's @mentions reached (told live), and whom not and why. */
  mentions: { notified: string[]; unnotified: Array<{ username: string; reason: 'unknown user' | 'cannot see this case' | 'yourself' }> };
}
