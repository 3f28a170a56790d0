import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express, { Router, type Express } from 'express';
import helmet from 'helmet';
import { createAuth, type AuthOptions } from './auth/authOptions.js';
import type { ResponseTargets } from './cases/responseTargets.js';
import type { Connector } from './connectors/connector.js';
import { requireCsrfToken } from './middleware/csrf.js';
import { apiNotFound, errorHandler } from './middleware/errorHandler.js';
import { loadSession } from './middleware/session.js';
import type { Message } from './routing/index.js';
import type { ReplyQueue } from './replies/replies.js';
import { caseRoutes } from './routes/cases/cases.js';
import { escalationRoutes } from './routes/cases/escalations.js';
import { noteRoutes } from './routes/cases/notes.js';
import { replyRoutes } from './routes/cases/replies.js';
import { healthRoutes } from './routes/health/health.js';
import { messageRoutes, type IngestResult } from './routes/messages/messages.js';
import { metricsRoutes } from './routes/metrics/metrics.js';
import { monitorRoutes } from './routes/monitor/monitor.js';
import { ruleRoutes, type RuleRoutesDeps } from './routes/rules/rules.js';
import { sessionRoutes } from './routes/session/session.js';
import { teamRoutes } from './routes/teams/teams.js';
import { userRoutes } from './routes/users/users.js';
import type { BackendKind } from './store/index.js';

export interface AppDeps {
  storeBackend: BackendKind;
  ingestToken?: string;
  ingest(messages: Message[]): Promise<IngestResult>;
  connectors(): Connector[];
  /** The rules API's store, active rule set and brand accounts. */
  rules: RuleRoutesDeps;
  /** Sessions (signed cookie, CSRF token) and login throttling. */
  auth: AuthOptions;
  /** Announces cases changed through the API to the live streams (after the write is durable), with their new messages ("x:123"). */
  casesChanged?: (caseIds: string[], newMessageIds?: ReadonlySet<string>) => Promise<void>;
  /** Queues replies for the outbox (POST /api/cases/:id/replies is off without it). */
  replies?: ReplyQueue;
  /** Drops the live sockets of users whose role, teams, password or enabled state changed. */
  usersChanged?: (userIds: string[]) => Promise<void>;
  /** Response-time targets (RESPONSE_TARGETS; default: DEFAULT_SLA). */
  targets?: ResponseTargets;
}

/** The express app: security headers, the API routes, one error handler. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(helmet());
  const auth = createAuth(deps.auth);
  app.use(loadSession(auth));
  app.use(requireCsrfToken);
  app.use(sessionRoutes(auth));
  app.use(healthRoutes({ storeBackend: deps.storeBackend, connectors: deps.connectors }));
  app.use(messageRoutes({ ingestToken: deps.ingestToken, ingest: deps.ingest }));
  app.use(ruleRoutes(deps.rules));
  app.use(userRoutes({ auth, usersChanged: deps.usersChanged }));
  app.use(teamRoutes({ store: auth.store, rules: deps.rules.rules }));
  app.use(caseRoutes({ store: auth.store, casesChanged: deps.casesChanged }));
  if (deps.replies) app.use(replyRoutes({ store: auth.store, replies: deps.replies, casesChanged: deps.casesChanged }));
  app.use(escalationRoutes({ store: auth.store, casesChanged: deps.casesChanged, targets: deps.targets }));
  app.use(noteRoutes({ store: auth.store, casesChanged: deps.casesChanged }));
  app.use(metricsRoutes({ store: auth.store }));
  app.use(monitorRoutes({ store: auth.store }));
  app.use(clientApp(CLIENT_DIR));
  app.use('/api', apiNotFound);
  app.use(errorHandler);
  return app;
}

/** Where `vite build` puts the React client (vite.config.ts). */
const CLIENT_DIR = fileURLToPath(new URL('../dist/client/', import.meta.url));

/** The built React client, when there is one: its files, and index.html for every other GET outside /api and /socket.io (the client routes itself). */
function clientApp(dir: string): Router {
  const router = Router();
  if (!existsSync(`${dir}index.html`)) return router;
  // File names under assets/ carry a content hash, so they can be cached for good; index.html never is.
  router.use(express.static(dir, { index: false, setHeaders: (res, path) => res.set('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache') }));
  router.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || /^\/(api|socket\.io)(\/|$)/.test(req.path)) return next();
    res.set('Cache-Control', 'no-cache').sendFile('index.html', { root: dir });
  });
  return router;
}
