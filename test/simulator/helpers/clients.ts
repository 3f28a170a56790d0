/** twitter-api-v2 clients pointed at a running simulator, and a controllable clock. */
import { TwitterApi } from 'twitter-api-v2';
import { simulatorClientSettings } from '../../../server/simulator/x/index.js';

/** The OAuth 1.0a user-context keys the tests sign with. */
export const TEST_KEYS = { appKey: 'test-app-key', appSecret: 'test-app-secret', accessToken: '1000000000000000001-testtoken', accessSecret: 'test-access-secret' };

/** A client signing with OAuth 1.0a user context (what the X connector uses). */
export function userClient(baseUrl: string, keys: typeof TEST_KEYS = TEST_KEYS): TwitterApi {
  return new TwitterApi(keys, simulatorClientSettings(baseUrl));
}

/** A client sending a Bearer token. */
export function bearerClient(baseUrl: string, token = 'test-bearer-token'): TwitterApi {
  return new TwitterApi(token, simulatorClientSettings(baseUrl));
}

/** A clock the test moves by hand. */
export function manualClock(startMs = Date.UTC(2025, 5, 2, 12, 0, 0)): { now: () => number; advance: (ms: number) => void } {
  let current = startMs;
  return { now: () => current, advance: (ms) => void (current += ms) };
}
