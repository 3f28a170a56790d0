/*
 * The live events' payloads, one definition for the server's emits and the
 * client's listeners. Free of imports but types, so the client's type-check
 * can read it without following socket.io or the store.
 */
import type { PresentedCase } from '../presenters/presentedCase.js';
import type { PresentedCaseEvent } from '../presenters/presentedCaseEvent.js';
import type { PresentedMessage } from '../presenters/presentedMessage.js';
import type { PresentedThread } from '../presenters/presentedThread.js';
import type { CaseViewer, TypingWhat } from './presenceShapes.js';

/** What the server sends (api.md "Live events", and the extras README lists); `seq` is the case's event number. */
export interface LiveEvents {
  'case:upsert': { case: PresentedCase; seq: number };
  'message:new': { caseId: string; message: PresentedMessage; seq: number };
  'sla:breach': { caseId: string; seq: number };
  /** The case moved to a team outside the room's. */
  'case:removed': { caseId: string; seq: number };
  /** The monitor's: a public thread as marketing may see it (masked). */
  'thread:upsert': { thread: PresentedThread; seq: number };
  /** The monitor's: a thread that stopped being public. */
  'thread:removed': { threadId: string; seq: number };
  /** A colleague's internal note @mentions the user (sent to that user's sockets only, and only when they may see the case). */
  'mention:new': { case: PresentedCase; note: PresentedCaseEvent; seq: number };
  /** Who has a watched case open. */
  'case:presence': { caseId: string; viewers: CaseViewer[] };
}

/** What a client sends (presence), each answered through its acknowledgement (PresenceAck). */
export interface LiveCommands {
  'case:watch': { caseId: string };
  'case:unwatch': { caseId: string };
  'case:typing': { caseId: string; typing: boolean; what?: TypingWhat };
}
