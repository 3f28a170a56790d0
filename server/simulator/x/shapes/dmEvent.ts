/** Presents a direct message as an X API v2 DmEvent, with only the fields the request asked for. */
import type { SimDmEvent } from '../model.js';
import { escapeXText } from './tweet.js';

/** X's DmEvent for `event`; id, event_type and text are always present, as on X. */
export function presentDmEvent(event: SimDmEvent, fields: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = { id: event.id, event_type: 'MessageCreate', text: escapeXText(event.text) };
  if (fields.has('created_at')) out.created_at = new Date(event.createdAt).toISOString();
  if (fields.has('dm_conversation_id')) out.dm_conversation_id = event.conversationId;
  if (fields.has('sender_id')) out.sender_id = event.senderId;
  return out;
}
