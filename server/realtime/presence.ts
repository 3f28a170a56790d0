import { logger } from '../logger.js';
import type { SessionUser } from '../middleware/currentUser.js';
import { scopeForUser, type Store } from '../store/index.js';
import type { CaseViewer, PresenceAck, TypingWhat } from './presenceShapes.js';
import type { LiveIo, LiveSocket } from './liveIo.js';
import { PRESENCE_TTL_MS, type PresenceShare, type SharedWatcher } from './sharedPresence.js';

export type { CaseViewer, PresenceAck, TypingWhat } from './presenceShapes.js';

/** Room of the sockets that have a case open (and may see it). */
export const caseRoom = (caseId: string): string => `case:${caseId}`;


// A client that stops saying it types (closed tab, lost network) stops showing as typing after this long.
const TYPING_EXPIRES_MS = 8_000;
// Bounds what one socket can make the server remember.
const MAX_WATCHED_PER_SOCKET = 20;
const CASE_ID = /^[A-Za-z0-9_-]{1,64}$/;

interface Watcher {
  username: string;
  typingUntil: number;
  what?: TypingWhat;
}

/**
 * Collision warnings: which agents have a case open and who is typing in it.
 * A socket watches a case only when its user may see it (the same TeamScope
 * as GET /api/cases/:id, read from the store); it then joins the case's room,
 * which gets `case:presence {caseId, viewers}` on every change, disconnects
 * included. Kept in memory: presence is about who is connected now, and is
 * rebuilt by the clients' watches after a restart. With several web
 * processes, each also publishes its sockets' watchers to a PresenceShare
 * (Redis) and announces everyone's, through the shared Socket.IO adapter.
 */
export class CasePresence {
  /** caseId → socket id → watcher. */
  private readonly cases = new Map<string, Map<string, Watcher>>();
  /** socket id → the cases it watches, or asked to (a watch is pending while its case is read). */
  private readonly wanted = new Map<string, Set<string>>();
  private readonly expiries = new Map<string, NodeJS.Timeout>();
  /** Per case, the announcement in flight (shared presence: publish, read, emit, one after another). */
  private readonly announcing = new Map<string, Promise<void>>();
  private readonly refresh: NodeJS.Timeout | undefined;

  constructor(
    private readonly io: LiveIo,
    private readonly store: Store,
    private readonly share?: PresenceShare,
  ) {
    if (!share) return;
    // Keeps this process's entries alive; a process that dies stops refreshing and its viewers fade out.
    this.refresh = setInterval(() => {
      for (const caseId of this.cases.keys()) void share.publish(caseId, this.localWatchers(caseId)).catch((error: unknown) => logger.warn({ err: error }, 'refreshing presence failed'));
    }, PRESENCE_TTL_MS / 3);
    this.refresh.unref();
  }

  /** Stops refreshing the shared presence (server shutdown). */
  close(): void {
    clearInterval(this.refresh);
  }

  /** Listens to one connected socket's watch, unwatch and typing events. */
  attach(socket: LiveSocket): void {
    const user = socket.data.user as SessionUser;
    socket.on('case:watch', (payload: unknown, ack?: unknown) => {
      this.watch(socket, user, payload).then(
        (answer) => reply(ack, answer),
        (error: unknown) => {
          logger.warn({ err: error }, 'case:watch failed');
          reply(ack, { ok: false, error: 'not_found' });
        },
      );
    });
    socket.on('case:unwatch', (payload: unknown, ack?: unknown) => reply(ack, this.unwatch(socket, payload)));
    socket.on('case:typing', (payload: unknown, ack?: unknown) => reply(ack, this.typing(socket, payload)));
    socket.on('disconnect', () => {
      for (const caseId of this.wanted.get(socket.id) ?? []) this.leave(socket.id, caseId);
      this.wanted.delete(socket.id);
    });
  }

  /**
   * A case moved to another team: its watchers who may not see that team's cases stop watching it
   * (they leave its room and its viewer list); their clients show that it moved (`case:removed`).
   */
  caseMoved(caseId: string, team: string): void {
    for (const socketId of [...(this.cases.get(caseId)?.keys() ?? [])]) {
      const socket = this.io.sockets.sockets.get(socketId);
      const user = socket?.data.user as SessionUser | undefined;
      if (user && (user.role === 'admin' || user.teams.includes(team))) continue;
      this.wanted.get(socketId)?.delete(caseId);
      void socket?.leave(caseRoom(caseId));
      this.leave(socketId, caseId);
    }
  }

  /** The viewers of a case on this process's sockets, one per user (typing when any of their tabs is). */
  viewers(caseId: string): CaseViewer[] {
    return viewersOf(this.cases.get(caseId)?.values() ?? []);
  }

  private localWatchers(caseId: string): SharedWatcher[] {
    return [...(this.cases.get(caseId)?.values() ?? [])].map(({ username, typingUntil, what }) => ({ username, typingUntil, ...(what ? { what } : {}) }));
  }

  private async watch(socket: LiveSocket, user: SessionUser, payload: unknown): Promise<PresenceAck> {
    const caseId = caseIdOf(payload);
    if (!caseId) return { ok: false, error: 'bad_request' };
    const wanted = this.wanted.get(socket.id) ?? new Set<string>();
    if (wanted.has(caseId)) return this.cases.get(caseId)?.has(socket.id) ? { ok: true } : { ok: false, error: 'not_found' };
    if (wanted.size >= MAX_WATCHED_PER_SOCKET) return { ok: false, error: 'too_many' };
    wanted.add(caseId);
    this.wanted.set(socket.id, wanted);
    const visible = await this.store.collections.cases.findOne(scopeForUser(user), { _id: caseId });
    // Unwatched or disconnected while the case was read: nothing to join.
    if (!this.wanted.get(socket.id)?.has(caseId) || socket.disconnected) return { ok: false, error: 'not_found' };
    if (!visible) {
      wanted.delete(caseId);
      return { ok: false, error: 'not_found' };
    }
    await socket.join(caseRoom(caseId));
    const watchers = this.cases.get(caseId) ?? new Map<string, Watcher>();
    watchers.set(socket.id, { username: user.username, typingUntil: 0 });
    this.cases.set(caseId, watchers);
    this.announce(caseId);
    return { ok: true };
  }

  private unwatch(socket: LiveSocket, payload: unknown): PresenceAck {
    const caseId = caseIdOf(payload);
    if (!caseId) return { ok: false, error: 'bad_request' };
    this.wanted.get(socket.id)?.delete(caseId);
    void socket.leave(caseRoom(caseId));
    this.leave(socket.id, caseId);
    return { ok: true };
  }

  private typing(socket: LiveSocket, payload: unknown): PresenceAck {
    const caseId = caseIdOf(payload);
    const { typing, what } = (payload ?? {}) as { typing?: unknown; what?: unknown };
    if (!caseId || typeof typing !== 'boolean' || (what !== undefined && what !== 'reply' && what !== 'note')) return { ok: false, error: 'bad_request' };
    const watcher = this.cases.get(caseId)?.get(socket.id);
    // Only a socket that was let watch the case says anything to its room.
    if (!watcher) return { ok: false, error: 'not_found' };
    const wasTyping = watcher.typingUntil > Date.now();
    const wasWhat = watcher.what;
    watcher.typingUntil = typing ? Date.now() + TYPING_EXPIRES_MS : 0;
    watcher.what = typing ? (what as TypingWhat | undefined) : undefined;
    this.expireTyping(socket.id, caseId, typing);
    if (wasTyping !== typing || wasWhat !== watcher.what) this.announce(caseId);
    return { ok: true };
  }

  private expireTyping(socketId: string, caseId: string, typing: boolean): void {
    const key = `${socketId} ${caseId}`;
    clearTimeout(this.expiries.get(key));
    this.expiries.delete(key);
    if (!typing) return;
    const timer = setTimeout(() => {
      this.expiries.delete(key);
      if (this.cases.get(caseId)?.has(socketId)) this.announce(caseId);
    }, TYPING_EXPIRES_MS + 50);
    timer.unref();
    this.expiries.set(key, timer);
  }

  private leave(socketId: string, caseId: string): void {
    this.expireTyping(socketId, caseId, false);
    const watchers = this.cases.get(caseId);
    if (!watchers?.delete(socketId)) return;
    if (watchers.size === 0) this.cases.delete(caseId);
    this.announce(caseId);
  }

  private announce(caseId: string): void {
    const share = this.share;
    if (!share) {
      this.io.to(caseRoom(caseId)).emit('case:presence', { caseId, viewers: this.viewers(caseId) });
      return;
    }
    // Publish then read everyone's, one announcement per case at a time, so the last one sent is the newest.
    const previous = this.announcing.get(caseId) ?? Promise.resolve();
    const next = previous.then(async () => {
      await share.publish(caseId, this.localWatchers(caseId));
      this.io.to(caseRoom(caseId)).emit('case:presence', { caseId, viewers: viewersOf(await share.watchers(caseId)) });
    }).catch((error: unknown) => logger.warn({ err: error, caseId }, 'announcing shared presence failed'));
    this.announcing.set(caseId, next);
    void next.finally(() => {
      if (this.announcing.get(caseId) === next) this.announcing.delete(caseId);
    });
  }
}

/** One viewer per user (typing when any of their tabs is), by name. */
function viewersOf(watchers: Iterable<Pick<Watcher, 'username' | 'typingUntil' | 'what'>>): CaseViewer[] {
  const byUser = new Map<string, CaseViewer>();
  const now = Date.now();
  for (const watcher of watchers) {
    const typing = watcher.typingUntil > now;
    const seen = byUser.get(watcher.username);
    if (seen?.typing) continue;
    byUser.set(watcher.username, { username: watcher.username, typing, ...(typing && watcher.what ? { what: watcher.what } : {}) });
  }
  return [...byUser.values()].sort((a, b) => a.username.localeCompare(b.username));
}

function caseIdOf(payload: unknown): string | null {
  const caseId = (payload as { caseId?: unknown } | null)?.caseId;
  return typeof caseId === 'string' && CASE_ID.test(caseId) ? caseId : null;
}

function reply(ack: unknown, answer: PresenceAck): void {
  if (typeof ack === 'function') (ack as (answer: PresenceAck) => void)(answer);
}
