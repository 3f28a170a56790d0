/** The express app that speaks X API v2 for one simulator, plus its /__sim control endpoints. */
import express, { type ErrorRequestHandler, type Express } from 'express';
import { invalidRequest, notFound, sendProblem } from './errors.js';
import { endpointPipeline, type PipelineParts } from './pipeline.js';
import { controlRouter } from './routes/control.js';
import { createTweetRoute } from './routes/createTweet.js';
import type { RouteDeps } from './routes/deps.js';
import { dmConversationRoute } from './routes/dmConversation.js';
import { dmEventsRoute } from './routes/dmEvents.js';
import { meRoute } from './routes/me.js';
import { userTweetsRoute } from './routes/userTweets.js';
import { mentionsRoute } from './routes/mentions.js';
import { sendDmRoute } from './routes/sendDm.js';
import type { XSimulator } from './simulator.js';

/** Builds the app; it holds no sockets of its own (server.ts listens). */
export function createXSimulatorApp(sim: XSimulator): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(express.json({ limit: '1mb' }));

  const deps: RouteDeps = { world: sim.world, posted: sim.posted, clock: sim.options.clock, settings: sim.options.settings };
  const parts: PipelineParts = { auth: sim.options.auth, headers: { apiVersion: sim.options.apiVersion, accessLevel: sim.options.accessLevel }, limiter: sim.limiter, faults: sim.faults, stats: sim.stats, held: sim.held };

  app.get('/2/users/:id/mentions', endpointPipeline('mentions', mentionsRoute(deps), parts, false));
  app.get('/2/dm_events', endpointPipeline('dmEvents', dmEventsRoute(deps), parts, true));
  app.get('/2/users/me', endpointPipeline('me', meRoute(deps), parts, true));
  app.get('/2/users/:id/tweets', endpointPipeline('userTweets', userTweetsRoute(deps), parts, false));
  app.get('/2/dm_conversations/with/:participant_id/dm_events', endpointPipeline('dmConversation', dmConversationRoute(deps), parts, true));
  app.post('/2/tweets', endpointPipeline('createTweet', createTweetRoute(deps), parts, true));
  app.post('/2/dm_conversations/with/:participant_id/messages', endpointPipeline('sendDm', sendDmRoute(deps), parts, true));
  app.use('/__sim', controlRouter(sim));
  app.use((req, res) => sendProblem(res, notFound(req.path), 404));
  app.use(badJsonHandler);
  return app;
}

/** Malformed JSON bodies get X's 400 (on /2) or the house error shape (on /__sim). */
const badJsonHandler: ErrorRequestHandler = (error: { type?: string; status?: number; message?: string }, req, res, next) => {
  if (res.headersSent) return next(error);
  const status = error.status ?? 500;
  const message = status < 500 ? (error.message ?? 'Bad request') : 'Internal simulator error';
  if (req.path.startsWith('/__sim')) {
    res.status(status).json({ error: { code: error.type ?? 'internal', message } });
  } else if (status < 500) {
    sendProblem(res, invalidRequest([{ message }]));
  } else {
    sendProblem(res, { title: 'Internal Server Error', detail: message, type: 'about:blank', status: 500 });
  }
};
