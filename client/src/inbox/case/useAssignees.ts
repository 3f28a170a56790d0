import { useEffect, useState } from 'react';
import { caseAssignees } from '../../api/cases.js';

/** Who the case can be assigned to (usernames); empty until loaded or when loading fails (the select still offers nobody and the current assignee). */
export function useAssignees(caseId: string): string[] {
  const [assignees, setAssignees] = useState<string[]>([]);
  useEffect(() => {
    const abort = new AbortController();
    caseAssignees(caseId, abort.signal).then((answer) => setAssignees(answer.assignees.map((user) => user.username)), () => setAssignees([]));
    return () => abort.abort();
  }, [caseId]);
  return assignees;
}
