import type { Redis } from 'ioredis';
import type { TypingWhat } from './presenceShapes.js';

/** One socket's presence in a case, as every web process sees it. */
export interface SharedWatcher {
  username: string;
  typingUntil: number;
  what?: TypingWhat;
}

/** Presence shared by web processes: each publishes its own sockets' watchers of a case and reads everyone's. */
export interface PresenceShare {
  /** Replaces this process's watchers of the case (none: removes them). */
  publish(caseId: string, watchers: SharedWatcher[]): Promise<void>;
  /** The watchers of the case on every live process. */
  watchers(caseId: string): Promise<SharedWatcher[]>;
}

/** How long a process's entry counts without being refreshed: a process that died stops showing its viewers after this. */
export const PRESENCE_TTL_MS = 30_000;

/**
 * Presence in Redis: one hash per case, one field per web process holding its
 * sockets' watchers and until when they count. A process refreshes its entries
 * every PRESENCE_TTL_MS / 3; readers skip entries past their time, so the
 * viewers of a killed process disappear within PRESENCE_TTL_MS.
 */
export class RedisPresenceShare implements PresenceShare {
  constructor(
    private readonly redis: Redis,
    private readonly processId: string,
    private readonly now: () => number = Date.now,
  ) {}

  async publish(caseId: string, watchers: SharedWatcher[]): Promise<void> {
    const key = presenceKey(caseId);
    if (watchers.length === 0) {
      await this.redis.hdel(key, this.processId);
      return;
    }
    await this.redis.multi().hset(key, this.processId, JSON.stringify({ until: this.now() + PRESENCE_TTL_MS, watchers })).pexpire(key, 2 * PRESENCE_TTL_MS).exec();
  }

  async watchers(caseId: string): Promise<SharedWatcher[]> {
    const entries = await this.redis.hgetall(presenceKey(caseId));
    const now = this.now();
    return Object.values(entries).flatMap((text) => {
      const entry = JSON.parse(text) as { until: number; watchers: SharedWatcher[] };
      return entry.until > now ? entry.watchers : [];
    });
  }
}

function presenceKey(caseId: string): string {
  return `care-inbox:presence:${caseId}`;
}
