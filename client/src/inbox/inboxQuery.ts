import { CASE_STATUSES, PRIORITIES, type CaseFilters, type CaseSort, type CaseStatus, type Channel, type Priority, type Tier } from '../api/types.js';

/** The shapes the server accepts (routes/cases/schema.ts); anything else in the address is ignored rather than sent. */
const TEAM = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const USERNAME = /^[a-z0-9][a-z0-9_.-]{0,63}$/;
const MAX_TAG = 64;

/** The filter names in the order the address lists them. */
const ORDER = ['team', 'status', 'tier', 'priority', 'channel', 'tag', 'assignee', 'snoozed', 'sort'] as const;
/** The inbox's own default order: highest priority first, then soonest target. */
export const DEFAULT_SORT = 'priority';

/** The inbox filters a query string names (unknown values are ignored). */
export function filtersFromQuery(search: string): CaseFilters {
  const params = new URLSearchParams(search);
  const status = params.get('status');
  const tier = params.get('tier');
  const team = params.get('team');
  const priority = params.get('priority');
  const channel = params.get('channel');
  const tag = params.get('tag')?.trim() ?? '';
  const assignee = params.get('assignee');
  return {
    status: status && (CASE_STATUSES as readonly string[]).includes(status) ? (status as CaseStatus) : '',
    tier: tier === '0' || tier === '1' || tier === '2' ? (Number(tier) as Tier) : '',
    // The server checks the team against the user's own; this only keeps the value to a team id's shape.
    team: team && TEAM.test(team) ? team : '',
    priority: priority && (PRIORITIES as readonly string[]).includes(priority) ? (priority as Priority) : '',
    channel: channel === 'public' || channel === 'dm' ? (channel as Channel) : '',
    tag: tag.length <= MAX_TAG ? tag : '',
    assignee: assignee && USERNAME.test(assignee) ? assignee : '',
    // Snoozed cases are out of every view but this one (and a status filter).
    snoozed: params.get('snoozed') === 'true' ? true : '',
    sort: sortOf(params.get('sort')),
    // The default view leaves resolved and suppressed cases out; `active=0` shows them too.
    active: params.get('active') !== '0',
  };
}

/** The query string for some filters, so a filtered inbox can be bookmarked and survives a reload (the default sort is left out). */
export function queryFromFilters(filters: CaseFilters): string {
  const params = new URLSearchParams();
  for (const name of ORDER) {
    const value = filters[name];
    if (value === undefined || value === '' || (name === 'sort' && value === DEFAULT_SORT)) continue;
    params.set(name, String(value));
  }
  if (filters.active === false) params.set('active', '0');
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Whether any filter narrows the list (the sort does not). */
export function isFiltered(filters: CaseFilters): boolean {
  return ORDER.some((name) => name !== 'sort' && filters[name] !== undefined && filters[name] !== '');
}

function sortOf(value: string | null): CaseSort {
  return value === 'due' || value === 'activity' ? value : DEFAULT_SORT;
}
