import { CASE_STATUSES, type CaseFilters, type CaseStatus, type Tier } from '../api/types.js';

/** The inbox filters a query string names (unknown values are ignored). */
export function filtersFromQuery(search: string): CaseFilters {
  const params = new URLSearchParams(search);
  const status = params.get('status');
  const tier = params.get('tier');
  const team = params.get('team');
  return {
    status: status && (CASE_STATUSES as readonly string[]).includes(status) ? (status as CaseStatus) : '',
    tier: tier === '0' || tier === '1' || tier === '2' ? (Number(tier) as Tier) : '',
    // The server checks the team against the user's own; this only keeps the value to a team id's shape.
    team: team && /^[a-z0-9][a-z0-9_-]{0,63}$/.test(team) ? team : '',
  };
}

/** The query string for some filters, so a filtered inbox can be bookmarked and survives a reload. */
export function queryFromFilters(filters: CaseFilters): string {
  const params = new URLSearchParams();
  if (filters.team) params.set('team', filters.team);
  if (filters.status) params.set('status', filters.status);
  if (filters.tier !== undefined && filters.tier !== '') params.set('tier', String(filters.tier));
  const text = params.toString();
  return text ? `?${text}` : '';
}
