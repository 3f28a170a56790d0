import { useEffect, useState } from 'react';
import { caseCounts } from '../api/cases.js';
import type { CaseCountsAnswer } from '../../../server/routes/cases/bodies.js';
import { useLive } from '../live/LiveContext.js';

/** The user's queue counts (mine, unassigned, overdue), fetched again after live changes: one request at a time, the last change always counted. */
export function useCaseCounts(): CaseCountsAnswer | null {
  const [counts, setCounts] = useState<CaseCountsAnswer | null>(null);
  const live = useLive();
  useEffect(() => {
    let closed = false;
    let inFlight = false;
    let again = false;
    const refresh = () => {
      if (inFlight) {
        again = true;
        return;
      }
      inFlight = true;
      caseCounts().then((next) => {
        if (!closed) setCounts(next);
      }, () => undefined /* the counts are a summary: the list itself shows load errors */).finally(() => {
        inFlight = false;
        if (again && !closed) {
          again = false;
          refresh();
        }
      });
    };
    refresh();
    const offs = live ? [live.on('case:upsert', refresh), live.on('case:removed', refresh), live.on('sla:breach', refresh), live.onResync(refresh)] : [];
    return () => {
      closed = true;
      offs.forEach((off) => off());
    };
  }, [live]);
  return counts;
}
