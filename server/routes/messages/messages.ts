import { timingSafeEqual } from 'node:crypto';
import express, { Router, type RequestHandler } from 'express';
import { notFound, payloadTooLarge, unauthorized } from '../../errors.js';
import { validateMessage, type Message } from '../../routing/index.js';

export const MAX_MESSAGES_PER_REQUEST = 1000;

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
  router.post('/api/messages', requireIngestToken(deps.ingestToken), express.json({ limit: '16mb' }), async (req, res, next) => {
    try {
      const body: unknown = req.body;
      const isBatch = Array.isArray(body);
      const items: unknown[] = isBatch ? body : [body];
      if (items.length > MAX_MESSAGES_PER_REQUEST) throw payloadTooLarge(`at most ${MAX_MESSAGES_PER_REQUEST} messages per request, got ${items.length}`);
      const valid: Message[] = [];
      const errors: ItemError[] = [];
      items.forEach((item, index) => {
        const validation = validateMessage(item);
        if (validation.ok) valid.push(validation.message);
        else errors.push(...validation.errors.map((error) => itemError(item, index, isBatch ? `/${index}${error.pointer}` : error.pointer, error.message)));
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

function requireIngestToken(token: string | undefined): RequestHandler {
  const expected = token ? Buffer.from(token) : undefined;
  return (req, _res, next) => {
    if (!expected) return next(notFound('route POST /api/messages (set INGEST_TOKEN to enable it)'));
    const match = /^Bearer (.+)$/.exec(req.get('authorization') ?? '');
    const given = match ? Buffer.from(match[1]!) : undefined;
    if (!given) return next(unauthorized('send Authorization: Bearer INGEST_TOKEN'));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return next(unauthorized('wrong ingest token'));
    next();
  };
}

