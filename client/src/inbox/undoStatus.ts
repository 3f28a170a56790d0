import type { Case } from '../api/types.js';

/** The status an undone resolve goes back to: the one before, except those only the system sets (bot → open, suppressed → new). */
export function undoStatus(status: Case['status']): 'new' | 'open' | 'pending' | 'resolved' {
  if (status === 'bot') return 'open';
  if (status === 'suppressed') return 'new';
  return status;
}
