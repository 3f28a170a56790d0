import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express, { Router, type Express } from 'express';
import helmet from 'helmet';
import { THUMBNAIL_HOSTS } from './presenters/mediaLinks.js';

/** Helmet's defaults, with images also from the hosts whose thumbnails the inbox shows (customers' photos on X). */
const HELMET_OPTIONS = { contentSecurityPolicy: { directives: { 'img-src': ["'self'", 'data:', ...THUMBNAIL_HOSTS.map((host) => `https://${host}`)] } } };
import { createAuth, type AuthOptions } from './auth/authOptions.js';
import type { ResponseTargets } from './cases/responseTargets.js';
import type { Connector } from './connectors/connector.js';
import { requireCsrfToken } from './middleware/csrf.js';
import { notFound } from './errors.js';
import { apiNotFound, errorHandler } from './middleware/errorHandler.js';
import { loadSession } from './middleware/session.js';
import type { Message } from './routing/index.js';
import type { ReplyQueue } from './replies/replies.js';
import { caseRoutes } from './routes/cases/cases.js';
import { escalationRoutes } from './routes/cases/escalations.js';
import { noteRoutes, type NoteRouteDeps } from './routes/cases/notes.js';
import { replyRoutes } from './routes/cases/replies.js';
import { healthRoutes, type HealthDeps } from './routes/health/health.js';
import { messageRoutes, type IngestResult } from './routes/messages/messages.js';
import { metricsRoutes } from './routes/metrics/metrics.js';
import { monitorRoutes } from './routes/monitor/monitor.js';
import { searchRoutes } from './routes/search/search.js';
import { ruleRoutes, type RuleRoutesDeps } from './routes/rules/rules.js';
import { customerRoutes } from './routes/customers/customers.js';
import { savedReplyRoutes } from './routes/savedReplies/savedReplies.js';
import { sessionRoutes } from './routes/session/session.js';
import { availabilityRoutes } from './routes/me/availability.js';
import { teamRoutes } from './routes/teams/teams.js';
import { userRoutes } from './routes/users/users.js';
import { webhookRoutes } from './routes/webhooks/webhooks.js';
import { auditWrites } from './audit/auditWrites.js';
import { auditRoutes } from './routes/audit/audit.js';
import { customerExportRoutes } from './routes/customers/customerExport.js';
import { customerErasureRoutes } from './routes/customers/customerErasure.js';
import type { SecretBox } from './webhooks/secretBox.js';
import type { BackendKind } from './store/index.js';
import type { TrustProxy } from './env.js';
import { SECURE_COOKIES } from './middleware/session.js';

export interface AppDeps {
  storeBackend: BackendKind;
  /** TRUST_PROXY: the proxies in front, whose X-Forwarded-* headers are believed; session cookies are then always Secure. */
  trustProxy?: TrustProxy;
  /** Serve the built client's source maps (SERVE_SOURCE_MAPS; default: no). */
  serveSourceMaps?: boolean;
  ingestToken?: string;
  ingest(messages: Message[]): Promise<IngestResult>;
  connectors(): Connector[];
  /** The rules API's store, active rule set and brand accounts. */
  rules: RuleRoutesDeps;
  /** Sessions (signed cookie, CSRF token) and login throttling. */
  auth: AuthOptions;
  /** Announces cases changed through the API to the live streams (after the write is durable), with their new messages ("x:123"). */
  casesChanged?: (caseIds: string[], newMessageIds?: ReadonlySet<string>) => Promise<void>;
  /** Tells the colleagues a stored note @mentions (live `mention:new`). */
  notesMentioned?: NoteRouteDeps['notesMentioned'];
  /** Queues replies for the outbox (POST /api/cases/:id/replies is off without it). */
  replies?: ReplyQueue;
  /** Closes the live sockets of a session that ended (log-out). */
  sessionEnded?: (sessionId: string) => Promise<void>;
  /** Drops the live sockets of users whose role, teams, password or enabled state changed. */
  usersChanged?: (userIds: string[]) => Promise<void>;
  /** Response-time targets (RESPONSE_TARGETS; default: DEFAULT_SLA). */
  targets?: ResponseTargets;
  /** Seals webhook secrets (WEBHOOK_SECRET_KEY); webhooks cannot be created without it. */
  webhookBox?: SecretBox;
  /** WEBHOOK_ALLOW_PRIVATE: webhook URLs may name loopback and private addresses. */
  webhookAllowPrivate?: boolean;
  /** Asks the webhook dispatcher for a pass soon. */
  webhooksChanged?: () => void;
  /** What this process does and the leases admins see in GET /api/health. */
  health?: Pick<HealthDeps, 'role' | 'leases'>;
}

/** The express app: security headers, the API routes, one error handler. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy ?? false);
  // Behind a TLS-terminating proxy every browser-facing request is https, whatever a hop in between says.
  app.set(SECURE_COOKIES, deps.trustProxy !== undefined);
  app.use(helmet(HELMET_OPTIONS));
  const auth = createAuth(deps.auth);
  app.use(loadSession(auth));
  app.use(requireCsrfToken);
  app.use(auditWrites(deps.auth.store));
  app.use(sessionRoutes({ ...auth, sessionEnded: deps.sessionEnded }));
  app.use(healthRoutes({ storeBackend: deps.storeBackend, connectors: deps.connectors, ...deps.health }));
  app.use(messageRoutes({ ingestToken: deps.ingestToken, ingest: deps.ingest }));
  app.use(ruleRoutes(deps.rules));
  app.use(userRoutes({ auth, usersChanged: deps.usersChanged }));
  app.use(teamRoutes({ store: auth.store, rules: deps.rules.rules, casesChanged: deps.casesChanged }));
  app.use(savedReplyRoutes({ store: auth.store }));
  app.use(customerErasureRoutes({ store: auth.store, casesChanged: deps.casesChanged, webhooksChanged: deps.webhooksChanged }));
  app.use(customerRoutes({ store: auth.store }));
  app.use(availabilityRoutes({ store: auth.store, casesChanged: deps.casesChanged }));
  app.use(caseRoutes({ store: auth.store, casesChanged: deps.casesChanged }));
  if (deps.replies) app.use(replyRoutes({ store: auth.store, replies: deps.replies, casesChanged: deps.casesChanged }));
  app.use(escalationRoutes({ store: auth.store, casesChanged: deps.casesChanged, targets: deps.targets }));
  app.use(noteRoutes({ store: auth.store, casesChanged: deps.casesChanged, notesMentioned: deps.notesMentioned }));
  app.use(metricsRoutes({ store: auth.store }));
  app.use(monitorRoutes({ store: auth.store }));
  app.use(searchRoutes({ store: auth.store }));
  app.use(auditRoutes({ store: auth.store }));
  app.use(customerExportRoutes({ store: auth.store }));
  app.use(webhookRoutes({ store: auth.store, box: deps.webhookBox, allowPrivate: deps.webhookAllowPrivate === true, kick: deps.webhooksChanged }));
  app.use(clientApp(CLIENT_DIR, deps.serveSourceMaps ?? false));
  app.use('/api', apiNotFound);
  app.use(errorHandler);
  return app;
}

/** Where `vite build` puts the React client (vite.config.ts). */
const CLIENT_DIR = fileURLToPath(new URL('../dist/client/', import.meta.url));

/**
 * The built React client, when there is one: its files, and index.html for
 * every other GET outside /api and /socket.io (the client routes itself).
 * Source maps (vite builds them) only when asked for: 404 otherwise.
 */
function clientApp(dir: string, serveSourceMaps: boolean): Router {
  const router = Router();
  if (!existsSync(`${dir}index.html`)) return router;
  if (!serveSourceMaps) router.get(/\.map$/, (req, _res, next) => next(notFound(`file ${req.path} (source maps are served with SERVE_SOURCE_MAPS=1)`)));
  // File names under assets/ carry a content hash, so they can be cached for good; index.html never is.
  router.use(express.static(dir, { index: false, setHeaders: (res, path) => res.set('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache') }));
  router.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || /^\/(api|socket\.io)(\/|$)/.test(req.path)) return next();
    res.set('Cache-Control', 'no-cache').sendFile('index.html', { root: dir });
  });
  return router;
}

/** ROLE=worker's HTTP: GET /api/health only (load balancers and orchestrators probe it), no sessions, no client. */
export function createWorkerApp(deps: HealthDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(helmet(HELMET_OPTIONS));
  app.use(healthRoutes(deps));
  app.use('/api', apiNotFound);
  app.use(errorHandler);
  return app;
}
