import { tokenize } from './tokenize.js';
import type { Condition } from './types.js';

/**
 * Keys of what a condition tests: a field, or for text keywords each token.
 * A rule can only imply another that shares one of these keys (or always matches),
 * so lint compares only such pairs, keeping 10,000-rule sets fast.
 */
export function atomKeys(condition: Condition, keys = new Set<string>()): Set<string> {
  if ('all' in condition) condition.all.forEach((child) => atomKeys(child, keys));
  else if ('any' in condition) condition.any.forEach((child) => atomKeys(child, keys));
  else if ('not' in condition) atomKeys(condition.not, keys);
  else if (condition.field === 'text' && (condition.op === 'containsAny' || condition.op === 'containsAll')) {
    for (const keyword of condition.value as string[]) for (const token of tokenize(keyword)) keys.add(`text:${token}`);
  } else keys.add(condition.field);
  return keys;
}
