import type { TeamHours } from '../cases/businessHours.js';
import { FRESH_CLOCK } from '../cases/slaClock.js';
import { loadTeamHours } from '../cases/teamHoursLookup.js';
import type { ResponseTargets } from '../cases/responseTargets.js';
import { DEFAULT_SLA, slaDueAt } from '../cases/sla.js';
import type { ActiveRuleSet } from '../ruleSets/activeRuleSet.js';
import { allTeamsScope, type CaseDocument, type Store } from '../store/index.js';
import { changeCase, type CaseChange } from './changeCase.js';

const BOT = { kind: 'system' as const, id: 'bot' };

/**
 * The change that hands a bot case to agents when the bot does not answer it:
 * tier 1, the agent team, status `new` with a first-response target, counted
 * as escalated (the bot did not handle it). Null unless the case is in `bot`.
 */
export function handOffChange(current: CaseDocument, team: string, reason: string, now: Date, targets: ResponseTargets, hours: TeamHours | null): CaseChange | null {
  if (current.status !== 'bot') return null;
  // The customer has waited since they wrote, not since the bot gave up.
  const waiting = current.waitingSince ?? current.firstMessageAt ?? now;
  return {
    set: { status: 'new', tier: 1, team, waitingSince: waiting, slaDueAt: slaDueAt(1, waiting, null, targets, hours), slaBreachedAt: null, ...FRESH_CLOCK },
    inc: { escalations: 1 },
    events: [{ type: 'escalated', actor: BOT, data: { from: { tier: current.tier, team: current.team }, to: { tier: 1, team }, reason } }],
  };
}

/** Hands a bot case to agents (see handOffChange); the case after, or null when it was not a bot case. */
export function handOffBotCase(props: { store: Store; caseId: string; team: string; reason: string; targets?: ResponseTargets; now?: Date }): Promise<CaseDocument | null> {
  const now = props.now ?? new Date();
  return props.store.exclusive(`case:${props.caseId}`, async () => {
    const hours = (await loadTeamHours(props.store))(props.team);
    const changed = await changeCase({ store: props.store, scope: allTeamsScope(), caseId: props.caseId, now, plan: (current) => handOffChange(current, props.team, props.reason, now, props.targets ?? DEFAULT_SLA, hours) });
    return changed?.case ?? null;
  });
}

/** The team bot cases go to when the bot does not help: the fallback's when it is an agent tier, else `care` (as ingestion escalates them). */
export function agentTeamOf(rules: ActiveRuleSet): string {
  const { fallback } = rules.get().ruleSet;
  return fallback.tier === 1 ? fallback.team : 'care';
}
