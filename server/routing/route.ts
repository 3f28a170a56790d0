import type { CompiledRuleSet } from './compile.js';
import { MessageContext } from './context.js';
import { decide } from './decision.js';
import type { Decision, Message, TraceEntry } from './types.js';

export interface RouteOptions {
  /** Add the trace: every rule in order up to the deciding one. */
  explain?: boolean;
}

/** Routes one (valid) message: the first enabled rule whose condition holds decides, else the fallback. */
export function routeMessage(compiled: CompiledRuleSet, message: Message, options: RouteOptions = {}): Decision {
  const scan = compiled.keywords.scan(message.text);
  const ctx = new MessageContext(message, scan.seen, scan.stamp, compiled.phoneRegions);
  if (options.explain) return routeWithTrace(compiled, ctx);
  const candidates = candidateRules(compiled, scan.found);
  for (let k = 0; k < candidates.length; k++) {
    const rule = compiled.rules[candidates[k]!]!;
    if (rule.test(ctx)) return decide(message, rule.id, rule.decision);
  }
  return decide(message, null, compiled.fallback);
}

function routeWithTrace(compiled: CompiledRuleSet, ctx: MessageContext): Decision {
  const trace: TraceEntry[] = [];
  for (const rule of compiled.rules) {
    if (!rule.enabled) {
      trace.push({ ruleId: rule.id, result: 'disabled' });
    } else if (rule.test(ctx)) {
      trace.push({ ruleId: rule.id, result: 'matched' });
      return { ...decide(ctx.message, rule.id, rule.decision), trace };
    } else {
      trace.push({ ruleId: rule.id, result: 'no-match' });
    }
  }
  return { ...decide(ctx.message, null, compiled.fallback), trace };
}

/**
 * The enabled rules that could match, in rule order: those needing no keyword,
 * merged with those whose required keywords occur. Other rules cannot match.
 */
function candidateRules(compiled: CompiledRuleSet, foundKeywords: number[]): readonly number[] {
  const always = compiled.keywordFreeRules;
  if (foundKeywords.length === 0) return always;
  const triggered: number[] = [];
  for (const id of foundKeywords) for (const index of compiled.rulesNeedingKeyword[id]!) triggered.push(index);
  if (triggered.length === 0) return always;
  triggered.sort((a, b) => a - b);
  const merged: number[] = [];
  let i = 0;
  let j = 0;
  while (i < always.length || j < triggered.length) {
    const next = j >= triggered.length || (i < always.length && always[i]! < triggered[j]!) ? always[i++]! : triggered[j++]!;
    if (merged[merged.length - 1] !== next) merged.push(next);
  }
  return merged;
}
