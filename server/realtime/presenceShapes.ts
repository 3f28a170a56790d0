/*
 * What the presence events carry. Their own file, free of imports, because
 * the client uses them (type-only) and a client type-check cannot follow
 * presence.ts into socket.io and the store (node-only modules).
 */

/** What a viewer is writing, when they say (`case:typing`'s optional `what`). */
export type TypingWhat = 'reply' | 'note';

/** Who has a case open, and whether they are writing (and what, when they said). */
export interface CaseViewer {
  username: string;
  typing: boolean;
  what?: TypingWhat;
}

/** What `case:watch`, `case:unwatch` and `case:typing` answer through their acknowledgement. */
export type PresenceAck = { ok: true } | { ok: false; error: 'bad_request' | 'not_found' | 'too_many' };
