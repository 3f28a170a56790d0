import { Router } from 'express';
import type { Connector } from '../../connectors/connector.js';

/** GET /api/health: the store in use and each connector's state (public: no message content). */
export function healthRoutes(deps: { storeBackend: 'mongodb' | 'embedded'; connectors: () => Connector[] }): Router {
  const router = Router();
  router.get('/api/health', (_req, res) => {
    const connectors = deps.connectors().map((connector) => {
      const health = connector.health();
      return { name: health.name, status: health.status, lastPollAt: health.lastPollAt, streams: health.streams.map(({ lastError: _hidden, ...figures }) => figures) };
    });
    const status = connectors.some((c) => c.status === 'down') ? 'degraded' : 'ok';
    res.json({ status, store: deps.storeBackend, connectors });
  });
  return router;
}
