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
  const ctx = new MessageContext(message, scan.seen, scan.stamp);
  if (options.explain) return routeWithTrace(compiled, ctx);
  for (const index of candidateRules(compiled, scan.found)) {
    const rule = compiled.rules[index]!;
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
function* candidateRules(compiled: CompiledRuleSet, foundKeywords: number[]): Generator<number> {
  const always = compiled.keywordFreeRules;
  if (foundKeywords.length === 0) {
    yield* always;
    return;
  }
  const triggered = new Set<number>();
  for (const id of foundKeywords) for (const index of compiled.rulesNeedingKeyword[id]!) triggered.add(index);
  const sorted = [...triggered].sort((a, b) => a - b);
  let i = 0;
  let j = 0;
  while (i < always.length || j < sorted.length) {
    if (j >= sorted.length || (i < always.length && always[i]! < sorted[j]!)) yield always[i++]!;
    else yield sorted[j++]!;
  }
}
