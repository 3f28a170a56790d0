import express, { Router } from 'express';
import { listSavedReplies } from '../../commands/savedReplies/listSavedReplies.js';
import { createSavedReply, deleteSavedReply, updateSavedReply } from '../../commands/savedReplies/saveSavedReply.js';
import { currentUser, requireRole } from '../../middleware/currentUser.js';
import { noStore } from '../../middleware/noStore.js';
import { validBody } from '../../middleware/validation.js';
import { presentSavedReply } from '../../presenters/savedReply.js';
import type { Store } from '../../store/index.js';
import type { SavedReplyAnswer, SavedReplyListAnswer } from './bodies.js';
import { checkCreateSavedReplyBody, checkPatchSavedReplyBody } from './schema.js';

/** GET /api/saved-replies (agents and admins), POST/PATCH/DELETE (admins): canned answers for the reply box. */
export function savedReplyRoutes(deps: { store: Store }): Router {
  const router = Router();
  const { store } = deps;
  const json = express.json({ limit: '16kb' });
  router.use('/api/saved-replies', noStore, requireRole('agent', 'admin'));

  router.get('/api/saved-replies', async (_req, res) => {
    res.json({ savedReplies: (await listSavedReplies(store, currentUser(res)!)).map(presentSavedReply) } satisfies SavedReplyListAnswer);
  });

  router.post('/api/saved-replies', requireRole('admin'), json, async (req, res) => {
    const body = validBody(checkCreateSavedReplyBody, req.body);
    res.status(201).json({ savedReply: presentSavedReply(await createSavedReply({ ...body, store })) } satisfies SavedReplyAnswer);
  });

  router.patch('/api/saved-replies/:id', requireRole('admin'), json, async (req, res) => {
    const changes = validBody(checkPatchSavedReplyBody, req.body);
    res.json({ savedReply: presentSavedReply(await updateSavedReply({ store, id: req.params.id as string, changes })) } satisfies SavedReplyAnswer);
  });

  router.delete('/api/saved-replies/:id', requireRole('admin'), async (req, res) => {
    await deleteSavedReply({ store, id: req.params.id as string });
    res.status(204).end();
  });

  return router;
}
