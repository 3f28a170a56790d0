import type { Decision } from '../../routing/types.js';

/*
 * The results of the rule commands that the API answers with as they are:
 * what a version changed, what a backtest found, what a test ran against.
 * Their own file, importing only import-free type modules, because the client uses them
 * (type-only, through server/routes/rules/presentedRules.ts) and a client
 * type-check cannot follow the commands into the store (node-only modules).
 */

/** The parts of a rule a change can touch. */
export type RulePart = 'name' | 'enabled' | 'when' | 'then';

/** How one rule set differs from the one before it, by rule id. */
export interface RuleSetDiff {
  added: string[];
  removed: string[];
  /** Rules kept whose content changed (defaults count as written: `enabled` absent = true, `priority` absent = normal, `tags` absent = []). */
  changed: Array<{ id: string; parts: RulePart[] }>;
  /** The fewest kept rules whose moving explains the new order; `from`/`to` are positions in the old and new list. */
  moved: Array<{ id: string; from: number; to: number }>;
  fallbackChanged: boolean;
  nameChanged: boolean;
}

/** What decided a message, as `route --compare` prints it. */
export interface DecisionSummary {
  ruleId: string | null;
  tier: number;
  team: string;
}

export interface BacktestResult {
  /** How many messages were re-routed. */
  total: number;
  /** The active version the candidate was compared with. */
  activeVersion: number;
  /** Messages whose rule, tier or team would change, newest first, with their text ('' once erased) so the admin can judge the change. */
  changed: Array<{ id: string; text: string; before: DecisionSummary; after: DecisionSummary }>;
}

/** Which rule set a test ran against. */
export type TestedAgainst = { source: 'request' } | { source: 'draft'; draftVersion: number } | { source: 'active'; version: number };

/** POST /api/rules/test: the decision with its trace, and which set decided. */
export interface TestedDecision {
  against: TestedAgainst;
  decision: Decision;
}
