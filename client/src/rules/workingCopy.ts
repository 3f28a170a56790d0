import type { Rule, RuleSet } from '../api/rules.js';
import { addRule, moveRule, removeRule, replaceRule } from './ruleSetEdits.js';

/**
 * The rule set being edited, with a stable key per rule for the list and drag
 * and drop (ids can be edited, so they cannot be keys).
 */
export interface WorkingCopy {
  ruleSet: RuleSet;
  keys: string[];
  dirty: boolean;
}

let nextKey = 0;
const freshKey = () => `rule-${++nextKey}`;

/** A clean working copy of a rule set. */
export function workingCopyOf(ruleSet: RuleSet): WorkingCopy {
  return { ruleSet, keys: ruleSet.rules.map(freshKey), dirty: false };
}

export type Edit =
  | { type: 'replace'; index: number; rule: Rule }
  | { type: 'move'; from: number; to: number }
  | { type: 'remove'; index: number }
  | { type: 'add' }
  | { type: 'fallback'; ruleSet: RuleSet }
  /** Set-wide settings such as locale.regions. */
  | { type: 'settings'; ruleSet: RuleSet };

/** Applies one edit, keeping keys with their rules. */
export function applyEdit(copy: WorkingCopy, edit: Edit): WorkingCopy {
  switch (edit.type) {
    case 'replace':
      return { ...copy, ruleSet: replaceRule(copy.ruleSet, edit.index, edit.rule), dirty: true };
    case 'move': {
      const ruleSet = moveRule(copy.ruleSet, edit.from, edit.to);
      if (ruleSet === copy.ruleSet) return copy;
      const keys = copy.keys.slice();
      const [key] = keys.splice(edit.from, 1);
      keys.splice(edit.to, 0, key!);
      return { ruleSet, keys, dirty: true };
    }
    case 'remove':
      return { ruleSet: removeRule(copy.ruleSet, edit.index), keys: copy.keys.filter((_, at) => at !== edit.index), dirty: true };
    case 'add':
      return { ruleSet: addRule(copy.ruleSet), keys: [...copy.keys, freshKey()], dirty: true };
    case 'fallback':
    case 'settings':
      return { ...copy, ruleSet: edit.ruleSet, dirty: true };
  }
}
