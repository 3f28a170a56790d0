import type { CaseFilters } from '../api/types.js';
import { useCaseCounts } from './useCaseCounts.js';

const BASE: CaseFilters = { active: true, sort: 'priority' };

/** Mine, unassigned and overdue at a glance; each a button that shows that queue. */
export function QueueCounts({ onShow }: { onShow(filters: CaseFilters): void }) {
  const counts = useCaseCounts();
  if (!counts) return null;
  return (
    <ul className="queue-counts" aria-label="Your queues">
      <li><button type="button" className="secondary" onClick={() => onShow({ ...BASE, assignee: 'me' })}>Mine <strong>{counts.mine}</strong></button></li>
      <li><button type="button" className="secondary" onClick={() => onShow({ ...BASE, assignee: 'none' })}>Unassigned <strong>{counts.unassigned}</strong></button></li>
      <li><button type="button" className={counts.overdue > 0 ? 'secondary overdue-count' : 'secondary'} onClick={() => onShow({ ...BASE, sort: 'due' })}>Overdue <strong>{counts.overdue}</strong></button></li>
    </ul>
  );
}
