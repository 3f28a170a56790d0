import type { AssignmentMode } from '../../store/schemas/assignmentMode.js';

/** Statuses that count against an agent's capacity. */
export const OPEN_STATUSES = ['new', 'open', 'pending'] as const;
/** Statuses of cases that wait in a team's queue when unassigned, and that an agent going offline hands back (unanswered: not pending on the customer). */
export const QUEUED_STATUSES = ['new', 'open'] as const;

/** An online agent of the team with their open case count. */
export interface Candidate {
  username: string;
  open: number;
}

/**
 * The agent the next queued case goes to, and why, or null when everyone is
 * at capacity. `candidates` are sorted by username. Round-robin: the first
 * free agent after `lastAssignee`; balanced: the free agent with the fewest
 * open cases (ties by username).
 */
export function pickAgent(mode: Exclude<AssignmentMode, 'manual'>, candidates: readonly Candidate[], capacity: number | null, lastAssignee: string | null): { agent: Candidate; reason: string } | null {
  const free = candidates.filter((candidate) => capacity === null || candidate.open < capacity);
  if (free.length === 0) return null;
  const limit = capacity === null ? 'no limit' : `${capacity}`;
  if (mode === 'balanced') {
    const agent = free.reduce((best, candidate) => (candidate.open < best.open ? candidate : best));
    return { agent, reason: `assigned by balance: ${agent.open} of ${limit} open` };
  }
  const agent = free.find((candidate) => lastAssignee === null || candidate.username > lastAssignee) ?? free[0]!;
  return { agent, reason: `assigned by round-robin: ${agent.open} of ${limit} open` };
}
