import type { Case } from '../api/types.js';
import { formatSpan, timeToTarget } from '../ui/formatTime.js';

/** How a case's response target reads: due (the clock runs), paused (pending or snoozed) or missed; null when it has none. */
export interface TargetLabel {
  state: 'due' | 'paused' | 'missed';
  label: string;
}

/** The inbox row's and the case view's words for the target; `breached` is a live sla:breach not yet in the case. */
export function targetLabel(item: Pick<Case, 'status' | 'slaDueAt' | 'slaState' | 'slaRemainingMs'>, now: number, breached = false): TargetLabel | null {
  if (item.status === 'resolved' || item.status === 'bot' || item.status === 'suppressed') return null;
  const running = timeToTarget(item.slaDueAt, now);
  if (item.slaState === 'missed' || breached || running?.overdue) return { state: 'missed', label: running?.overdue ? `missed: ${running.label}` : 'target missed' };
  if (item.slaState === 'paused') return { state: 'paused', label: item.slaRemainingMs === null ? 'paused' : `paused, ${formatSpan(item.slaRemainingMs)} left` };
  return running ? { state: 'due', label: running.label } : null;
}
