import type { PresentedCase } from '../../presenters/presentedCase.js';

/*
 * The bodies and answers of /api/customers. Their own file, importing only
 * import-free type modules, because the client uses them (type-only).
 */

/** A person: "platform:authorId", what their latest case knows of them, and their block. */
export interface PresentedCustomer {
  id: string;
  platform: string;
  authorId: string;
  handle: string | null;
  name: string | null;
  blocked: { reason: string; by: string; at: string } | null;
}

/** GET /api/customers/:id: the person and every case of theirs the user may see, newest first. */
export interface CustomerAnswer {
  customer: PresentedCustomer;
  cases: PresentedCase[];
}

/** POST /api/customers/:id/block. */
export interface BlockCustomerBody {
  reason: string;
}

/** POST /api/customers/:id/erase: `confirm` must be true (erasure cannot be undone). */
export interface EraseCustomerBody {
  confirm: true;
}

/** POST /api/customers/:id/erase answers what it rewrote: counts, never contents. */
export interface ErasureAnswer {
  erased: {
    customer: string;
    cases: number;
    messages: number;
    events: number;
    webhookDeliveries: number;
    auditEntries: number;
    mentions: number;
    eventId: string;
  };
}
