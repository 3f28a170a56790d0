import { queryString, request } from './http.js';
import type { MonitorPage } from './types.js';

/** One page of public threads (personal data masked by the server). */
export function listMonitorThreads(cursor: string | null, signal?: AbortSignal, limit = 50): Promise<MonitorPage> {
  return request<MonitorPage>(`/api/monitor/threads${queryString({ limit, cursor })}`, { signal });
}
