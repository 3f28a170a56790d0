import { CASE_STATUSES, type CaseFilters, type CaseStatus, type Tier } from '../api/types.js';

/** The inbox filters a query string names (unknown values are ignored). */
export function filtersFromQuery(search: string): CaseFilters {
  const params = new URLSearchParams(search);
  const status = params.get('status');
  const tier = params.get('tier');
  return {
    status: status && (CASE_STATUSES as readonly string[]).includes(status) ? (status as CaseStatus) : '',
    tier: tier === '0' || tier === '1' || tier === '2' ? (Number(tier) as Tier) : '',
  };
}

/** The query string for some filters, so a filtered inbox can be bookmarked and survives a reload. */
export function queryFromFilters(filters: CaseFilters): string {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.tier !== undefined && filters.tier !== '') params.set('tier', String(filters.tier));
  const text = params.toString();
  return text ? `?${text}` : '';
}
