import type { AddedNote } from '../commands/addNote.js';
import { presentCase } from '../presenters/case.js';
import { presentCaseEvent } from '../presenters/caseEvent.js';
import type { LiveIo } from './liveIo.js';
import { userRoom } from './rooms.js';

/** Tells each colleague a stored note @mentions (already checked to see the case) on their own sockets: `mention:new`. */
export function announceMentions(io: LiveIo, added: AddedNote): void {
  if (added.mentions.notified.length === 0) return;
  const payload = { case: presentCase(added.case), note: presentCaseEvent(added.event), seq: added.event.seq };
  io.to(added.mentions.notified.map((user) => userRoom(user._id))).emit('mention:new', payload);
}
