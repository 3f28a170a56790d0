import { Schema } from 'mongoose';
import { documentOptions, idPath, subdocument, withRevision, type NewDocument, type StoredDocument } from './define.js';
import { CASE_EVENT_TYPES } from './caseEventType.js';
import { eventActor } from './caseEvent.js';
import { CASE_STATUSES } from './caseStatus.js';
import { CHANNELS, PRIORITIES, TIERS } from './enums.js';

export { CASE_STATUSES, type CaseStatus } from './caseStatus.js';

const caseCustomer = subdocument({
  id: { type: String, required: true, minlength: 1 },
  handle: String,
  name: String,
  /** The author's followers when the case opened (null: unknown). */
  followers: { type: Number, min: 0 },
  /** customer.vip or a verified author, when the case opened. */
  vip: Boolean,
});

const caseRouting = subdocument({
  ruleId: { type: String, default: null },
  ruleSetVersion: { type: Number, required: true, min: 0 },
  /** The tier routing chose, kept when the case later escalates (escalation rate per tier). */
  tier: { type: Number, enum: TIERS, default: null },
});

/** An agent's reply that has not reached the customer: waiting for another attempt (X's window, a network failure) or given up. */
const caseReplyIssue = subdocument({
  replyId: { type: String, required: true, minlength: 1 },
  state: { type: String, enum: ['waiting', 'failed'], required: true },
  reason: { type: String, default: null },
  /** The next attempt (waiting), null once given up. */
  retryAt: { type: Date, default: null },
  /** The user who wrote it (their toast and row say so). */
  senderId: { type: String, required: true },
});

/**
 * An event of the case's newest write, staged on the case in that same
 * (atomic) write before it is copied to caseEvents; its seq follows from its
 * place: the staged events are the case's last ones, up to `lastEventSeq`.
 */
const stagedEvent = subdocument({
  type: { type: String, enum: CASE_EVENT_TYPES, required: true },
  at: { type: Date, required: true },
  actor: { type: eventActor, required: true },
  data: { type: Schema.Types.Mixed, default: () => ({}) },
});

/**
 * One case per customer conversation (api.md `Case`): a DM conversation, or
 * one customer's part of a public conversation (platform, threadId and
 * customer.id are its key). Reads go through
 * CaseCollection, which requires a TeamScope. `version` is the API's
 * optimistic-concurrency number (PATCH answers 409 on a stale one);
 * `lastEventSeq` is the `seq` of the newest case event, so live events can be
 * numbered per case. Every write that records events moves `lastEventSeq`
 * and stages those events on the case (`stagedEvents`, `stagedAt`) in one
 * compare-and-set, then copies them to caseEvents (cases/caseHistory.ts):
 * a writer killed in between leaves them on the case, where the next writer
 * or the repair sweep finds them, so seqs stay 1…lastEventSeq without a gap.
 */
export const caseSchema = withRevision(
  Schema.create(
    {
      _id: idPath,
      tier: { type: Number, enum: TIERS, required: true },
      team: { type: String, required: true, minlength: 1 },
      status: { type: String, enum: CASE_STATUSES, required: true, default: 'new' },
      priority: { type: String, enum: PRIORITIES, required: true, default: 'normal' },
      tags: { type: [{ type: String, minlength: 1 }], default: [] },
      assignee: { type: String, default: null },
      channel: { type: String, enum: CHANNELS, required: true },
      platform: { type: String, required: true, minlength: 1 },
      threadId: { type: String, required: true, minlength: 1 },
      customer: { type: caseCustomer, required: true },
      /** The first line of the customer's first message (trimmed, at most 140 characters), for the inbox rows; '' on cases opened before it existed. */
      preview: { type: String, default: '' },
      routing: { type: caseRouting, required: true },
      slaDueAt: { type: Date, default: null },
      /** Snoozed: out of the default inbox until then or the customer's next message, whichever comes first (null: not snoozed). */
      snoozedUntil: { type: Date, default: null },
      /** Since when the response clock stands still (the case is pending or snoozed; slaDueAt is null meanwhile); null while it runs. */
      slaPausedAt: { type: Date, default: null },
      /** Open-hours ms left to the target when the clock stopped (null: there was no target); it runs on from there. */
      slaRemainingMs: { type: Number, default: null },
      /** Open-hours ms the clock has stood still since the current target's clock started (the resolution target adds them too). */
      slaPausedMs: { type: Number, default: 0, min: 0 },
      /** When the target due at slaDueAt was missed (null while it is not, or once a new target is set). */
      slaBreachedAt: { type: Date, default: null },
      firstResponseAt: { type: Date, default: null },
      /** The newest agent reply that has not been delivered (recordDelivery), null when there is none. */
      replyIssue: { type: caseReplyIssue, default: null },
      /** When the customer wrote the case's first message (clamped to not after it was stored): first response and resolution times count from it. Null on cases stored before it existed (createdAt stands in). */
      firstMessageAt: { type: Date, default: null },
      /** When the customer's oldest unanswered message was written (clamped likewise): the response target counts from it; null while nothing waits for an answer. */
      waitingSince: { type: Date, default: null },
      resolvedAt: { type: Date, default: null },
      /** When the customer's personal data in this case was erased (POST /api/customers/:id/erase, RETENTION_DAYS); null while it is held. */
      erasedAt: { type: Date, default: null },
      escalations: { type: Number, required: true, default: 0, min: 0 },
      messageCount: { type: Number, required: true, default: 0, min: 0 },
      lastEventSeq: { type: Number, required: true, default: 0, min: 0 },
      /** The events of the newest write that recorded any, until the repair sweep has seen them in caseEvents. */
      stagedEvents: { type: [stagedEvent], default: [] },
      /** When they were staged; null once the repair sweep has seen them written. */
      stagedAt: { type: Date, default: null },
      lastActivityAt: { type: Date, required: true, default: () => new Date() },
      createdAt: { type: Date, required: true, default: () => new Date() },
      updatedAt: { type: Date, required: true, default: () => new Date() },
      version: { type: Number, required: true, default: 1, min: 1 },
    },
    documentOptions,
  ),
);

// GET /api/cases: the cases of the user's teams, newest activity first, paged by (lastActivityAt, _id).
caseSchema.index({ team: 1, lastActivityAt: -1, _id: -1 });
// GET /api/cases?status=…: the same list filtered by status.
caseSchema.index({ team: 1, status: 1, lastActivityAt: -1 });
// Ingestion: the case of a customer's conversation, which their later messages join (and the brand's answers to them); unique, so two processes ingesting one conversation open one case.
caseSchema.index({ platform: 1, threadId: 1, 'customer.id': 1 }, { unique: true });
// SLA sweeper: unresolved cases whose slaDueAt has passed.
caseSchema.index({ status: 1, slaDueAt: 1 });
// GET /api/metrics?from&to: cases opened in a period.
caseSchema.index({ createdAt: 1 });
// GET /api/search: the user's teams' cases, newest opened first, paged by (createdAt, _id).
caseSchema.index({ team: 1, createdAt: -1, _id: -1 });
// An agent's own queue: cases assigned to them, by status; also GET /api/cases?assignee=me|<username>.
caseSchema.index({ assignee: 1, status: 1 });
// GET /api/cases?priority=…: a team's cases of one priority, newest activity first (also an admin's, across teams).
caseSchema.index({ priority: 1, team: 1, lastActivityAt: -1 });
// GET /api/cases?tag=…: the cases carrying a tag (multikey), newest activity first; a tag narrows more than a team.
caseSchema.index({ tags: 1, lastActivityAt: -1 });
// GET /api/cases?sort=due: a team's cases, soonest response-time target first, paged by (slaDueAt, _id); slaDueAt null = the no-target tail.
caseSchema.index({ team: 1, slaDueAt: 1, _id: 1 });

// The assignment queue: a team's unassigned new/open cases, oldest first.
caseSchema.index({ team: 1, assignee: 1, status: 1, createdAt: 1 });

// The repair sweep (caseHistory.ts): cases whose staged events may not be in caseEvents yet.
caseSchema.index({ stagedAt: 1 });

// The retention sweep: resolved and suppressed cases untouched since a date, not erased yet.
caseSchema.index({ status: 1, erasedAt: 1, updatedAt: 1 });

// The snooze sweep: snoozed cases whose time has come.
caseSchema.index({ snoozedUntil: 1 });

/** A stored case. */
export type CaseDocument = StoredDocument<typeof caseSchema>;
/** A case to insert. */
export type NewCaseDocument = NewDocument<typeof caseSchema>;
