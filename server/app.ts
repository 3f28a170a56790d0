import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Connector } from './connectors/connector.js';
import { apiNotFound, errorHandler } from './middleware/errorHandler.js';
import type { Message } from './routing/index.js';
import { healthRoutes } from './routes/health/health.js';
import { messageRoutes, type IngestResult } from './routes/messages/messages.js';
import { ruleRoutes, type RuleRoutesDeps } from './routes/rules/rules.js';
import type { BackendKind } from './store/index.js';

export interface AppDeps {
  storeBackend: BackendKind;
  ingestToken?: string;
  ingest(messages: Message[]): Promise<IngestResult>;
  connectors(): Connector[];
  /** The rules API's store, active rule set and brand accounts. */
  rules: RuleRoutesDeps;
}

/** The express app: security headers, the API routes, one error handler. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(helmet());
  app.use(healthRoutes({ storeBackend: deps.storeBackend, connectors: deps.connectors }));
  app.use(messageRoutes({ ingestToken: deps.ingestToken, ingest: deps.ingest }));
  app.use(ruleRoutes(deps.rules));
  app.use('/api', apiNotFound);
  app.use(errorHandler);
  return app;
}
