import { conflict, notFound } from '../../errors.js';
import type { CreateSavedReplyBody, PatchSavedReplyBody } from '../../routes/savedReplies/bodies.js';
import { DuplicateKeyError, plainString, type SavedReplyDocument, type Store } from '../../store/index.js';
import { checkSavedReply } from './checkSavedReply.js';

/** Adds a saved reply (admins); 422 on unknown placeholders or teams, 409 on a taken shortcut. */
export async function createSavedReply(props: CreateSavedReplyBody & { store: Store }): Promise<SavedReplyDocument> {
  const { store } = props;
  await checkSavedReply(store, props);
  const inserted = await store.collections.savedReplies.insertOne({
    title: props.title.trim(),
    text: props.text,
    teams: props.teams ?? [],
    ...(props.shortcut ? { shortcut: props.shortcut } : {}),
  });
  if (inserted.status === 'duplicate') throw shortcutTaken(props.shortcut);
  return inserted.document;
}

/** Changes a saved reply (admins); 404 for an unknown id, otherwise as createSavedReply. */
export async function updateSavedReply(props: { store: Store; id: string; changes: PatchSavedReplyBody }): Promise<SavedReplyDocument> {
  const { store, changes } = props;
  await checkSavedReply(store, { text: changes.text, teams: changes.teams });
  const set: Record<string, unknown> = {};
  if (changes.title !== undefined) set.title = changes.title.trim();
  if (changes.text !== undefined) set.text = changes.text;
  if (changes.teams !== undefined) set.teams = changes.teams;
  if (typeof changes.shortcut === 'string') set.shortcut = changes.shortcut;
  const update = { ...(Object.keys(set).length > 0 ? { $set: set } : {}), ...(changes.shortcut === null ? { $unset: { shortcut: '' as const } } : {}) };
  try {
    const updated = await store.collections.savedReplies.findOneAndUpdate({ _id: plainString(props.id, 'saved reply id') }, update, { returnDocument: 'after' });
    if (!updated) throw notFound('saved reply');
    return updated;
  } catch (error) {
    if (error instanceof DuplicateKeyError) throw shortcutTaken(changes.shortcut);
    throw error;
  }
}

/** Removes a saved reply (admins); 404 for an unknown id. */
export async function deleteSavedReply(props: { store: Store; id: string }): Promise<void> {
  const removed = await props.store.collections.savedReplies.deleteMany({ _id: plainString(props.id, 'saved reply id') });
  if (removed === 0) throw notFound('saved reply');
}

function shortcutTaken(shortcut: string | null | undefined) {
  return conflict(`the shortcut "${shortcut ?? ''}" is taken`, [{ pointer: '/shortcut', message: 'is taken' }]);
}
