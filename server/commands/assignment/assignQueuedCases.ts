import { logger } from '../../logger.js';
import { allTeamsScope, type Store, type TeamDocument } from '../../store/index.js';
import { changeCase } from '../changeCase.js';
import { OPEN_STATUSES, QUEUED_STATUSES, pickAgent, type Candidate } from './assignmentRules.js';
import { withTeamAssignmentLock } from './teamAssignmentLock.js';

// One pass assigns at most this many cases per team; the next trigger or sweep goes on.
const MAX_PER_PASS = 200;

/**
 * Assigns a team's queue (its unassigned new and open cases, oldest first)
 * to its online agents below capacity, by the team's mode, each with an
 * `assigned` event giving the reason. Holds the team's database lock, so
 * processes never exceed a capacity or skip the queue order. The ids of the
 * cases assigned.
 */
export async function assignTeamQueue(props: { store: Store; team: string; now?: Date }): Promise<string[]> {
  const { store, team } = props;
  const assigned = await withTeamAssignmentLock(store, team, async () => {
    const current = await store.collections.teams.findOne({ name: team });
    const mode = current?.assignment?.mode ?? 'manual';
    if (!current || mode === 'manual') return [];
    return assignWithLock(store, current, mode, props.now ?? new Date());
  });
  return assigned ?? [];
}

/** assignTeamQueue for every team that assigns automatically; failures are logged per team. */
export async function assignAllQueues(props: { store: Store; now?: Date }): Promise<string[]> {
  const teams = (await props.store.collections.teams.find({ 'assignment.mode': { $in: ['round-robin', 'balanced'] } }, { sort: { name: 1 } })) as TeamDocument[];
  const assigned: string[] = [];
  for (const team of teams) {
    try {
      assigned.push(...(await assignTeamQueue({ store: props.store, team: team.name, now: props.now })));
    } catch (error) {
      logger.error({ err: error, team: team.name }, 'assigning the team queue failed');
    }
  }
  return assigned;
}

async function assignWithLock(store: Store, team: TeamDocument, mode: 'round-robin' | 'balanced', now: Date): Promise<string[]> {
  const capacity = team.assignment?.capacity ?? null;
  const candidates = await onlineCandidates(store, team.name);
  if (candidates.length === 0) return [];
  const queue = (await store.collections.cases.find(allTeamsScope(), { team: team.name, assignee: null, status: { $in: [...QUEUED_STATUSES] } }, { sort: { createdAt: 1 }, limit: MAX_PER_PASS, fields: ['_id'] })) as Array<{ _id: string }>;
  const assigned: string[] = [];
  let lastAssignee = team.lastAssignee ?? null;
  for (const { _id } of queue) {
    const pick = pickAgent(mode, candidates, capacity, lastAssignee);
    if (!pick) break;
    const changed = await changeCase({
      store,
      scope: allTeamsScope(),
      caseId: _id,
      now,
      plan: (current) => (current.assignee === null && current.team === team.name && (QUEUED_STATUSES as readonly string[]).includes(current.status)
        ? { set: { assignee: pick.agent.username }, events: [{ type: 'assigned', actor: { kind: 'system', id: 'assignment' }, data: { assignee: { from: null, to: pick.agent.username }, mode, reason: pick.reason } }] }
        : null),
    });
    if (!changed) continue;
    pick.agent.open += 1;
    lastAssignee = pick.agent.username;
    assigned.push(_id);
  }
  if (lastAssignee !== (team.lastAssignee ?? null)) await store.collections.teams.updateOne({ name: team.name }, { $set: { lastAssignee } });
  return assigned;
}

/** The team's enabled, online agents and admins, by username, with how many open cases each holds. */
async function onlineCandidates(store: Store, team: string): Promise<Candidate[]> {
  const users = (await store.collections.users.find({ teams: team, disabled: false, availability: 'online', role: { $in: ['agent', 'admin'] } }, { sort: { username: 1 }, fields: ['username'] })) as Array<{ username: string }>;
  return Promise.all(users.map(async ({ username }) => ({
    username,
    open: await store.collections.cases.countDocuments(allTeamsScope(), { assignee: username, status: { $in: [...OPEN_STATUSES] } }),
  })));
}
