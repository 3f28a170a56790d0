import { ApiError, notFound } from '../errors.js';
import type { Store } from '../store/index.js';
import type { WebhookDocument } from '../store/schemas/webhook.js';
import type { WebhookEventType } from '../store/schemas/webhookEventType.js';
import { newWebhookSecret, type SecretBox } from './secretBox.js';

/** Without WEBHOOK_SECRET_KEY no secret can be stored, so no webhook can be created. */
export const noSecretKey = () => new ApiError(409, 'webhook_secret_key_missing', 'set WEBHOOK_SECRET_KEY (64 hex digits) to store webhook secrets');

export interface CreateWebhookProps {
  store: Store;
  box: SecretBox | undefined;
  url: string;
  events: WebhookEventType[];
  secret?: string;
  actorId: string;
}

/** Stores a webhook with its secret sealed; returns it with the secret in clear (shown this once). */
export async function createWebhook(props: CreateWebhookProps): Promise<{ webhook: WebhookDocument; secret: string }> {
  if (!props.box) throw noSecretKey();
  const secret = props.secret ?? newWebhookSecret();
  const now = new Date();
  const result = await props.store.collections.webhooks.insertOne({ url: props.url, events: [...new Set(props.events)], secretSealed: props.box.seal(secret), createdBy: props.actorId, createdAt: now, updatedAt: now });
  if (result.status !== 'inserted') throw new Error('webhook id collision');
  return { webhook: result.document, secret };
}

export interface UpdateWebhookProps {
  store: Store;
  box: SecretBox | undefined;
  id: string;
  url?: string;
  events?: WebhookEventType[];
  paused?: boolean;
  secret?: string;
}

/** Changes a webhook's URL, events, pause or secret; the secret, when given, is sealed like at creation. */
export async function updateWebhook(props: UpdateWebhookProps): Promise<WebhookDocument> {
  if (props.secret !== undefined && !props.box) throw noSecretKey();
  const set: Partial<WebhookDocument> = { updatedAt: new Date() };
  if (props.url !== undefined) set.url = props.url;
  if (props.events !== undefined) set.events = [...new Set(props.events)];
  if (props.paused !== undefined) set.paused = props.paused;
  if (props.secret !== undefined) set.secretSealed = props.box!.seal(props.secret);
  const updated = await props.store.collections.webhooks.findOneAndUpdate({ _id: props.id }, { $set: set }, { returnDocument: 'after' });
  if (!updated) throw notFound('webhook');
  return updated;
}

/** Deletes a webhook and its outbox (its undelivered deliveries go with it). */
export async function deleteWebhook(store: Store, id: string): Promise<WebhookDocument> {
  const existing = await store.collections.webhooks.findOne({ _id: id });
  if (!existing) throw notFound('webhook');
  await store.collections.webhooks.deleteMany({ _id: id });
  await store.collections.webhookDeliveries.deleteMany({ webhookId: id });
  return existing;
}

/** Sends a delivery again now (whatever its status), with a fresh 24 h of retries. */
export async function redeliver(store: Store, webhookId: string, deliveryId: string): Promise<void> {
  const now = new Date();
  const result = await store.collections.webhookDeliveries.updateOne(
    { _id: deliveryId, webhookId },
    { $set: { status: 'pending', nextAttemptAt: now, giveUpAt: new Date(now.getTime() + 24 * 60 * 60 * 1000), claimedUntil: null } },
  );
  if (!result.matched) throw notFound('delivery');
}
