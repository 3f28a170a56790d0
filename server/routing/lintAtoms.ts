import { foldHandle } from './fields.js';
import { parseKeyword } from './keyword.js';
import type { Condition } from './types.js';

/**
 * Keys of what a condition tests: a field, a regex, a compared value, or for
 * text keywords the first three characters of each token and of the tokens
 * written together (a prefix keyword, or a phrase matching one joined token,
 * can only be forced by a keyword sharing these), each character of a
 * spaceless keyword.
 * A rule can only imply another that shares one of these keys (or always matches),
 * so lint compares only such pairs, keeping 10,000-rule sets fast.
 */
export function atomKeys(condition: Condition, keys = new Set<string>()): Set<string> {
  if ('all' in condition) condition.all.forEach((child) => atomKeys(child, keys));
  else if ('any' in condition) condition.any.forEach((child) => atomKeys(child, keys));
  else if ('not' in condition) atomKeys(condition.not, keys);
  else if (condition.field === 'text' && (condition.op === 'containsAny' || condition.op === 'containsAll')) {
    for (const keyword of condition.value as string[]) textKeywordKeys(keyword, keys);
  } else if (condition.op === 'matches') {
    // A regex leaf only implies an identical one, so it meets only its twins.
    keys.add(`${condition.field}~${condition.flags ?? ''}/${String(condition.value)}`);
  } else if ((condition.op === 'eq' || condition.op === 'in') && typeof condition.value !== 'number' && typeof condition.value !== 'boolean') {
    // Equality leaves imply each other only through a shared value.
    for (const value of Array.isArray(condition.value) ? condition.value : [condition.value]) keys.add(`${condition.field}=${foldHandle(String(value))}`);
  } else keys.add(condition.field);
  return keys;
}

function textKeywordKeys(text: string, keys: Set<string>): void {
  const keyword = parseKeyword(text);
  if (!keyword) return;
  if (keyword.spaceless) {
    for (const char of keyword.joined) keys.add(`text#${char}`);
    return;
  }
  keys.add(`text:${keyword.joined.slice(0, 3)}`);
  for (const token of keyword.tokens) keys.add(`text:${token.slice(0, 3)}`);
}
