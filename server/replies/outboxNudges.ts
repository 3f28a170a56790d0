import type { Redis } from 'ioredis';
import { logger } from '../logger.js';

/** A lane of the reply outbox: a platform's channel. */
export interface LaneOf {
  platform: string;
  channel: string;
}

/**
 * Tells the process that sends replies (the holder of the outbox's lease)
 * that replies were queued elsewhere, and on which lanes. At most once: a
 * nudge published while no process listens is lost, so the sender also looks
 * at its whole queue now and then, and whenever it takes the lease.
 */
export interface OutboxNudges {
  nudge(lanes: readonly LaneOf[]): void;
  /** Calls `listener` with each nudge's lanes until the returned function is called. */
  listen(listener: (lanes: LaneOf[] | undefined) => void): () => void;
  close(): Promise<void>;
}

const CHANNEL = 'care-inbox:outbox-nudges';

/** Nudges over Redis pub/sub; the subscriber gets a connection of its own (a subscribed connection can do nothing else), opened on the first listen. */
export function redisOutboxNudges(redis: Redis): OutboxNudges {
  let subscriber: Redis | undefined;
  const listeners = new Set<(lanes: LaneOf[] | undefined) => void>();
  return {
    nudge(lanes) {
      redis.publish(CHANNEL, JSON.stringify(lanes.map(({ platform, channel }) => ({ platform, channel })))).catch((error: unknown) => logger.warn({ err: error }, 'nudging the reply outbox failed; it looks again within its interval'));
    },
    listen(listener) {
      listeners.add(listener);
      if (!subscriber) {
        subscriber = redis.duplicate();
        subscriber.on('message', (_channel: string, text: string) => {
          const lanes = lanesOf(text);
          for (const each of listeners) each(lanes);
        });
        subscriber.subscribe(CHANNEL).catch((error: unknown) => logger.warn({ err: error }, 'listening for reply outbox nudges failed; it looks at its queue within its interval'));
      }
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      await subscriber?.quit().catch(() => subscriber?.disconnect());
      subscriber = undefined;
    },
  };
}

/** The lanes a nudge names; undefined (every lane) when it names none readably. */
function lanesOf(text: string): LaneOf[] | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (Array.isArray(parsed) && parsed.every((lane) => typeof lane?.platform === 'string' && typeof lane?.channel === 'string')) return parsed as LaneOf[];
  } catch {
    // Read as "look at every lane".
  }
  return undefined;
}
