import express, { Router } from 'express';
import type { JSONSchemaType } from 'ajv';
import { customerKeyOf } from '../../commands/customers/customerKey.js';
import { eraseCustomer } from '../../governance/erasure/eraseCustomer.js';
import { requireRole } from '../../middleware/currentUser.js';
import { noStore } from '../../middleware/noStore.js';
import { bodyValidator, validBody } from '../../middleware/validation.js';
import type { Store } from '../../store/index.js';
import type { EraseCustomerBody, ErasureAnswer } from './bodies.js';

const checkEraseBody = bodyValidator<EraseCustomerBody>({
  type: 'object',
  required: ['confirm'],
  additionalProperties: false,
  properties: { confirm: { type: 'boolean', enum: [true] } },
} as unknown as JSONSchemaType<EraseCustomerBody>);

export interface CustomerErasureDeps {
  store: Store;
  /** Announces the erased cases to the live streams (the inbox shows them blank). */
  casesChanged?: (caseIds: string[]) => Promise<void>;
  /** Asks the webhook dispatcher for a pass soon (the `customer.erased` event). */
  webhooksChanged?: () => void;
}

/** POST /api/customers/:id/erase {confirm: true}: admins only; irreversible (recorded in the audit log as customer.erase, with counts only). */
export function customerErasureRoutes(deps: CustomerErasureDeps): Router {
  const router = Router();
  router.post('/api/customers/:id/erase', noStore, requireRole('admin'), express.json({ limit: '1kb' }), async (req, res) => {
    validBody(checkEraseBody, req.body);
    const key = customerKeyOf(req.params.id as string);
    const { erasure, caseIds } = await deps.store.exclusive(`customer:${key.key}`, () => eraseCustomer(deps.store, key));
    res.json({ erased: erasure } satisfies ErasureAnswer);
    if (caseIds.length > 0) await deps.casesChanged?.(caseIds);
    deps.webhooksChanged?.();
  });
  return router;
}
