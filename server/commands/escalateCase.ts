import type { TeamHours } from '../cases/businessHours.js';
import { clockPaused, startedClock } from '../cases/slaClock.js';
import type { ResponseTargets } from '../cases/responseTargets.js';
import { DEFAULT_SLA, slaDueAt } from '../cases/sla.js';
import { conflict, notFound, unprocessable } from '../errors.js';
import type { SessionUser } from '../middleware/currentUser.js';
import type { EscalationBody } from '../routes/cases/bodies.js';
import type { Tier } from '../routing/index.js';
import { plainString, type CaseDocument, type CaseEventDocument, type Store, type TeamDocument, type TeamScope } from '../store/index.js';
import { changeCase, type CaseChange } from './changeCase.js';

/** The POST /api/cases/:id/escalations body (reason, tier, team), and who escalates which case. */
export interface EscalateCaseProps extends EscalationBody {
  store: Store;
  /** The caller's teams: a case outside them is not found. */
  scope: TeamScope;
  actor: SessionUser;
  caseId: string;
  /** Response-time targets (default: DEFAULT_SLA). */
  targets?: ResponseTargets;
  now?: Date;
}

/** The case after the escalation, and the `escalated` event recording it. */
export interface EscalateCaseResult {
  case: CaseDocument;
  event: CaseEventDocument;
}

/**
 * Moves a case to another tier and team with a reason: counted in
 * `escalations`, unassigned (its agent may not see the new team's cases),
 * a bot case becomes `new`, and slaDueAt is the new tier's next target
 * counted from now (first response while there has been none, else
 * resolution). The `escalated` event says from where, to where, why and who.
 */
export function escalateCase(props: EscalateCaseProps): Promise<EscalateCaseResult> {
  return props.store.exclusive(`case:${props.caseId}`, () => escalate(props));
}

async function escalate(props: EscalateCaseProps): Promise<EscalateCaseResult> {
  const { store, scope } = props;
  const now = props.now ?? new Date();
  const current = await store.collections.cases.findOne(scope, { _id: plainString(props.caseId, 'case id') });
  if (!current) throw notFound('case');
  if (current.status === 'resolved') throw conflict('a resolved case cannot be escalated: reopen it first');
  const target = await targetTeam(store, current, props);
  const changed = await changeCase({ store, scope, caseId: current._id, now, plan: (latest) => escalation(latest, target, props, now) });
  if (!changed) throw notFound('case');
  return { case: changed.case, event: changed.events[0]! };
}

function escalation(current: CaseDocument, target: TeamDocument, props: EscalateCaseProps, now: Date): CaseChange {
  const tier = target.tier as Tier;
  const hours = (target.hours as TeamHours | null | undefined) ?? null;
  const data: Record<string, unknown> = { from: { tier: current.tier, team: current.team }, to: { tier, team: target.name }, reason: props.reason };
  if (current.assignee) data.assignee = { from: current.assignee, to: null };
  return {
    set: {
      tier,
      team: target.name,
      assignee: null,
      ...(current.status === 'bot' ? { status: 'new' } : {}),
      // A pending or snoozed case keeps its clock stopped; the new team's hours count from here.
      ...startedClock(slaDueAt(tier, now, current.firstResponseAt ?? null, props.targets ?? DEFAULT_SLA, hours), clockPaused(current), now, hours),
      slaBreachedAt: null,
    },
    inc: { escalations: 1 },
    events: [{ type: 'escalated', actor: { kind: 'user', id: props.actor.id }, data }],
  };
}

/** The team the case goes to: the named one (which must exist and be of the tier, if one is given), else the first team of the tier. */
async function targetTeam(store: Store, current: CaseDocument, props: EscalateCaseProps): Promise<TeamDocument> {
  const teams = store.collections.teams;
  let target: TeamDocument | null;
  if (props.team !== undefined) {
    target = await teams.findOne({ name: plainString(props.team, 'team') });
    if (!target) throw unprocessable('no such team', [{ pointer: '/team', message: `there is no team "${props.team}"` }]);
    if (props.tier !== undefined && target.tier !== props.tier) throw unprocessable('the team is not of that tier', [{ pointer: '/team', message: `"${target.name}" is a tier ${target.tier} team, not tier ${props.tier}` }]);
    if (target.tier === 0) throw unprocessable('cases are escalated to agents, not to the bot', [{ pointer: '/team', message: `"${target.name}" is the bot's team (tier 0)` }]);
  } else {
    const tier = props.tier ?? current.tier + 1;
    if (tier > 2) throw unprocessable('the case is already at the highest tier', [{ pointer: '/team', message: 'name the team to move it to' }]);
    target = await teams.findOne({ tier }, { sort: { createdAt: 1, name: 1 } });
    if (!target) throw unprocessable(`there is no tier ${tier} team`, [{ pointer: props.tier === undefined ? '' : '/tier', message: `no team has tier ${tier}` }]);
  }
  if (target.name === current.team && target.tier === current.tier) throw unprocessable('the case is already with that team', [{ pointer: props.team === undefined ? '/tier' : '/team', message: `the case is already with "${target.name}" at tier ${target.tier}` }]);
  return target;
}
