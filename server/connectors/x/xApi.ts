import http from 'node:http';
import { ApiResponseError, TwitterApi } from 'twitter-api-v2';
import { EndpointLimiter, X_RATE_WINDOWS, type RateWindow, type XEndpoint } from './endpointLimiter.js';
import { DEFAULT_RETRY, sendWithRetries, type RetryCounters, type RetryPolicy } from './retry.js';

export interface XCredentials {
  appKey: string;
  appSecret: string;
  accessToken: string;
  accessSecret: string;
}

export interface XApiOptions {
  /** X API v2 base URL, e.g. https://api.x.com/2/ or the simulator's. */
  baseUrl: string;
  credentials: XCredentials;
  windows?: Partial<Record<XEndpoint, RateWindow>>;
  retry?: RetryPolicy;
  timeoutMs?: number;
}

/**
 * The real twitter-api-v2 client behind one limiter per endpoint, with retries.
 * (The client always calls https.request; an http: base URL needs an http.Agent.)
 */
export class XApi {
  private readonly client: TwitterApi;
  private readonly prefix: string;
  private readonly limiters: Record<XEndpoint, EndpointLimiter>;

  constructor(private readonly options: XApiOptions) {
    this.prefix = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
    const httpAgent = this.prefix.startsWith('http:') ? new http.Agent({ keepAlive: true }) : undefined;
    this.client = new TwitterApi(options.credentials, httpAgent ? { httpAgent } : {});
    const windows = { ...X_RATE_WINDOWS, ...options.windows };
    this.limiters = {
      mentions: new EndpointLimiter(windows.mentions),
      dmEvents: new EndpointLimiter(windows.dmEvents),
      postTweet: new EndpointLimiter(windows.postTweet),
      postDm: new EndpointLimiter(windows.postDm),
    };
  }

  /** GET through the endpoint's limiter. */
  get<T>(endpoint: XEndpoint, path: string, query: Record<string, string | number | undefined>, counters: RetryCounters): Promise<T> {
    const params = Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) as Record<string, string | number>;
    return this.send(endpoint, counters, () => this.client.v2.get(path, params, { prefix: this.prefix, fullResponse: true, timeout: this.options.timeoutMs ?? 15_000 }));
  }

  /** POST (JSON body) through the endpoint's limiter. */
  post<T>(endpoint: XEndpoint, path: string, body: Record<string, unknown>, counters: RetryCounters): Promise<T> {
    return this.send(endpoint, counters, () => this.client.v2.post(path, body, { prefix: this.prefix, fullResponse: true, timeout: this.options.timeoutMs ?? 15_000 }));
  }

  async stop(): Promise<void> {
    await Promise.all(Object.values(this.limiters).map((limiter) => limiter.stop()));
  }

  private send<T>(endpoint: XEndpoint, counters: RetryCounters, request: () => Promise<{ data: unknown; rateLimit?: { limit: number; remaining: number; reset: number } }>): Promise<T> {
    const limiter = this.limiters[endpoint];
    return sendWithRetries(
      limiter,
      async () => {
        try {
          const response = await request();
          limiter.observe(response.rateLimit);
          return response.data as T;
        } catch (error) {
          if (error instanceof ApiResponseError) limiter.observe(error.rateLimit);
          throw error;
        }
      },
      counters,
      this.options.retry ?? DEFAULT_RETRY,
    );
  }
}
