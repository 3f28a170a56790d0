import type { LintWarning, PointedError, RuleSet } from '../../routing/types.js';
import type { RuleSetDiff } from '../../commands/rules/ruleResults.js';

/*
 * The bodies the /api/rules routes answer with, in their JSON form (times are
 * ISO-8601 strings). Their own file, importing only import-free type modules,
 * because the client's rule editor uses them (type-only) and a client
 * type-check cannot follow presenters.ts into the store (node-only modules).
 */

export type { BacktestResult, DecisionSummary, RulePart, RuleSetDiff, TestedAgainst, TestedDecision } from '../../commands/rules/ruleResults.js';

/** A lint warning for the editor: structured, plus the line `rules:lint` prints. */
export interface PresentedLintWarning extends LintWarning {
  text: string;
}

/** The draft with whether it can be published (`errors` only when it cannot). */
export interface PresentedDraft {
  ruleSet: RuleSet;
  version: number;
  updatedAt: string;
  updatedBy: string;
  baseVersion: number | null;
  valid: boolean;
  errors?: PointedError[];
  warnings: PresentedLintWarning[];
}

/** What publishing or rolling back produced. */
export interface PresentedPublished {
  version: number;
  publishedAt: string;
  publishedBy: string;
  rolledBackFrom: number | null;
}

/** The version in force. */
export interface PresentedActive extends PresentedPublished {
  ruleSet: RuleSet;
}

/** One row of the version history (with the rule set only when one version is asked for); `diff` is null for the first version. */
export interface PresentedVersion extends PresentedPublished {
  diff: RuleSetDiff | null;
  ruleSet?: RuleSet;
}
