import express, { Router } from 'express';
import { badRequest, notFound } from '../../errors.js';
import { currentUser, requireRole } from '../../middleware/currentUser.js';
import { noStore } from '../../middleware/noStore.js';
import { validBody } from '../../middleware/validation.js';
import { presentDelivery, presentWebhook } from '../../presenters/webhook.js';
import type { Store } from '../../store/index.js';
import { createWebhook, deleteWebhook, redeliver, updateWebhook } from '../../webhooks/manageWebhooks.js';
import { privateHostProblem } from '../../webhooks/privateTargets.js';
import type { SecretBox } from '../../webhooks/secretBox.js';
import type { DeliveryListAnswer, WebhookAnswer, WebhookListAnswer } from './bodies.js';
import { checkCreateWebhookBody, checkPatchWebhookBody } from './schema.js';

export interface WebhookRouteDeps {
  store: Store;
  /** Seals webhook secrets (WEBHOOK_SECRET_KEY); without it webhooks cannot be created. */
  box: SecretBox | undefined;
  /** WEBHOOK_ALLOW_PRIVATE: URLs may name loopback and private addresses (refused otherwise, with a pointer at /url). */
  allowPrivate: boolean;
  /** Asks the dispatcher for a pass soon (a redelivery, a new webhook). */
  kick?: () => void;
}

/** /api/webhooks: admins manage outbound webhooks and read their delivery log. */
export function webhookRoutes(deps: WebhookRouteDeps): Router {
  const router = Router();
  const { store, box } = deps;
  const json = express.json({ limit: '16kb' });
  router.use('/api/webhooks', noStore, requireRole('admin'));

  router.get('/api/webhooks', async (_req, res) => {
    const webhooks = await store.collections.webhooks.find({}, { sort: { createdAt: 1 } });
    res.json({ webhooks: webhooks.map(presentWebhook) } satisfies WebhookListAnswer);
  });

  router.post('/api/webhooks', json, async (req, res) => {
    const body = validBody(checkCreateWebhookBody, req.body);
    checkTarget(body.url, deps.allowPrivate);
    const { webhook, secret } = await createWebhook({ store, box, ...body, actorId: currentUser(res)!.id });
    res.status(201).json({ webhook: presentWebhook(webhook), secret } satisfies WebhookAnswer);
  });

  router.patch('/api/webhooks/:id', json, async (req, res) => {
    const body = validBody(checkPatchWebhookBody, req.body);
    if (body.url !== undefined) checkTarget(body.url, deps.allowPrivate);
    res.json({ webhook: presentWebhook(await updateWebhook({ store, box, id: req.params.id as string, ...body })) } satisfies WebhookAnswer);
  });

  router.delete('/api/webhooks/:id', async (req, res) => {
    await deleteWebhook(store, req.params.id as string);
    res.status(204).end();
  });

  router.get('/api/webhooks/:id/deliveries', async (req, res) => {
    const id = req.params.id as string;
    if (!(await store.collections.webhooks.findOne({ _id: id }))) throw notFound('webhook');
    const deliveries = await store.collections.webhookDeliveries.find({ webhookId: id }, { sort: { createdAt: -1 }, limit: 100 });
    res.json({ deliveries: deliveries.map(presentDelivery) } satisfies DeliveryListAnswer);
  });

  router.post('/api/webhooks/:id/deliveries/:deliveryId/redeliver', async (req, res) => {
    await redeliver(store, req.params.id as string, req.params.deliveryId as string);
    deps.kick?.();
    res.status(202).json({ redelivered: req.params.deliveryId });
  });

  return router;
}

/** 400 at /url when the URL names a loopback or private address and those are not allowed. */
function checkTarget(url: string, allowPrivate: boolean): void {
  const problem = allowPrivate ? null : privateHostProblem(url);
  if (problem) throw badRequest('the webhook URL points into a private network', [{ pointer: '/url', message: problem }]);
}
