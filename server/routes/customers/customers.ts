import express, { Router } from 'express';
import { blockCustomer, unblockCustomer } from '../../commands/customers/blockCustomer.js';
import { customerKeyOf } from '../../commands/customers/customerKey.js';
import { customerProfile, type CustomerProfile } from '../../commands/customers/customerProfile.js';
import { notFound } from '../../errors.js';
import { currentUser, requireRole } from '../../middleware/currentUser.js';
import { noStore } from '../../middleware/noStore.js';
import { bodyValidator, validBody } from '../../middleware/validation.js';
import { presentCase } from '../../presenters/case.js';
import { allTeamsScope, scopeForUser, type Store } from '../../store/index.js';
import type { BlockCustomerBody, CustomerAnswer } from './bodies.js';

const checkBlockBody = bodyValidator<BlockCustomerBody>({
  type: 'object',
  required: ['reason'],
  additionalProperties: false,
  properties: { reason: { type: 'string', minLength: 1, maxLength: 500, pattern: '\\S' } },
});

/** GET /api/customers/:id (agents, admins), POST/DELETE /api/customers/:id/block (admins). */
export function customerRoutes(deps: { store: Store }): Router {
  const router = Router();
  const { store } = deps;
  router.use('/api/customers', noStore, requireRole('agent', 'admin'));

  router.get('/api/customers/:id', async (req, res) => {
    const profile = await customerProfile(store, scopeForUser(currentUser(res)!), customerKeyOf(req.params.id as string));
    if (!profile) throw notFound('customer');
    res.json(presentProfile(profile));
  });

  router.post('/api/customers/:id/block', requireRole('admin'), express.json({ limit: '4kb' }), async (req, res) => {
    const body = validBody(checkBlockBody, req.body);
    const key = customerKeyOf(req.params.id as string);
    await blockCustomer({ store, key, reason: body.reason, actorId: currentUser(res)!.username });
    res.json(presentProfile((await customerProfile(store, allTeamsScope(), key))!));
  });

  router.delete('/api/customers/:id/block', requireRole('admin'), async (req, res) => {
    await unblockCustomer({ store, key: customerKeyOf(req.params.id as string) });
    res.status(204).end();
  });

  return router;
}

function presentProfile(profile: CustomerProfile): CustomerAnswer {
  const { customer, block } = profile;
  return {
    customer: {
      id: customer.key,
      platform: customer.platform,
      authorId: customer.authorId,
      handle: customer.handle,
      name: customer.name,
      blocked: block ? { reason: block.reason, by: block.blockedBy, at: block.blockedAt.toISOString() } : null,
    },
    cases: profile.cases.map(presentCase),
  };
}
