import express, { Router } from 'express';
import type { JSONSchemaType } from 'ajv';
import { logger } from '../../logger.js';
import { currentUser, requireRole } from '../../middleware/currentUser.js';
import { noStore } from '../../middleware/noStore.js';
import { bodyValidator, validBody } from '../../middleware/validation.js';
import type { ReplyQueue } from '../../replies/replies.js';
import { X_DM_MAX_LENGTH } from '../../replies/xLength.js';
import { messageIdOf, ROLES, scopeForUser, type Store } from '../../store/index.js';
import type { ReplyAnswer, ReplyBody } from './bodies.js';

// The DM limit bounds every reply here (ajv counts code points); a public reply's 280, as X counts, is the command's check.
const replySchema: JSONSchemaType<ReplyBody> = {
  type: 'object',
  required: ['text', 'channel'],
  additionalProperties: false,
  properties: {
    text: { type: 'string', minLength: 1, maxLength: X_DM_MAX_LENGTH, pattern: '\\S' },
    channel: { type: 'string', enum: ['public', 'dm'] },
  },
};

const checkReplyBody = bodyValidator(replySchema);

export interface ReplyRouteDeps {
  store: Store;
  replies: ReplyQueue;
  /** Told which cases changed, with the new messages ("x:123" keys), once the change is stored (live updates). */
  casesChanged?: (caseIds: string[], newMessageIds?: ReadonlySet<string>) => Promise<void>;
}

/**
 * POST /api/cases/:id/replies: queues a public reply or a DM (agents of the
 * case's team, admins; 404 for a case outside the user's teams) and answers
 * 202 at once; the outbox delivers it through the case's connector.
 * POST …/replies/:replyId/retry queues a failed reply again.
 */
export function replyRoutes(deps: ReplyRouteDeps): Router {
  const router = Router();

  router.post('/api/cases/:id/replies', noStore, requireRole(...ROLES), express.json({ limit: '128kb' }), async (req, res) => {
    const body = validBody(checkReplyBody, req.body);
    const user = currentUser(res)!;
    const { reply } = await deps.replies.queue({ scope: scopeForUser(user), sender: { kind: 'user', id: user.id }, assignTo: user.username, caseId: req.params.id as string, text: body.text, channel: body.channel });
    res.status(202).json({ reply: { id: reply._id, status: reply.delivery!.status } } satisfies ReplyAnswer);
    deps.casesChanged?.([reply.caseId!], new Set([messageIdOf(reply)])).catch((error: unknown) => logger.warn({ err: error, caseId: reply.caseId }, 'announcing a reply failed'));
  });

  // A failed reply, tried again as it was (the agent's "Retry"); editing it is a new reply.
  router.post('/api/cases/:id/replies/:replyId/retry', noStore, requireRole(...ROLES), async (req, res) => {
    const user = currentUser(res)!;
    const { reply } = await deps.replies.retry({ scope: scopeForUser(user), sender: { kind: 'user', id: user.id }, caseId: req.params.id as string, replyId: req.params.replyId as string });
    res.status(202).json({ reply: { id: reply._id, status: reply.delivery!.status } } satisfies ReplyAnswer);
    deps.casesChanged?.([reply.caseId!], new Set([messageIdOf(reply)])).catch((error: unknown) => logger.warn({ err: error, caseId: reply.caseId }, 'announcing a retried reply failed'));
  });

  return router;
}
