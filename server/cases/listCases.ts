import { plainString, plainValue, type CaseDocument, type CaseStatus, type Filter, type Store, type TeamScope } from '../store/index.js';
import { afterPosition, BY_ACTIVITY, pageOf, type ActivityPosition } from './activityPage.js';

export interface ListCasesProps {
  store: Store;
  /** The caller's teams: a `team` outside them finds nothing. */
  scope: TeamScope;
  team?: string;
  tier?: number;
  status?: CaseStatus;
  limit: number;
  after?: ActivityPosition;
}

/** A page of the cases a scope may see, newest activity first. */
export async function listCases(props: ListCasesProps): Promise<{ items: CaseDocument[]; next: ActivityPosition | null }> {
  const filter: Filter = {};
  if (props.team !== undefined) filter.team = plainString(props.team, 'team');
  if (props.tier !== undefined) filter.tier = plainValue(props.tier, 'tier');
  if (props.status !== undefined) filter.status = plainString(props.status, 'status');
  if (props.after) Object.assign(filter, afterPosition(props.after));
  const fetched = await props.store.collections.cases.find(props.scope, filter, { sort: BY_ACTIVITY, limit: props.limit + 1 });
  return pageOf(fetched, props.limit);
}
