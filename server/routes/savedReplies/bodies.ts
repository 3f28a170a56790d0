/*
 * The request bodies and answers of /api/saved-replies. Their own file,
 * free of imports, because the client uses them (type-only).
 */

/** A saved reply as the API shows it. `teams` empty: every team's. */
export interface PresentedSavedReply {
  id: string;
  title: string;
  text: string;
  teams: string[];
  shortcut: string | null;
  createdAt: string;
  updatedAt: string;
}

/** POST /api/saved-replies. */
export interface CreateSavedReplyBody {
  title: string;
  text: string;
  teams?: string[];
  shortcut?: string | null;
}

/** PATCH /api/saved-replies/:id: at least one field; a null shortcut removes it. */
export type PatchSavedReplyBody = Partial<CreateSavedReplyBody>;

/** GET /api/saved-replies. */
export interface SavedReplyListAnswer {
  savedReplies: PresentedSavedReply[];
}

/** POST (201) and PATCH /api/saved-replies/:id. */
export interface SavedReplyAnswer {
  savedReply: PresentedSavedReply;
}
