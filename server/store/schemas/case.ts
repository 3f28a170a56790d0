import { Schema } from 'mongoose';
import { documentOptions, idPath, subdocument, withRevision, type NewDocument, type StoredDocument } from './define.js';
import { CASE_STATUSES } from './caseStatus.js';
import { CHANNELS, PRIORITIES, TIERS } from './enums.js';

export { CASE_STATUSES, type CaseStatus } from './caseStatus.js';

const caseCustomer = subdocument({
  id: { type: String, required: true, minlength: 1 },
  handle: String,
  name: String,
});

const caseRouting = subdocument({
  ruleId: { type: String, default: null },
  ruleSetVersion: { type: Number, required: true, min: 0 },
  /** The tier routing chose, kept when the case later escalates (escalation rate per tier). */
  tier: { type: Number, enum: TIERS, default: null },
});

/**
 * One case per conversation thread (api.md `Case`). Reads go through
 * CaseCollection, which requires a TeamScope. `version` is the API's
 * optimistic-concurrency number (PATCH answers 409 on a stale one);
 * `lastEventSeq` is the `seq` of the newest case event, so live events can be
 * numbered per case.
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
      /** When the target due at slaDueAt was missed (null while it is not, or once a new target is set). */
      slaBreachedAt: { type: Date, default: null },
      firstResponseAt: { type: Date, default: null },
      resolvedAt: { type: Date, default: null },
      escalations: { type: Number, required: true, default: 0, min: 0 },
      messageCount: { type: Number, required: true, default: 0, min: 0 },
      lastEventSeq: { type: Number, required: true, default: 0, min: 0 },
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
// Ingestion: the unresolved case of a thread, which a later message of that thread joins.
caseSchema.index({ platform: 1, threadId: 1, status: 1 });
// SLA sweeper: unresolved cases whose slaDueAt has passed.
caseSchema.index({ status: 1, slaDueAt: 1 });
// GET /api/metrics?from&to: cases opened in a period.
caseSchema.index({ createdAt: 1 });
// An agent's own queue: cases assigned to them, by status; also GET /api/cases?assignee=me|<username>.
caseSchema.index({ assignee: 1, status: 1 });
// GET /api/cases?priority=…: a team's cases of one priority, newest activity first (also an admin's, across teams).
caseSchema.index({ priority: 1, team: 1, lastActivityAt: -1 });
// GET /api/cases?tag=…: the cases carrying a tag (multikey), newest activity first; a tag narrows more than a team.
caseSchema.index({ tags: 1, lastActivityAt: -1 });
// GET /api/cases?sort=due: a team's cases, soonest response-time target first, paged by (slaDueAt, _id); slaDueAt null = the no-target tail.
caseSchema.index({ team: 1, slaDueAt: 1, _id: 1 });

/** A stored case. */
export type CaseDocument = StoredDocument<typeof caseSchema>;
/** A case to insert. */
export type NewCaseDocument = NewDocument<typeof caseSchema>;
