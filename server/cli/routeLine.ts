import { routeMessage, validateMessage, type CompiledRuleSet } from '../routing/index.js';

export interface LineRouters {
  current: CompiledRuleSet;
  previous?: CompiledRuleSet;
  explain: boolean;
}

/** What one input line becomes: a decision (with compare fields) or an error object. */
export type LineOutcome = { kind: 'decision'; output: Record<string, unknown>; changed?: boolean } | { kind: 'error'; output: Record<string, unknown> };

/** Routes one JSONL line as the `route` command does. */
export function routeLine(line: string, lineNumber: number, routers: LineRouters): LineOutcome {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    return { kind: 'error', output: { line: lineNumber, error: `not valid JSON: ${(error as Error).message}` } };
  }
  const validation = validateMessage(parsed);
  if (!validation.ok) {
    const id = (parsed as { id?: unknown } | null)?.id;
    const error = validation.errors.map((e) => `${e.pointer || '(root)'}: ${e.message}`).join('; ');
    return { kind: 'error', output: typeof id === 'string' && id ? { line: lineNumber, id, error } : { line: lineNumber, error } };
  }
  const decision: Record<string, unknown> = { ...routeMessage(routers.current, validation.message, { explain: routers.explain }) };
  if (!routers.previous) return { kind: 'decision', output: decision };
  const before = routeMessage(routers.previous, validation.message);
  const changed = before.ruleId !== decision.ruleId || before.tier !== decision.tier || before.team !== decision.team;
  decision.changed = changed;
  if (changed) decision.before = { ruleId: before.ruleId, tier: before.tier, team: before.team };
  return { kind: 'decision', output: decision, changed };
}
