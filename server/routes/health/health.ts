import { Router } from 'express';
import type { Connector } from '../../connectors/connector.js';
import type { Role } from '../../env.js';
import type { LeaseView } from '../../leases/workerJobs.js';
import { currentUser } from '../../middleware/currentUser.js';

export interface HealthDeps {
  storeBackend: 'mongodb' | 'embedded';
  connectors: () => Connector[];
  /** What this process does (ROLE); `all` when it does everything. */
  role?: Role;
  /** The leases on connector streams and timers, as stored (admins only). */
  leases?: () => Promise<LeaseView[]>;
}

/**
 * GET /api/health: {status, store, role, connectors:[{name,status,lastPollAt}]}
 * for anyone (load balancers and probes ask logged out); admins also get
 * each stream's figures (counts, lag, retries), which tell an outsider how
 * busy the brand's accounts are, the leases held on streams and timers, and
 * the connector's `problem` (X's error text and the fix), which names the
 * configured account.
 */
export function healthRoutes(deps: HealthDeps): Router {
  const router = Router();
  router.get('/api/health', async (_req, res) => {
    const forAdmin = currentUser(res)?.role === 'admin';
    const connectors = deps.connectors().map((connector) => {
      const health = connector.health();
      const status = { name: health.name, status: health.status, lastPollAt: health.lastPollAt };
      // Admins also see the connector's problem: the network's own error text and what to fix (never message content).
      return forAdmin ? { ...status, problem: health.problem, streams: health.streams.map(({ lastError: _hidden, ...figures }) => figures) } : status;
    });
    const status = connectors.some((c) => c.status === 'down') ? 'degraded' : 'ok';
    const leases = forAdmin && deps.leases ? { leases: await deps.leases() } : {};
    res.json({ status, store: deps.storeBackend, role: deps.role ?? 'all', connectors, ...leases });
  });
  return router;
}
