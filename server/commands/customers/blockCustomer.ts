import { notFound } from '../../errors.js';
import type { CustomerBlockDocument, Store } from '../../store/index.js';
import type { CustomerKey } from './customerKey.js';

/** Blocks a person (admins): from now on their cases open suppressed and are never answered automatically. Blocking again updates the reason. */
export async function blockCustomer(props: { store: Store; key: CustomerKey; reason: string; actorId: string; now?: Date }): Promise<CustomerBlockDocument> {
  const now = props.now ?? new Date();
  const { document } = await props.store.collections.customerBlocks.upsertOne(
    { customer: props.key.key },
    { $set: { reason: props.reason.trim(), blockedBy: props.actorId, blockedAt: now } },
  );
  return document;
}

/** Unblocks a person (admins); 404 when they are not blocked. Cases already opened keep their status. */
export async function unblockCustomer(props: { store: Store; key: CustomerKey }): Promise<void> {
  const removed = await props.store.collections.customerBlocks.deleteMany({ customer: props.key.key });
  if (removed === 0) throw notFound('block');
}
