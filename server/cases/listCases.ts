import type { Channel, Priority } from '../routing/index.js';
import { UNLISTED_CASE_STATUSES } from '../store/schemas/caseStatus.js';
import { plainString, plainValue, type CaseDocument, type CaseStatus, type Filter, type Store, type TeamScope } from '../store/index.js';
import { afterPosition, BY_ACTIVITY, pageOf, type ActivityPosition } from './activityPage.js';
import type { CaseSort } from './caseSorts.js';
import { BY_DUE, BY_ID, dueAfter, duePageOf, noTargetAfter, type DuePosition } from './duePage.js';

/** Statuses with nothing left to do: the default inbox (`active`) leaves them out. */
export const CLOSED_STATUSES: readonly CaseStatus[] = ['resolved', ...UNLISTED_CASE_STATUSES];
/** Highest first: the order of sort=priority. */
const PRIORITY_ORDER: readonly Priority[] = ['urgent', 'high', 'normal', 'low'];

export type { CaseSort } from './caseSorts.js';

/** Where a page ends, tagged with the order it belongs to (a cursor only continues its own order). */
export type CasePosition = ({ sort: 'activity' } & ActivityPosition) | ({ sort: 'due' } & DuePosition) | ({ sort: 'priority'; priority: Priority } & DuePosition);

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
  /** Only cases still to be worked (not resolved or suppressed), unless `status` names one. */
  active?: boolean;
  /** true: only snoozed cases; otherwise snoozed cases stay out unless `status` names one. */
  snoozed?: boolean;
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
  if (sort === 'priority') return priorityOrderPage(props, filter);
  return sort === 'due' ? dueOrderPage(props, filter) : activityOrderPage(props, filter);
}

/** The store filter for the conditions (no status: any but `suppressed`): every value checked plain, so a request cannot slip an operator in. */
export function filterOf(filters: CaseListFilters): Filter {
  const filter: Filter = {};
  if (filters.team !== undefined) filter.team = plainString(filters.team, 'team');
  if (filters.tier !== undefined) filter.tier = plainValue(filters.tier, 'tier');
  // Suppressed cases (noise) stay out of every list unless asked for by status; the active view also hides resolved ones.
  if (filters.status !== undefined) filter.status = plainString(filters.status, 'status');
  else filter.status = { $nin: filters.active === true ? [...CLOSED_STATUSES] : [...UNLISTED_CASE_STATUSES] };
  // Snoozed cases leave the default inbox until they wake (the sweep or the customer's next message clears snoozedUntil).
  if (filters.snoozed === true) filter.snoozedUntil = { $ne: null };
  else if (filters.status === undefined) filter.snoozedUntil = null;
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
async function dueOrderPage(props: ListCasesProps, filter: Filter, afterDue?: DuePosition): Promise<CasePage> {
  const { cases } = props.store.collections;
  const after = afterDue ?? (props.after?.sort === 'due' ? props.after : undefined);
  const wanted = props.limit + 1;
  const fetched = after?.at === null ? [] : await cases.find(props.scope, { ...filter, ...dueAfter(after) }, { sort: BY_DUE, limit: wanted });
  if (fetched.length < wanted) {
    fetched.push(...(await cases.find(props.scope, { ...filter, ...noTargetAfter(after) }, { sort: BY_ID, limit: wanted - fetched.length })));
  }
  const page = duePageOf(fetched, props.limit);
  return { items: page.items, next: page.next && { sort: 'due', ...page.next } };
}

/** Highest priority first, each priority soonest target first: one due-ordered run per priority, from the position's on. */
async function priorityOrderPage(props: ListCasesProps, filter: Filter): Promise<CasePage> {
  const after = props.after?.sort === 'priority' ? props.after : undefined;
  const levels = PRIORITY_ORDER.filter((level) => props.priority === undefined || level === props.priority);
  const items: CaseDocument[] = [];
  for (let index = after ? levels.indexOf(after.priority) : 0; index >= 0 && index < levels.length; index++) {
    const level = levels[index]!;
    const continued = after?.priority === level ? { at: after.at, id: after.id } : undefined;
    const page = await dueOrderPage({ ...props, limit: props.limit - items.length }, { ...filter, priority: level }, continued);
    items.push(...page.items);
    if (items.length < props.limit) continue;
    const last = items[items.length - 1]!;
    const more = page.next !== null || index < levels.length - 1;
    return { items, next: more ? { sort: 'priority', priority: level, at: last.slaDueAt ?? null, id: last._id } : null };
  }
  return { items, next: null };
}
