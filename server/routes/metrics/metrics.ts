import { Router } from 'express';
import type { JSONSchemaType } from 'ajv';
import { badRequest } from '../../errors.js';
import { caseMetrics } from '../../metrics/caseMetrics.js';
import { currentUser, requireRole } from '../../middleware/currentUser.js';
import { noStore } from '../../middleware/noStore.js';
import { queryValidator, validQuery } from '../../middleware/validation.js';
import { scopeForUser, type Store } from '../../store/index.js';
import type { MetricsQuery } from './bodies.js';

const checkMetricsQuery = queryValidator<MetricsQuery>({
  type: 'object',
  additionalProperties: false,
  properties: {
    from: { type: 'string', nullable: true, maxLength: 40 },
    to: { type: 'string', nullable: true, maxLength: 40 },
  },
} as JSONSchemaType<MetricsQuery>);

function instant(value: string | undefined, pointer: string): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw badRequest('invalid query', [{ pointer, message: 'must be an ISO-8601 date or date-time' }]);
  return date;
}

/** GET /api/metrics?from&to: the care lead's figures over cases opened in the period; agents get their teams', admins everyone's. */
export function metricsRoutes(deps: { store: Store }): Router {
  const router = Router();
  router.get('/api/metrics', noStore, requireRole('agent', 'admin'), async (req, res) => {
    const query = validQuery(checkMetricsQuery, req.query);
    const from = instant(query.from, '/from');
    const to = instant(query.to, '/to');
    if (from && to && from >= to) throw badRequest('invalid query', [{ pointer: '/to', message: 'must be later than from' }]);
    res.json(await caseMetrics({ store: deps.store, scope: scopeForUser(currentUser(res)!), from, to }));
  });
  return router;
}
