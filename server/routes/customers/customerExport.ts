import { Router } from 'express';
import { customerKeyOf } from '../../commands/customers/customerKey.js';
import { exportCustomer } from '../../governance/exportCustomer.js';
import { requireRole } from '../../middleware/currentUser.js';
import { noStore } from '../../middleware/noStore.js';
import type { Store } from '../../store/index.js';

/** GET /api/customers/:id/export (`platform:authorId`, or a bare author id for every platform): admins only, as a JSON download (the audit log records it). */
export function customerExportRoutes(deps: { store: Store }): Router {
  const router = Router();
  router.get('/api/customers/:id/export', noStore, requireRole('admin'), async (req, res) => {
    const id = req.params.id as string;
    const exported = await exportCustomer(deps.store, id.includes(':') ? { id, ...customerKeyOf(id) } : { id, authorId: id });
    res.set('Content-Disposition', `attachment; filename="customer-${encodeURIComponent(id).replace(/[^A-Za-z0-9._-]/g, '_')}.json"`).json(exported);
  });
  return router;
}
