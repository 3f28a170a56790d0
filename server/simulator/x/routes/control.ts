/** Simulator-only endpoints under /__sim: queue faults, add traffic, run the feed, inspect what we posted and counts. */
import express, { type Response, type Router } from 'express';
import type { ErrorObject } from 'ajv';
import type { XSimulator } from '../simulator.js';
import { isDmInput, isFaultSpec, isFeedOptions, isMentionInput } from './controlSchemas.js';

/** The house error shape for control endpoints ({ error: { code, message, details } }). */
function sendControlError(res: Response, status: number, code: string, message: string, details?: unknown): void {
  res.status(status).json({ error: { code, message, ...(details === undefined ? {} : { details }) } });
}

function invalidBody(res: Response, errors: ErrorObject[] | null | undefined): void {
  sendControlError(res, 400, 'invalid_body', 'The request body is not valid', errors ?? []);
}

/** Builds the /__sim router for one simulator. */
export function controlRouter(sim: XSimulator): Router {
  const router = express.Router();

  router.get('/info', (_req, res) => {
    res.json({ brand: sim.brand, mentions: sim.mentions().length, dmEvents: sim.dmEvents().length, users: sim.world.users.size, feedRunning: sim.feedRunning });
  });
  router.get('/posted', (_req, res) => {
    res.json({ tweets: sim.postedTweets(), dms: sim.sentDms() });
  });
  router.get('/stats', (_req, res) => {
    res.json(sim.requestStats());
  });
  router.delete('/stats', (_req, res) => {
    sim.stats.reset();
    res.status(204).end();
  });
  router.post('/rate-limits/reset', (_req, res) => {
    sim.limiter.reset();
    res.status(204).end();
  });

  router.get('/faults', (_req, res) => {
    res.json({ faults: sim.faults.pending() });
  });
  router.post('/faults', (req, res) => {
    if (!isFaultSpec(req.body)) return invalidBody(res, isFaultSpec.errors);
    try {
      res.status(201).json({ fault: sim.injectFault(req.body) });
    } catch (error) {
      sendControlError(res, 400, 'fault_not_applicable', (error as Error).message);
    }
  });
  router.delete('/faults', (_req, res) => {
    sim.faults.clear();
    res.status(204).end();
  });

  router.post('/mentions', (req, res) => {
    if (!isMentionInput(req.body)) return invalidBody(res, isMentionInput.errors);
    const { inReplyToTweetId, quoteOfTweetId, repostOfTweetId } = req.body;
    const missing = [inReplyToTweetId, quoteOfTweetId, repostOfTweetId].find((id) => id !== undefined && !sim.world.tweets.has(id));
    if (missing !== undefined) {
      return sendControlError(res, 404, 'tweet_not_found', `No post ${missing} to reply to, quote or repost`);
    }
    res.status(201).json({ mention: sim.addMention(req.body) });
  });
  router.post('/dms', (req, res) => {
    if (!isDmInput(req.body)) return invalidBody(res, isDmInput.errors);
    res.status(201).json({ dm: sim.addDm(req.body) });
  });

  router.post('/feed', (req, res) => {
    if (!isFeedOptions(req.body)) return invalidBody(res, isFeedOptions.errors);
    sim.startFeed(req.body);
    res.status(204).end();
  });
  router.delete('/feed', (_req, res) => {
    sim.stopFeed();
    res.status(204).end();
  });
  return router;
}
