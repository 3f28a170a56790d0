import { Schema } from 'mongoose';
import { documentOptions, idPath, subdocument, withRevision, type NewDocument, type StoredDocument } from './define.js';

import { CASE_EVENT_TYPES } from './caseEventType.js';

export { CASE_EVENT_TYPES, type CaseEventType } from './caseEventType.js';

/** Who caused an event: a user (by id), the system (routing, SLA timer) or a connector (by name). */
export const eventActor = subdocument({
  kind: { type: String, enum: ['user', 'system', 'connector'] as const, required: true },
  id: { type: String, default: null },
});

/**
 * The audit trail of a case, append-only. `seq` grows by one per case and is
 * the `seq` of the live event announcing it, so a client can spot a gap and
 * ask for the events after the last one it saw. Events are first staged on
 * their case (case.ts `stagedEvents`) and written here under the `_id`
 * `<caseId>:<seq>`, so whether one was written is a primary-key lookup.
 * Every copy sets `storedAt` (caseHistory.ts).
 */
export const caseEventSchema = withRevision(
  Schema.create(
    {
      _id: idPath,
      caseId: { type: String, required: true, minlength: 1 },
      seq: { type: Number, required: true, min: 1 },
      type: { type: String, enum: CASE_EVENT_TYPES, required: true },
      at: { type: Date, required: true, default: () => new Date() },
      /**
       * When the event was copied here, which can be long after `at`: a writer
       * killed between its case write and the copy leaves the event staged
       * on the case until the repair sweep or the case's next writer copies
       * it. Not required: events stored before this field existed have none.
       */
      storedAt: { type: Date },
      actor: { type: eventActor, required: true },
      data: { type: Schema.Types.Mixed, default: () => ({}) },
    },
    documentOptions,
  ),
);

// GET /api/cases/:id (events in order) and catching up after a reconnect (seq > last seen); unique, so each seq is handed out once.
caseEventSchema.index({ caseId: 1, seq: 1 }, { unique: true });
// GET /api/metrics: events of one type in a period (escalations, replies, SLA breaches).
caseEventSchema.index({ type: 1, at: 1 });
// The webhook fan-out: the events of the types it sends stored since its last pass, whenever they happened.
caseEventSchema.index({ type: 1, storedAt: 1 });

/** A stored case event (`data` holds the details: changed fields, reply id…). */
export type CaseEventDocument = Omit<StoredDocument<typeof caseEventSchema>, 'data'> & { data: Record<string, unknown> };
/** A case event to append. */
export type NewCaseEventDocument = Omit<NewDocument<typeof caseEventSchema>, 'data'> & { data?: Record<string, unknown> };
