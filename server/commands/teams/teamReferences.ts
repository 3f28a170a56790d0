import { draftRuleSet } from '../rules/saveDraft.js';
import type { ActiveRuleSet } from '../../ruleSets/activeRuleSet.js';
import type { RuleSet } from '../../routing/index.js';
import { allTeamsScope, RULE_DRAFT_ID, type Store } from '../../store/index.js';

/** What still names a team: cases (any status: history and metrics keep them), the rules in force, the draft, users. */
export interface TeamReferences {
  cases: number;
  /** Pointers into the rule set in force (`/rules/3/then/team`, `/fallback/team`). */
  activeRules: { version: number; pointers: string[] };
  draftRules: string[];
  usernames: string[];
}

/** Everything that names the team, to refuse deleting it while anything does. */
export async function teamReferences(store: Store, rules: ActiveRuleSet, team: string): Promise<TeamReferences> {
  const active = rules.get();
  const [cases, draft, users] = await Promise.all([
    store.collections.cases.countDocuments(allTeamsScope(), { team }),
    store.collections.ruleDrafts.findOne({ _id: RULE_DRAFT_ID }),
    store.collections.users.find({ teams: team }, { fields: ['username'], sort: { username: 1 } }),
  ]);
  return {
    cases,
    activeRules: { version: active.version, pointers: decisionsNaming(active.ruleSet, team) },
    draftRules: draft ? decisionsNaming(draftRuleSet(draft), team) : [],
    usernames: users.map((user) => user.username),
  };
}

/** Whether nothing names the team. */
export function unreferenced(references: TeamReferences): boolean {
  return references.cases === 0 && references.activeRules.pointers.length === 0 && references.draftRules.length === 0 && references.usernames.length === 0;
}

/** The references as one sentence: "12 cases, rule set version 3 (/rules/4/then/team), the draft (/fallback/team), users ana, hugo". */
export function describeReferences(references: TeamReferences): string {
  const parts: string[] = [];
  if (references.cases > 0) parts.push(`${references.cases} case${references.cases === 1 ? '' : 's'}`);
  if (references.activeRules.pointers.length > 0) parts.push(`the rules in force, version ${references.activeRules.version} (${references.activeRules.pointers.join(', ')})`);
  if (references.draftRules.length > 0) parts.push(`the rule draft (${references.draftRules.join(', ')})`);
  if (references.usernames.length > 0) parts.push(`user${references.usernames.length === 1 ? '' : 's'} ${references.usernames.join(', ')}`);
  return parts.join('; ');
}

/** Pointers of the decisions (rules' `then`, the fallback) that send cases to the team; tolerant of an invalid draft. */
function decisionsNaming(ruleSet: RuleSet, team: string): string[] {
  const pointers: string[] = [];
  const rules: unknown = (ruleSet as { rules?: unknown }).rules;
  if (Array.isArray(rules)) {
    rules.forEach((rule: unknown, index) => {
      if (teamOf((rule as { then?: unknown } | null)?.then) === team) pointers.push(`/rules/${index}/then/team`);
    });
  }
  if (teamOf((ruleSet as { fallback?: unknown }).fallback) === team) pointers.push('/fallback/team');
  return pointers;
}

function teamOf(decision: unknown): unknown {
  return typeof decision === 'object' && decision !== null ? (decision as { team?: unknown }).team : undefined;
}
