import { appendOnly, type AppendOnlyCollection } from './appendOnly.js';
import type { Collection } from './collection.js';
import type { AuditEntryDocument, NewAuditEntryDocument } from './schemas/auditEntry.js';

/** How a pending audit entry ends: its outcome, filled in once. */
export type AuditOutcome = Pick<AuditEntryDocument, 'state' | 'status' | 'action' | 'actor'> & { request: unknown; after: unknown };

/** The audit log: append-only, except that a `pending` entry (written before its change) is settled once with its outcome. */
export type AuditLogCollection = AppendOnlyCollection<AuditEntryDocument, NewAuditEntryDocument> & {
  /** Settles a pending entry; false when it is not pending (settled already): an outcome is never rewritten. */
  settle(id: string, outcome: AuditOutcome): Promise<boolean>;
};

/** Wraps the audit entries' collection: append-only operations plus settle. */
export function auditLog(collection: Collection<AuditEntryDocument, NewAuditEntryDocument>): AuditLogCollection {
  return Object.freeze({
    ...appendOnly(collection),
    settle: async (id: string, outcome: AuditOutcome) => (await collection.updateOne({ _id: id, state: 'pending' }, { $set: outcome })).matched,
  });
}
