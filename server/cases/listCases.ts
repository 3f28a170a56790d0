import type { Channel, Priority } from '../routing/index.js';
import { plainString, plainValue, type CaseDocument, type CaseStatus, type Filter, type Store, type TeamScope } from '../store/index.js';
import { afterPosition, BY_ACTIVITY, pageOf, type ActivityPosition } from './activityPage.js';
import type { CaseSort } from './caseSorts.js';
import { BY_DUE, BY_ID, dueAfter, duePageOf, noTargetAfter, type DuePosition } from './duePage.js';

export type { CaseSort } from './caseSorts.js';

/** Where a page ends, tagged with the order it belongs to (a cursor only continues its own order). */
export type CasePosition = ({ sort: 'activity' } & ActivityPosition) | ({ sort: 'due' } & DuePosition);

/** Which cases to list; every condition is optional and they all hold together. */
export interface CaseListFilters {
  team?: string;
  tier?: number;
  status?: CaseStatus;
  priority?: Priority;
  /** Cases carrying this tag. */
  tag?: string;
  channel?: Channel;
  /** Cases assigned to this username, or `null` for unassigned ones. */
  assignee?: string | null;
}

export interface ListCasesProps extends CaseListFilters {
  store: Store;
  /** The caller's teams: a `team` outside them finds nothing. */
  scope: TeamScope;
  sort?: CaseSort;
  limit: number;
  after?: CasePosition;
}

export interface CasePage {
  items: CaseDocument[];
  next: CasePosition | null;
}

/** A page of the cases a scope may see, in the asked order (newest activity first by default). */
export async function listCases(props: ListCasesProps): Promise<CasePage> {
  const sort = props.sort ?? 'activity';
  if (props.after && props.after.sort !== sort) throw new Error(`a ${props.after.sort} position cannot continue a ${sort} list`);
  const filter = filterOf(props);
  return sort === 'due' ? dueOrderPage(props, filter) : activityOrderPage(props, filter);
}

/** The store filter for the conditions: every value checked plain, so a request cannot slip an operator in. */
export function filterOf(filters: CaseListFilters): Filter {
  const filter: Filter = {};
  if (filters.team !== undefined) filter.team = plainString(filters.team, 'team');
  if (filters.tier !== undefined) filter.tier = plainValue(filters.tier, 'tier');
  if (filters.status !== undefined) filter.status = plainString(filters.status, 'status');
  if (filters.priority !== undefined) filter.priority = plainString(filters.priority, 'priority');
  // An array field equal to a value: the cases whose tags hold it.
  if (filters.tag !== undefined) filter.tags = plainString(filters.tag, 'tag');
  if (filters.channel !== undefined) filter.channel = plainString(filters.channel, 'channel');
  if (filters.assignee !== undefined) filter.assignee = filters.assignee === null ? null : plainString(filters.assignee, 'assignee');
  return filter;
}

async function activityOrderPage(props: ListCasesProps, filter: Filter): Promise<CasePage> {
  const after = props.after?.sort === 'activity' ? props.after : undefined;
  // Spread, not $and: the list's equalities stay at the top level, where the embedded backend's indexes see them.
  const where = after ? { ...filter, ...afterPosition(after) } : filter;
  const page = pageOf(await props.store.collections.cases.find(props.scope, where, { sort: BY_ACTIVITY, limit: props.limit + 1 }), props.limit);
  return { items: page.items, next: page.next && { sort: 'activity', ...page.next } };
}

/** Cases with a target (soonest first), then, when the page has room, those without one (by id). */
async function dueOrderPage(props: ListCasesProps, filter: Filter): Promise<CasePage> {
  const { cases } = props.store.collections;
  const after = props.after?.sort === 'due' ? props.after : undefined;
  const wanted = props.limit + 1;
  const fetched = after?.at === null ? [] : await cases.find(props.scope, { ...filter, ...dueAfter(after) }, { sort: BY_DUE, limit: wanted });
  if (fetched.length < wanted) {
    fetched.push(...(await cases.find(props.scope, { ...filter, ...noTargetAfter(after) }, { sort: BY_ID, limit: wanted - fetched.length })));
  }
  const page = duePageOf(fetched, props.limit);
  return { items: page.items, next: page.next && { sort: 'due', ...page.next } };
}
