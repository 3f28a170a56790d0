import { request } from './http.js';
// Type-only: the bodies of /api/saved-replies are the server route's own (an import-free file).
import type { CreateSavedReplyBody, PatchSavedReplyBody, PresentedSavedReply, SavedReplyAnswer, SavedReplyListAnswer } from '../../../server/routes/savedReplies/bodies.js';

/** A saved reply: the server's PresentedSavedReply. */
export type SavedReply = PresentedSavedReply;

/** The saved replies I may use (an admin: all). */
export async function listSavedReplies(): Promise<SavedReply[]> {
  return (await request<SavedReplyListAnswer>('/api/saved-replies')).savedReplies;
}

/** Adds a saved reply (admins); 422 points at unknown placeholders or teams, 409 at a taken shortcut. */
export async function createSavedReply(reply: CreateSavedReplyBody): Promise<SavedReply> {
  return (await request<SavedReplyAnswer>('/api/saved-replies', { method: 'POST', body: reply })).savedReply;
}

/** Changes a saved reply (admins). */
export async function updateSavedReply(id: string, changes: PatchSavedReplyBody): Promise<SavedReply> {
  return (await request<SavedReplyAnswer>(`/api/saved-replies/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes })).savedReply;
}

/** Deletes a saved reply (admins). */
export function deleteSavedReply(id: string): Promise<void> {
  return request<void>(`/api/saved-replies/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
