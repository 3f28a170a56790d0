import { request } from './http.js';
import type { PointedError, RuleSet, TraceEntry } from '../../../server/routing/types.js';
import type { Priority, Tier } from './types.js';

/** Rule sets, decisions and pointed errors: the router's own types (routing.md), shared type-only with the server. */
export type { Condition, DecisionSpec, LeafCondition, PointedError, Rule, RuleSet } from '../../../server/routing/types.js';

export interface LintWarning {
  ruleId: string;
  related: string[];
  message: string;
  text: string;
}

export interface ActiveRules {
  version: number;
  ruleSet: RuleSet;
  publishedAt: string;
  publishedBy: string | null;
  rolledBackFrom: number | null;
}

export interface RuleDraft {
  ruleSet: RuleSet;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
  baseVersion: number | null;
  valid: boolean;
  errors?: PointedError[];
  warnings: LintWarning[];
}

export type { TraceEntry } from '../../../server/routing/types.js';

export interface TestedDecision {
  against: { source: 'request' } | { source: 'draft'; draftVersion: number } | { source: 'active'; version: number };
  decision: { id: string; ruleId: string | null; tier: Tier; team: string; priority: Priority; tags: string[]; reply?: string; trace?: TraceEntry[] };
}

export interface DecisionSummary {
  ruleId: string | null;
  tier: number;
  team: string;
}

export interface BacktestResult {
  total: number;
  activeVersion: number;
  changed: Array<{ id: string; before: DecisionSummary; after: DecisionSummary }>;
}

export interface RuleSetDiff {
  added: string[];
  removed: string[];
  changed: Array<{ id: string; parts: string[] }>;
  moved: Array<{ id: string; from: number; to: number }>;
  fallbackChanged: boolean;
  nameChanged: boolean;
}

export interface PublishedVersion {
  version: number;
  publishedAt: string;
  publishedBy: string | null;
  rolledBackFrom: number | null;
  diff: RuleSetDiff | null;
}

/** The version in force and the draft being edited (null when there is none). */
export function getRules(): Promise<{ active: ActiveRules; draft: RuleDraft | null }> {
  return request('/api/rules');
}

/** Saves the draft (even an invalid one: that answers 422 with the errors); `version` guards against another admin's save (409). */
export function saveDraft(ruleSet: RuleSet, version?: number): Promise<{ draft: RuleDraft; warnings: LintWarning[] }> {
  return request('/api/rules/draft', { method: 'PUT', body: { ruleSet, ...(version === undefined ? {} : { version }) } });
}

/** Routes one message with the given set, with the trace. */
export function testMessage(message: Record<string, unknown>, ruleSet: RuleSet): Promise<TestedDecision> {
  return request('/api/rules/test', { method: 'POST', body: { message, ruleSet } });
}

/** Re-routes the last `limit` stored messages with the set and lists those whose decision would change. */
export function backtest(ruleSet: RuleSet, limit: number): Promise<BacktestResult> {
  return request('/api/rules/backtest', { method: 'POST', body: { ruleSet, limit } });
}

/** Makes the saved draft (of this draft version) the active version. */
export function publishDraft(version: number): Promise<Omit<PublishedVersion, 'diff'>> {
  return request('/api/rules/publish', { method: 'POST', body: { version } });
}

/** Every published version, newest last as the server lists them, each with its diff from the one before. */
export function listVersions(): Promise<{ versions: PublishedVersion[] }> {
  return request('/api/rules/versions');
}

/** Republishes an old version as a new one. */
export function rollback(version: number): Promise<Omit<PublishedVersion, 'diff'>> {
  return request('/api/rules/rollback', { method: 'POST', body: { version } });
}
