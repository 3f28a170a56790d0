import { Router } from 'express';
import { badRequest } from '../../errors.js';
import { requireRole } from '../../middleware/currentUser.js';
import { noStore } from '../../middleware/noStore.js';
import { validQuery } from '../../middleware/validation.js';
import type { Filter, Store } from '../../store/index.js';
import type { AuditEntryDocument } from '../../store/schemas/auditEntry.js';
import { checkAuditQuery } from './schema.js';

/** The one shape of an audit entry in answers. */
export function presentAuditEntry(doc: AuditEntryDocument) {
  return { id: doc._id, at: doc.at.toISOString(), actor: { id: doc.actor.id ?? null, username: doc.actor.username ?? null }, action: doc.action, target: doc.target ?? null, status: doc.status, state: doc.state ?? 'done', request: doc.request ?? null, before: doc.before ?? null, after: doc.after ?? null };
}

/** GET /api/audit: admins read who changed what, newest first, filtered by actor, action and period (`pending`: written before the change, not settled yet or cut short by a crash). */
export function auditRoutes(deps: { store: Store }): Router {
  const router = Router();
  router.get('/api/audit', noStore, requireRole('admin'), async (req, res) => {
    const query = validQuery(checkAuditQuery, req.query);
    // Refused requests changed nothing: they stay in the log (append-only) but are not listed.
    const filter: Filter = { state: { $ne: 'refused' } };
    if (query.actor) filter.$or = [{ 'actor.id': query.actor }, { 'actor.username': query.actor }];
    if (query.action) filter.action = query.action;
    const at: Record<string, Date> = {};
    for (const [name, op] of [['from', '$gte'], ['to', '$lt']] as const) {
      const text = query[name];
      if (text === undefined) continue;
      const date = new Date(text);
      if (Number.isNaN(date.getTime())) throw badRequest('invalid query parameters', [{ pointer: `/${name}`, message: 'is not a date' }]);
      at[op] = date;
    }
    if (Object.keys(at).length > 0) filter.at = at;
    if (query.cursor) filter._id = { $lt: query.cursor };
    const entries = await deps.store.collections.auditEntries.find(filter, { sort: { _id: -1 }, limit: query.limit + 1 });
    const page = entries.slice(0, query.limit);
    res.json({ entries: page.map(presentAuditEntry), nextCursor: entries.length > query.limit ? page[page.length - 1]!._id : null });
  });
  return router;
}
