import { compileRuleSet, routeMessage, type CompiledRuleSet, type Condition, type Message, type RuleSet } from '../routing/index.js';

/**
 * Tells whether one condition of a rule set holds for a message, through the
 * router itself: the condition becomes the only rule of a small set, compiled
 * once per condition (pointer) and kept for the life of the probe.
 */
export class ConditionProbe {
  private readonly compiled = new Map<string, CompiledRuleSet>();

  constructor(private readonly ruleSet: RuleSet) {}

  /** Whether the condition at `pointer` (into the rule set) holds for the message. */
  holds(pointer: string, condition: Condition, message: Message): boolean {
    let single = this.compiled.get(pointer);
    if (!single) {
      single = compileRuleSet({ rules: [{ id: 'probe', when: condition, then: this.ruleSet.fallback }], fallback: this.ruleSet.fallback });
      this.compiled.set(pointer, single);
    }
    return routeMessage(single, message).ruleId === 'probe';
  }
}
