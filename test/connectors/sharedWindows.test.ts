import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xLimiterConnection } from '../../server/connectors/x/limiterRedis.js';
import { XApi } from '../../server/connectors/x/xApi.js';
import { startRedis, type RunningRedis } from '../support/redisServer.js';
import { TEST_CREDENTIALS } from './fakes.js';
import { BRAND, simulator } from './harness.js';

let redis: RunningRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.stop();
});

describe('N workers share one account\'s X windows (bottleneck clustering on Redis)', () => {
  it('two processes posting for one account never exceed its window together', async () => {
    const window = { limit: 3, windowMs: 1_500 };
    const x = await simulator({ rateLimits: { createTweet: window } });
    const mention = x.sim.addMention({ text: 'busy day' });
    // Two "workers": separate clients and Redis connections, one account.
    const connections = [xLimiterConnection(redis.url), xLimiterConnection(redis.url)];
    const workers = connections.map((connection) => new XApi({ baseUrl: x.baseUrl, credentials: TEST_CREDENTIALS, windows: { postTweet: window }, cluster: { accountId: BRAND, connection } }));
    const counters = { retries: 0, rateLimited: 0 };
    try {
      await Promise.all(workers.flatMap((api, worker) => [0, 1, 2].map((n) =>
        api.post('postTweet', 'tweets', { text: `answer ${worker}-${n}`, reply: { in_reply_to_tweet_id: mention.id } }, counters))));
    } finally {
      await Promise.all(workers.map((api) => api.stop()));
      await Promise.all(connections.map((connection) => connection.disconnect()));
    }
    expect(x.sim.postedTweets()).toHaveLength(6);
    expect(x.sim.requestStats().createTweet.rateLimited).toBe(0);
    expect(counters.rateLimited).toBe(0);
  });
});
