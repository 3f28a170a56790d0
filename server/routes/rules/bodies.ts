import type { PresentedActive, PresentedDraft, PresentedLintWarning, PresentedVersion } from './presentedRules.js';

/*
 * The request bodies of /api/rules, and the answers the routes build inline
 * (the others are presentedRules.ts's). Their own file, importing only an
 * import-free type module, because the client's rule editor uses them
 * (type-only) and a client type-check cannot follow schema.ts or rules.ts
 * into the store (node-only modules).
 */

/** A rule set or message as a body carries it: the route only requires an object; its own validation (422) says the rest. */
export type JsonObject = Record<string, unknown>;

// `Set` is what the rule set is known to be: any object to the route, a RuleSet to the editor that sends it.

/** PUT /api/rules/draft. */
export interface SaveDraftBody<Set extends object = JsonObject> {
  ruleSet: Set;
  /** The draft version being edited: 409 instead of overwriting another admin's save. */
  version?: number;
}

/** POST /api/rules/test: routes the message with the given set (default: the one in force). */
export interface TestBody<Set extends object = JsonObject> {
  message: JsonObject;
  ruleSet?: Set;
}

/** POST /api/rules/backtest. */
export interface BacktestBody<Set extends object = JsonObject> {
  ruleSet: Set;
  /** How many of the last stored messages to re-route. */
  limit?: number;
}

/** POST /api/rules/publish (the body is optional). */
export interface PublishBody {
  /** The draft version reviewed: 409 if it changed since. */
  version?: number;
}

/** POST /api/rules/rollback. */
export interface RollbackBody {
  version: number;
}

/** GET /api/rules: the version in force and the draft being edited (null when there is none). */
export interface RulesAnswer {
  active: PresentedActive;
  draft: PresentedDraft | null;
}

/** PUT /api/rules/draft: the saved (valid) draft and its lint warnings. */
export interface SavedDraftAnswer {
  draft: PresentedDraft;
  warnings: PresentedLintWarning[];
}

/** GET /api/rules/versions: every published version, each with its diff from the one before. */
export interface VersionListAnswer {
  versions: PresentedVersion[];
}
