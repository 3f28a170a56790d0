import { checkedTeamHours } from '../../commands/teams/checkTeamHours.js';
import express, { Router } from 'express';
import { assignQueuesSoon } from '../../commands/assignment/assignQueuesSoon.js';
import { createTeam } from '../../commands/teams/createTeam.js';
import { deleteTeam } from '../../commands/teams/deleteTeam.js';
import { listTeams } from '../../commands/teams/listTeams.js';
import { updateTeam } from '../../commands/teams/updateTeam.js';
import { requireRole } from '../../middleware/currentUser.js';
import { noStore } from '../../middleware/noStore.js';
import { validBody } from '../../middleware/validation.js';
import { presentTeam } from '../../presenters/team.js';
import type { ActiveRuleSet } from '../../ruleSets/activeRuleSet.js';
import type { Store } from '../../store/index.js';
import type { TeamAnswer, TeamHoursBody, TeamListAnswer } from './bodies.js';
import { checkCreateTeamBody, checkPatchTeamBody } from './schema.js';

export interface TeamRouteDeps {
  store: Store;
  /** The rules in force: a team they route to cannot be deleted. */
  rules: ActiveRuleSet;
  /** Told which cases a changed assignment mode assigned from the queue. */
  casesChanged?: (caseIds: string[]) => Promise<void>;
}

const hoursOfBody = (hours: TeamHoursBody | null | undefined) => (hours ? checkedTeamHours(hours) : hours);

/** GET/POST /api/teams, PATCH/DELETE /api/teams/:name: admins manage the teams rules route to. */
export function teamRoutes(deps: TeamRouteDeps): Router {
  const router = Router();
  const { store } = deps;
  const json = express.json({ limit: '16kb' });
  router.use('/api/teams', noStore, requireRole('admin'));

  router.get('/api/teams', async (_req, res) => {
    res.json({ teams: (await listTeams(store)).map(presentTeam) } satisfies TeamListAnswer);
  });

  router.post('/api/teams', json, async (req, res) => {
    const body = validBody(checkCreateTeamBody, req.body);
    res.status(201).json({ team: presentTeam(await createTeam({ ...body, store })) } satisfies TeamAnswer);
  });

  router.patch('/api/teams/:name', json, async (req, res) => {
    const body = validBody(checkPatchTeamBody, req.body);
    const team = await updateTeam({ store, name: req.params.name as string, displayName: body.displayName, assignment: body.assignment ?? undefined, hours: hoursOfBody(body.hours) });
    res.json({ team: presentTeam(team) } satisfies TeamAnswer);
    if (body.assignment) void assignQueuesSoon(store, deps.casesChanged);
  });

  router.delete('/api/teams/:name', async (req, res) => {
    await deleteTeam({ store, rules: deps.rules, name: req.params.name as string });
    res.status(204).end();
  });

  return router;
}
