import Bottleneck from 'bottleneck';
import { Redis } from 'ioredis';

/**
 * The Redis connection bottleneck's clustering uses, so every process posting
 * for one account draws from the same X windows. bottleneck 2 loads ioredis
 * with require(), which ESM lacks: the module is handed over explicitly.
 */
export function xLimiterConnection(redisUrl: string): Bottleneck.IORedisConnection {
  const client = new Redis(redisUrl, { maxRetriesPerRequest: null, lazyConnect: false });
  return new Bottleneck.IORedisConnection({ client, Redis } as unknown as Bottleneck.IORedisConnectionOptions);
}
