import { request } from './http.js';
import type { RuleSet } from '../../../server/routing/types.js';
// Type-only: the requests and answers of /api/rules are the server's own shapes (their files import nothing the browser build lacks), so the two cannot drift.
import type {
  BacktestResult,
  PresentedActive,
  PresentedDraft,
  PresentedLintWarning,
  PresentedPublished,
  PresentedVersion,
  TestedDecision,
} from '../../../server/routes/rules/presentedRules.js';
import type { BacktestBody, PublishBody, RollbackBody, RulesAnswer, SaveDraftBody, SavedDraftAnswer, TestBody, VersionListAnswer } from '../../../server/routes/rules/bodies.js';

/** Rule sets, decisions and pointed errors: the router's own types (routing.md), shared type-only with the server. */
export type { Condition, DecisionSpec, LeafCondition, PointedError, Rule, RuleSet, TraceEntry } from '../../../server/routing/types.js';
export type { BacktestResult, DecisionSummary, RuleSetDiff, TestedDecision } from '../../../server/routes/rules/presentedRules.js';

/** A lint warning as the editor shows it (structured, plus the line `rules:lint` prints). */
export type LintWarning = PresentedLintWarning;
/** The version in force (GET /api/rules). */
export type ActiveRules = PresentedActive;
/** The draft being edited, with whether it can be published (`errors` only when it cannot). */
export type RuleDraft = PresentedDraft;
/** A published version as the history lists it, with its diff from the one before. */
export type PublishedVersion = PresentedVersion;
/** What publishing or rolling back answers. */
export type PublishedResult = PresentedPublished;

/** The version in force and the draft being edited (null when there is none). */
export function getRules(): Promise<RulesAnswer> {
  return request('/api/rules');
}

/** Saves the draft (even an invalid one: that answers 422 with the errors); `version` guards against another admin's save (409). */
export function saveDraft(ruleSet: RuleSet, version?: number): Promise<SavedDraftAnswer> {
  return request('/api/rules/draft', { method: 'PUT', body: { ruleSet, ...(version === undefined ? {} : { version }) } satisfies SaveDraftBody<RuleSet> });
}

/** Routes one message with the given set, with the trace. */
export function testMessage(message: Record<string, unknown>, ruleSet: RuleSet): Promise<TestedDecision> {
  return request('/api/rules/test', { method: 'POST', body: { message, ruleSet } satisfies TestBody<RuleSet> });
}

/** Re-routes the last `limit` stored messages with the set and lists those whose decision would change. */
export function backtest(ruleSet: RuleSet, limit: number): Promise<BacktestResult> {
  return request('/api/rules/backtest', { method: 'POST', body: { ruleSet, limit } satisfies BacktestBody<RuleSet> });
}

/** Makes the saved draft (of this draft version) the active version. */
export function publishDraft(version: number): Promise<PublishedResult> {
  return request('/api/rules/publish', { method: 'POST', body: { version } satisfies PublishBody });
}

/** Every published version, newest last as the server lists them, each with its diff from the one before. */
export function listVersions(): Promise<VersionListAnswer> {
  return request('/api/rules/versions');
}

/** Republishes an old version as a new one. */
export function rollback(version: number): Promise<PublishedResult> {
  return request('/api/rules/rollback', { method: 'POST', body: { version } satisfies RollbackBody });
}
