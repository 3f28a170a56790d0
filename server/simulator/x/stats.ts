/** Request counters per endpoint, for rate-limit and fault tests. */
import { ENDPOINTS, type EndpointName } from './endpoints.js';

/** What happened to the requests one endpoint received. */
export interface EndpointStats {
  requests: number;
  succeeded: number;
  rateLimited: number;
  unauthorized: number;
  rejected: number;
  faulted: number;
  /** Objects returned in `data` (what pay-per-use bills reads by). */
  itemsReturned: number;
  /** Objects returned in `includes` (expanded users, posts, media: billed too). */
  includesReturned: number;
}

/** Outcome classes a request can be counted under (besides `requests`). */
export type RequestOutcome = Exclude<keyof EndpointStats, 'requests' | 'itemsReturned' | 'includesReturned'>;

/** Mutable counters for every endpoint. */
export class RequestStats {
  private counts = RequestStats.empty();

  /** Counts one request arriving at `endpoint`. */
  arrived(endpoint: EndpointName): void {
    this.counts[endpoint].requests++;
  }

  /** Counts how one request ended. */
  ended(endpoint: EndpointName, outcome: RequestOutcome): void {
    this.counts[endpoint][outcome]++;
  }

  /** Counts the objects a successful answer returned. */
  returned(endpoint: EndpointName, body: unknown): void {
    const { data, includes } = (body ?? {}) as { data?: unknown; includes?: Record<string, unknown[]> };
    this.counts[endpoint].itemsReturned += Array.isArray(data) ? data.length : data ? 1 : 0;
    for (const list of Object.values(includes ?? {})) this.counts[endpoint].includesReturned += Array.isArray(list) ? list.length : 0;
  }

  /** A copy of the counters. */
  snapshot(): Record<EndpointName, EndpointStats> {
    return structuredClone(this.counts);
  }

  /** Zeroes every counter. */
  reset(): void {
    this.counts = RequestStats.empty();
  }

  private static empty(): Record<EndpointName, EndpointStats> {
    const zero = (): EndpointStats => ({ requests: 0, succeeded: 0, rateLimited: 0, unauthorized: 0, rejected: 0, faulted: 0, itemsReturned: 0, includesReturned: 0 });
    return Object.fromEntries(ENDPOINTS.map((name) => [name, zero()])) as Record<EndpointName, EndpointStats>;
  }
}
