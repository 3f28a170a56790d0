import { Schema } from 'mongoose';
import { documentOptions, idPath, subdocument, withRevision, type NewDocument, type StoredDocument } from './define.js';

const auditActor = subdocument({
  id: { type: String, default: null },
  username: { type: String, default: null },
});

const auditTarget = subdocument({
  kind: { type: String, required: true, minlength: 1 },
  id: { type: String, required: true, minlength: 1 },
});

export const AUDIT_STATES = ['pending', 'done', 'refused', 'erased'] as const;
export type AuditState = (typeof AUDIT_STATES)[number];

/** One change a person made through the API (api.md GET /api/audit); append-only. */
export const auditEntrySchema = withRevision(
  Schema.create(
    {
      _id: idPath,
      at: { type: Date, required: true, default: () => new Date() },
      /** Who: the logged-in user; for a failed log-in only the username tried. */
      actor: { type: auditActor, required: true },
      action: { type: String, required: true, minlength: 1 },
      target: { type: auditTarget, default: null },
      /** The HTTP status the change was answered with (0 while pending). */
      status: { type: Number, required: true },
      /**
       * `pending`: written before the change was attempted (write-ahead, see
       * docs/audit.md); `done`: the change was answered 2xx (or a failed
       * log-in was recorded); `refused`: answered otherwise, nothing changed;
       * `erased`: an erasure closed it while pending, so that a settle
       * arriving later cannot write the erased person back (outcome not kept).
       * A `pending` entry that stays so: the process stopped mid-request and
       * the change may or may not have been made.
       */
      state: { type: String, enum: AUDIT_STATES, required: true, default: 'done' },
      /** The target as it was before the change (where there is one). */
      before: { type: Schema.Types.Mixed, default: null },
      /** What was asked (secrets and passwords removed). */
      request: { type: Schema.Types.Mixed, default: null },
      /** What it became: the answer's resource (secrets removed). */
      after: { type: Schema.Types.Mixed, default: null },
    },
    documentOptions,
  ),
);

// GET /api/audit: newest first, by actor or by action.
auditEntrySchema.index({ at: -1 });
auditEntrySchema.index({ 'actor.id': 1, at: -1 });
auditEntrySchema.index({ action: 1, at: -1 });

export type AuditEntryDocument = Omit<StoredDocument<typeof auditEntrySchema>, 'request' | 'after' | 'before' | 'state'> & { request: unknown; after: unknown; before: unknown; state: AuditState };
export type NewAuditEntryDocument = Omit<NewDocument<typeof auditEntrySchema>, 'request' | 'after' | 'before' | 'state'> & { request?: unknown; after?: unknown; before?: unknown; state?: AuditState };
