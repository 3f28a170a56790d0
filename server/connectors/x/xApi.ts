import http from 'node:http';
import type Bottleneck from 'bottleneck';
import { ApiResponseError, TwitterApi, type ITwitterApiClientPlugin } from 'twitter-api-v2';
import { EndpointLimiter, X_RATE_WINDOWS, type RateWindow, type XEndpoint } from './endpointLimiter.js';
import { DEFAULT_RETRY, failedBeforeSending, isTransient, sendWithRetries, type RetryCounters, type RetryPolicy } from './retry.js';
import { XErrorsWithoutData } from './xErrors.js';

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
  /** Shares the windows with every process using the same account (bottleneck on Redis); ids are "x:<account>:<endpoint>". */
  cluster?: { accountId: string; connection: Bottleneck.IORedisConnection };
  /** Told each time X's `api-version` response header changes (the first response included). */
  onApiVersion?(version: string): void;
}

interface FullResponse {
  data: unknown;
  headers?: Record<string, string | string[] | undefined>;
  rateLimit?: Parameters<EndpointLimiter['observe']>[0];
}

/**
 * The real twitter-api-v2 client behind one limiter per endpoint (so a
 * waiting endpoint never holds another), with retries: reads retry 5xx and
 * network failures; writes retry only a 429 and failures before the request
 * left, since X may have acted on a write whose answer was lost.
 * (The client always calls https.request; an http: base URL needs an http.Agent.)
 * stop() aborts the requests in flight: X may hold one for tens of seconds.
 */
export class XApi {
  private readonly client: TwitterApi;
  private readonly prefix: string;
  private readonly limiters: Record<XEndpoint, EndpointLimiter>;
  private apiVersion: string | undefined;
  private readonly stopping = new AbortController();

  constructor(private readonly options: XApiOptions) {
    this.prefix = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
    const httpAgent = this.prefix.startsWith('http:') ? new http.Agent({ keepAlive: true }) : undefined;
    this.client = new TwitterApi(options.credentials, { ...(httpAgent ? { httpAgent } : {}), plugins: [abortedBy(this.stopping.signal)] });
    const windows: Record<XEndpoint, RateWindow> = { ...X_RATE_WINDOWS, ...options.windows };
    const cluster = options.cluster;
    this.limiters = Object.fromEntries(
      (Object.keys(windows) as XEndpoint[]).map((endpoint) => [
        endpoint,
        new EndpointLimiter(windows[endpoint], cluster ? { id: `x:${cluster.accountId}:${endpoint}`, connection: cluster.connection } : undefined),
      ]),
    ) as Record<XEndpoint, EndpointLimiter>;
  }

  /** GET through the endpoint's limiter; a 200 carrying only `errors` is a failure (XErrorsWithoutData). */
  async get<T>(endpoint: XEndpoint, path: string, query: Record<string, string | number | undefined>, counters: RetryCounters): Promise<T> {
    const params = Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) as Record<string, string | number>;
    const body = await this.send<T & { data?: unknown; errors?: unknown }>(endpoint, counters, () => this.client.v2.get(path, params, { prefix: this.prefix, fullResponse: true, timeout: this.timeout }));
    if (body && body.data === undefined && Array.isArray(body.errors) && body.errors.length > 0) throw new XErrorsWithoutData(body.errors as object[]);
    return body;
  }

  /** GET /2/users/me: who the credentials belong to, and X's x-access-level header (read, read-write, read-write-directmessages). */
  async me(counters: RetryCounters): Promise<{ user: { id: string; username?: string }; accessLevel?: string }> {
    let accessLevel: string | undefined;
    const body = await this.send<{ data?: { id: string; username?: string }; errors?: object[] }>('me', counters, async () => {
      const response = await this.client.v2.get('users/me', { 'user.fields': 'id,username' }, { prefix: this.prefix, fullResponse: true, timeout: this.timeout });
      const header = response.headers['x-access-level'];
      accessLevel = Array.isArray(header) ? header[0] : header;
      return response;
    });
    if (!body.data) throw new XErrorsWithoutData(body.errors ?? [{ title: 'No user in GET /2/users/me' }]);
    return { user: body.data, ...(accessLevel ? { accessLevel } : {}) };
  }

  /** POST (JSON body) through the endpoint's limiter; never sent twice unless the first surely did not reach X. */
  post<T>(endpoint: XEndpoint, path: string, body: Record<string, unknown>, counters: RetryCounters): Promise<T> {
    return this.send(endpoint, counters, () => this.client.v2.post(path, body, { prefix: this.prefix, fullResponse: true, timeout: this.timeout }), failedBeforeSending);
  }

  /** When a spent daily or usage cap reopens the endpoint (null when it is open). */
  shutUntil(endpoint: XEndpoint): Date | null {
    return this.limiters[endpoint].shutUntil();
  }

  /** When the endpoint's window (or cap) opens again, if it is spent now. */
  spentUntil(endpoint: XEndpoint): Promise<Date | null> {
    return this.limiters[endpoint].spentUntil();
  }

  /** Shuts an endpoint until a time (a usage cap X announced). */
  shut(endpoint: XEndpoint, until: Date): void {
    this.limiters[endpoint].exhaustUntil(Math.ceil(until.getTime() / 1000));
  }

  /** Aborts the requests in flight (they fail, and are not retried), drops those waiting and stops the limiters. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await Promise.all(Object.values(this.limiters).map((limiter) => limiter.stop()));
  }

  private get timeout(): number {
    return this.options.timeoutMs ?? 15_000;
  }

  private send<T>(endpoint: XEndpoint, counters: RetryCounters, request: () => Promise<FullResponse>, mayRetry?: (error: unknown) => boolean): Promise<T> {
    const limiter = this.limiters[endpoint];
    return sendWithRetries(
      limiter,
      async () => {
        try {
          const response = await request();
          limiter.observe(response.rateLimit);
          this.noteApiVersion(response.headers);
          return response.data as T;
        } catch (error) {
          if (error instanceof ApiResponseError) {
            limiter.observe(error.rateLimit);
            this.noteApiVersion(error.headers);
          }
          throw error;
        }
      },
      counters,
      this.options.retry ?? DEFAULT_RETRY,
      (error) => !this.stopping.signal.aborted && (mayRetry ?? isTransient)(error),
    );
  }

  private noteApiVersion(headers: FullResponse['headers']): void {
    const header = headers?.['api-version'];
    const version = Array.isArray(header) ? header[0] : header;
    if (!version || version === this.apiVersion) return;
    this.apiVersion = version;
    this.options.onApiVersion?.(version);
  }
}

/**
 * twitter-api-v2 1.29 takes no AbortSignal per request; its onBeforeRequest
 * hook is handed the options it passes to https.request, so the signal is
 * put there, and aborting it destroys the request like a timeout does.
 */
function abortedBy(signal: AbortSignal): ITwitterApiClientPlugin {
  return {
    onBeforeRequest({ requestOptions }) {
      requestOptions.signal = signal;
    },
  };
}
