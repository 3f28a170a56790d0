import type { Store } from '../store/index.js';
import type { WebhookDocument } from '../store/schemas/webhook.js';
import type { WebhookDeliveryDocument } from '../store/schemas/webhookDelivery.js';
import { retryDelayMs } from './backoff.js';
import { postJson } from './postJson.js';
import type { SecretBox } from './secretBox.js';
import { signatureHeader } from './signature.js';

/** How long a worker holds a delivery it is sending; a worker that dies mid-send frees it when this runs out. */
export const CLAIM_MS = 60 * 1000;
/** A receiver that does not answer within this is a failed attempt. */
export const SEND_TIMEOUT_MS = 10 * 1000;

export interface DeliverProps {
  store: Store;
  box: SecretBox;
  now: Date;
  /** In [0, 1): the retry jitter (tests fix it). */
  random?: () => number;
  /** WEBHOOK_ALLOW_PRIVATE: deliveries may go to loopback and private addresses. */
  allowPrivate?: boolean;
}

/**
 * One pass over the due deliveries: for each webhook and case, the oldest
 * pending delivery (by case event `seq`) is claimed and sent, and only when it
 * is due; later ones of that case wait behind it (in order per case, one at a
 * time). The claim is a compare-and-set on the stored delivery, so two workers
 * never send the same delivery at once. Returns how many attempts it made.
 */
export async function deliverDue(props: DeliverProps): Promise<number> {
  const { webhookDeliveries, webhooks } = props.store.collections;
  const due = await webhookDeliveries.find({ status: 'pending', nextAttemptAt: { $lte: props.now } }, { sort: { nextAttemptAt: 1 }, limit: 200, fields: ['webhookId', 'orderKey'] });
  const groups = new Map(due.map((doc) => [`${doc.webhookId}\u0000${doc.orderKey}`, doc]));
  const hooks = new Map((await webhooks.find({ _id: { $in: [...new Set(due.map((doc) => doc.webhookId))] }, paused: false })).map((hook) => [hook._id, hook]));
  const attempts = await Promise.all([...groups.values()].map(async ({ webhookId, orderKey }) => {
    const hook = hooks.get(webhookId);
    if (!hook) return 0;
    const head = await webhookDeliveries.findOne({ webhookId, orderKey, status: 'pending' }, { sort: { seq: 1, createdAt: 1 } });
    if (!head || head.nextAttemptAt > props.now || (head.claimedUntil && head.claimedUntil > props.now)) return 0;
    const claimed = await webhookDeliveries.findOneAndUpdate(
      { _id: head._id, status: 'pending', $or: [{ claimedUntil: null }, { claimedUntil: { $lte: props.now } }] },
      { $set: { claimedUntil: new Date(props.now.getTime() + CLAIM_MS) }, $inc: { attempts: 1 } },
      { returnDocument: 'after' },
    );
    if (!claimed) return 0;
    await recordOutcome(props, claimed, await send(hook, claimed, props));
    return 1;
  }));
  return attempts.reduce<number>((sum, count) => sum + count, 0);
}

type Outcome = { ok: true; statusCode: number } | { ok: false; statusCode: number | null; error: string };

async function send(hook: WebhookDocument, delivery: WebhookDeliveryDocument, props: DeliverProps): Promise<Outcome> {
  const body = JSON.stringify(delivery.payload);
  const signature = signatureHeader(props.box.open(hook.secretSealed), Math.floor(props.now.getTime() / 1000), body);
  try {
    const status = await postJson(hook.url, body, {
      headers: { 'content-type': 'application/json', 'user-agent': 'care-inbox-webhooks', 'x-care-signature': signature, 'x-care-delivery': delivery._id },
      timeoutMs: SEND_TIMEOUT_MS,
      allowPrivate: props.allowPrivate === true,
    });
    if (status >= 200 && status < 300) return { ok: true, statusCode: status };
    return { ok: false, statusCode: status, error: `answered ${status}` };
  } catch (error) {
    return { ok: false, statusCode: null, error: error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error) };
  }
}

async function recordOutcome(props: DeliverProps, delivery: WebhookDeliveryDocument, outcome: Outcome): Promise<void> {
  const { webhookDeliveries } = props.store.collections;
  if (outcome.ok) {
    await webhookDeliveries.updateOne({ _id: delivery._id }, { $set: { status: 'delivered', deliveredAt: props.now, lastStatusCode: outcome.statusCode, lastError: null, claimedUntil: null } });
    return;
  }
  const next = new Date(props.now.getTime() + retryDelayMs(delivery.attempts, (props.random ?? Math.random)()));
  const givingUp = next > delivery.giveUpAt;
  await webhookDeliveries.updateOne({ _id: delivery._id }, {
    $set: { status: givingUp ? 'failed' : 'pending', nextAttemptAt: givingUp ? delivery.nextAttemptAt : next, lastStatusCode: outcome.statusCode, lastError: outcome.error, claimedUntil: null },
  });
}
