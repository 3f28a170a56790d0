/** Failed-login counts shared through Redis: two web processes (two throttles on one private redis-server) see the same counts. */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisLoginThrottle } from '../../server/auth/redisLoginThrottle.js';
import { startRedis, type RunningRedis } from '../support/redisServer.js';

const LIMITS = { perAccount: { limit: 3, windowMs: 60_000 }, perAddress: { limit: 5, windowMs: 60_000 } };

describe('RedisLoginThrottle', () => {
  let redis: RunningRedis;
  const clients: Redis[] = [];
  const throttle = () => {
    const client = new Redis(redis.url);
    clients.push(client);
    return new RedisLoginThrottle(client, LIMITS);
  };

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.quit()));
    await redis.stop();
  });

  it('blocks an account after failures spread over two processes, until a success clears it', async () => {
    const [web1, web2] = [throttle(), throttle()];
    await web1.fail('ana', '10.0.0.1');
    await web2.fail('ana', '10.0.0.1');
    expect(await web1.retryAfterMs('ana', '10.0.0.1')).toBe(0);
    await web1.fail('ana', '10.0.0.1');
    const wait = await web2.retryAfterMs('ana', '10.0.0.1');
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60_000);
    expect(await web2.retryAfterMs('ana', '10.0.0.2')).toBe(0);
    await web2.succeed('ana', '10.0.0.1');
    expect(await web1.retryAfterMs('ana', '10.0.0.1')).toBe(0);
  });

  it('blocks an address guessing across many accounts', async () => {
    const [web1, web2] = [throttle(), throttle()];
    for (const [index, name] of ['a', 'b', 'c', 'd', 'e'].entries()) await (index % 2 ? web1 : web2).fail(name, '10.0.0.9');
    expect(await web1.retryAfterMs('someone-else', '10.0.0.9')).toBeGreaterThan(0);
  });
});
