import { Schema } from 'mongoose';
import { documentOptions, withRevision, type NewDocument, type StoredDocument } from './define.js';

/**
 * Who works a connector stream or a timer now (server/leases/). `_id` is the
 * lease's name (e.g. `x:mentions`, `outbox`); `token` is the fencing token,
 * raised by one each time the lease changes hands, so a write carrying an
 * older token can be told apart and refused.
 */
export const leaseSchema = withRevision(
  Schema.create(
    {
      _id: { type: String, required: true, minlength: 1 },
      holder: { type: String, required: true, minlength: 1 },
      token: { type: Number, required: true, min: 1 },
      acquiredAt: { type: Date, required: true },
      renewedAt: { type: Date, required: true },
      /** Past this the lease is free for any process to take (with token + 1). */
      expiresAt: { type: Date, required: true },
    },
    documentOptions,
  ),
);
// No secondary index: leases are read by `_id` only, and there are a handful of them.

/** A stored lease. */
export type LeaseDocument = StoredDocument<typeof leaseSchema>;
/** A lease to insert. */
export type NewLeaseDocument = NewDocument<typeof leaseSchema>;
