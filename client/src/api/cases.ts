import { queryString, request, type QueryOf } from './http.js';
import type { Case, CaseDetail, CaseFilters, CasePage, CasePatch, Channel } from './types.js';
// Type-only: the query, bodies and answers are the cases routes' own (an import-free file).
import type { CaseAnswer, CaseListQuery, ReplyAnswer, ReplyBody } from '../../../server/routes/cases/bodies.js';

/** One page of the cases the user may see that match the filters, in their sort (newest activity first by default). */
export function listCases(filters: CaseFilters, cursor: string | null, signal?: AbortSignal, limit = 100): Promise<CasePage> {
  const { status, tier, team, priority, tag, channel, assignee, sort } = filters;
  // The default sort is left out, so the request is the same as before sorting existed.
  const query = queryString({ status, tier, team, priority, tag, channel, assignee, sort: sort === 'activity' ? undefined : sort, limit, cursor } satisfies QueryOf<CaseListQuery>);
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
