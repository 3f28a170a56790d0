import { queryString, request, type QueryOf } from './http.js';
import type { MonitorPage } from './types.js';
// Type-only: the query is the monitor route's own (an import-free file).
import type { ThreadListQuery } from '../../../server/routes/monitor/bodies.js';

/** One page of public threads (personal data masked by the server). */
export function listMonitorThreads(cursor: string | null, signal?: AbortSignal, limit = 50): Promise<MonitorPage> {
  return request<MonitorPage>(`/api/monitor/threads${queryString({ limit, cursor } satisfies QueryOf<ThreadListQuery>)}`, { signal });
}
