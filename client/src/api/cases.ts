import { queryString, request, type QueryOf } from './http.js';
import type { Case, CaseDetail, CaseFilters, CasePage, CasePatch, Channel } from './types.js';
// Type-only: the query, bodies and answers are the cases routes' own (an import-free file).
import type { CaseAnswer, CaseAssigneesAnswer, CaseCountsAnswer, CaseListQuery, ReplyAnswer, ReplyBody } from '../../../server/routes/cases/bodies.js';
import type { SearchAnswer, SearchQuery } from '../../../server/routes/search/bodies.js';

/** One page of the cases the user may see that match the filters, in their sort (newest activity first by default). */
export function listCases(filters: CaseFilters, cursor: string | null, signal?: AbortSignal, limit = 100): Promise<CasePage> {
  const { status, tier, team, priority, tag, channel, assignee, active, snoozed, sort } = filters;
  // The server's default sort is left out, so the request is the same as before sorting existed.
  const query = queryString({ status, tier, team, priority, tag, channel, assignee, active: active === true ? true : undefined, snoozed: snoozed === true ? true : undefined, sort: sort === 'activity' ? undefined : sort, limit, cursor } satisfies QueryOf<CaseListQuery>);
  return request<CasePage>(`/api/cases${query}`, { signal });
}

/** A case with its thread and history. */
export function getCase(id: string, signal?: AbortSignal): Promise<CaseDetail> {
  return request<CaseDetail>(`/api/cases/${encodeURIComponent(id)}`, { signal });
}

/** Changes status, priority, assignee or tags; with `version`, a stale write answers 409. */
export async function patchCase(id: string, patch: CasePatch): Promise<Case> {
  const body = await request<Partial<CaseAnswer> & Partial<Case>>(`/api/cases/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch });
  // The contract does not fix the answer's shape: accept the case itself or {case}.
  return (body.case ?? body) as Case;
}

/** Sends a public reply or a DM through the case's connector (202: queued). */
export function sendReply(id: string, text: string, channel: Channel): Promise<ReplyAnswer> {
  return request(`/api/cases/${encodeURIComponent(id)}/replies`, { method: 'POST', body: { text, channel } satisfies ReplyBody });
}

/** Queues a failed reply again, as it was (202). */
export function retryReply(caseId: string, replyId: string): Promise<ReplyAnswer> {
  return request(`/api/cases/${encodeURIComponent(caseId)}/replies/${encodeURIComponent(replyId)}/retry`, { method: 'POST' });
}

/** The user's queues at a glance: active cases assigned to them, unassigned, overdue. */
export function caseCounts(signal?: AbortSignal): Promise<CaseCountsAnswer> {
  return request<CaseCountsAnswer>('/api/cases/counts', { signal });
}

/** Who the case can be assigned to. */
export function caseAssignees(id: string, signal?: AbortSignal): Promise<CaseAssigneesAnswer> {
  return request<CaseAssigneesAnswer>(`/api/cases/${encodeURIComponent(id)}/assignees`, { signal });
}

/** The cases of the user's teams whose customer, tags, messages or notes hold every word of the query. */
export function searchCases(q: string, cursor: string | null, signal?: AbortSignal): Promise<SearchAnswer> {
  return request<SearchAnswer>(`/api/search${queryString({ q, limit: 50, cursor: cursor ?? undefined } satisfies QueryOf<SearchQuery>)}`, { signal });
}
