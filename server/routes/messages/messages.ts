import { timingSafeEqual } from 'node:crypto';
import express, { Router, type RequestHandler } from 'express';
import { FailureLimiter } from '../../auth/failureLimiter.js';
import { notFound, payloadTooLarge, tooManyRequests, unauthorized } from '../../errors.js';
import { messageKind, validateMessage, type Message } from '../../routing/index.js';
import { itemBoundProblem } from './itemBounds.js';

export const MAX_MESSAGES_PER_REQUEST = 1000;

/** Wrong or missing ingest tokens one client address may send per window before it is refused (429) for the rest of it. */
export const INGEST_TOKEN_FAILURES = { limit: 10, windowMs: 15 * 60_000 };

export interface IngestResult {
  accepted: string[];
  duplicates: string[];
}

interface ItemError {
  index: number;
  id?: string;
  pointer: string;
  message: string;
}

/** POST /api/messages: generic ingestion of normalized messages for any source, idempotent by id. */
export function messageRoutes(deps: { ingestToken?: string; ingest(messages: Message[]): Promise<IngestResult> }): Router {
  const router = Router();
  router.post('/api/messages', requireIngestToken(deps.ingestToken, new FailureLimiter(INGEST_TOKEN_FAILURES.limit, INGEST_TOKEN_FAILURES.windowMs)), express.json({ limit: '16mb' }), async (req, res, next) => {
    try {
      const body: unknown = req.body;
      const isBatch = Array.isArray(body);
      const items: unknown[] = isBatch ? body : [body];
      if (items.length > MAX_MESSAGES_PER_REQUEST) throw payloadTooLarge(`at most ${MAX_MESSAGES_PER_REQUEST} messages per request, got ${items.length}`);
      const valid: Message[] = [];
      const errors: ItemError[] = [];
      const now = Date.now();
      items.forEach((item, index) => {
        const pointerOf = (pointer: string) => (isBatch ? `/${index}${pointer}` : pointer);
        // Bounds first: an item too large or too deep is refused before anything else walks it.
        const problem = itemBoundProblem(item, now);
        if (problem) {
          errors.push(itemError(item, index, pointerOf(problem.pointer), problem.message));
          return;
        }
        const validation = validateMessage(item);
        // Stored with its kind (routing.md §1): the sender's, else the default the router reads.
        if (validation.ok) valid.push({ ...validation.message, kind: messageKind(validation.message) });
        else errors.push(...validation.errors.map((error) => itemError(item, index, pointerOf(error.pointer), error.message)));
      });
      const result = valid.length > 0 ? await deps.ingest(valid) : { accepted: [], duplicates: [] };
      res.json({ accepted: result.accepted, duplicates: result.duplicates, errors });
    } catch (error) {
      next(error);
    }
  });
  return router;
}

function itemError(item: unknown, index: number, pointer: string, message: string): ItemError {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id ? { index, id, pointer, message } : { index, pointer, message };
}

/** Checks the bearer token; failures are counted per client address and throttled as failed log-ins are. */
function requireIngestToken(token: string | undefined, failures: FailureLimiter): RequestHandler {
  const expected = token ? Buffer.from(token) : undefined;
  return (req, res, next) => {
    if (!expected) return next(notFound('route POST /api/messages (set INGEST_TOKEN to enable it)'));
    const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const waitMs = failures.retryAfterMs(address);
    if (waitMs > 0) {
      res.set('Retry-After', String(Math.ceil(waitMs / 1000)));
      return next(tooManyRequests('too many requests with a wrong ingest token: try again later'));
    }
    const match = /^Bearer (.+)$/.exec(req.get('authorization') ?? '');
    const given = match ? Buffer.from(match[1]!) : undefined;
    if (given && given.length === expected.length && timingSafeEqual(given, expected)) return next();
    failures.fail(address);
    next(unauthorized(given ? 'wrong ingest token' : 'send Authorization: Bearer INGEST_TOKEN'));
  };
}
