import express, { type Express } from 'express';
import helmet from 'helmet';
import { createAuth, type AuthOptions } from './auth/authOptions.js';
import type { Connector } from './connectors/connector.js';
import { requireCsrfToken } from './middleware/csrf.js';
import { apiNotFound, errorHandler } from './middleware/errorHandler.js';
import { loadSession } from './middleware/session.js';
import type { Message } from './routing/index.js';
import { caseRoutes } from './routes/cases/cases.js';
import { healthRoutes } from './routes/health/health.js';
import { messageRoutes, type IngestResult } from './routes/messages/messages.js';
import { monitorRoutes } from './routes/monitor/monitor.js';
import { ruleRoutes, type RuleRoutesDeps } from './routes/rules/rules.js';
import { sessionRoutes } from './routes/session/session.js';
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
  app.use(caseRoutes({ store: auth.store }));
  app.use(monitorRoutes({ store: auth.store }));
  app.use('/api', apiNotFound);
  app.use(errorHandler);
  return app;
}
