import { Redis } from 'ioredis';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { AdapterFactory } from './checkedRecovery.js';

/** Connects to REDIS_URL and checks it answers (so a wrong URL stops the start with a clear message). */
export async function connectRedis(url: string): Promise<Redis> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    throw new Error(`cannot reach Redis at REDIS_URL (${redactedUrl(url)}): ${(error as Error).message}`);
  }
  return redis;
}

/** The URL without its password, for messages. */
function redactedUrl(url: string): string {
  return url.replace(/\/\/([^@/]*)@/, '//***@');
}

/**
 * Socket.IO's adapter over Redis streams: every process's broadcasts reach the
 * sockets of every web process, and a client's missed events are kept in the
 * stream, so connection state recovery works when it comes back to another
 * web process. The stream keeps the last RECOVERY_EVENTS broadcasts (about
 * the two-minute recovery window at a few hundred events a second); a client
 * whose offset fell off it gets a fresh connection and refetches.
 */
export function redisAdapter(redis: Redis): AdapterFactory {
  return createAdapter(redis, { streamName: 'care-inbox:live', sessionKeyPrefix: 'care-inbox:live-session:', channelPrefix: 'care-inbox:live', maxLen: RECOVERY_EVENTS, onlyPlaintext: true }) as unknown as AdapterFactory;
}

const RECOVERY_EVENTS = 100_000;
