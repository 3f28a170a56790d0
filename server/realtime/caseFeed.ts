import { presentCase } from '../presenters/case.js';
import { presentMessage } from '../presenters/message.js';
import { presentThread } from '../presenters/thread.js';
import { allTeamsScope, type CaseDocument, type MessageDocument, type Store } from '../store/index.js';
import { anyoneMayHear } from './checkedRecovery.js';
import { inOneFlush } from './coalesceFrames.js';
import { ADMIN_ROOM, MONITOR_ROOM, teamRoom } from './rooms.js';
import type { LiveIo } from './liveIo.js';

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
/** How many cases' last teams the feed remembers (the most recently announced): enough for every open case of a busy team; older ones are looked up in their events. */
export const REMEMBERED_CASES = 10_000;

export class CaseFeed {
  /** Last known team of recently announced cases (least recently announced first), to tell the old team when a case moves away. */
  private readonly lastTeam = new Map<string, string>();

  constructor(
    private readonly io: LiveIo,
    private readonly store: Store,
    /** Told when a case moves to another team (presence drops watchers who may not follow it). */
    private readonly onMoved: (caseId: string, team: string) => void = () => undefined,
    private readonly remember: number = REMEMBERED_CASES,
  ) {}

  /** How many cases' teams the feed holds (at most `remember`). */
  get rememberedCases(): number {
    return this.lastTeam.size;
  }

  /**
   * Announces the cases (after the write that changed them is durable), with their new messages. Every
   * case's `case:upsert` goes out before any `message:new`, so the last case of a large batch is not
   * held behind the others' messages; within a case the order stays upsert, then its messages.
   */
  async casesChanged(caseIds: readonly string[], newMessageIds: ReadonlySet<string> = new Set()): Promise<void> {
    if (caseIds.length === 0) return;
    const cases = await this.store.collections.cases.find(allTeamsScope(), { _id: { $in: [...new Set(caseIds)] } });
    const messages = await this.store.collections.messages.find({ caseId: { $in: cases.map((doc) => doc._id) } }, { sort: { createdAt: 1 } });
    const byCase = groupByCase(messages);
    await this.announce(cases, (doc) => (byCase.get(doc._id) ?? []).filter((message) => newMessageIds.has(`${message.platform}:${message.externalId}`)), byCase);
  }

  /**
   * Like casesChanged, for cases and messages the caller has just written and holds as stored (ingestion):
   * nothing is read back but the monitor's threads, for the monitored cases only.
   */
  async announceStored(cases: readonly CaseDocument[], newMessages: readonly MessageDocument[]): Promise<void> {
    if (cases.length === 0) return;
    const monitored = anyoneMayHear(this.io, [MONITOR_ROOM]) ? cases.filter(isMonitored).map((doc) => doc._id) : [];
    const threads = monitored.length > 0 ? groupByCase(await this.store.collections.messages.find({ caseId: { $in: monitored } }, { sort: { createdAt: 1 } })) : new Map<string, MessageDocument[]>();
    const fresh = groupByCase([...newMessages].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()));
    await this.announce(cases, (doc) => fresh.get(doc._id) ?? [], threads);
  }

  private async announce(cases: readonly CaseDocument[], newMessagesOf: (doc: CaseDocument) => MessageDocument[], threads: ReadonlyMap<string, MessageDocument[]>): Promise<void> {
    const escapedFrom = await this.teamsBeforeEscalation(cases.filter((doc) => !this.lastTeam.has(doc._id) && doc.escalations > 0));
    const previousTeams = cases.map((doc) => this.moveTeam(doc) ?? escapedFrom.get(doc._id));
    inOneFlush(this.io, () => {
      cases.forEach((doc, index) => this.announceCase(doc, previousTeams[index]));
      for (const doc of cases) this.announceMessages(doc, newMessagesOf(doc));
      cases.forEach((doc, index) => this.announceThread(doc, threads.get(doc._id) ?? [], previousTeams[index]));
    });
  }

  /** Announces missed response-time targets: the updated cases, then `sla:breach` to the same rooms. */
  async slaBreached(caseIds: readonly string[]): Promise<void> {
    await this.casesChanged(caseIds);
    const cases = await this.store.collections.cases.find(allTeamsScope(), { _id: { $in: [...caseIds] } }, { fields: ['team', 'lastEventSeq'] });
    for (const doc of cases) this.io.to([teamRoom(doc.team), ADMIN_ROOM]).emit('sla:breach', { caseId: doc._id, seq: doc.lastEventSeq });
  }

  /**
   * For cases this process never announced (e.g. since a restart), the team they had before their
   * last escalation, so that team's inbox still hears they left.
   */
  private async teamsBeforeEscalation(cases: readonly CaseDocument[]): Promise<Map<string, string>> {
    const before = new Map<string, string>();
    if (cases.length === 0) return before;
    const events = await this.store.collections.caseEvents.find({ caseId: { $in: cases.map((doc) => doc._id) }, type: 'escalated' }, { sort: { seq: -1 } });
    for (const event of events) {
      const from = (event.data as { from?: { team?: unknown } } | undefined)?.from?.team;
      if (!before.has(event.caseId) && typeof from === 'string') before.set(event.caseId, from);
    }
    return before;
  }

  /** Records the case's team; returns the one it had when last announced (undefined if it never was). */
  private moveTeam(doc: CaseDocument): string | undefined {
    const previousTeam = this.lastTeam.get(doc._id);
    // Deleted and set again: the map's order is the order of last announcement, so the first key is the one to forget.
    this.lastTeam.delete(doc._id);
    this.lastTeam.set(doc._id, doc.team);
    while (this.lastTeam.size > this.remember) this.lastTeam.delete(this.lastTeam.keys().next().value!);
    return previousTeam;
  }

  private announceCase(doc: CaseDocument, previousTeam: string | undefined): void {
    const seq = doc.lastEventSeq;
    const rooms = roomsOf(doc);
    if (previousTeam && previousTeam !== doc.team) {
      this.io.to(teamRoom(previousTeam)).except(rooms).emit('case:removed', { caseId: doc._id, seq });
      this.onMoved(doc._id, doc.team);
    }
    if (anyoneMayHear(this.io, rooms)) this.io.to(rooms).emit('case:upsert', { case: presentCase(doc), seq });
  }

  private announceMessages(doc: CaseDocument, newMessages: readonly MessageDocument[]): void {
    if (newMessages.length === 0 || !anyoneMayHear(this.io, roomsOf(doc))) return;
    for (const message of newMessages) this.io.to(roomsOf(doc)).emit('message:new', { caseId: doc._id, message: presentMessage(message), seq: doc.lastEventSeq });
  }

  private announceThread(doc: CaseDocument, messages: MessageDocument[], previousTeam: string | undefined): void {
    if (!anyoneMayHear(this.io, [MONITOR_ROOM])) return;
    // Admins are in the monitor room too: their monitor screen follows the same events as marketing's.
    const monitor = this.io.to(MONITOR_ROOM);
    const seq = doc.lastEventSeq;
    if (isMonitored(doc)) monitor.emit('thread:upsert', { thread: presentThread(doc, messages.filter((message) => message.channel === 'public')), seq });
    else if (previousTeam) monitor.emit('thread:removed', { threadId: doc._id, seq });
  }
}

function roomsOf(doc: CaseDocument): string[] {
  return [teamRoom(doc.team), ADMIN_ROOM];
}

function groupByCase(messages: readonly MessageDocument[]): Map<string, MessageDocument[]> {
  const byCase = new Map<string, MessageDocument[]>();
  for (const message of messages) {
    const thread = byCase.get(message.caseId!);
    if (thread) thread.push(message);
    else byCase.set(message.caseId!, [message]);
  }
  return byCase;
}
