import { Schema } from 'mongoose';
import { documentOptions, idPath, withRevision, type NewDocument, type StoredDocument } from './define.js';

/**
 * A blocked person (POST /api/customers/:id/block): their messages are still
 * stored and counted, never answered automatically, and their new cases
 * open `suppressed`. `customer` is "platform:authorId".
 */
export const customerBlockSchema = withRevision(
  Schema.create(
    {
      _id: idPath,
      customer: { type: String, required: true, minlength: 3 },
      reason: { type: String, required: true, minlength: 1, maxlength: 500 },
      blockedBy: { type: String, required: true, minlength: 1 },
      blockedAt: { type: Date, required: true, default: () => new Date() },
    },
    documentOptions,
  ),
);

// Ingestion asks whether a batch's authors are blocked; unique, so a person is blocked once.
customerBlockSchema.index({ customer: 1 }, { unique: true });

/** A stored block. */
export type CustomerBlockDocument = StoredDocument<typeof customerBlockSchema>;
/** A block to insert. */
export type NewCustomerBlockDocument = NewDocument<typeof customerBlockSchema>;
