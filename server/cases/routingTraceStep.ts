import type { TraceResult } from '../routing/types.js';

/*
 * One step of a case's routing trace as GET /api/cases/:id shows it. Its own
 * file, importing only an import-free type module, because the client uses it
 * (type-only) and a client type-check cannot follow routingTrace.ts into the
 * store (node-only modules).
 */

/** One rule of the trace: whether it decided, did not match (and why) or was disabled. */
export interface RoutingTraceStep {
  ruleId: string;
  /** The rule's name in that version, when it has one. */
  name?: string;
  result: TraceResult;
  /** For `no-match`: the condition that failed, as a JSON Pointer into the rule set (`/rules/2/when/all/1`). */
  pointer?: string;
  /** For `no-match` and `disabled`: why, in words. */
  why?: string;
}
