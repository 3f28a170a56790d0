import type { Store } from '../store/index.js';
import { WebhookDispatcher } from './dispatcher.js';
import { SecretBox } from './secretBox.js';

export interface PreparedWebhooks {
  /** Seals secrets for the API; undefined without WEBHOOK_SECRET_KEY. */
  box: SecretBox | undefined;
  /** Not started: a worker runs it as a leased job (workerPart.ts). */
  dispatcher: WebhookDispatcher | undefined;
}

/**
 * The webhook side of a process when WEBHOOK_SECRET_KEY is set. Refuses to
 * start without it once a webhook is stored: its deliveries could not be signed.
 */
export async function prepareWebhooks(store: Store, key: Buffer | undefined, options: { intervalMs?: number; allowPrivate?: boolean } = {}): Promise<PreparedWebhooks> {
  if (!key) {
    if ((await store.collections.webhooks.countDocuments({})) > 0) throw new Error('WEBHOOK_SECRET_KEY is required: webhooks are stored and their secrets are encrypted with it');
    return { box: undefined, dispatcher: undefined };
  }
  const box = new SecretBox(key);
  return { box, dispatcher: new WebhookDispatcher({ store, box, ...options }) };
}
