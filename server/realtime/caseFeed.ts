import type { Server } from 'socket.io';
import { presentCase } from '../presenters/case.js';
import { presentMessage } from '../presenters/message.js';
import { presentThread } from '../presenters/thread.js';
import { allTeamsScope, type CaseDocument, type MessageDocument, type Store } from '../store/index.js';
import { ADMIN_ROOM, MONITOR_ROOM, teamRoom } from './rooms.js';

/** Whether marketing's monitor may show a case: public threads outside the private help desk. */
export function isMonitored(doc: Pick<CaseDocument, 'channel' | 'tier'>): boolean {
  return doc.channel === 'public' && doc.tier !== 2;
}

/**
 * Announces stored changes of cases to the rooms allowed to see them. It reads
 * the cases back from the store, so what is announced is what was written;
 * `seq` is the case's event sequence number, so clients order updates and
 * notice gaps.
 */
export class CaseFeed {
  /** Last known team of each announced case, to tell the old team when a case moves away. */
  private readonly lastTeam = new Map<string, string>();

  constructor(
    private readonly io: Server,
    private readonly store: Store,
  ) {}

  /** Announces the cases (after the write that changed them is durable), with their new messages. */
  async casesChanged(caseIds: readonly string[], newMessageIds: ReadonlySet<string> = new Set()): Promise<void> {
    if (caseIds.length === 0) return;
    const cases = await this.store.collections.cases.find(allTeamsScope(), { _id: { $in: [...new Set(caseIds)] } });
    const messages = await this.store.collections.messages.find({ caseId: { $in: cases.map((doc) => doc._id) } }, { sort: { createdAt: 1 } });
    for (const doc of cases) this.announce(doc, messages.filter((message) => message.caseId === doc._id), newMessageIds);
  }

  /** Announces missed response-time targets: the updated cases, then `sla:breach` to the same rooms. */
  async slaBreached(caseIds: readonly string[]): Promise<void> {
    await this.casesChanged(caseIds);
    const cases = await this.store.collections.cases.find(allTeamsScope(), { _id: { $in: [...caseIds] } }, { fields: ['team', 'lastEventSeq'] });
    for (const doc of cases) this.io.to([teamRoom(doc.team), ADMIN_ROOM]).emit('sla:breach', { caseId: doc._id, seq: doc.lastEventSeq });
  }

  private announce(doc: CaseDocument, messages: MessageDocument[], newMessageIds: ReadonlySet<string>): void {
    const seq = doc.lastEventSeq;
    const rooms = [teamRoom(doc.team), ADMIN_ROOM];
    const previousTeam = this.lastTeam.get(doc._id);
    this.lastTeam.set(doc._id, doc.team);
    if (previousTeam && previousTeam !== doc.team) this.io.to(teamRoom(previousTeam)).except(rooms).emit('case:removed', { caseId: doc._id, seq });
    this.io.to(rooms).emit('case:upsert', { case: presentCase(doc), seq });
    for (const message of messages) {
      if (newMessageIds.has(`${message.platform}:${message.externalId}`)) this.io.to(rooms).emit('message:new', { caseId: doc._id, message: presentMessage(message), seq });
    }
    const monitor = this.io.to(MONITOR_ROOM).except(rooms);
    if (isMonitored(doc)) monitor.emit('thread:upsert', { thread: presentThread(doc, messages.filter((message) => message.channel === 'public')), seq });
    else if (previousTeam) monitor.emit('thread:removed', { threadId: doc._id, seq });
  }
}
