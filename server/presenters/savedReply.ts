import type { PresentedSavedReply } from '../routes/savedReplies/bodies.js';
import type { SavedReplyDocument } from '../store/index.js';

/** The one shape of a saved reply (GET/POST/PATCH /api/saved-replies). */
export function presentSavedReply(reply: SavedReplyDocument): PresentedSavedReply {
  return {
    id: reply._id,
    title: reply.title,
    text: reply.text,
    teams: [...reply.teams],
    shortcut: reply.shortcut ?? null,
    createdAt: reply.createdAt.toISOString(),
    updatedAt: reply.updatedAt.toISOString(),
  };
}
