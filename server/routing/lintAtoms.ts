import { foldHandle } from './fields.js';
import { tokenize } from './tokenize.js';
import type { Condition } from './types.js';

/**
 * Keys of what a condition tests: a field, a regex, a compared value, or for
 * text keywords each token.
 * A rule can only imply another that shares one of these keys (or always matches),
 * so lint compares only such pairs, keeping 10,000-rule sets fast.
 */
export function atomKeys(condition: Condition, keys = new Set<string>()): Set<string> {
  if ('all' in condition) condition.all.forEach((child) => atomKeys(child, keys));
  else if ('any' in condition) condition.any.forEach((child) => atomKeys(child, keys));
  else if ('not' in condition) atomKeys(condition.not, keys);
  else if (condition.field === 'text' && (condition.op === 'containsAny' || condition.op === 'containsAll')) {
    for (const keyword of condition.value as string[]) for (const token of tokenize(keyword)) keys.add(`text:${token}`);
  } else if (condition.op === 'matches') {
    // A regex leaf only implies an identical one, so it meets only its twins.
    keys.add(`${condition.field}~${condition.flags ?? ''}/${String(condition.value)}`);
  } else if ((condition.op === 'eq' || condition.op === 'in') && typeof condition.value !== 'number' && typeof condition.value !== 'boolean') {
    // Equality leaves imply each other only through a shared value.
    for (const value of Array.isArray(condition.value) ? condition.value : [condition.value]) keys.add(`${condition.field}=${foldHandle(String(value))}`);
  } else keys.add(condition.field);
  return keys;
}
